"""Harness of the browser tests: a gateway served by uvicorn in a thread, and the Node scenario runner.

The Node side (tests/browser/package.json, pinned by package-lock.json) needs ``npm ci`` once;
the browser is Debian's Chromium (``apt-get install chromium``), never a downloaded one.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI

BROWSER_DIR = Path(__file__).resolve().parent
REPO = BROWSER_DIR.parent.parent
ARTIFACTS = REPO / "test-artifacts" / "web"
CHROMIUM = Path(os.environ.get("MALBEOT_CHROMIUM") or shutil.which("chromium") or "chromium")
SCENARIOS = BROWSER_DIR / "scenarios.mjs"


@contextmanager
def serve(app: FastAPI, start_timeout: float = 60.0, port: int = 0) -> Iterator[str]:
    """Run ``app`` with uvicorn on 127.0.0.1 (``port``, else a free one) in a background thread; yield its URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="on", ws="websockets-sansio")
    server = uvicorn.Server(config)

    def run() -> None:
        # uvicorn exits the process (SystemExit) when the app fails to start; keep that in this thread
        with suppress(SystemExit):
            server.run(sockets=[sock])

    thread = threading.Thread(target=run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + start_timeout
    while not server.started:
        if not thread.is_alive():
            sock.close()
            pytest.fail("the gateway stopped while starting (see the log above)")
        if time.monotonic() > deadline:
            server.should_exit = True
            pytest.fail(f"the gateway did not start within {start_timeout:.0f} s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()


@dataclass(frozen=True)
class NodeRunner:
    node: str

    def run(self, scenario: str, timeout: float = 300.0, script: Path = SCENARIOS, **options: Any) -> dict[str, Any]:
        """Run one scenario of ``script`` (scenarios.mjs); return the JSON it printed, failing the test on error."""
        options.setdefault("artifacts", str(ARTIFACTS))
        try:
            done = subprocess.run(
                [self.node, str(script), scenario, json.dumps(options)],
                cwd=BROWSER_DIR,
                capture_output=True,
                text=True,
                timeout=timeout,
                env={**os.environ, "MALBEOT_CHROMIUM": str(CHROMIUM)},
            )
        except subprocess.TimeoutExpired as exc:
            out = [b.decode(errors="replace") if isinstance(b, bytes) else (b or "") for b in (exc.stdout, exc.stderr)]
            pytest.fail(f"browser scenario {scenario!r} ran past {timeout:.0f} s:\n{out[0][-4000:]}\n{out[1][-4000:]}")
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        if not lines:
            pytest.fail(f"browser scenario {scenario!r} printed no result (exit {done.returncode}):\n"
                        f"{done.stdout[-4000:]}\n{done.stderr[-4000:]}")
        result: dict[str, Any] = json.loads(lines[-1])
        if done.returncode != 0 or "error" in result:
            detail = json.dumps({k: v for k, v in result.items() if k != "error"}, indent=1)[-6000:]
            pytest.fail(f"browser scenario {scenario!r} failed:\n{result.get('error')}\n"
                        f"observed so far: {detail}\nstderr: {done.stderr[-3000:]}")
        return result
