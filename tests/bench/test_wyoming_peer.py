"""The peer's client in bench/wyoming_peer.py, against a fake Wyoming server (no peer venv needed)."""

from __future__ import annotations

import os
import time
from typing import ClassVar

from wyoming.asr import Transcribe, Transcript
from wyoming.audio import AudioChunk, AudioStart, AudioStop
from wyoming.event import Event
from wyoming.server import AsyncEventHandler, AsyncServer

from bench.turn_latency import comparison
from bench.wyoming_peer import STOP_AFTER_SILENCE, free_port, peak_rss_mb, side_by_side, stream_turn


class Recorder(AsyncEventHandler):
    """Records each event with its arrival time; answers AudioStop with a Transcript."""

    seen: ClassVar[list[tuple[float, Event]]] = []

    async def handle_event(self, event: Event) -> bool:
        Recorder.seen.append((time.perf_counter(), event))
        if AudioStop.is_type(event.type):
            await self.write_event(Transcript(text=" 안녕하세요 ").event())
            return False
        return True


async def test_streams_as_home_assistant_does() -> None:
    port = free_port()
    server = AsyncServer.from_uri(f"tcp://127.0.0.1:{port}")
    await server.start(Recorder)
    try:
        pcm = b"\x01\x00" * 1600 * 3  # 0.3 s at 16 kHz: 15 frames of 20 ms
        turn = await stream_turn("127.0.0.1", port, pcm, 16000, "ko")
    finally:
        await server.stop()
    events = [e for _, e in Recorder.seen]
    assert Transcribe.is_type(events[0].type) and Transcribe.from_event(events[0]).language == "ko"
    assert AudioStart.is_type(events[1].type) and AudioStop.is_type(events[-1].type)
    chunks = [AudioChunk.from_event(e) for e in events[2:-1]]
    assert all(len(c.audio) == 640 and c.rate == 16000 for c in chunks)
    assert len(chunks) == 15 + round(STOP_AFTER_SILENCE / 0.02)
    assert all(c.audio == b"\x00" * 640 for c in chunks[15:])
    # real time: the stream lasts as long as its audio, and the silence is waited out before AudioStop
    span = Recorder.seen[-1][0] - Recorder.seen[2][0]
    assert 0.95 <= span <= 2.0, span
    assert turn.text == "안녕하세요"
    assert STOP_AFTER_SILENCE <= turn.to_transcript < STOP_AFTER_SILENCE + 1.0


def test_side_by_side_table() -> None:
    rows = comparison([0.4, 0.5, 0.6], [1.0, 1.0, 1.2], [0.1], [0.2, 0.3], 900.0, 400.0)
    assert rows[0] == ("end of speech -> final p50", "0.50 s", "1.00 s")
    assert rows[2][1] == "0.50"
    assert rows[3] == ("Korean CER (mean)", "0.100 (n=1)", "0.250 (n=2)")
    lines = side_by_side(rows)
    assert len(lines) == 6 and len({len(line) for line in lines}) == 1
    assert peak_rss_mb(os.getpid()) > 1
