"""The real-time pacer (no models): pace, lead, clear, marks."""

from __future__ import annotations

import asyncio
import time

from voice_gateway.pacer import Pacer


async def test_frames_go_out_at_real_time_pace_and_clear_stops_them() -> None:
    sent: list[float] = []
    marks: list[str] = []

    async def write(frame: bytes) -> None:
        sent.append(time.perf_counter())

    async def mark(name: str) -> None:
        marks.append(name)

    pacer = Pacer(write, mark=mark, lead=0.04)
    task = asyncio.create_task(pacer.run())
    try:
        start = time.perf_counter()
        for _ in range(50):  # one second of 20 ms frames
            pacer.push(b"\xff" * 160, 0.02)
        pacer.push_mark("end")
        await asyncio.sleep(0.5)
        assert pacer.playing()
        # about 0.5 s played plus the lead, never the whole second at once
        assert 0.4 <= len(sent) * 0.02 <= 0.5 + 0.04 + 0.06, len(sent)
        dropped = pacer.clear()
        assert dropped > 0.3
        count = len(sent)
        await asyncio.sleep(0.1)
        assert len(sent) == count and not marks  # nothing after the clear, the mark was dropped too
        assert not pacer.playing()
        pacer.push(b"\xff" * 160, 0.02)
        pacer.push_mark("next")
        await pacer.drain(timeout=2, mark_grace=0.05)
        assert marks == ["next"] and pacer.pending_marks == {"next"}
        assert pacer.ack("next") and not pacer.ack("unknown")
        assert sent[0] - start < 0.05
    finally:
        task.cancel()
