"""Fixtures of the browser tests (helpers live in browser_harness.py)."""

from __future__ import annotations

import shutil

import pytest

from tests.browser.browser_harness import ARTIFACTS, BROWSER_DIR, CHROMIUM, NodeRunner


@pytest.fixture(scope="session")
def node() -> NodeRunner:
    """Node, the pinned npm packages and Chromium; missing pieces fail with how to install them."""
    node = shutil.which("node")
    missing = []
    if node is None:
        missing.append("node (apt-get install nodejs npm)")
    if not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} (apt-get install chromium)")
    for package in ("playwright-core", "axe-core"):
        if not (BROWSER_DIR / "node_modules" / package / "package.json").is_file():
            missing.append(f"{package} (cd tests/browser && npm ci)")
    if missing:
        pytest.fail("browser tests need: " + "; ".join(missing))
    assert node is not None
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return NodeRunner(node)
