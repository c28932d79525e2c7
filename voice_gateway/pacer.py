"""Real-time pacing of reply audio for carrier channels (Twilio-format media streams, AudioSocket).

Speech synthesis produces a reply much faster than real time. A carrier plays whatever it is sent,
so sending a whole reply at once would leave seconds of audio buffered at the carrier, out of our
reach when the caller interrupts. The pacer instead sends 20 ms frames at the pace they play,
keeping at most ``lead`` seconds ahead of the carrier's playout; :meth:`Pacer.clear` drops the rest,
so playback stops within ``lead`` (plus the carrier's own ``clear``, where it has one).

Marks (Twilio ``mark`` messages) travel in order with the audio: the carrier acknowledges one when
the audio before it has played. They are tracked so the call knows what has really been heard.
"""

from __future__ import annotations

import asyncio
import collections
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Frame:
    data: bytes
    seconds: float


@dataclass(frozen=True, slots=True)
class Mark:
    name: str


class Pacer:
    def __init__(
        self,
        write: Callable[[bytes], Awaitable[None]],
        *,
        mark: Callable[[str], Awaitable[None]] | None = None,
        lead: float = 0.08,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self._write = write
        self._mark = mark
        self.lead = lead
        self._clock = clock
        self._queue: collections.deque[Frame | Mark] = collections.deque()
        self._ready = asyncio.Event()
        #: clock time at which everything written so far has finished playing at the carrier
        self._play_end = 0.0
        #: marks sent to the carrier and not yet acknowledged
        self.pending_marks: set[str] = set()
        self.acknowledged: list[str] = []
        self.sent_seconds = 0.0
        self.dropped_seconds = 0.0

    # --- producer side --------------------------------------------------------------------------
    def push(self, data: bytes, seconds: float) -> None:
        if data:
            self._queue.append(Frame(data, seconds))
            self._ready.set()

    def push_mark(self, name: str) -> None:
        self._queue.append(Mark(name))
        self._ready.set()

    def clear(self) -> float:
        """Drop every queued frame (marks too: a cleared carrier acknowledges its own); returns the
        seconds of audio dropped."""
        dropped = sum(item.seconds for item in self._queue if isinstance(item, Frame))
        self._queue.clear()
        self._play_end = min(self._play_end, self._clock())
        self.dropped_seconds += dropped
        return dropped

    def ack(self, name: str) -> bool:
        """The carrier says the audio up to mark ``name`` has played (or was cleared)."""
        if name in self.pending_marks:
            self.pending_marks.discard(name)
            self.acknowledged.append(name)
            return True
        return False

    @property
    def queued_seconds(self) -> float:
        return sum(item.seconds for item in self._queue if isinstance(item, Frame))

    def playing(self) -> bool:
        """Reply audio is queued here or still playing at the carrier."""
        return bool(self._queue) or self._clock() < self._play_end

    async def drain(self, timeout: float = 60.0, mark_grace: float = 1.0) -> None:
        """Wait until everything queued has played (and its marks are acknowledged, briefly)."""
        deadline = self._clock() + timeout
        while self.playing() and self._clock() < deadline:
            await asyncio.sleep(0.02)
        grace = min(deadline, self._clock() + mark_grace)
        while self.pending_marks and self._clock() < grace:
            await asyncio.sleep(0.02)

    # --- the sending task -----------------------------------------------------------------------
    async def run(self) -> None:
        while True:
            if not self._queue:
                self._ready.clear()
                await self._ready.wait()
                continue
            item = self._queue[0]
            if isinstance(item, Frame):
                now = self._clock()
                wait = self._play_end - self.lead - now
                if wait > 0:
                    await asyncio.sleep(wait)
                    continue  # re-check: a clear() may have emptied the queue meanwhile
                self._queue.popleft()
                self._play_end = max(self._play_end, now) + item.seconds
                self.sent_seconds += item.seconds
                await self._write(item.data)
            else:
                self._queue.popleft()
                if self._mark is not None:
                    self.pending_marks.add(item.name)
                    await self._mark(item.name)
