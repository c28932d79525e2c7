from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Callable

import pytest

from malbeot_core.audio import INTERNAL, AudioChunk, AudioFormat
from malbeot_core.errors import UnknownLanguage
from malbeot_core.events import (
    BargeIn,
    BenefitAnswer,
    EndOfTurn,
    Event,
    FinalTranscript,
    PartialTranscript,
    ReplyDone,
    SpeechAudio,
    SpeechEnded,
    SpeechStarted,
    StageFailed,
)
from malbeot_core.settings import CallSettings
from malbeot_core.stage import Pipeline
from tests.tts.tts_fakes import ToneSynthesizer
from tts.protocol import Synthesizer
from tts.registry import VoiceChoice, VoicePreferences, VoiceSelector
from tts.stage import TtsStage

THREE = "첫 번째 문장을 말합니다. 두 번째 문장을 말합니다. 세 번째 문장을 말합니다."
TIMEOUT = 10


class Inbox:
    """An inbox the test feeds while the stage runs."""

    def __init__(self) -> None:
        self._queue: asyncio.Queue[Event | None] = asyncio.Queue()

    def put(self, event: Event) -> None:
        self._queue.put_nowait(event)

    def close(self) -> None:
        self._queue.put_nowait(None)

    async def __aiter__(self) -> AsyncIterator[Event]:
        while (event := await self._queue.get()) is not None:
            yield event


def answer(text: str = THREE, language: str = "ko", rate: float = 1.0) -> BenefitAnswer:
    return BenefitAnswer(text=text, language=language, intent="benefit_search", rate=rate)


def stage_with(synth: Synthesizer, settings: CallSettings | None = None) -> TtsStage:
    def select(language: str) -> Synthesizer:
        if language not in synth.languages:
            raise UnknownLanguage(f"no voice for {language}", stage="tts")
        return synth

    return TtsStage(select, settings or CallSettings())


async def collect(stage: TtsStage, events: list[Event]) -> list[Event]:
    inbox = Inbox()
    for event in events:
        inbox.put(event)
    inbox.close()
    return [e async for e in stage.run(aiter(inbox))]


async def read_until(
    stream: AsyncIterator[Event], seen: list[Event], done: Callable[[Event], bool]
) -> Event:
    async with asyncio.timeout(TIMEOUT):
        async for event in stream:
            seen.append(event)
            if done(event):
                return event
    raise AssertionError(f"stream ended before the awaited event; saw {seen}")


def audio_of(events: list[Event]) -> list[SpeechAudio]:
    return [e for e in events if isinstance(e, SpeechAudio)]


async def test_speaks_an_answer_sentence_by_sentence() -> None:
    synth = ToneSynthesizer(sample_rate=8000)
    ans = answer()
    events = await collect(stage_with(synth), [ans])
    assert events[0] is ans
    assert events[-1] == ReplyDone(3)
    audio = audio_of(events)
    assert [a.index for a in audio] == sorted(a.index for a in audio)
    assert {a.index for a in audio} == {0, 1, 2}
    assert next(a.sentence for a in audio if a.index == 1) == "두 번째 문장을 말합니다."
    # at the voice's own rate, each chunk starting where the previous one ended
    assert all(a.chunk.fmt == AudioFormat(synth.sample_rate) for a in audio)
    for before, after in itertools.pairwise(audio):
        assert after.chunk.start == pytest.approx(before.chunk.end)
    assert audio[0].chunk.start == 0.0
    sentences = ["첫 번째 문장을 말합니다.", "두 번째 문장을 말합니다.", "세 번째 문장을 말합니다."]
    for index, sentence in enumerate(sentences):
        seconds = sum(a.chunk.duration for a in audio if a.index == index)
        assert seconds == pytest.approx(len(sentence) * synth.seconds_per_char, abs=0.01)
    assert [a.last for a in audio] == [False] * (len(audio) - 1) + [True]


async def test_a_sentence_in_many_chunks_goes_on_at_the_voices_rate_untouched() -> None:
    # a 24 kHz voice (Kokoro's rate) giving one sentence in 20 ms pieces, as a cached sentence comes:
    # the channel edge resamples the reply once, as one stream (tests/gateway/test_edge_options.py)
    synth = ToneSynthesizer(sample_rate=24000, chunk_seconds=0.02)
    sentence = "한 문장을 작은 조각으로 말합니다."
    audio = audio_of(await collect(stage_with(synth), [answer(sentence)]))
    assert {a.chunk.fmt for a in audio} == {AudioFormat(24000)}
    whole = b"".join(ToneSynthesizer(sample_rate=24000, chunk_seconds=60.0).synthesize(sentence, "ko"))
    assert b"".join(a.chunk.pcm for a in audio) == whole


@pytest.mark.parametrize("short_first_piece", [True, False])
async def test_a_long_first_sentence_is_spoken_clause_first(short_first_piece: bool) -> None:
    text = ("Basic Pension: A monthly pension for people aged 65 or over whose income is below a threshold. "
            "Apply at the community centre.")
    stage = TtsStage(lambda language: ToneSynthesizer(), CallSettings(), short_first_piece=short_first_piece)
    events = await collect(stage, [answer(text, "en")])
    spoken = list(dict.fromkeys(a.sentence for a in audio_of(events)))
    if short_first_piece:
        assert spoken[0] == "Basic Pension:"
        assert events[-1] == ReplyDone(3)
    else:
        assert spoken[0].startswith("Basic Pension: A monthly pension")
        assert events[-1] == ReplyDone(2)
    assert " ".join(spoken) == text


async def test_first_audio_leaves_before_the_last_sentence_is_synthesised() -> None:
    synth = ToneSynthesizer(delay=0.15)  # slow: 0.15 s of work per 0.1 s chunk
    inbox = Inbox()
    inbox.put(answer())
    stream = TtsStage(lambda _: synth, CallSettings()).run(aiter(inbox))
    seen: list[Event] = []
    first = await read_until(stream, seen, lambda e: isinstance(e, SpeechAudio))
    assert isinstance(first, SpeechAudio) and first.index == 0
    assert "세 번째 문장을 말합니다." not in synth.finished
    inbox.close()
    rest = [e async for e in stream]
    assert rest[-1] == ReplyDone(3)
    assert synth.finished == ["첫 번째 문장을 말합니다.", "두 번째 문장을 말합니다.", "세 번째 문장을 말합니다."]


async def test_barge_in_cancels_the_reply() -> None:
    synth = ToneSynthesizer(delay=0.1)
    inbox = Inbox()
    inbox.put(answer())
    stream = TtsStage(lambda _: synth, CallSettings()).run(aiter(inbox))
    seen: list[Event] = []
    await read_until(stream, seen, lambda e: isinstance(e, SpeechAudio))
    inbox.put(SpeechStarted(at=4.2))
    await read_until(stream, seen, lambda e: isinstance(e, SpeechStarted))
    made = synth.chunks_made
    await asyncio.sleep(0.3)  # synthesis must not go on in the background
    assert synth.chunks_made <= made + 1
    inbox.put(SpeechEnded(at=5.0))
    inbox.close()
    seen.extend([e async for e in stream])

    barge = seen.index(BargeIn(4.2))
    assert seen.count(BargeIn(4.2)) == 1
    assert seen[barge + 1] == SpeechStarted(4.2)
    assert not audio_of(seen[barge:])
    assert not any(isinstance(e, ReplyDone) for e in seen)
    assert seen[-1] == SpeechEnded(5.0)
    assert len(synth.finished) < 3 and len(synth.abandoned) <= 1


async def test_explicit_barge_in_is_emitted_once() -> None:
    synth = ToneSynthesizer(delay=0.1)
    inbox = Inbox()
    inbox.put(answer())
    stream = TtsStage(lambda _: synth, CallSettings()).run(aiter(inbox))
    seen: list[Event] = []
    await read_until(stream, seen, lambda e: isinstance(e, SpeechAudio))
    inbox.put(BargeIn(at=1.5))
    inbox.put(SpeechStarted(at=1.6))  # the reply is already cancelled: just passes through
    inbox.close()
    seen.extend([e async for e in stream])
    assert [e for e in seen if isinstance(e, BargeIn | SpeechStarted)] == [BargeIn(1.5), SpeechStarted(1.6)]
    assert not audio_of(seen[seen.index(BargeIn(1.5)) :])


async def test_speech_while_idle_is_not_a_barge_in() -> None:
    events = await collect(
        stage_with(ToneSynthesizer()),
        [SpeechStarted(0.5), SpeechEnded(1.5), answer("짧은 답변을 드립니다."), BargeIn(9.0)],
    )
    assert [e for e in events if isinstance(e, BargeIn | SpeechStarted | SpeechEnded)] == [
        SpeechStarted(0.5),
        SpeechEnded(1.5),
        BargeIn(9.0),  # the reply was complete: passed through once, as it came
    ]


async def test_a_new_answer_replaces_the_one_being_spoken() -> None:
    synth = ToneSynthesizer(delay=0.1)
    inbox = Inbox()
    first, second = answer(), answer("새로운 답변을 드리겠습니다.")
    inbox.put(first)
    stream = TtsStage(lambda _: synth, CallSettings()).run(aiter(inbox))
    seen: list[Event] = []
    await read_until(stream, seen, lambda e: isinstance(e, SpeechAudio))
    inbox.put(second)
    inbox.close()
    seen.extend([e async for e in stream])
    after = seen[seen.index(second) :]
    assert {a.sentence for a in audio_of(after)} == {"새로운 답변을 드리겠습니다."}
    assert [e for e in seen if isinstance(e, ReplyDone)] == [ReplyDone(1)]
    assert not any(isinstance(e, BargeIn) for e in seen)


async def test_a_failing_voice_is_reported_and_the_stage_goes_on() -> None:
    synth = ToneSynthesizer(fail_on="고장")
    broken, fine = answer("이 문장에서 음성이 고장납니다."), answer("다음 답변은 잘 들립니다.")
    inbox = Inbox()
    inbox.put(broken)
    stream = stage_with(synth).run(aiter(inbox))
    events: list[Event] = []
    await read_until(stream, events, lambda e: isinstance(e, StageFailed))
    inbox.put(fine)
    inbox.put(EndOfTurn(3.0))
    inbox.close()
    events.extend([e async for e in stream])
    failures = [e for e in events if isinstance(e, StageFailed)]
    assert len(failures) == 1
    assert (failures[0].code, failures[0].stage, failures[0].recoverable) == ("backend_failed", "tts", True)
    assert "고장" in failures[0].message
    after = events[events.index(fine) :]
    assert audio_of(after) and ReplyDone(1) in after
    assert EndOfTurn(3.0) in after


async def test_an_unknown_language_is_reported() -> None:
    events = await collect(stage_with(ToneSynthesizer()), [answer("Bonjour à tous.", language="fr")])
    assert events[1] == StageFailed("unknown_language", "tts", "no voice for fr", True)


async def test_speaking_rate_is_the_answer_rate_and_nothing_else() -> None:
    synth = ToneSynthesizer()
    settings = CallSettings(elderly=True)  # the dialog already chose the rate of an elderly call
    await collect(stage_with(synth, settings), [answer("천천히 말씀드리겠습니다.", rate=0.8)])
    assert [rate for _, _, rate in synth.calls] == [0.8]


async def test_pass_through_events_keep_their_order() -> None:
    chunk = AudioChunk(b"\x00\x00" * 160, INTERNAL, 0.0)
    ans = answer("짧은 답변을 드립니다.")
    before: list[Event] = [SpeechStarted(0.1), chunk, PartialTranscript("안녕", "ko", 0.5), SpeechEnded(1.0)]
    after: list[Event] = [FinalTranscript("다음", "ko", 2.0, 2.5), EndOfTurn(3.0)]
    events = await collect(stage_with(ToneSynthesizer()), [*before, ans, *after])
    passed = [e for e in events if not isinstance(e, SpeechAudio | ReplyDone)]
    assert passed == [*before, ans, *after]


async def test_text_only_calls_are_not_synthesised() -> None:
    synth = ToneSynthesizer()
    settings = CallSettings(speak=False)
    ans = answer()
    assert await collect(stage_with(synth, settings), [ans]) == [ans]
    assert synth.calls == []


async def test_empty_answer_is_done_at_once() -> None:
    ans = answer("   ")
    assert await collect(stage_with(ToneSynthesizer()), [ans]) == [ans, ReplyDone(0)]


async def test_in_a_pipeline_with_espeak() -> None:
    select = VoiceSelector(VoicePreferences({"ko": (VoiceChoice.of("espeak"),)}))
    pipeline = Pipeline([TtsStage(select, CallSettings())])
    pipeline.start()
    ans = answer("안녕하세요. 기초연금은 주민센터에서 신청하실 수 있습니다.")
    await pipeline.feed(ans)
    await pipeline.close_input()
    try:
        async with asyncio.timeout(TIMEOUT):
            events = [e async for e in pipeline.events()]
    finally:
        await pipeline.aclose()
    audio = audio_of(events)
    assert events[0] == ans and events[-1] == ReplyDone(2)
    assert {a.index for a in audio} == {0, 1} and audio[-1].last
    assert 2.0 < audio[-1].chunk.end < 15.0
