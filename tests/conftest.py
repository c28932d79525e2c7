"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from voice_gateway.services import Services

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = (REPO.parent / "shared" / "data").resolve()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests that need ../shared/data are reported as *not run* (skipped), never passed, without it."""
    if SHARED_DATA.is_dir():
        return
    marker = pytest.mark.skip(reason=f"not run: {SHARED_DATA} (../shared/data) absent")
    for item in items:
        if "shared_data" in item.keywords:
            item.add_marker(marker)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"not run: {SHARED_DATA} (../shared/data) absent")
    return SHARED_DATA


@pytest.fixture(scope="session")
def real_services() -> Services:
    """The real packaged models, loaded once per test session and shared by every live gateway."""
    from voice_gateway.config import GatewayConfig
    from voice_gateway.services import Services

    services = Services(GatewayConfig())
    services.warm()
    return services
