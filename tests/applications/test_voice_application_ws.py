"""The eligibility-and-application conversation over the call websocket with real audio: every caller
turn is speech (synthesised by the packaged English voice) recognised by the real ASR; the gateway
runs the real dialog stack and writes the application to a temporary records database."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import websockets

from records.config import RecordsConfig
from records.hub import RecordsHub
from tests.speech import spoken_english
from voice_gateway.config import GatewayConfig
from voice_gateway.embedded import LiveGateway, free_port, serve
from voice_gateway.services import Services

pytestmark = pytest.mark.slow
FRAME = 640  # 20 ms of 16 kHz pcm16
SHARED_MODELS = ("transcriber", "voices", "catalogue", "retriever", "translator")


@pytest.fixture
def gateway(real_services: Services, tmp_path: Path) -> Iterator[tuple[LiveGateway, RecordsHub]]:
    """A gateway with the session's loaded models and its own records database."""
    services = Services(GatewayConfig())
    services.__dict__.update({k: real_services.__dict__[k] for k in SHARED_MODELS if k in real_services.__dict__})
    hub = RecordsHub(RecordsConfig.at(tmp_path))
    services.records = hub
    config = GatewayConfig(port=free_port(), no_input_seconds=60.0, idle_timeout=120.0, preload=False)
    gen = serve(config, services)
    live = next(gen)
    yield live, hub
    for _ in gen:
        pass
    hub.close()




async def _until(ws: Any, kind: str, seen: list[dict[str, Any]], timeout: float = 90.0) -> dict[str, Any]:
    async with asyncio.timeout(timeout):
        while True:
            message = await ws.recv()
            if isinstance(message, bytes):
                continue
            event = json.loads(message)
            seen.append(event)
            assert not (event["type"] == "error" and event.get("fatal")), event
            if event["type"] == kind:
                return event


async def _say(ws: Any, pcm: bytes, seen: list[dict[str, Any]]) -> tuple[str, dict[str, Any]]:
    audio = b"\x00" * 16000 + pcm + b"\x00" * 48000  # 0.5 s before, 1.5 s of silence after
    loop = asyncio.get_running_loop()
    start = loop.time()
    for n, i in enumerate(range(0, len(audio), FRAME)):
        await ws.send(audio[i : i + FRAME])
        await asyncio.sleep(max(0.0, start + (n + 1) * 0.010 - loop.time()))  # twice real time
    heard = await _until(ws, "final_transcript", seen)
    answer = await _until(ws, "answer", seen)
    return heard["text"], answer


async def test_spoken_eligibility_check_and_application_end_in_a_receipt(
    gateway: tuple[LiveGateway, RecordsHub],
) -> None:
    live, hub = gateway
    script = [
        ("Please check whether I qualify for the basic pension.", "eligibility_consent"),
        ("Yes.", "eligibility_question"),
        ("I am seventy years old.", "eligibility_question"),
        ("No.", "eligibility_advice"),
        ("Yes, please.", "application_field"),
        ("John Smith.", "application_confirm"),
        ("Yes.", "application_field"),
        ("Five eight zero three zero five, one two three four five six seven.", "application_confirm"),
        ("Yes.", "application_field"),
        ("Zero one zero, one two three four, five six seven eight.", "application_confirm"),
        ("Yes.", "application_field"),
        ("Twelve Central Street, Seoul.", "application_confirm"),
        ("Yes.", "application_field"),
        ("KB bank, one two three four five six seven eight nine zero one two.", "application_confirm"),
        ("Yes.", "application_summary"),
        ("Submit.", "application_submitted"),
    ]
    clips = [spoken_english(text) for text, _ in script]
    seen: list[dict[str, Any]] = []
    transcript: list[tuple[str, str, str]] = []
    async with websockets.connect(f"{live.ws_url}?rate=16000&encoding=pcm16&language=en&tts=0") as ws:
        await _until(ws, "ready", seen)
        for (_, intent), clip in zip(script, clips, strict=True):
            heard, answer = await _say(ws, clip, seen)
            transcript.append((heard, answer["intent"], answer["text"]))
            assert answer["intent"] == intent, transcript
    advice = transcript[3][2]
    assert "likely eligible for Basic Pension" in advice and "district office" in advice and "agent" in advice
    assert "ending in five six seven eight" in transcript[9][2]
    assert "receipt number is" in transcript[-1][2]
    [stored] = hub.applications.list(reveal=True)
    assert stored.programme_id == "KR-BASIC-PENSION"
    fields = stored.fields or {}
    # the street names are whatever speech recognition made of them ("Sajikro", "Sajjikro"): the read-back
    # is there for the caller to check; names and numbers must be exact
    assert "street" in fields.pop("address").lower()
    assert fields == {"name": "John Smith", "rrn": "5803051234567", "phone": "01012345678",
                      "account": "국민 123456789012"}

