"""The Wyoming server over a real socket with the ``wyoming`` client library, on model-free backends.

The backends implement the real protocols (tests/gateway/pipeline_fakes.py): a scripted
transcriber, a tone voice behind a real VoiceSelector, the real dialog over the sample catalogue
with a hashing embedder. The real-model round trips are in test_wyoming_live.py.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
from wyoming.asr import Transcribe, Transcript
from wyoming.audio import AudioChunk, AudioStart, AudioStop
from wyoming.client import AsyncTcpClient
from wyoming.error import Error
from wyoming.event import Event
from wyoming.handle import Handled
from wyoming.info import Describe, Info
from wyoming.tts import Synthesize, SynthesizeVoice

from tests.gateway.pipeline_fakes import FakeBackends, fake_services
from voice_gateway.cli import main

from .conftest import listening, replies_until, reply, served


def tone(seconds: float, rate: int, channels: int = 1) -> bytes:
    t = np.arange(round(seconds * rate)) / rate
    mono = (np.sin(2 * np.pi * 440 * t) * 8000).astype("<i2")
    return np.repeat(mono, channels).tobytes()


def audio_events(pcm: bytes, rate: int, width: int = 2, channels: int = 1, step: int = 3200) -> list[Event]:
    events = [AudioStart(rate=rate, width=width, channels=channels).event()]
    events += [
        AudioChunk(rate=rate, width=width, channels=channels, audio=pcm[i : i + step]).event()
        for i in range(0, len(pcm), step)
    ]
    return [*events, AudioStop().event()]


@pytest.fixture
def fakes() -> FakeBackends:
    return fake_services()


async def test_describe_lists_asr_voices_and_benefit_handling(fakes: FakeBackends) -> None:
    async with served(fakes.services) as client:
        await client.write_event(Describe().event())
        info = Info.from_event(await reply(client))
    languages = list(fakes.services.config.languages)
    assert [p.name for p in info.asr] == ["malbeot-asr"]
    assert info.asr[0].models[0].name == "faster-whisper-base"
    assert info.asr[0].models[0].languages == languages  # identified among these only
    assert info.asr[0].models[0].attribution.url == "https://huggingface.co/Systran/faster-whisper-base"
    voices = {v.name: v for v in info.tts[0].voices}
    assert sorted(voices) == sorted(f"malbeot-{lang}" for lang in languages)
    assert voices["malbeot-ko"].languages == ["ko"] and "Korean" in (voices["malbeot-ko"].description or "")
    assert info.handle[0].name == "malbeot-benefits" and info.handle[0].models[0].languages == languages


async def test_transcribe_stereo_22k_audio_becomes_16k_mono(fakes: FakeBackends) -> None:
    async with served(fakes.services) as client:
        await client.write_event(Transcribe(language="ko-KR").event())
        for event in audio_events(tone(1.0, 22050, channels=2), 22050, channels=2):
            await client.write_event(event)
        transcript = Transcript.from_event(await reply(client))
    assert (transcript.text, transcript.language) == ("기초연금 알려 주세요", "ko")
    assert abs(fakes.transcriber.calls[-1] - 32000) <= 64  # one second of 16 kHz 16-bit mono


async def test_language_is_identified_among_the_configured_ones(fakes: FakeBackends) -> None:
    async with served(fakes.services) as client:
        await client.write_event(Transcribe().event())
        for event in audio_events(tone(0.5, 16000), 16000):
            await client.write_event(event)
        transcript = Transcript.from_event(await reply(client))
    assert transcript.language == "ko"


@pytest.mark.parametrize(
    ("events", "code"),
    [
        ([Transcribe(language="fr").event(), *audio_events(tone(0.3, 16000), 16000)], "unknown_language"),
        (audio_events(tone(0.3, 16000)[:4800], 16000, width=1), "bad_audio"),
        (audio_events(tone(0.3, 16000, channels=4), 16000, channels=4), "bad_audio"),
        (audio_events(tone(0.3, 4000), 4000), "unsupported_rate"),
        (
            [
                AudioStart(rate=16000, width=2, channels=1).event(),
                AudioChunk(rate=8000, width=2, channels=1, audio=tone(0.1, 8000)).event(),
                AudioStop().event(),
            ],
            "bad_audio",
        ),
        (
            [
                AudioStart(rate=16000, width=2, channels=1).event(),
                AudioChunk(rate=16000, width=2, channels=1, audio=b"\x01\x02\x03").event(),
                AudioStop().event(),
            ],
            "bad_audio",
        ),
        ([Transcribe().event(), AudioStart(rate=16000, width=2, channels=1).event(), AudioStop().event()], "bad_audio"),
        ([Event(type="transcript", data={"language": "ko"})], "bad_message"),
        ([Synthesize(text="안녕하세요", voice=SynthesizeVoice(name="nobody")).event()], "unknown_voice"),
        ([Synthesize(text="bonjour", voice=SynthesizeVoice(language="fr")).event()], "unknown_language"),
        ([Synthesize(text="  ").event()], "bad_message"),
        ([Synthesize(text="<speak>hi</speak>", text_format="ssml").event()], "bad_message"),
        ([Transcript(text="bonjour", language="fr").event()], "unknown_language"),
    ],
)
async def test_bad_request_gets_one_error_and_the_connection_goes_on(
    fakes: FakeBackends, events: list[Event], code: str
) -> None:
    async with served(fakes.services) as client:
        for event in events:
            await client.write_event(event)
        error = await reply(client)
        assert Error.is_type(error.type), error
        assert Error.from_event(error).code == code
        assert Error.from_event(error).text  # a sentence saying what was wrong
        # the rest of the failed request made no second error; the next request is served
        await client.write_event(Transcribe(language="en").event())
        for event in audio_events(tone(0.3, 16000), 16000):
            await client.write_event(event)
        after = await reply(client)
        assert Transcript.is_type(after.type), after
        assert Transcript.from_event(after).language == "en"


async def test_too_much_audio_is_refused(fakes: FakeBackends) -> None:
    async with served(fakes.services) as client:
        server_limit = 60.0
        pcm = bytes(int(8000 * 2 * (server_limit + 1)))
        for event in audio_events(pcm, 8000, step=160000):
            await client.write_event(event)
        error = Error.from_event(await reply(client))
    assert error.code == "frame_too_large"


async def test_unknown_events_are_dropped(fakes: FakeBackends) -> None:
    async with served(fakes.services) as client:
        await client.write_event(Event(type="run-satellite"))
        await client.write_event(Describe().event())
        assert Info.is_type((await reply(client)).type)


async def test_synthesize_streams_the_voice_of_the_language(fakes: FakeBackends) -> None:
    async with served(fakes.services) as client:
        await client.write_event(Synthesize(text="기초연금을 안내해 드립니다.").event())
        events = await replies_until(client, "audio-stop")
        await client.write_event(Synthesize(text="hello", voice=SynthesizeVoice(name="malbeot-en")).event())
        english = await replies_until(client, "audio-stop")
    start = AudioStart.from_event(events[0])
    chunks = [AudioChunk.from_event(e) for e in events[1:-1]]
    assert (start.rate, start.width, start.channels) == (fakes.voice.sample_rate, 2, 1)
    assert chunks and all(c.rate == start.rate and c.seconds <= 0.5 for c in chunks)
    assert sum(c.samples for c in chunks) > 0 and AudioStop.is_type(events[-1].type)
    assert AudioStop.is_type(english[-1].type)
    assert [(text, language) for text, language, _ in fakes.voice.calls[-2:]] == [
        ("기초연금을 안내해 드립니다.", "ko"),
        ("hello", "en"),
    ]


async def test_handle_answers_a_benefit_question_and_keeps_the_conversation(fakes: FakeBackends) -> None:
    async with served(fakes.services) as client:
        await client.write_event(Transcript(text="기초연금 받을 수 있나요?").event())
        first = await reply(client)
        await client.write_event(Transcript(text="기초연금 신청은 어디서 하나요?", language="ko").event())
        second = await reply(client)
    handled = Handled.from_event(first)
    assert Handled.is_type(first.type) and "기초연금" in (handled.text or "")
    context = handled.context or {}
    assert context["language"] == "ko" and context["intent"]
    assert Handled.from_event(second).context["conversation_id"] == context["conversation_id"]  # type: ignore[index]


def test_cli_refuses_a_uri_it_cannot_listen_on(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["wyoming", "--uri", "tcp://127.0.0.1"]) == 2
    assert "needs a host and a port" in capsys.readouterr().out


async def test_a_conversation_goes_on_over_new_connections(fakes: FakeBackends) -> None:
    """Home Assistant opens a connection per turn: the context's conversation_id carries the conversation."""

    async def turn(connect: Callable[[], AsyncTcpClient], text: str, context: dict[str, str] | None) -> Handled:
        async with connect() as client:  # a new connection per turn
            await client.write_event(Transcript(text=text, context=context).event())
            return Handled.from_event(await reply(client))

    async with listening(fakes.services) as connect:
        first = await turn(connect, "기초연금 받을 수 있나요?", None)
        given = (first.context or {})["conversation_id"]  # the id the server gave back
        await turn(connect, "기초연금 받을 수 있나요?", {"conversation_id": "ha-conversation-1"})  # the client's own
        followed = {cid: await turn(connect, "네", {"conversation_id": cid}) for cid in (given, "ha-conversation-1")}
        fresh = await turn(connect, "네", None)
    for cid, handled in followed.items():
        assert (handled.context or {})["intent"] == "details" and "기초연금" in (handled.text or ""), cid
        assert (handled.context or {})["conversation_id"] == cid
    assert (fresh.context or {})["intent"] != "details"  # "yes" to nothing


async def test_a_bad_conversation_id_is_refused(fakes: FakeBackends) -> None:
    async with served(fakes.services) as client:
        await client.write_event(Transcript(text="안녕하세요", context={"conversation_id": 5}).event())
        assert Error.from_event(await reply(client)).code == "bad_message"


def test_conversations_are_forgotten_when_idle_and_bounded() -> None:
    from dialog.manager import DialogState
    from voice_gateway.wyoming.conversations import ConversationStore

    now = [0.0]
    store = ConversationStore(idle_seconds=60, size=2, clock=lambda: now[0])
    first = store.state({"conversation_id": "a"}, DialogState())
    assert store.state({"conversation_id": "a"}, DialogState()) is first
    now[0] = 61.0
    assert store.state({"conversation_id": "a"}, DialogState()) is not first  # forgotten after 60 s idle
    store.state({"conversation_id": "b"}, DialogState())
    store.state({"conversation_id": "c"}, DialogState())
    assert len(store) == 2  # the oldest went
