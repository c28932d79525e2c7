"""The stage runner: order, pass-through, backpressure, failures as events; threads for generators."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import AsyncIterator, Iterator

import pytest

from malbeot_core.errors import BackendFailed
from malbeot_core.events import Event, FinalTranscript, PartialTranscript, StageFailed, TextInput
from malbeot_core.stage import Pipeline
from malbeot_core.threads import iterate_in_thread


class Upper:
    name = "upper"

    async def run(self, inbox: AsyncIterator[Event]) -> AsyncIterator[Event]:
        async for event in inbox:
            match event:
                case TextInput(text=text, language=language):
                    yield FinalTranscript(text.upper(), language, 0.0, 0.0)
                case _:
                    yield event


class Exploding:
    name = "exploding"

    async def run(self, inbox: AsyncIterator[Event]) -> AsyncIterator[Event]:
        async for event in inbox:
            if isinstance(event, TextInput) and event.text == "boom":
                raise BackendFailed("model crashed")
            yield event


async def collect(pipeline: Pipeline) -> list[Event]:
    return [e async for e in pipeline.events()]


async def test_stages_transform_and_pass_through_in_order() -> None:
    pipeline = Pipeline([Upper(), Upper()], maxsize=2)
    pipeline.start()
    consumer = asyncio.create_task(collect(pipeline))
    await pipeline.feed(TextInput("hello", "en"))
    await pipeline.feed(PartialTranscript("p", "en", 1.0))
    await pipeline.feed(TextInput("bye", "en"))
    await pipeline.close_input()
    events = await asyncio.wait_for(consumer, 5)
    assert events == [
        FinalTranscript("HELLO", "en", 0.0, 0.0),
        PartialTranscript("p", "en", 1.0),
        FinalTranscript("BYE", "en", 0.0, 0.0),
    ]


async def test_backpressure_blocks_the_producer() -> None:
    pipeline = Pipeline([Upper()], maxsize=1)
    pipeline.start()
    fed = 0

    async def produce() -> None:
        nonlocal fed
        for i in range(20):
            await pipeline.feed(PartialTranscript(str(i), "en", 0.0))
            fed += 1

    producer = asyncio.create_task(produce())
    await asyncio.sleep(0.1)
    assert fed < 20  # nobody reads the output: the bounded queues stop the producer
    producer.cancel()
    await pipeline.aclose()


async def test_stage_crash_becomes_stage_failed_event() -> None:
    pipeline = Pipeline([Exploding()])
    pipeline.start()
    await pipeline.feed(TextInput("fine", "en"))
    await pipeline.feed(TextInput("boom", "en"))
    events = await asyncio.wait_for(collect(pipeline), 5)
    assert events[0] == TextInput("fine", "en")
    assert events[1] == StageFailed("backend_failed", "exploding", "model crashed", True)


async def test_iterate_in_thread_runs_and_closes_generator_off_loop() -> None:
    loop_thread = threading.get_ident()
    seen_threads: set[int] = set()
    closed_in: list[int] = []

    def gen() -> Iterator[int]:
        try:
            for i in range(100):
                seen_threads.add(threading.get_ident())
                yield i
        finally:
            closed_in.append(threading.get_ident())

    got = []
    async with contextlib.aclosing(iterate_in_thread(gen, maxsize=1)) as items:
        async for item in items:
            got.append(item)
            if item == 3:
                break
    assert got == [0, 1, 2, 3]
    assert loop_thread not in seen_threads
    assert closed_in and closed_in[0] != loop_thread


async def test_iterate_in_thread_reraises() -> None:
    def gen() -> Iterator[int]:
        yield 1
        raise BackendFailed("synth died")

    with pytest.raises(BackendFailed):
        async for _ in iterate_in_thread(gen):
            pass


class Seen:
    """Records what reached it, passes everything on."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.seen: list[Event] = []

    async def run(self, inbox: AsyncIterator[Event]) -> AsyncIterator[Event]:
        async for event in inbox:
            self.seen.append(event)
            yield event


class Stuck:
    """A head stage busy with something else (recognition of queued audio): reads nothing."""

    name = "asr"

    async def run(self, inbox: AsyncIterator[Event]) -> AsyncIterator[Event]:
        await asyncio.Event().wait()
        yield TextInput("never", "en")  # pragma: no cover


async def test_an_event_fed_to_a_later_stage_skips_the_ones_before() -> None:
    dialog, tts = Seen("dialog"), Seen("tts")
    pipeline = Pipeline([Seen("asr"), dialog, tts])
    pipeline.start()
    prompt = TextInput("a prompt the channel says", "ko")
    await pipeline.feed_to("tts", prompt)
    await pipeline.feed(PartialTranscript("p", "en", 1.0))
    out = pipeline.events()
    got = [await asyncio.wait_for(anext(out), 5) for _ in range(2)]
    assert prompt in got and PartialTranscript("p", "en", 1.0) in got
    assert prompt not in dialog.seen and prompt in tts.seen
    await pipeline.aclose()


async def test_the_lane_past_a_busy_head_stage_is_not_blocked_by_its_queue() -> None:
    tts = Seen("tts")
    pipeline = Pipeline([Stuck(), tts], maxsize=2)
    pipeline.start()
    for i in range(2):  # the head's inbox is full: feed() would now wait
        await pipeline.feed(PartialTranscript(str(i), "en", 0.0))
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(pipeline.feed(PartialTranscript("full", "en", 0.0)), 0.1)
    barge = TextInput("barge in", "en")
    await asyncio.wait_for(pipeline.feed_to("tts", barge), 1)
    assert await asyncio.wait_for(anext(pipeline.events()), 5) == barge
    with pytest.raises(ValueError, match="no stage named"):
        await pipeline.feed_to("nowhere", barge)
    await pipeline.aclose()
