"""Crash test against the real gateway process: ``python -m voice_gateway serve`` (not a stand-in),
SIGKILLed at random moments while residents apply over ``/v1/call`` (typed turns, the real dialog
stack and e5 retrieval, records in a temporary SQLite file with ``MALBEOT_RECORDS_KEY``), then
restarted. Every receipt the gateway acknowledged (an ``answer`` carrying it) exists exactly once
after the restarts, with the resident's fields; an application cut off by a kill is simply made
again in a new call. Loopback only, a few minutes."""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest
import websockets
from cryptography.fernet import Fernet

from records.applications import ApplicationStore
from records.config import RecordsConfig
from records.store import Records
from voice_gateway.embedded import free_port

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
KILLS = 5
RESIDENTS = 3
APPLICATIONS_EACH = 5
PROGRAMME = "KR-BASIC-PENSION"


def script(phone: str) -> list[tuple[str, str]]:
    """Typed turns from the first question to the receipt, and the intent each answer must have."""
    return [
        ("Please check whether I qualify for the basic pension.", "eligibility_consent"),
        ("Yes.", "eligibility_question"),
        ("I am seventy years old.", "eligibility_question"),
        ("No.", "eligibility_advice"),
        ("Yes, please.", "application_field"),
        ("John Smith.", "application_confirm"),
        ("Yes.", "application_field"),
        ("580305-1234567", "application_confirm"),
        ("Yes.", "application_field"),
        (phone, "application_confirm"),
        ("Yes.", "application_field"),
        ("Twelve Central Street, Seoul.", "application_confirm"),
        ("Yes.", "application_field"),
        ("KB bank, 123456789012.", "application_confirm"),
        ("Yes.", "application_summary"),
        ("Submit.", "application_submitted"),
    ]


class Gateway:
    """The real gateway in a subprocess: started, SIGKILLed, started again on the same port and files."""

    def __init__(self, folder: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "MALBEOT_RECORDS_URL": f"sqlite:///{folder / 'records.db'}",
                    "MALBEOT_RECORDS_KEY": Fernet.generate_key().decode(), "MALBEOT_VAR_DIR": str(folder),
                    "MALBEOT_PRELOAD": "0", "MALBEOT_IDLE_TIMEOUT": "120", "MALBEOT_NO_INPUT_SECONDS": "120",
                    "PYTHONPATH": str(REPO)}
        self.log = (folder / "gateway.log").open("ab")
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "voice_gateway", "serve", "--port", str(self.port)],
                                     cwd=REPO, env=self.env, stdout=self.log, stderr=self.log)
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, "the gateway exited"
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1.0).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        raise AssertionError("the gateway did not start")

    def kill(self) -> None:
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()


class Resident:
    """Applies again and again (one phone number per application: at least ``APPLICATIONS_EACH``,
    and on until the kills are over), starting an application again in a new call whenever the
    gateway dies under it."""

    def __init__(self, n: int, ws_url: str, acked: dict[str, str], attempts: Counter[str],
                 turns_in_call: dict[int, int]) -> None:
        self.n, self.ws_url, self.acked, self.attempts = n, ws_url, acked, attempts
        #: resident → typed turns answered in the call now open (0 when none is open)
        self.turns_in_call = turns_in_call

    async def run(self, kills_done: asyncio.Event) -> None:
        i = 0
        while i < APPLICATIONS_EACH or (not kills_done.is_set() and i < 50):
            i += 1
            phone = f"010{self.n + 1:04d}{i:04d}"
            while True:
                try:
                    receipt = await self._apply(phone)
                except (OSError, TimeoutError, websockets.exceptions.WebSocketException):
                    self.turns_in_call[self.n] = 0
                    await asyncio.sleep(0.2)  # killed under us: the gateway comes back; apply again
                    continue
                self.turns_in_call[self.n] = 0
                assert receipt, phone
                self.acked[receipt] = phone
                break

    async def _apply(self, phone: str) -> str:
        url = f"{self.ws_url}?rate=16000&encoding=pcm16&language=en&tts=0"
        async with websockets.connect(url, open_timeout=10) as ws:
            await _next(ws, "ready")
            self.attempts[phone] += 1  # calls that got through, cut off or not
            answer: dict[str, Any] = {}
            for text, intent in script(phone):
                await ws.send(json.dumps({"type": "text", "text": text, "language": "en"}))
                answer = await _next(ws, "answer")
                assert answer["intent"] == intent, (text, answer)
                self.turns_in_call[self.n] += 1
            receipt: str = answer["receipt"]
            return receipt


async def _next(ws: Any, kind: str) -> dict[str, Any]:
    async with asyncio.timeout(120):
        while True:
            message = await ws.recv()
            if isinstance(message, bytes):
                continue
            event: dict[str, Any] = json.loads(message)
            assert not (event["type"] == "error" and event.get("fatal")), event
            if event["type"] == kind:
                return event


async def _drive(gateway: Gateway, rng: random.Random) -> tuple[dict[str, str], Counter[str], int]:
    acked: dict[str, str] = {}
    attempts: Counter[str] = Counter()
    kills_done = asyncio.Event()
    ws_url = gateway.url.replace("http", "ws") + "/v1/call"
    turns_in_call = dict.fromkeys(range(RESIDENTS), 0)
    residents = [asyncio.create_task(Resident(n, ws_url, acked, attempts, turns_in_call).run(kills_done))
                 for n in range(RESIDENTS)]
    kills = 0
    try:
        while kills < KILLS:
            # each kill lands while at least one application is part-way through (its call open,
            # some turns answered, no receipt yet): a random turn of the script, then a random delay
            depth = rng.randint(1, len(script("0")) - 1)
            async with asyncio.timeout(600):
                while max(turns_in_call.values()) < depth:
                    await asyncio.sleep(0.02)
            await asyncio.sleep(rng.uniform(0.0, 0.3))
            gateway.kill()
            kills += 1
            await asyncio.to_thread(gateway.start)
        kills_done.set()
        async with asyncio.timeout(600):
            await asyncio.gather(*residents)
    finally:
        for task in residents:
            task.cancel()
    return acked, attempts, kills


def test_acknowledged_receipts_survive_sigkill_of_the_real_gateway_exactly_once(tmp_path: Path) -> None:
    gateway = Gateway(tmp_path)
    gateway.start()
    started = time.monotonic()
    try:
        acked, attempts, kills = asyncio.run(_drive(gateway, random.Random(20261204)))
    finally:
        gateway.kill()
    elapsed = time.monotonic() - started

    phones = set(attempts)
    assert len(phones) >= RESIDENTS * APPLICATIONS_EACH
    assert set(acked.values()) == phones, "every application is acknowledged in the end"
    assert kills == KILLS
    assert sum(attempts.values()) > len(phones), "the kills cut off applications in flight"
    with sqlite3.connect(tmp_path / "records.db") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        receipts = Counter(r for (r,) in db.execute("SELECT receipt FROM applications"))
    records = Records.open(RecordsConfig(url=f"sqlite:///{tmp_path / 'records.db'}",
                                         keys=(gateway.env["MALBEOT_RECORDS_KEY"],)))
    stored = {a.receipt: a for a in ApplicationStore(records).list(None, reveal=True, limit=100_000)}
    records.close()
    for receipt, phone in acked.items():
        assert receipts[receipt] == 1, receipt  # exactly once
        fields = stored[receipt].fields or {}
        assert stored[receipt].programme_id == PROGRAMME and fields["phone"] == phone
        assert fields["name"] == "John Smith" and fields["rrn"] == "5803051234567"
    per_phone = Counter((a.fields or {})["phone"] for a in stored.values())
    for phone, count in per_phone.items():
        assert count <= attempts[phone], (phone, count, attempts[phone])  # nothing beyond the calls made
    cut_off = sum(n - 1 for n in attempts.values())
    print(f"real-gateway crash test: {kills} SIGKILLs, {len(acked)} acknowledged, {cut_off} applications "
          f"cut off by a kill and made again, {len(stored)} stored, {elapsed:.0f} s")
