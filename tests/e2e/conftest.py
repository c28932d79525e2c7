"""A real gateway (real models) served by uvicorn on a free loopback port, shared by the e2e tests."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

import pytest

from voice_gateway.config import GatewayConfig
from voice_gateway.embedded import LiveGateway, free_port, serve
from voice_gateway.services import Services

__all__ = ["LiveGateway"]


@pytest.fixture(scope="session")
def gateway(real_services: Services) -> Iterator[LiveGateway]:
    config = GatewayConfig(port=free_port(), no_input_seconds=4.0, idle_timeout=20.0)
    yield from serve(config, real_services)


@pytest.fixture
def make_gateway(start_gateway: Callable[..., LiveGateway]) -> Callable[..., LiveGateway]:
    """Start an extra gateway with other settings (or other services) for one test."""

    def start(services: Services | None = None, **changes: object) -> LiveGateway:
        config = dataclasses.replace(GatewayConfig(port=free_port()), **changes)  # type: ignore[arg-type]
        return start_gateway(config, services)

    return start
