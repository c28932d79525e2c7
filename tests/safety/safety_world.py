"""A gateway over the real models with its own records database (alerts land in ``tmp_path``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from records.config import RecordsConfig
from records.hub import RecordsHub
from voice_gateway.config import GatewayConfig
from voice_gateway.notifiers import LogNotifier
from voice_gateway.services import Services

ADMIN_TOKEN = "mbt_safety-admin-token-for-tests"
SHARED_MODELS = ("transcriber", "voices", "translator", "catalogue", "retriever", "safety")


@dataclass
class SafetyWorld:
    services: Services
    hub: RecordsHub
    notifier: LogNotifier


def safety_world(real_services: Services, folder: Path, config: GatewayConfig) -> SafetyWorld:
    """Services sharing the loaded models of ``real_services``, with records (and alerts) in ``folder``."""
    notifier = LogNotifier()
    hub = RecordsHub(RecordsConfig.at(folder), notifier=notifier, admin_token=ADMIN_TOKEN)
    services = Services(config)
    for name in SHARED_MODELS:
        services.__dict__[name] = getattr(real_services, name)
    services.__dict__["records"] = hub
    return SafetyWorld(services, hub, notifier)


def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {ADMIN_TOKEN}"}
