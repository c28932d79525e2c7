"""The ASR stage takes ``Listening`` (the channel: "the reply has played out") and counts the
caller's silence from there, so ``NoInput`` never counts the time a reply was playing."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable

from asr.segmenter import SegmenterConfig
from asr.stage import AsrStage
from malbeot_core.audio import INTERNAL, AudioChunk
from malbeot_core.events import Event, Listening, NoInput
from malbeot_core.settings import CallSettings
from tests.fakes import ScriptedTranscriber

RATE = INTERNAL.rate


class Quiet:
    """A SpeechDetector that hears no speech (the caller says nothing)."""

    frame_seconds = 0.02

    def probability(self, frame_pcm: bytes) -> float:
        return 0.0

    def reset(self) -> None:
        """Stateless."""


def silence(start: float, seconds: float) -> list[AudioChunk]:
    """20 ms chunks of silence from audio time ``start``."""
    step = 320
    return [AudioChunk(bytes(step * 2), INTERNAL, start + i * step / RATE) for i in range(round(seconds * RATE / step))]


async def feed(events: Iterable[Event]) -> AsyncIterator[Event]:
    for event in events:
        yield event


async def heard(events: list[Event]) -> list[Event]:
    stage = AsrStage(ScriptedTranscriber("unused"), Quiet, CallSettings(), SegmenterConfig(no_input_timeout=2.0))
    return [event async for event in stage.run(feed(events))]


async def test_silence_counts_from_the_end_of_the_reply() -> None:
    # 3 s of silence while a reply played, then the caller heard it out and said nothing for 5 s
    out = await heard([*silence(0.0, 3.0), Listening(), *silence(3.0, 5.0)])
    # without Listening: NoInput(2.0) at 2 s, NoInput(4.0) at 4 s, NoInput(6.0) at 6 s
    assert out == [NoInput(2.0), NoInput(2.0), NoInput(4.0)]


async def test_listening_is_taken_by_the_stage_not_passed_on() -> None:
    out = await heard([*silence(0.0, 1.0), Listening(), *silence(1.0, 0.5)])
    assert out == []
