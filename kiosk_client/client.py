"""A call-websocket client used by kiosks, the benchmark and the end-to-end tests.

It streams 16-bit PCM (or mu-law) frames at a chosen pace, collects every JSON event with its
arrival time, and gathers reply audio per answer.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from dataclasses import dataclass, field
from typing import Any

import websockets

FRAME_MS = 20


@dataclass
class Received:
    event: dict[str, Any]
    at: float  # seconds since the call started (wall clock)


@dataclass
class CallResult:
    events: list[Received] = field(default_factory=list)
    reply_audio: bytearray = field(default_factory=bytearray)
    reply_rate: int = 16000
    close_code: int | None = None
    speech_sent_until: float = 0.0  # wall time when the last speech frame was sent
    #: the awaited event had not come when ``timeout`` ran out (the client then closed the call)
    timed_out: bool = False

    def of_type(self, kind: str) -> list[dict[str, Any]]:
        return [r.event for r in self.events if r.event.get("type") == kind]

    def first(self, kind: str) -> Received | None:
        return next((r for r in self.events if r.event.get("type") == kind), None)

    def types(self) -> list[str]:
        return [str(r.event.get("type")) for r in self.events]


def frames(pcm: bytes, rate: int, frame_ms: int = FRAME_MS, width: int = 2) -> list[bytes]:
    step = rate * frame_ms // 1000 * width
    return [pcm[i : i + step] for i in range(0, len(pcm), step)]


async def stream_call(
    url: str,
    pcm: bytes,
    rate: int = 16000,
    *,
    encoding: str = "pcm16",
    params: dict[str, str] | None = None,
    pace: float = 1.0,
    trailing_silence: float = 1.5,
    wait_for: str = "audio_end",
    timeout: float = 60.0,
    messages: list[dict[str, Any]] | None = None,
) -> CallResult:
    """Stream ``pcm`` (already in ``encoding``) like a caller, then wait for ``wait_for``.

    ``pace`` 1.0 sends in real time; 0 sends as fast as possible. Silence follows the speech so the
    server's end-of-turn detector can fire, as it would on a real line.
    """
    query = {"rate": str(rate), "encoding": encoding, **(params or {})}
    full = url + ("&" if "?" in url else "?") + "&".join(f"{k}={v}" for k, v in query.items())
    width = 1 if encoding == "mulaw" else 2
    silence_byte = b"\xff" if encoding == "mulaw" else b"\x00"
    silence = silence_byte * int(rate * trailing_silence) * width
    result = CallResult()
    start = time.perf_counter()
    done = asyncio.Event()

    async with websockets.connect(full, max_size=1 << 22) as ws:

        async def receive() -> None:
            try:
                async for message in ws:
                    now = time.perf_counter() - start
                    if isinstance(message, bytes):
                        result.reply_audio.extend(message)
                        continue
                    event = json.loads(message)
                    result.events.append(Received(event, now))
                    if event.get("type") == "audio_start":
                        result.reply_rate = int(event.get("rate", 16000))
                    if event.get("type") == wait_for or (event.get("type") == "error" and event.get("fatal")):
                        done.set()
            except websockets.ConnectionClosed:
                pass  # not lost: the close code is recorded below and is what the caller reads
            finally:
                result.close_code = ws.close_code
                done.set()

        receiver = asyncio.create_task(receive())
        try:
            await _send_call(ws, messages, pcm, silence, rate, width, pace, start, timeout, done, result)
        except websockets.ConnectionClosed:
            pass  # the gateway closed the line: what it said before closing is still read below
        finally:
            # the receiver ends once the socket is closed; it reads what arrived before the close
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(receiver), 5.0)
            receiver.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await receiver
    return result


async def _send_call(ws: Any, messages: list[dict[str, Any]] | None, pcm: bytes, silence: bytes, rate: int,
                     width: int, pace: float, start: float, timeout: float, done: asyncio.Event,
                     result: CallResult) -> None:
    """The caller's side of the line: settings, speech, then silence until the awaited event."""
    for message in messages or []:
        await ws.send(json.dumps(message))
    speech = frames(pcm, rate, width=width)
    tail = frames(silence, rate, width=width)
    for i, frame in enumerate(speech + tail):
        if done.is_set():
            break
        await ws.send(frame)
        if i == len(speech) - 1:
            result.speech_sent_until = time.perf_counter() - start
        if pace:
            target = start + (i + 1) * FRAME_MS / 1000 / pace
            await asyncio.sleep(max(0.0, target - time.perf_counter()))
    # keep the line open (silence) until the awaited event arrives, as a phone line would
    deadline = time.perf_counter() + timeout
    while not done.is_set() and time.perf_counter() < deadline:
        with contextlib.suppress(websockets.ConnectionClosed):
            await ws.send(tail[0])
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(done.wait(), FRAME_MS / 1000 / (pace or 1.0))
    result.timed_out = not done.is_set()
    with contextlib.suppress(websockets.ConnectionClosed):
        await ws.close()
