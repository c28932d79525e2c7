"""A Japanese question spoken through the gateway is answered, spoken and heard back in Japanese.

Nothing is faked: the question is synthesised by the packaged Kokoro-82M with a Japanese voice
(jm_kumo, a different voice from the gateway's), streamed over the call websocket, recognised by the
packaged whisper base, answered by the real dialog from the project's Japanese templates, spoken
by the gateway's Japanese voice (Kokoro, jf_alpha) and the reply audio is transcribed back by whisper
with the language detected among the call's five.

Chinese and Vietnamese are not tested this way: their only packaged voice is eSpeak NG, which
whisper does not understand (unintelligible), so no spoken test in those languages would be honest.
Their typed turns are tested in test_typed_languages.py.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from kiosk_client.client import stream_call
from malbeot_core.audio import resample
from tts.kokoro import KokoroSynthesizer, KokoroVoice, japanese_phonemizer
from voice_gateway.config import GatewayConfig
from voice_gateway.embedded import LiveGateway, free_port
from voice_gateway.services import Services

from .conftest import written_in

pytestmark = pytest.mark.slow

QUESTION = "七十歳の父は基礎年金をもらえますか？"


def spoken_japanese(text: str) -> bytes:
    voice = KokoroSynthesizer(voices={"ja": KokoroVoice("jm_kumo")}, phonemizers={"ja": japanese_phonemizer}, threads=2)
    return resample(b"".join(voice.synthesize(text, "ja", 1.0)), voice.sample_rate, 16000)


async def test_japanese_question_is_answered_and_heard_back_in_japanese(
    real_services: Services, start_gateway: Callable[..., LiveGateway]
) -> None:
    assert real_services.voices.status("ja").backend == "kokoro"  # not eSpeak's kana-only Japanese
    config = dataclasses.replace(GatewayConfig(port=free_port()), no_input_seconds=6.0)
    gateway = start_gateway(config)
    pcm = b"\x00\x00" * 8000 + spoken_japanese(QUESTION)
    result = await stream_call(gateway.ws_url, pcm, 16000, pace=2.0, timeout=180)

    final = result.of_type("final_transcript")[0]
    assert final["language"] == "ja", final
    assert "年金" in final["text"], final["text"]
    answer = result.of_type("answer")[0]
    assert answer["language"] == "ja"
    assert answer["programmes"][0]["id"] == "KR-BASIC-PENSION", answer["programmes"]
    assert written_in(answer["text"]) == "ja", answer["text"]
    assert len(result.reply_audio) > 16000 * 2 * 2  # more than two seconds of speech

    reply = resample(bytes(result.reply_audio), result.reply_rate, 16000)
    heard = real_services.transcriber.transcribe(reply, None, ("ko", "en", "zh", "vi", "ja"))
    assert heard.language == "ja", heard
    assert "年金" in heard.text or "ねんきん" in heard.text, heard.text
