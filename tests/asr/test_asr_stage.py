"""The ASR stage: turn events, transcripts, partial rate limiting, failures, pass-through."""

from __future__ import annotations

import asyncio
import itertools
import threading
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from dataclasses import replace

import numpy as np
import pytest

from asr.metrics import word_recall
from asr.protocol import Transcriber, Transcript
from asr.segmenter import SegmenterConfig
from asr.stage import AsrStage
from asr.vad import create_detector
from malbeot_core.audio import INTERNAL, TELEPHONY_PCM, AudioChunk
from malbeot_core.errors import BackendFailed
from malbeot_core.events import (
    EndOfTurn,
    Event,
    FinalTranscript,
    NoInput,
    PartialTranscript,
    ReplyDone,
    SettingsChanged,
    SpeechEnded,
    SpeechStarted,
    StageFailed,
    TextInput,
)
from malbeot_core.settings import CallSettings
from tests.asr.asr_clips import Clip
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


async def test_one_turn_in_order() -> None:
    fake = ScriptedTranscriber("hello there", spoken_language="en")
    settings = CallSettings(languages=("ko", "en"), start_language="ko")
    out = await collect(make_stage(fake, settings), chunks(quiet(0.5) + tone(1.0) + quiet(1.0)))
    assert summary(out) == [
        ("started", 0.5),
        ("ended", 1.5),
        ("final", "hello there", "en", 0.5, 1.5, 0.25),
    ]
    # the utterance given to the transcriber: 0.3 s pre-roll + 1.0 s speech + 0.2 s post-roll
    assert fake.calls == [round(1.5 * RATE) * 2]
    # the language travels in the transcript; the stage writes nothing into the call's settings
    assert settings == CallSettings(languages=("ko", "en"), start_language="ko")


async def test_chunk_size_does_not_change_the_events() -> None:
    audio = quiet(0.5) + tone(1.2) + quiet(1.0)
    by_20ms = await collect(make_stage(), chunks(audio, samples=320))
    by_odd = await collect(make_stage(), chunks(audio, samples=777))
    one_block = await collect(make_stage(), chunks(audio, samples=len(audio)))
    assert by_20ms == by_odd == one_block
    assert [type(e) for e in by_20ms] == [SpeechStarted, SpeechEnded, FinalTranscript]


async def test_other_events_pass_through_in_order() -> None:
    events: list[Event] = [TextInput("안녕하세요", "ko"), *chunks(tone(0.6) + quiet(1.0)), ReplyDone(2)]
    out = await collect(make_stage(), events)
    assert [type(e) for e in out] == [TextInput, SpeechStarted, SpeechEnded, FinalTranscript, ReplyDone]
    assert out[0] == TextInput("안녕하세요", "ko")


async def test_fixed_language_is_used() -> None:
    settings = CallSettings(language="ko")
    out = await collect(make_stage(settings=settings), chunks(tone(0.5) + quiet(1.0)))
    final = out[-1]
    assert isinstance(final, FinalTranscript)
    assert final.language == "ko"


async def test_detection_is_restricted_to_the_call_languages() -> None:
    fake = ScriptedTranscriber("xin chào", spoken_language="vi")
    settings = CallSettings(languages=("ko", "en"))
    out = await collect(make_stage(fake, settings), chunks(tone(0.5) + quiet(1.0)))
    final = out[-1]
    assert isinstance(final, FinalTranscript)
    assert final.language == "ko"  # vi is not allowed: the fake falls back to the first allowed


async def test_empty_final_is_dropped() -> None:
    out = await collect(make_stage(ScriptedTranscriber("")), chunks(tone(0.5) + quiet(1.0)))
    assert summary(out) == [("started", 0.0), ("ended", 0.5)]


async def test_crash_becomes_stage_failed_and_the_next_turn_works() -> None:
    fake = FailingTranscriber(fail_on={1}, text="second try")
    audio = tone(0.5) + quiet(1.0) + tone(0.5) + quiet(1.0)
    out = await collect(make_stage(fake), chunks(audio))
    assert [type(e) for e in out] == [
        SpeechStarted,
        SpeechEnded,
        StageFailed,
        SpeechStarted,
        SpeechEnded,
        FinalTranscript,
    ]
    failed = out[2]
    assert isinstance(failed, StageFailed)
    assert (failed.code, failed.stage, failed.recoverable) == ("backend_failed", "asr", True)
    assert "model worker died" in failed.message
    assert isinstance(out[-1], FinalTranscript)
    assert out[-1].text == "second try"


async def test_malbeot_errors_keep_their_code() -> None:
    class Broken(ScriptedTranscriber):
        def transcribe(self, pcm: bytes, language: str | None = None, languages: Sequence[str] = ()) -> Transcript:
            raise BackendFailed("CTranslate2 worker died", stage="asr")

    out = await collect(make_stage(Broken()), chunks(tone(0.5) + quiet(1.0)))
    assert out[-1] == StageFailed("backend_failed", "asr", "CTranslate2 worker died", True)


async def test_end_of_turn_forces_the_end() -> None:
    audio = chunks(quiet(0.2) + tone(0.6))
    out = await collect(make_stage(), [*audio, EndOfTurn(0.8), *chunks(quiet(0.2), start=0.8)])
    assert summary(out) == [
        ("started", 0.2),
        ("ended", 0.8),
        ("final", "hello there", "en", 0.2, 0.8, 0.25),
    ]


async def test_input_closing_mid_speech_still_gives_a_final() -> None:
    out = await collect(make_stage(), chunks(quiet(0.2) + tone(1.0)))
    assert [type(e) for e in out] == [SpeechStarted, SpeechEnded, FinalTranscript]


async def test_no_input_once_per_silence_period() -> None:
    config = SegmenterConfig(no_input_timeout=2.0)
    out = await collect(make_stage(config=config), chunks(quiet(5.0)))
    assert out == [NoInput(2.0), NoInput(4.0)]


async def test_elderly_mode_waits_through_a_long_pause() -> None:
    audio = chunks(tone(0.5) + quiet(1.0) + tone(0.5) + quiet(1.5))
    normal = await collect(make_stage(), audio)
    elderly = await collect(make_stage(settings=CallSettings(elderly=True)), audio)
    assert [type(e) for e in normal].count(FinalTranscript) == 2
    assert [type(e) for e in elderly] == [SpeechStarted, SpeechEnded, FinalTranscript]


async def test_audio_in_the_wrong_format_is_reported_and_skipped() -> None:
    bad = AudioChunk(bytes(320), TELEPHONY_PCM, 0.0)
    out = await collect(make_stage(), [bad, *chunks(tone(0.5) + quiet(1.0))])
    assert isinstance(out[0], StageFailed)
    assert out[0].code == "bad_audio"
    assert [type(e) for e in out[1:]] == [SpeechStarted, SpeechEnded, FinalTranscript]


def without_partials(events: list[Event]) -> list[type[Event]]:
    return [type(e) for e in events if not isinstance(e, PartialTranscript)]


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


# -- early recognition (before the end-of-turn silence is over) ---------------------------------


async def wait_for(condition: Callable[[], bool]) -> None:
    async with asyncio.timeout(10):
        while not condition():
            await asyncio.sleep(0.005)


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


async def test_no_partial_in_the_pause_that_ends_the_turn() -> None:
    fake = ScriptedTranscriber("short")
    # a partial would be due 0.8 s after the speech start, just as 0.3 s of silence call for the early final
    out = await collect(make_stage(fake, partial_interval=0.8), chunks(tone(0.5) + quiet(1.0)))
    assert [type(e) for e in out] == [SpeechStarted, SpeechEnded, FinalTranscript]
    assert fake.calls == [round(0.7 * RATE) * 2]  # only the (early) final


async def test_early_recognition_off_recognises_after_the_end() -> None:
    fake = ScriptedTranscriber("late")
    config = SegmenterConfig(speculative_lead=None)
    out = await collect(make_stage(fake, config=config), chunks(tone(1.0) + quiet(0.5) + tone(0.5) + quiet(1.0)))
    assert [type(e) for e in out] == [SpeechStarted, SpeechEnded, FinalTranscript]
    assert fake.calls == [round(2.2 * RATE) * 2]


# -- the real model -------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("vad", ["silero", "webrtc"])
async def test_real_recording_streamed_in_20ms_chunks(
    vad: str, whisper: Transcriber, asterisk_clip: Callable[[str], Clip]
) -> None:
    clip = asterisk_clip("conf-onlyperson")
    settings = CallSettings(languages=("ko", "en", "zh", "vi", "ja"))
    stage = AsrStage(whisper, lambda: create_detector(vad), settings, SegmenterConfig(), partial_interval=1.0)
    audio = quiet(1.0) + clip.pcm + quiet(1.5)
    out = await collect(stage, chunks(audio, start=3.0))
    kinds = [type(e) for e in out]
    assert kinds[0] is SpeechStarted
    assert set(kinds[1:-2]) <= {PartialTranscript}
    assert kinds[-2:] == [SpeechEnded, FinalTranscript]
    started, ended, final = out[0], out[-2], out[-1]
    assert isinstance(started, SpeechStarted)
    assert isinstance(ended, SpeechEnded)
    assert isinstance(final, FinalTranscript)
    assert started.at == pytest.approx(4.0, abs=0.3)
    assert ended.at == pytest.approx(4.0 + clip.seconds, abs=0.5)
    assert (final.start, final.end) == (started.at, ended.at)
    assert final.language == "en"
    assert word_recall(clip.text, final.text) >= 0.8, final.text
    assert final.asr_seconds > 0


@pytest.mark.slow
async def test_real_recording_with_fixed_config_in_elderly_mode(
    whisper: Transcriber, asterisk_clip: Callable[[str], Clip]
) -> None:
    clip = asterisk_clip("auth-thankyou")
    settings = CallSettings(language="en", elderly=True)
    config = replace(SegmenterConfig(), elderly_end_silence=1.2)
    stage = AsrStage(whisper, lambda: create_detector("silero"), settings, config, partial_interval=None)
    out = await collect(stage, chunks(quiet(0.5) + clip.pcm + quiet(1.5)))
    assert [type(e) for e in out] == [SpeechStarted, SpeechEnded, FinalTranscript]
    final = out[-1]
    assert isinstance(final, FinalTranscript)
    assert word_recall(clip.text, final.text) == 1.0, final.text
