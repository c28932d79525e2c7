"""Run the gateway in a background thread on a loopback port (benchmarks, tests, kiosks on one box)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import uvicorn

from .app import create_app
from .config import GatewayConfig
from .services import Services

WS_MAX_SIZE = 1 << 20


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveGateway:
    url: str
    ws_url: str
    services: Services
    config: GatewayConfig


def serve(config: GatewayConfig, services: Services | None = None, start_timeout: float = 600) -> Iterator[LiveGateway]:
    """Generator: yields a running gateway once; resuming it (or closing it) stops the server."""
    app = create_app(config, services)
    server = uvicorn.Server(
        uvicorn.Config(app, host=config.host, port=config.port, log_level="warning", ws_max_size=WS_MAX_SIZE)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + start_timeout
    while not server.started:
        if time.time() > deadline or not thread.is_alive():
            raise RuntimeError("gateway did not start")
        time.sleep(0.05)
    base = f"{config.host}:{config.port}"
    try:
        yield LiveGateway(f"http://{base}", f"ws://{base}/v1/call", app.state.malbeot.services, config)
    finally:
        server.should_exit = True
        thread.join(30)
