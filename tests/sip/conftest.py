"""A real gateway (real models) with its SIP endpoint on loopback, for SIPp and raw-socket callers."""

from __future__ import annotations

import dataclasses
import json
import urllib.request
from collections.abc import Callable
from typing import Any

import pytest

from voice_gateway.channels.config import PhoneConfig
from voice_gateway.config import GatewayConfig
from voice_gateway.embedded import LiveGateway, free_port

from .sipp import SIPP


@dataclasses.dataclass
class SipGateway:
    live: LiveGateway
    sip_port: int

    def outcome(self, call_ref: str) -> dict[str, Any]:
        with urllib.request.urlopen(f"{self.live.url}/v1/phone/outcome/{call_ref}", timeout=5) as reply:
            result: dict[str, Any] = json.load(reply)
            return result


@pytest.fixture
def sip_gateway(start_gateway: Callable[..., LiveGateway]) -> Callable[..., SipGateway]:
    """Start a gateway with a SIP endpoint on loopback; keyword arguments change PhoneConfig fields,
    ``gateway={...}`` GatewayConfig fields."""

    def start(gateway: dict[str, Any] | None = None, **phone: Any) -> SipGateway:
        port = free_port()
        phone_config = dataclasses.replace(PhoneConfig(sip_port=port, language="en"), **phone)
        config = dataclasses.replace(GatewayConfig(port=free_port()), phone=phone_config, **(gateway or {}))
        return SipGateway(start_gateway(config), port)

    return start


needs_sipp = pytest.mark.skipif(SIPP is None, reason="not run: SIPp (Debian sip-tester) is not installed")
