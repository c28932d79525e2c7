"""The ASR stage's partial transcripts: never queued, patience in unbroken speech, the closing-pause
partial as the final, the call setting, failures, none in the pause that ends the turn."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace

import pytest

from malbeot_core.events import (
    Event,
    FinalTranscript,
    PartialTranscript,
    SettingsChanged,
    SpeechEnded,
    SpeechStarted,
    StageFailed,
)
from malbeot_core.settings import CallSettings
from tests.asr.asr_stage_harness import (
    RATE,
    FailingTranscriber,
    GatedTranscriber,
    chunks,
    collect,
    make_stage,
    quiet,
    tone,
    wait_for,
    without_partials,
)
from tests.fakes import ScriptedTranscriber


async def test_partials_are_never_queued() -> None:
    fake = GatedTranscriber(text="partial words")
    stage = make_stage(fake, partial_interval=0.5)
    seen_while_blocked: list[int] = []

    async def inbox() -> AsyncIterator[Event]:
        for chunk in chunks(quiet(0.2) + tone(1.0) + quiet(0.22)):  # a pause: the first partial
            yield chunk
        await asyncio.to_thread(fake.started.wait, 10)  # the first partial is running (blocked)
        for chunk in chunks(tone(1.5), start=1.42):
            yield chunk
            await asyncio.sleep(0)
        seen_while_blocked.append(fake.entered)
        fake.gate.set()
        while fake.finished < 1:
            await asyncio.sleep(0.01)
        for chunk in chunks(tone(0.1) + quiet(1.0), start=2.92):
            yield chunk

    out = [event async for event in stage.run(inbox())]
    # while the first partial was blocked, 1.5 s of speech (3 intervals) started no other call
    assert seen_while_blocked == [1]
    assert without_partials(out) == [SpeechStarted, SpeechEnded, FinalTranscript]
    partial = out[1]
    assert isinstance(partial, PartialTranscript)
    assert partial.text == "partial words"
    assert partial.at == pytest.approx(1.4)  # in the pause, 0.2 s after the last speech frame
    # the first partial; one more once the gate opened (1.5 s of speech with no pause is past the
    # patience of 1.25 s), whose audio ends before the last words; so the final is recognised anew
    assert fake.entered == 3


async def test_in_speech_without_a_pause_a_partial_waits_for_patience() -> None:
    fake = ScriptedTranscriber("long words")
    stage = make_stage(fake, partial_interval=0.5)  # patience 2.5 intervals: 1.25 s

    async def inbox() -> AsyncIterator[Event]:
        for chunk in chunks(tone(1.2)):
            yield chunk
            await asyncio.sleep(0)
        calls_before_patience.append(len(fake.calls))
        for chunk in chunks(tone(0.6), start=1.2):
            yield chunk
            await asyncio.sleep(0)
        await wait_for(lambda: len(fake.calls) >= 1)
        for chunk in chunks(quiet(1.0), start=1.8):
            yield chunk

    calls_before_patience: list[int] = []
    out = [event async for event in stage.run(inbox())]
    assert calls_before_patience == [0]  # 2 intervals of speech with no pause: no partial yet
    # the first partial heard up to the first 20 ms frame past 1.25 s; then the final, afresh
    assert fake.calls == [round(1.26 * RATE) * 2, round(2.0 * RATE) * 2]
    assert isinstance(out[-1], FinalTranscript)


async def test_a_partial_taken_in_the_closing_pause_is_the_final() -> None:
    fake = ScriptedTranscriber("one pass")
    stage = make_stage(fake, partial_interval=0.5)
    outcomes: list[str] = []
    stage.on_early = outcomes.append

    async def inbox() -> AsyncIterator[Event]:
        for chunk in chunks(tone(1.0) + quiet(0.22)):  # the partial starts 0.2 s into the pause
            yield chunk
        await wait_for(lambda: bool(fake.calls))
        for chunk in chunks(quiet(1.0), start=1.22):
            yield chunk

    out = [event async for event in stage.run(inbox())]
    assert without_partials(out) == [SpeechStarted, SpeechEnded, FinalTranscript]
    assert out[-1] == FinalTranscript("one pass", "en", 0.0, 1.0, out[-1].asr_seconds)  # type: ignore[union-attr]
    assert fake.calls == [round(1.2 * RATE) * 2]  # speech + post-roll, recognised once
    assert outcomes == ["used"]


async def test_when_the_closing_pause_partial_fails_the_turn_is_recognised_afresh() -> None:
    fake = FailingTranscriber(fail_on={1}, text="second try")

    async def inbox() -> AsyncIterator[Event]:
        for chunk in chunks(tone(1.0) + quiet(0.22)):
            yield chunk
        await wait_for(lambda: bool(fake.calls))
        for chunk in chunks(quiet(1.0), start=1.22):
            yield chunk

    out = [event async for event in make_stage(fake, partial_interval=0.5).run(inbox())]
    assert [type(e) for e in out] == [SpeechStarted, StageFailed, SpeechEnded, FinalTranscript]
    assert isinstance(out[-1], FinalTranscript) and out[-1].text == "second try"
    assert fake.calls == [round(1.2 * RATE) * 2] * 2  # the failed partial, then the same audio again


async def test_partials_follow_the_call_setting_as_it_changes() -> None:
    fake = ScriptedTranscriber("some words")
    settings = CallSettings(partials=False)
    stage = make_stage(fake, settings, partial_interval=0.5)
    calls_while_off: list[int] = []

    async def inbox() -> AsyncIterator[Event]:
        for chunk in chunks(tone(1.2)):  # two partials would have been due
            yield chunk
            await asyncio.sleep(0)
        calls_while_off.append(len(fake.calls))
        yield SettingsChanged(replace(settings, partials=True))  # a mid-call `config` turned them on
        for chunk in chunks(tone(1.0), start=1.2):
            yield chunk
            await asyncio.sleep(0)
        await wait_for(lambda: len(fake.calls) >= 1)
        for chunk in chunks(quiet(1.0), start=2.2):
            yield chunk

    out = [event async for event in stage.run(inbox())]
    assert calls_while_off == [0]
    assert stage.settings.partials and not settings.partials  # the stage took the new settings
    # at least one partial once they were on (how many more fit before the end-of-turn silence
    # depends on how fast this machine runs them), then the final over the whole utterance
    assert len(fake.calls) >= 2
    assert fake.calls == sorted(fake.calls) and fake.calls[-1] > fake.calls[0]
    assert [type(e) for e in out][-1] is FinalTranscript


async def test_a_failed_partial_is_reported_once_and_the_final_still_runs() -> None:
    fake = FailingTranscriber(fail_on={1}, text="after all")
    stage = make_stage(fake, partial_interval=0.5)

    async def inbox() -> AsyncIterator[Event]:
        for chunk in chunks(tone(1.0) + quiet(0.22)):  # a pause: the partial (which fails)
            yield chunk
        while not fake.calls:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.05)
        for chunk in chunks(tone(0.5) + quiet(1.0), start=1.22):
            yield chunk

    out = [event async for event in stage.run(inbox())]
    kinds = [type(e) for e in out]
    assert kinds.count(StageFailed) == 1
    assert kinds[-1] is FinalTranscript
    assert kinds.index(SpeechStarted) < kinds.index(StageFailed)


async def test_no_partial_in_the_pause_that_ends_the_turn() -> None:
    fake = ScriptedTranscriber("short")
    # a partial would be due 0.8 s after the speech start, just as 0.3 s of silence call for the early final
    out = await collect(make_stage(fake, partial_interval=0.8), chunks(tone(0.5) + quiet(1.0)))
    assert [type(e) for e in out] == [SpeechStarted, SpeechEnded, FinalTranscript]
    assert fake.calls == [round(0.7 * RATE) * 2]  # only the (early) final
