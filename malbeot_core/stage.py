"""The stage protocol and a runner that chains stages with bounded queues.

A stage is a small async transformer: it consumes an async iterator of events and yields events.
Stages pass through events they do not handle, so later stages (and the channel) see them.
The runner connects stages with ``asyncio.Queue(maxsize)``: a slow stage makes the ones before
it wait (backpressure) instead of growing memory.

Events enter at the head (``feed``: audio, transcripts, typed text, keypad) or at a later stage's
inlet (``feed_to``): a prompt the channel says is already an answer and enters where the dialog's
answers go on (translation, then speech); a barge-in is for speech alone and takes its own lane
past the audio queued for recognition.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Sequence
from typing import Protocol

from .errors import MalbeotError
from .events import Event, StageFailed

_END = object()


class Stage(Protocol):
    name: str

    def run(self, inbox: AsyncIterator[Event]) -> AsyncIterator[Event]: ...


async def _drain(queue: asyncio.Queue[object]) -> AsyncIterator[Event]:
    while True:
        item = await queue.get()
        if item is _END:
            return
        yield item  # type: ignore[misc]


def failure_event(exc: BaseException, stage: str) -> StageFailed:
    if isinstance(exc, MalbeotError):
        return StageFailed(exc.code, exc.stage or stage, exc.message, exc.recoverable)
    return StageFailed("backend_failed", stage, f"{type(exc).__name__}: {exc}", False)


class Pipeline:
    """Chain of stages; ``feed`` events in, iterate ``events()`` for what comes out."""

    def __init__(self, stages: Sequence[Stage], maxsize: int = 64) -> None:
        self.stages = list(stages)
        self._queues: list[asyncio.Queue[object]] = [
            asyncio.Queue(maxsize) for _ in range(len(self.stages) + 1)
        ]
        self._tasks: list[asyncio.Task[None]] = []

    async def feed(self, event: Event) -> None:
        await self._queues[0].put(event)

    async def feed_to(self, stage: str, event: Event) -> None:
        """``event`` into the inbox of the stage named ``stage``, past the stages before it."""
        for i, candidate in enumerate(self.stages):
            if candidate.name == stage:
                await self._queues[i].put(event)
                return
        raise ValueError(f"no stage named {stage!r} in this pipeline ({[s.name for s in self.stages]})")

    async def close_input(self) -> None:
        await self._queues[0].put(_END)

    def start(self) -> None:
        for i, stage in enumerate(self.stages):
            self._tasks.append(
                asyncio.create_task(self._pump(stage, self._queues[i], self._queues[i + 1]), name=stage.name)
            )

    async def _pump(self, stage: Stage, inq: asyncio.Queue[object], outq: asyncio.Queue[object]) -> None:
        try:
            async for event in stage.run(_drain(inq)):
                await outq.put(event)
        except Exception as exc:  # reported downstream as an event, never swallowed
            await outq.put(failure_event(exc, stage.name))
        await outq.put(_END)

    async def events(self) -> AsyncIterator[Event]:
        async for event in _drain(self._queues[-1]):
            yield event

    async def aclose(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
