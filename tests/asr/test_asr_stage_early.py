"""The ASR stage's early recognition (before the end-of-turn silence is over): the bet that is the
final, bets discarded or cancelled when speech resumes, early recognition off."""

from __future__ import annotations

from collections.abc import AsyncIterator

from asr.segmenter import SegmenterConfig
from malbeot_core.events import Event, FinalTranscript, SpeechEnded, SpeechStarted
from tests.asr.asr_stage_harness import (
    RATE,
    FailingTranscriber,
    chunks,
    collect,
    make_stage,
    paused_speech,
    quiet,
    summary,
    tone,
    wait_for,
)
from tests.fakes import ScriptedTranscriber


async def test_recognition_starts_before_the_turn_ends_and_is_the_final() -> None:
    fake = ScriptedTranscriber("early words")
    stage = make_stage(fake)  # end silence 0.7 s, lead 0.4 s: recognition may start at 0.3 s
    ended_before_call: list[bool] = []
    out: list[Event] = []

    async def inbox() -> AsyncIterator[Event]:
        for chunk in chunks(tone(1.0) + quiet(0.4)):
            yield chunk
        await wait_for(lambda: bool(fake.calls))  # recognised with 0.3 s of the silence still to come
        ended_before_call.append(any(isinstance(e, SpeechEnded) for e in out))
        for chunk in chunks(quiet(1.0), start=1.4):
            yield chunk

    async for event in stage.run(inbox()):
        out.append(event)
    assert ended_before_call == [False]
    assert summary(out) == [("started", 0.0), ("ended", 1.0), ("final", "early words", "en", 0.0, 1.0, 0.25)]
    assert fake.calls == [round(1.2 * RATE) * 2]  # one recognition, of speech + post-roll


async def test_a_bet_that_reached_the_model_is_discarded_when_speech_resumes() -> None:
    fake = ScriptedTranscriber("the whole sentence")
    stage = make_stage(fake)
    outcomes: list[str] = []
    stage.on_early = outcomes.append
    out = [event async for event in stage.run(paused_speech(fake)())]
    assert summary(out) == [("started", 0.0), ("ended", 2.0), ("final", "the whole sentence", "en", 0.0, 2.0, 0.25)]
    assert fake.calls == [round(1.2 * RATE) * 2, round(2.2 * RATE) * 2]  # the stale bet, then the turn
    assert outcomes == ["discarded", "used"]


async def test_a_bet_still_waiting_its_turn_is_cancelled_when_speech_resumes() -> None:
    fake = ScriptedTranscriber("the whole sentence")
    stage = make_stage(fake)
    outcomes: list[str] = []
    stage.on_early = outcomes.append
    # fed without a pause for the event loop: the first bet has not reached the model when speech resumes
    out = await collect(stage, chunks(tone(1.0) + quiet(0.5) + tone(0.5) + quiet(1.0)))
    assert [type(e) for e in out] == [SpeechStarted, SpeechEnded, FinalTranscript]
    assert fake.calls == [round(2.2 * RATE) * 2]  # the stale bet never ran
    assert outcomes == ["discarded", "used"]


async def test_a_failed_discarded_bet_is_not_the_turns_failure() -> None:
    fake = FailingTranscriber(fail_on={1}, text="went on")
    out = [event async for event in make_stage(fake).run(paused_speech(fake)())]
    assert [type(e) for e in out] == [SpeechStarted, SpeechEnded, FinalTranscript]
    assert len(fake.calls) == 2


async def test_early_recognition_off_recognises_after_the_end() -> None:
    fake = ScriptedTranscriber("late")
    config = SegmenterConfig(speculative_lead=None)
    out = await collect(make_stage(fake, config=config), chunks(tone(1.0) + quiet(0.5) + tone(0.5) + quiet(1.0)))
    assert [type(e) for e in out] == [SpeechStarted, SpeechEnded, FinalTranscript]
    assert fake.calls == [round(2.2 * RATE) * 2]
