"""Bad input over the real call websocket: a clear error or close code, and nothing else breaks."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import websockets

from asr.protocol import Transcript
from malbeot_core.errors import BackendFailed
from voice_gateway.services import Services

from .conftest import LiveGateway


async def recv_json(ws: Any, kind: str, timeout: float = 20.0) -> dict[str, Any]:
    async def loop() -> dict[str, Any]:
        while True:
            message = await ws.recv()
            if isinstance(message, str):
                event = json.loads(message)
                if event["type"] == kind:
                    return dict(event)

    return await asyncio.wait_for(loop(), timeout)


async def test_unsupported_rate_is_refused_with_1003(gateway: LiveGateway) -> None:
    async with websockets.connect(gateway.ws_url + "?rate=44100") as ws:
        error = await recv_json(ws, "error")
        assert error["code"] == "unsupported_rate" and error["fatal"] is True
        with pytest.raises(websockets.ConnectionClosed):
            await asyncio.wait_for(ws.recv(), 5)
    assert ws.close_code == 1003


async def test_unknown_language_is_refused(gateway: LiveGateway) -> None:
    async with websockets.connect(gateway.ws_url + "?language=xx") as ws:
        error = await recv_json(ws, "error")
        assert error["code"] == "unknown_language"


async def test_recoverable_problems_keep_the_call(gateway: LiveGateway) -> None:
    async with websockets.connect(gateway.ws_url) as ws:
        await recv_json(ws, "ready")
        await ws.send(b"\x00\x01\x02")  # odd length: not 16-bit PCM
        assert (await recv_json(ws, "error"))["code"] == "bad_audio"
        await ws.send(b"\x00" * 70000)  # over the 64 KiB frame limit
        assert (await recv_json(ws, "error"))["code"] == "frame_too_large"
        await ws.send("hello there")  # text where audio/JSON is expected
        assert (await recv_json(ws, "error"))["code"] == "bad_message"
        await ws.send(json.dumps({"type": "dance"}))
        assert (await recv_json(ws, "error"))["code"] == "bad_message"
        await ws.send(json.dumps({"type": "config", "language": "tlh"}))
        assert (await recv_json(ws, "error"))["code"] == "unknown_language"
        # the call still works: a typed question is answered
        await ws.send(json.dumps({"type": "config", "tts": False}))
        await ws.send(json.dumps({"type": "text", "text": "basic pension for seniors", "language": "en"}))
        answer = await recv_json(ws, "answer", 60)
        assert answer["programmes"][0]["id"] == "KR-BASIC-PENSION"


async def test_oversized_websocket_message_closes_with_1009(gateway: LiveGateway) -> None:
    async with websockets.connect(gateway.ws_url, max_size=None) as ws:
        await recv_json(ws, "ready")
        await ws.send(b"\x00" * (2 << 20))  # over the server's 1 MiB message limit
        with pytest.raises(websockets.ConnectionClosed):
            while True:
                await asyncio.wait_for(ws.recv(), 10)
    assert ws.close_code == 1009


async def test_silence_forever_ends_politely(make_gateway: Any) -> None:
    live: LiveGateway = make_gateway(no_input_seconds=1.0)
    async with websockets.connect(live.ws_url) as ws:
        await recv_json(ws, "ready")

        async def talk_silence() -> None:
            for _ in range(400):
                await ws.send(b"\x00\x00" * 320)
                await asyncio.sleep(0.005)

        sender = asyncio.create_task(talk_silence())
        first = await recv_json(ws, "no_input")
        assert first["seconds"] >= 1.0
        error = await recv_json(ws, "error")
        assert error["code"] == "silence_timeout" and error["fatal"]
        sender.cancel()
    assert ws.close_code == 1000


async def test_abrupt_disconnect_leaves_the_server_serving(gateway: LiveGateway) -> None:
    for _ in range(3):
        ws = await websockets.connect(gateway.ws_url)
        await recv_json(ws, "ready")
        await ws.send(b"\x00\x00" * 3200)
        ws.transport.abort()  # no close handshake, as when a phone line drops
    await asyncio.sleep(0.5)
    async with httpx.AsyncClient() as client:
        response = await client.get(gateway.url + "/healthz")
    assert response.status_code == 200
    async with websockets.connect(gateway.ws_url) as ws:
        assert (await recv_json(ws, "ready"))["type"] == "ready"


class CrashingTranscriber:
    """Implements the Transcriber protocol; its model 'crashes' on the first call only."""

    name = "crashing"

    def __init__(self, real: Any) -> None:
        self.real = real
        self.calls = 0

    def transcribe(self, pcm: bytes, language: str | None = None, languages: Any = ()) -> Transcript:
        self.calls += 1
        if self.calls == 1:
            raise BackendFailed("CTranslate2 worker died", stage="asr")
        result: Transcript = self.real.transcribe(pcm, language, languages)
        return result

    def detect_language(self, pcm: bytes, languages: Any = ()) -> tuple[str, float]:
        result: tuple[str, float] = self.real.detect_language(pcm, languages)
        return result


@pytest.fixture
def crashing_services(real_services: Services) -> Iterator[Services]:
    services = Services(real_services.config)
    services.__dict__.update(
        {k: v for k, v in real_services.__dict__.items() if k in ("voices", "catalogue", "retriever", "dialog",
                                                                   "translator")}
    )
    services.__dict__["transcriber"] = CrashingTranscriber(real_services.transcriber)
    yield services


async def test_crashed_asr_backend_reports_and_next_turn_works(make_gateway: Any, crashing_services: Services) -> None:
    from malbeot_core.installed import asterisk_recording

    from .audio_fixtures import read_audio

    live: LiveGateway = make_gateway(crashing_services)
    speech = read_audio(asterisk_recording("pbx-transfer.wav"))
    gap = b"\x00\x00" * 16000 * 2
    async with websockets.connect(live.ws_url) as ws:
        await recv_json(ws, "ready")
        await ws.send(json.dumps({"type": "config", "tts": False}))

        async def talk() -> None:
            audio = gap[:16000] + speech + gap + speech + gap + gap
            for i in range(0, len(audio), 640):
                await ws.send(audio[i : i + 640])
                await asyncio.sleep(0.004)

        sender = asyncio.create_task(talk())
        error = await recv_json(ws, "error", 60)
        assert error["code"] == "backend_failed" and error["stage"] == "asr" and error["fatal"] is False
        final = await recv_json(ws, "final_transcript", 90)
        assert "transfer" in final["text"].lower()
        await sender
