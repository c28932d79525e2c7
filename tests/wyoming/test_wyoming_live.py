"""The Wyoming server on the real packaged models, with the ``wyoming`` client library as the peer.

Korean first: a Korean sentence is spoken by the server's Korean voice (Kokoro), heard back by
whisper, and the same audio, as a WAV file, is streamed back through the server's ASR; a real
English recording (Debian's asterisk prompts) is streamed as 8 kHz audio; a Korean benefit
question gets Malbeot's answer.
"""

from __future__ import annotations

import asyncio
import io
import os
import subprocess
import sys
import wave
from pathlib import Path

import pytest
from wyoming.asr import Transcribe, Transcript
from wyoming.audio import AudioChunk, AudioStart, wav_to_chunks
from wyoming.client import AsyncTcpClient
from wyoming.error import Error
from wyoming.event import read_event, write_event
from wyoming.handle import Handled
from wyoming.info import Describe, Info
from wyoming.tts import Synthesize, SynthesizeVoice

from asr.metrics import cer
from malbeot_core.audio import INTERNAL, resample
from malbeot_core.installed import asterisk_recording
from voice_gateway.embedded import free_port
from voice_gateway.services import Services

from .conftest import replies_until, reply, served

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]

KOREAN = "기초연금은 주민센터에서 신청할 수 있습니다."
#: round-trip bound: the Korean voice's measured CER is 0.14 on answers (tts/registry.py)
MAX_CER = 0.35


def wav_file(pcm: bytes, rate: int) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm)
    return buf.getvalue()


async def stream_wav(client: AsyncTcpClient, data: bytes, language: str | None = None) -> Transcript:
    await client.write_event(Transcribe(language=language).event())
    with wave.open(io.BytesIO(data), "rb") as wav:
        for event in wav_to_chunks(wav, samples_per_chunk=1024, start_event=True, stop_event=True):
            await client.write_event(event.event())
    event = await reply(client)
    assert Transcript.is_type(event.type), event
    return Transcript.from_event(event)


async def test_describe_names_the_real_models(real_services: Services) -> None:
    async with served(real_services) as client:
        await client.write_event(Describe().event())
        info = Info.from_event(await reply(client))
    voices = {v.name: v.description or "" for v in info.tts[0].voices}
    assert "kokoro" in voices["malbeot-ko"] and "piper" in voices["malbeot-en"], voices
    assert info.asr[0].models[0].name == "faster-whisper-base"
    assert set(info.asr[0].models[0].languages) == {"ko", "en", "zh", "vi", "ja"}


async def test_korean_speech_round_trip(real_services: Services) -> None:
    async with served(real_services) as client:
        await client.write_event(Synthesize(text=KOREAN, voice=SynthesizeVoice(name="malbeot-ko")).event())
        events = await replies_until(client, "audio-stop")
        assert AudioStart.is_type(events[0].type), events[0]
        rate = AudioStart.from_event(events[0]).rate
        pcm = b"".join(AudioChunk.from_event(e).audio for e in events[1:-1])
        assert len(pcm) / 2 / rate > 1.5  # a sentence, not a blip

        # heard back by whisper directly
        heard = real_services.transcriber.transcribe(resample(pcm, rate, INTERNAL.rate), "ko")
        spoken_cer = cer(KOREAN, heard.text)
        # the same audio as a WAV file through the server's ASR (24 kHz in, language identified)
        transcript = await stream_wav(client, wav_file(pcm, rate))
    served_cer = cer(KOREAN, transcript.text)
    print(f"\nKorean voice heard back CER {spoken_cer:.3f} ({heard.text!r}); via Wyoming ASR CER {served_cer:.3f}")
    assert spoken_cer <= MAX_CER, heard.text
    assert transcript.language == "ko"
    assert served_cer <= MAX_CER, transcript.text


async def test_real_english_recording(real_services: Services) -> None:
    data = asterisk_recording("demo-moreinfo.wav").read_bytes()  # 8 kHz 16-bit mono, a real voice
    async with served(real_services) as client:
        transcript = await stream_wav(client, data)
        # a bad request on the same connection is refused and the connection goes on
        await client.write_event(Transcribe(language="xx").event())
        error = Error.from_event(await reply(client))
        fixed = await stream_wav(client, data, language="en")
    assert transcript.language == "en" and "open source" in transcript.text.lower(), transcript
    assert error.code == "unknown_language"
    assert "open source" in fixed.text.lower()


async def test_benefit_question_is_answered(real_services: Services) -> None:
    async with served(real_services) as client:
        await client.write_event(Transcript(text="기초연금 받을 수 있나요?", language="ko").event())
        event = await reply(client)
    assert Handled.is_type(event.type), event
    handled = Handled.from_event(event)
    print(f"\nhandled: {handled.text}")
    assert "기초연금" in (handled.text or "")
    programmes = (handled.context or {}).get("programmes", [])
    assert programmes and "기초연금" in programmes[0]["name"], handled.context


async def test_the_command_serves_on_the_uri_it_is_given() -> None:
    """``python -m voice_gateway wyoming --uri tcp://127.0.0.1:PORT`` (models loaded on first use)."""
    port = free_port()
    env = {**os.environ, "MALBEOT_PRELOAD": "0", "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "voice_gateway", "wyoming", "--uri", f"tcp://127.0.0.1:{port}"]
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        for _ in range(600):  # the import of the model libraries takes a while on a busy machine
            try:
                async with AsyncTcpClient("127.0.0.1", port, connect_timeout=1) as client:
                    await client.write_event(Describe().event())
                    info = Info.from_event(await reply(client))
                break
            except OSError:
                assert process.poll() is None, process.stdout.read().decode() if process.stdout else ""
                await asyncio.sleep(0.2)
        else:
            pytest.fail("the server never listened")
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert [p.name for p in info.handle] == ["malbeot-benefits"]


def test_stdio_server_keeps_standard_output_for_events() -> None:
    """``--uri stdio://``: events on standard input and output, logs on standard error only."""
    env = {**os.environ, "MALBEOT_PRELOAD": "0", "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "voice_gateway", "wyoming", "--uri", "stdio://"]
    process = subprocess.Popen(
        command, cwd=REPO, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        write_event(Describe().event(), process.stdin)
        write_event(Synthesize(text="x", voice=SynthesizeVoice(name="nobody")).event(), process.stdin)
        process.stdin.flush()
        info, error = read_event(process.stdout), read_event(process.stdout)
    finally:
        process.stdin.close()
        process.wait(timeout=60)
    assert info is not None and Info.is_type(info.type)
    assert error is not None and Error.from_event(error).code == "unknown_voice"
    assert process.stdout.read() == b""  # nothing but events
