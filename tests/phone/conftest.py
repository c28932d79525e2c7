"""Real gateways (real models) for the phone-channel tests, and a loopback hand-off webhook receiver."""

from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from voice_gateway.channels.config import PhoneConfig
from voice_gateway.config import GatewayConfig
from voice_gateway.embedded import LiveGateway, free_port


@dataclasses.dataclass
class PhoneGateway:
    live: LiveGateway
    audiosocket_port: int

    @property
    def twilio_url(self) -> str:
        return self.live.ws_url.replace("/v1/call", "/v1/twilio")


@pytest.fixture
def phone_gateway(start_gateway: Callable[..., LiveGateway]) -> Callable[..., PhoneGateway]:
    """Start a gateway with an AudioSocket server; keyword arguments change PhoneConfig fields,
    ``gateway={...}`` GatewayConfig fields."""

    def start(gateway: dict[str, Any] | None = None, **phone: Any) -> PhoneGateway:
        port = free_port()
        phone_config = dataclasses.replace(PhoneConfig(audiosocket_port=port, language="en"), **phone)
        config = dataclasses.replace(GatewayConfig(port=free_port()), phone=phone_config, **(gateway or {}))
        return PhoneGateway(start_gateway(config), port)

    return start


@dataclasses.dataclass
class Webhook:
    url: str
    received: list[dict[str, Any]]
    event: threading.Event


@pytest.fixture
def webhook() -> Iterator[Webhook]:
    """A plain HTTP server on loopback that records the JSON bodies POSTed to it."""
    received: list[dict[str, Any]] = []
    arrived = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            received.append(json.loads(body))
            arrived.set()
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Webhook(f"http://127.0.0.1:{server.server_address[1]}/handoff", received, arrived)
    server.shutdown()
    thread.join(5)
