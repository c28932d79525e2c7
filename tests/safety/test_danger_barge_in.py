"""Barge-in and silence cannot cut a danger answer short of the number (fakes, no models)."""

from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterator, Callable

from malbeot_core.events import BargeIn, BenefitAnswer, Emergency, Event, ReplyDone, SpeechAudio, SpeechStarted
from malbeot_core.settings import CallSettings
from tests.tts.tts_fakes import ToneSynthesizer
from tts.stage import TtsStage
from voice_gateway.danger_guard import SLACK_SECONDS, DangerGuard

FIRST = "지금 바로 일일구에 전화하세요, 일일구예요."
TEXT = f"{FIRST} 담당 직원에게 바로 알렸고, 지금 사람과 연결해 드릴게요. 잠시만 기다려 주세요."
TIMEOUT = 20


class Inbox:
    def __init__(self) -> None:
        self._queue: asyncio.Queue[Event | None] = asyncio.Queue()

    def put(self, event: Event | None) -> None:
        self._queue.put_nowait(event)

    async def __aiter__(self) -> AsyncIterator[Event]:
        while (event := await self._queue.get()) is not None:
            yield event


def danger_answer() -> BenefitAnswer:
    return BenefitAnswer(TEXT, "ko", "danger_medical", action="handoff_urgent",
                         emergency=Emergency("medical", ("119",), "쓰러졌어요", FIRST))


async def run_with_interruption(answer: BenefitAnswer, interruption: Event) -> list[Event]:
    """Speak ``answer`` slowly; interrupt as soon as its first audio chunk is out."""
    synth = ToneSynthesizer(delay=0.05, chunk_seconds=0.05)
    inbox = Inbox()
    inbox.put(answer)
    stream = TtsStage(lambda _: synth, CallSettings()).run(aiter(inbox))
    seen: list[Event] = []
    async with asyncio.timeout(TIMEOUT):
        async for event in stream:
            seen.append(event)
            if isinstance(event, SpeechAudio):
                break
        inbox.put(interruption)
        inbox.put(None)
        seen.extend([e async for e in stream])
    return seen


def first_sentence_seconds(events: list[Event]) -> float:
    return sum(e.chunk.duration for e in events if isinstance(e, SpeechAudio) and e.index == 0)


async def test_speech_over_a_danger_answer_lets_the_number_out_first() -> None:
    seen = await run_with_interruption(danger_answer(), SpeechStarted(1.0))
    spoken = [e for e in seen if isinstance(e, SpeechAudio)]
    assert spoken[0].sentence == FIRST  # never cut to a clause
    expected = len(FIRST) * ToneSynthesizer().seconds_per_char
    assert math.isclose(first_sentence_seconds(seen), expected, abs_tol=0.01)
    barge = seen.index(BargeIn(1.0))
    assert all(e.index == 0 for e in seen[:barge] if isinstance(e, SpeechAudio))
    assert not [e for e in seen[barge:] if isinstance(e, SpeechAudio)]  # the rest is dropped
    assert not any(isinstance(e, ReplyDone) for e in seen)


async def test_an_explicit_barge_in_waits_for_the_number_too() -> None:
    seen = await run_with_interruption(danger_answer(), BargeIn(2.0))
    expected = len(FIRST) * ToneSynthesizer().seconds_per_char
    assert math.isclose(first_sentence_seconds(seen), expected, abs_tol=0.01)
    assert seen.count(BargeIn(2.0)) == 1


async def test_an_ordinary_answer_is_still_cut_at_once() -> None:
    ordinary = BenefitAnswer(TEXT, "ko", "find_benefit")
    seen = await run_with_interruption(ordinary, SpeechStarted(1.0))
    expected = len(FIRST) * ToneSynthesizer().seconds_per_char
    assert first_sentence_seconds(seen) < expected / 2


async def test_a_new_answer_waits_for_the_number() -> None:
    follow = BenefitAnswer("다른 답변이에요.", "ko", "find_benefit")
    seen = await run_with_interruption(danger_answer(), follow)
    before = seen[: seen.index(follow)]
    expected = len(FIRST) * ToneSynthesizer().seconds_per_char
    assert math.isclose(first_sentence_seconds(before), expected, abs_tol=0.01)


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def guard_with(clock: Callable[[], float]) -> DangerGuard:
    guard = DangerGuard(clock)
    guard.open()
    return guard


def test_the_guard_holds_until_the_first_sentence_has_played() -> None:
    clock = FakeClock()
    guard = guard_with(clock)
    assert guard.remaining() == math.inf and guard.protecting()  # nothing sent yet
    guard.audio(0, 1.0)
    clock.now += 0.5
    guard.audio(0, 1.0)
    assert guard.remaining() == math.inf  # still sending the first sentence
    guard.audio(1, 0.5)  # the second sentence starts: the first is all out
    assert math.isclose(guard.remaining(), 100.0 + 2.0 + SLACK_SECONDS - clock.now)
    clock.now = 100.0 + 2.0 + SLACK_SECONDS + 0.01
    assert not guard.protecting() and guard.remaining() == 0.0


def test_no_guard_without_a_danger_answer_or_without_audio() -> None:
    guard = DangerGuard(FakeClock())
    guard.audio(0, 5.0)
    assert not guard.protecting()
    text_only = guard_with(FakeClock())
    text_only.sentence_done()  # a text-only call: the reply ended without audio
    assert not text_only.protecting()
