"""Shared helpers of the ASR stage tests (``test_asr_stage_*.py``): a loudness speech detector, failing and
gated transcribers, tone and silence, chunking, driving a stage and summarising its events."""

from __future__ import annotations

import asyncio
import itertools
import threading
from collections.abc import AsyncIterator, Callable, Iterable, Sequence

import numpy as np

from asr.protocol import Transcript
from asr.segmenter import SegmenterConfig
from asr.stage import AsrStage
from malbeot_core.audio import INTERNAL, AudioChunk
from malbeot_core.events import Event, FinalTranscript, PartialTranscript, SpeechEnded, SpeechStarted
from malbeot_core.settings import CallSettings
from tests.fakes import ScriptedTranscriber

RATE = INTERNAL.rate


class LevelDetector:
    """A SpeechDetector for tests: a 20 ms frame is speech when it is loud."""

    frame_seconds = 0.02

    def probability(self, frame_pcm: bytes) -> float:
        samples = np.frombuffer(frame_pcm, dtype="<i2").astype(np.int32)
        return 1.0 if int(np.abs(samples).max()) >= 1000 else 0.0

    def reset(self) -> None:
        """Stateless."""


class FailingTranscriber(ScriptedTranscriber):
    """Crashes (like a dying model worker) on the calls whose numbers are in ``fail_on``."""

    def __init__(self, fail_on: Iterable[int], text: str = "hello") -> None:
        super().__init__(text)
        self.fail_on = set(fail_on)

    def transcribe(self, pcm: bytes, language: str | None = None, languages: Sequence[str] = ()) -> Transcript:
        result = super().transcribe(pcm, language, languages)
        if len(self.calls) in self.fail_on:
            raise RuntimeError("model worker died")
        return result


class GatedTranscriber(ScriptedTranscriber):
    """Each call blocks until the test opens the gate."""

    def __init__(self, text: str = "hello") -> None:
        super().__init__(text)
        self.gate = threading.Event()
        self.started = threading.Event()
        self.entered = 0
        self.finished = 0

    def transcribe(self, pcm: bytes, language: str | None = None, languages: Sequence[str] = ()) -> Transcript:
        self.entered += 1
        self.started.set()
        assert self.gate.wait(10), "the test never opened the gate"
        result = super().transcribe(pcm, language, languages)
        self.finished += 1
        return result


def tone(seconds: float) -> bytes:
    t = np.arange(round(seconds * RATE)) / RATE
    return (np.sin(2 * np.pi * 440 * t) * 8000).astype("<i2").tobytes()


def quiet(seconds: float) -> bytes:
    return bytes(round(seconds * RATE) * 2)


def chunks(pcm: bytes, start: float = 0.0, samples: int = 320) -> list[AudioChunk]:
    step = samples * 2
    return [AudioChunk(pcm[i : i + step], INTERNAL, start + i / 2 / RATE) for i in range(0, len(pcm), step)]


async def feed(events: Iterable[Event]) -> AsyncIterator[Event]:
    for event in events:
        yield event


def make_stage(
    transcriber: ScriptedTranscriber | None = None,
    settings: CallSettings | None = None,
    config: SegmenterConfig | None = None,
    partial_interval: float | None = None,
    clock: Callable[[], float] | None = None,
) -> AsrStage:
    return AsrStage(
        transcriber or ScriptedTranscriber("hello there"),
        LevelDetector,
        settings or CallSettings(),
        config or SegmenterConfig(),
        partial_interval=partial_interval,
        clock=clock or itertools.count(0.0, 0.25).__next__,
    )


async def collect(stage: AsrStage, events: Iterable[Event]) -> list[Event]:
    return [event async for event in stage.run(feed(events))]


def summary(events: list[Event]) -> list[tuple[object, ...]]:
    """Events as tuples with times rounded to the millisecond."""
    out: list[tuple[object, ...]] = []
    for event in events:
        match event:
            case SpeechStarted(at=at):
                out.append(("started", round(at, 3)))
            case SpeechEnded(at=at):
                out.append(("ended", round(at, 3)))
            case FinalTranscript(text=text, language=language, start=start, end=end, asr_seconds=asr):
                out.append(("final", text, language, round(start, 3), round(end, 3), asr))
            case _:
                out.append((type(event).__name__,))
    return out


def without_partials(events: list[Event]) -> list[type[Event]]:
    return [type(e) for e in events if not isinstance(e, PartialTranscript)]


async def wait_for(condition: Callable[[], bool]) -> None:
    async with asyncio.timeout(10):
        while not condition():
            await asyncio.sleep(0.005)


def paused_speech(fake: ScriptedTranscriber) -> Callable[[], AsyncIterator[Event]]:
    """1 s of speech, a 0.5 s pause (long enough for a bet) in which the bet reaches the model,
    then 0.5 s more speech and the end of the turn."""

    async def inbox() -> AsyncIterator[Event]:
        for chunk in chunks(tone(1.0) + quiet(0.5)):
            yield chunk
        await wait_for(lambda: bool(fake.calls))
        for chunk in chunks(tone(0.5) + quiet(1.0), start=1.5):
            yield chunk

    return inbox


__all__ = [
    "RATE",
    "FailingTranscriber",
    "GatedTranscriber",
    "LevelDetector",
    "chunks",
    "collect",
    "feed",
    "make_stage",
    "paused_speech",
    "quiet",
    "summary",
    "tone",
    "wait_for",
    "without_partials",
]
