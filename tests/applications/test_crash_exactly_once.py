"""Crash test: SIGKILL the server at random moments while submissions run; after a restart every
acknowledged application exists exactly once, with the receipt that was acknowledged, and a
client that retries an unacknowledged submission with the same idempotency key never creates a
second row. Loopback only, bounded (a few seconds)."""

from __future__ import annotations

import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from cryptography.fernet import Fernet

from records.applications import ApplicationStore
from records.config import RecordsConfig
from records.store import Records

SERVER = Path(__file__).with_name("submit_server.py")
KILLS = 6
CLIENTS = 3
PER_CLIENT = 40


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, folder: Path, port: int) -> None:
        self.folder, self.port = folder, port
        self.proc: subprocess.Popen[bytes] | None = None
        self.env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}

    def start(self) -> None:
        self.proc = subprocess.Popen([sys.executable, str(SERVER), str(self.folder), str(self.port)], env=self.env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/healthz", timeout=0.5).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.05)
        raise AssertionError("the submit server did not start")

    def kill(self) -> None:
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()


@pytest.mark.slow
def test_acknowledged_applications_survive_sigkill_exactly_once(tmp_path: Path) -> None:
    (tmp_path / "records.key").write_text(Fernet.generate_key().decode())
    Records.open(RecordsConfig.at(tmp_path)).close()  # migrate once before the server starts
    server = Server(tmp_path, _free_port())
    server.start()
    acked: dict[str, str] = {}
    retried_after_crash: set[str] = set()
    lock = threading.Lock()
    stop = threading.Event()
    rng = random.Random(20261123)

    def client(n: int) -> None:
        with httpx.Client(base_url=f"http://127.0.0.1:{server.port}", timeout=2.0) as http:
            for i in range(PER_CLIENT):
                key = f"conv-{n}-{i}:KR-BASIC-PENSION"
                body = {"key": key, "programme_id": "KR-BASIC-PENSION",
                        "fields": {"name": "홍길동", "phone": f"010{n:04d}{i:04d}"}}
                deadline = time.monotonic() + 60
                attempt = 0
                while time.monotonic() < deadline:  # retry the same key until it is acknowledged
                    if stop.is_set():
                        return
                    try:
                        reply = http.post("/submit", json=body)
                        reply.raise_for_status()
                    except (httpx.TransportError, httpx.HTTPStatusError):
                        if attempt == 0:
                            with lock:
                                retried_after_crash.add(key)
                        attempt += 1
                        time.sleep(0.05)
                        continue
                    with lock:
                        assert acked.setdefault(key, reply.json()["receipt"]) == reply.json()["receipt"]
                    break

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for t in threads:
        t.start()
    started = time.monotonic()
    total = CLIENTS * PER_CLIENT
    for k in range(KILLS):
        # Kill on progress, not on the wall clock: a fast machine would otherwise finish every
        # submission before the first kill and a slow one would kill before the first. Each kill
        # waits until a further share of the submissions is acknowledged (so work remains) and
        # then a random few milliseconds (so it lands at a random point of a request).
        target = total * (k + 1) // (KILLS + 2)
        wait_until = time.monotonic() + 60
        while time.monotonic() < wait_until:
            with lock:
                if len(acked) >= target:
                    break
            time.sleep(0.002)
        time.sleep(rng.uniform(0.0, 0.01))
        server.kill()
        server.start()
    for t in threads:
        t.join(timeout=60)
    stop.set()
    server.kill()
    elapsed = time.monotonic() - started

    assert len(acked) == CLIENTS * PER_CLIENT, "every submission is acknowledged in the end"
    assert retried_after_crash, "the kills hit submissions in flight"
    # after the "restart": open the database as a new process would
    records = Records.open(RecordsConfig.at(tmp_path))
    store = ApplicationStore(records)
    stored = {a.receipt: a for a in store.list(limit=100_000)}
    with sqlite3.connect(tmp_path / "records.db") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        keys = [k for (k,) in db.execute("SELECT idempotency_key FROM applications")]
    assert len(keys) == len(set(keys)) == CLIENTS * PER_CLIENT  # exactly once per key
    for key, receipt in acked.items():
        assert receipt in stored and store.find_key(key) == receipt
    records.close()
    print(f"crash test: {KILLS} SIGKILLs, {len(acked)} acknowledged, {len(retried_after_crash)} retried "
          f"after a failure, {elapsed:.1f} s")
