"""The ASR stage, one turn at a time: turn events and transcripts, languages, failures, end of turn,
no-input, elderly mode, pass-through of other events."""

from __future__ import annotations

from collections.abc import Sequence

from asr.protocol import Transcript
from asr.segmenter import SegmenterConfig
from malbeot_core.audio import TELEPHONY_PCM, AudioChunk
from malbeot_core.errors import BackendFailed
from malbeot_core.events import (
    EndOfTurn,
    Event,
    FinalTranscript,
    NoInput,
    ReplyDone,
    SpeechEnded,
    SpeechStarted,
    StageFailed,
    TextInput,
)
from malbeot_core.settings import CallSettings
from tests.asr.asr_stage_harness import RATE, FailingTranscriber, chunks, collect, make_stage, quiet, summary, tone
from tests.fakes import ScriptedTranscriber


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
