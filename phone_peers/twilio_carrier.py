"""A carrier-side test client that follows Twilio's published Media Streams messages byte for byte.

It sends ``connected``, ``start``, ``media`` (20 ms base64 μ-law frames in real time, with
``sequenceNumber``, ``chunk`` and ``timestamp`` counting as Twilio's do), ``dtmf``, ``mark``
acknowledgements and ``stop``; it plays what it receives in real time, like a phone, so it knows
when a ``mark`` has been reached, and acknowledges it then (or at once on ``clear``).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import time
from dataclasses import dataclass, field
from typing import Any

import websockets

FRAME = 160  # 20 ms of 8 kHz μ-law
SILENCE = b"\xff" * FRAME


@dataclass
class Heard:
    """What the carrier received, with wall-clock times (perf_counter)."""

    media: list[tuple[float, bytes]] = field(default_factory=list)
    #: marks acknowledged (played out), with the time
    marks: list[tuple[float, str]] = field(default_factory=list)
    #: marks received, in order (the last may never be played if the call ends first)
    marks_received: list[str] = field(default_factory=list)
    clears: list[float] = field(default_factory=list)
    other: list[dict[str, Any]] = field(default_factory=list)
    closed_at: float | None = None
    close_code: int | None = None

    def audio(self, since: float = 0.0) -> bytes:
        return b"".join(data for at, data in self.media if at >= since)


class TwilioCarrier:
    def __init__(self, url: str, *, call_sid: str = "CA" + "0" * 32, stream_sid: str = "MZ" + "1" * 32,
                 custom: dict[str, str] | None = None) -> None:
        self.url = url
        self.call_sid = call_sid
        self.stream_sid = stream_sid
        self.custom = custom or {}
        self.heard = Heard()
        self.ws: Any = None
        self._seq = 0
        self._chunk = 0
        self._t0 = 0.0
        #: playout position: wall time at which the audio received so far has finished playing
        self._play_end = 0.0
        self._pending_marks: list[tuple[float, str]] = []
        self._tasks: list[asyncio.Task[None]] = []

    def _next_seq(self) -> str:
        self._seq += 1
        return str(self._seq)

    async def send(self, message: dict[str, Any]) -> None:
        await self.ws.send(json.dumps(message))

    async def __aenter__(self) -> TwilioCarrier:
        self.ws = await websockets.connect(self.url, max_size=1 << 22)
        self._t0 = time.perf_counter()
        await self.send({"event": "connected", "protocol": "Call", "version": "1.0.0"})
        await self.send({
            "event": "start",
            "sequenceNumber": self._next_seq(),
            "start": {
                "accountSid": "AC" + "2" * 32,
                "streamSid": self.stream_sid,
                "callSid": self.call_sid,
                "tracks": ["inbound"],
                "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1},
                "customParameters": self.custom,
            },
            "streamSid": self.stream_sid,
        })
        self._tasks = [asyncio.create_task(self._receive()), asyncio.create_task(self._acknowledge())]
        return self

    async def __aexit__(self, *exc: object) -> None:
        for task in self._tasks:
            task.cancel()
            with contextlib.suppress(BaseException):
                await task
        with contextlib.suppress(Exception):
            await self.ws.close()

    # --- from Malbeot ---------------------------------------------------------------------------
    async def _receive(self) -> None:
        try:
            async for raw in self.ws:
                now = time.perf_counter()
                message = json.loads(raw)
                match message.get("event"):
                    case "media":
                        assert message["streamSid"] == self.stream_sid
                        data = base64.b64decode(message["media"]["payload"], validate=True)
                        self.heard.media.append((now, data))
                        self._play_end = max(self._play_end, now) + len(data) / 8000
                    case "mark":
                        assert message["streamSid"] == self.stream_sid
                        self._pending_marks.append((self._play_end, message["mark"]["name"]))
                        self.heard.marks_received.append(message["mark"]["name"])
                    case "clear":
                        assert message["streamSid"] == self.stream_sid
                        self.heard.clears.append(now)
                        self._play_end = now  # buffered audio dropped; pending marks are answered at once
                        self._pending_marks = [(now, name) for _, name in self._pending_marks]
                    case _:
                        self.heard.other.append(message)
        finally:
            self.heard.closed_at = time.perf_counter()
            self.heard.close_code = self.ws.close_code

    async def _acknowledge(self) -> None:
        while True:
            await asyncio.sleep(0.01)
            now = time.perf_counter()
            due = [m for m in self._pending_marks if m[0] <= now]
            self._pending_marks = [m for m in self._pending_marks if m[0] > now]
            for _, name in due:
                with contextlib.suppress(websockets.ConnectionClosed):
                    await self.send({"event": "mark", "sequenceNumber": self._next_seq(),
                                     "streamSid": self.stream_sid, "mark": {"name": name}})
                self.heard.marks.append((now, name))

    # --- to Malbeot -----------------------------------------------------------------------------
    async def media(self, payload: bytes) -> None:
        self._chunk += 1
        await self.send({
            "event": "media",
            "sequenceNumber": self._next_seq(),
            "media": {"track": "inbound", "chunk": str(self._chunk),
                      "timestamp": str(self._chunk * 20), "payload": base64.b64encode(payload).decode()},
            "streamSid": self.stream_sid,
        })

    async def speak(self, mulaw: bytes) -> float:
        """Send audio in real time (20 ms frames); returns the wall time the first frame went out."""
        start = time.perf_counter()
        for i in range(0, len(mulaw), FRAME):
            await self.media(mulaw[i : i + FRAME].ljust(FRAME, b"\xff"))
            await asyncio.sleep(max(0.0, start + (i // FRAME + 1) * 0.02 - time.perf_counter()))
        return start

    async def silence(self, seconds: float) -> None:
        await self.speak(SILENCE * int(seconds * 50))

    async def dtmf(self, digit: str) -> None:
        await self.send({"event": "dtmf", "streamSid": self.stream_sid, "sequenceNumber": self._next_seq(),
                         "dtmf": {"track": "inbound_track", "digit": digit}})

    async def stop(self) -> None:
        await self.send({"event": "stop", "sequenceNumber": self._next_seq(), "streamSid": self.stream_sid,
                         "stop": {"accountSid": "AC" + "2" * 32, "callSid": self.call_sid}})

    async def silence_until(self, predicate: Any, timeout: float) -> bool:
        """Keep the line open with silence (as a phone does) until ``predicate()`` or timeout."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if predicate():
                return True
            if self.heard.closed_at is not None:
                return bool(predicate())
            try:
                await self.silence(0.1)
            except websockets.ConnectionClosed:
                # a closed socket raises at once, without yielding: sleep, so that the receive task
                # runs and records the close (a loop of instant raises would starve it to the deadline)
                await asyncio.sleep(0.02)
        return bool(predicate())
