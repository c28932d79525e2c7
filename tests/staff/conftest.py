"""A gateway app with the staff API over a temporary records database (no models are loaded)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import inspect, text

from records.config import RecordsConfig
from records.hub import RecordsHub
from voice_gateway.app import create_app
from voice_gateway.config import GatewayConfig
from voice_gateway.notifiers import LogNotifier
from voice_gateway.services import Services


@dataclass
class StaffWorld:
    client: TestClient
    services: Services
    hub: RecordsHub
    notifier: LogNotifier
    admin: str
    alice: str  # staff
    bob: str  # staff

    @staticmethod
    def auth(token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}

    def stored_bytes(self) -> bytes:
        """Everything the database holds: the SQLite files, or every row of every PostgreSQL table."""
        engine = self.hub.records.engine
        if engine.dialect.name == "sqlite":
            path = Path(self.hub.config.url.removeprefix("sqlite:///"))
            return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
        rows: list[object] = []
        with engine.connect() as conn:
            for table in inspect(engine).get_table_names():
                rows += conn.execute(text(f'SELECT * FROM "{table}"')).all()
        return repr(rows).encode()


@pytest.fixture
def world(records_config: RecordsConfig) -> Iterator[StaffWorld]:
    """Runs each staff test twice: on SQLite (the embedded default) and on PostgreSQL."""
    notifier = LogNotifier()
    hub = RecordsHub(records_config, notifier=notifier, admin_token="mbt_bootstrap-admin-token-for-tests")
    services = Services(GatewayConfig(preload=False))
    services.records = hub
    _, alice = hub.staff.create("Alice (welfare team)")
    _, bob = hub.staff.create("Bob (housing team)")
    with TestClient(create_app(GatewayConfig(preload=False), services)) as client:
        yield StaffWorld(client, services, hub, notifier, "mbt_bootstrap-admin-token-for-tests", alice, bob)
    hub.close()
