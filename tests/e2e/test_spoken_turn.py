"""One real spoken turn, end to end: audio over the call websocket → real ASR → retrieval → real TTS.

Nothing is faked: the gateway runs the packaged models; reply audio is transcribed back with the ASR.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest

from kiosk_client.client import CallResult, stream_call
from malbeot_core.audio import resample
from tests.speech import spoken_english
from voice_gateway.services import Services

from .audio_fixtures import asterisk_recording, cer, read_audio, to_mulaw_8k
from .conftest import LiveGateway

pytestmark = pytest.mark.slow

PENSION = "KR-BASIC-PENSION"
DAYCARE_IDS = {"KR-CHILDCARE-FEE", "KR-DAYCARE"}  # the sample catalogue's daycare programme


def silence(seconds: float, rate: int = 16000) -> bytes:
    return b"\x00\x00" * int(seconds * rate)


def synthesize(services: Services, text: str, language: str) -> bytes:
    if language == "en":
        return spoken_english(text)
    voice = services.voices(language)
    return resample(b"".join(voice.synthesize(text, language, 1.0)), voice.sample_rate, 16000)


def assert_turn_order(result: CallResult) -> None:
    types = result.types()
    assert types[0] == "ready", types
    for earlier, later in [
        ("speech_started", "final_transcript"),
        ("final_transcript", "answer"),
        ("answer", "audio_start"),
        ("audio_start", "audio_end"),
    ]:
        assert earlier in types and later in types, types
        assert types.index(earlier) < types.index(later), types
    partials = [i for i, t in enumerate(types) if t == "partial_transcript"]
    assert all(i < types.index("final_transcript") for i in partials), types
    assert "error" not in types, [r.event for r in result.events if r.event["type"] == "error"]


def reply_text(services: Services, result: CallResult) -> str:
    pcm = resample(bytes(result.reply_audio), result.reply_rate, 16000)
    return services.transcriber.transcribe(pcm, None, ("ko", "en")).text


async def test_english_question_gets_spoken_pension_answer(gateway: LiveGateway, real_services: Services) -> None:
    # The question is spoken by the packaged neural English voice (Piper); human English speech
    # follows in the tests below and the Korean test uses real human recordings.
    question = "Is there a pension for seniors over sixty five? How can I apply?"
    pcm = silence(0.5) + synthesize(real_services, question, "en")
    result = await stream_call(gateway.ws_url, pcm, 16000, pace=2.0, timeout=90)

    assert_turn_order(result)
    final = result.of_type("final_transcript")[0]
    assert final["language"] == "en"
    assert "pension" in final["text"].lower()
    assert cer(question, final["text"]) < 0.25, final["text"]
    answer = result.of_type("answer")[0]
    assert answer["intent"] in {"find_benefit", "details"}
    assert answer["programmes"][0]["id"] == PENSION, answer["programmes"]
    assert answer["programmes"][0]["how_to_apply"]
    assert len(result.reply_audio) > 16000 * 2  # over a second of speech
    heard = reply_text(real_services, result).lower()
    assert "pension" in heard, heard
    # the turn's final was the recognition started before its end-of-turn silence was over
    metrics = httpx.get(gateway.url + "/metrics").text
    used = re.search(r'^malbeot_asr_early_total\{outcome="used"\} (\S+)$', metrics, re.M)
    assert used and float(used.group(1)) >= 1, metrics


async def test_human_speech_at_8khz_mulaw_asks_for_a_person(gateway: LiveGateway) -> None:
    # A real human recording (Debian asterisk-core-sounds-en-wav, 8 kHz) over a telephony-format
    # line: "Transfer" → the caller wants a person.
    pcm = silence(0.4) + read_audio(asterisk_recording("pbx-transfer.wav"))
    mulaw = to_mulaw_8k(pcm)
    result = await stream_call(gateway.ws_url, mulaw, 8000, encoding="mulaw", pace=2.0, timeout=90)
    assert_turn_order(result)
    assert result.reply_rate == 8000
    final = result.of_type("final_transcript")[0]
    assert "transfer" in final["text"].lower()
    answer = result.of_type("answer")[0]
    assert answer["intent"] == "talk_to_person"
    assert answer["action"] == "handoff"
    assert "129" in answer["text"]


async def test_human_english_speech_transcribed_exactly(gateway: LiveGateway) -> None:
    # Real human speech, 16 kHz PCM from an 8 kHz studio recording; checks the transcript path
    pcm = silence(0.3) + read_audio(asterisk_recording("demo-moreinfo.wav"))
    result = await stream_call(gateway.ws_url, pcm, 16000, pace=3.0, wait_for="answer", timeout=90)
    final = result.of_type("final_transcript")[0]
    assert final["language"] == "en"
    expected = "Asterisk is an open source, full featured PBX and IVR platform that runs on the Linux operating system"
    assert cer(expected, final["text"].split("For more")[0]) < 0.15, final["text"]
    assert result.of_type("answer"), result.types()


@pytest.mark.shared_data
async def test_korean_human_speech_gets_korean_answer(
    gateway: LiveGateway, real_services: Services, shared_data: Path
) -> None:
    # Real Korean read speech (../shared/data/ko_speech_emotiontts, CC BY-NC-SA: read in place only)
    # about designated daycare centres (어린이집) → the childcare programme, answered in Korean.
    manifest = shared_data / "ko_speech_emotiontts" / "manifest.jsonl"
    item = next(json.loads(line) for line in manifest.open() if '"wav/pfd00001.wav"' in line)
    pcm = silence(0.3) + read_audio(shared_data / "ko_speech_emotiontts" / item["path"])
    # the timeout covers recognition, the answer and the whole spoken reply on a shared 2-core machine
    result = await stream_call(gateway.ws_url, pcm, 16000, pace=3.0, timeout=360)

    assert_turn_order(result)
    final = result.of_type("final_transcript")[0]
    assert final["language"] == "ko"
    assert cer(item["transcript"], final["text"]) < 0.3, final["text"]
    answer = result.of_type("answer")[0]
    assert answer["language"] == "ko"
    ids = [p["id"] for p in answer["programmes"]]
    assert DAYCARE_IDS & set(ids[:3]), ids
    assert any("\uac00" <= ch <= "\ud7a3" for ch in answer["text"])
    # The Korean reply is spoken by Kokoro from IPA (tts/kokoro.py): heard back by whisper, the name
    # of the programme it presents first is understood.
    assert len(result.reply_audio) > result.reply_rate * 2 * 2
    pcm = resample(bytes(result.reply_audio), result.reply_rate, 16000)
    heard = real_services.transcriber.transcribe(pcm, "ko").text
    name = answer["programmes"][0]["name"]
    assert name_heard(name, heard) < 0.34, (name, heard)


def name_heard(name: str, heard: str) -> float:
    """The lowest CER of ``name`` against any stretch of ``heard`` of about its length."""
    target = "".join(ch for ch in name.split("(")[0] if ch.isalnum())
    text = "".join(ch for ch in heard if ch.isalnum())
    widths = range(max(1, len(target) - 2), len(target) + 3)
    return min(
        (cer(target, text[i : i + w]) for w in widths for i in range(max(1, len(text) - w + 1))), default=1.0
    )


async def test_typed_question_and_screen_reader_mode(gateway: LiveGateway) -> None:
    # tts=0: answers as text only (the web page's screen-reader mode): no reply audio at all
    result = await stream_call(
        gateway.ws_url, silence(0.2), 16000, params={"tts": "0"}, pace=0, wait_for="answer",
        messages=[{"type": "text", "text": "기초연금 신청은 어떻게 하나요?", "language": "ko"}], timeout=60,
    )
    answer = result.of_type("answer")[0]
    assert answer["programmes"][0]["id"] == PENSION
    assert not result.reply_audio and "audio_start" not in result.types()
