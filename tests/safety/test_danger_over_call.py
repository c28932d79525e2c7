"""Danger over the real ``/v1/call`` websocket (real models): the number first and in large text,
not cut by barge-in, the staff alert stored redacted, seen and acknowledged through the staff API."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import websockets

from malbeot_core.audio import resample
from records.safety import SafetyAlertView
from voice_gateway.config import GatewayConfig
from voice_gateway.embedded import LiveGateway, free_port
from voice_gateway.services import Services

from .safety_world import SafetyWorld, auth, safety_world

FIRST = "지금 바로 일일구에 전화하세요, 일일구예요."


@pytest.fixture
def world(real_services: Services, tmp_path: Path,
          start_gateway: Callable[..., LiveGateway]) -> tuple[SafetyWorld, LiveGateway]:
    config = GatewayConfig(port=free_port(), preload=False)
    made = safety_world(real_services, tmp_path, config)
    return made, start_gateway(config, made.services)


async def next_json(ws: Any, kind: str) -> dict[str, Any]:
    async with asyncio.timeout(120):
        while True:
            message = await ws.recv()
            if isinstance(message, str) and json.loads(message)["type"] == kind:
                return dict(json.loads(message))


async def alerts_of(made: SafetyWorld) -> list[SafetyAlertView]:
    """The stored alerts, once there and sent to staff (the alert is raised on its own task as the
    answer goes out; the notifier's message follows the stored row)."""
    async with asyncio.timeout(30):
        while not (found := made.hub.safety.list()) or not made.notifier.sent:
            await asyncio.sleep(0.1)
    return found


async def test_barge_in_cannot_cut_the_number_and_staff_see_the_alert(
    world: tuple[SafetyWorld, LiveGateway], real_services: Services
) -> None:
    made, live = world
    async with websockets.connect(live.ws_url + "?tts=1&language=ko", ping_interval=None) as ws:
        call_id = (await next_json(ws, "ready"))["call_id"]
        await ws.send(json.dumps({"type": "text", "text": "어머니가 쓰러지셨는데 숨을 잘 못 쉬세요"}))
        answer = await next_json(ws, "answer")
        await ws.send(json.dumps({"type": "barge_in"}))  # the caller talks over it at once
        assert answer["intent"] == "danger_medical" and answer["action"] == "handoff_urgent"
        assert answer["emergency"] == {"kind": "medical", "numbers": ["119"], "urgent": True}
        assert answer["programmes"] == [] and answer["text"].startswith(FIRST)
        first_audio = 0
        index = -1
        audio_began = barge_at = None
        async with asyncio.timeout(120):
            while True:
                message = await ws.recv()
                if isinstance(message, bytes):
                    first_audio += len(message) if index == 0 else 0
                    audio_began = audio_began or time.perf_counter()
                    continue
                event = json.loads(message)
                if event["type"] == "audio_start":
                    index = event["index"]
                    if index == 0:
                        assert event["sentence"] == FIRST  # spoken whole, never cut to a clause
                if event["type"] == "barge_in":
                    barge_at = time.perf_counter()
                    break
        # the call goes on after a danger answer
        await ws.send(json.dumps({"type": "text", "text": "기초연금 알려 주세요"}))
        assert not (await next_json(ws, "answer"))["intent"].startswith("danger")
    voice = real_services.voices("ko")
    whole = resample(b"".join(voice.synthesize(FIRST, "ko", 1.0)), voice.sample_rate, 16000)
    assert first_audio >= 0.95 * len(whole), f"{first_audio} of {len(whole)} bytes of the number's sentence"
    # the page is told to stop playing only once the number's sentence has had time to play
    assert audio_began is not None and barge_at is not None
    assert barge_at - audio_began >= len(whole) / 32000 - 0.2

    async with httpx.AsyncClient(base_url=live.url) as client:
        assert (await client.get("/v1/staff/alerts")).status_code == 401
        alerts = (await client.get("/v1/staff/alerts", headers=auth())).json()["alerts"]
        assert len(alerts) == 1
        alert = alerts[0]
        assert alert["kind"] == "medical" and alert["call_id"] == call_id and alert["channel"] == "web"
        assert alert["numbers"] == ["119"] and alert["acknowledged_at"] is None
        done = (await client.post(f"/v1/staff/alerts/{alert['id']}/acknowledge", headers=auth())).json()
        assert done["acknowledged_by"] and done["acknowledged_at"]
        open_ones = (await client.get("/v1/staff/alerts?unacknowledged=true", headers=auth())).json()
        assert open_ones["alerts"] == []
        assert (await client.post("/v1/staff/alerts/999/acknowledge", headers=auth())).status_code == 404
    assert [a.programme_id for a in made.notifier.sent] == ["danger_medical"]


async def test_nothing_about_the_danger_is_logged_or_stored_unredacted(
    world: tuple[SafetyWorld, LiveGateway], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    made, live = world
    said = "남편이 때려요 제 전화번호는 010 4821 7735 이고 주민번호는 550101 2345678 이에요"
    async with websockets.connect(live.ws_url + "?tts=0&language=ko", ping_interval=None) as ws:
        await ws.send(json.dumps({"type": "text", "text": said}))
        answer = await next_json(ws, "answer")
    assert answer["intent"] == "danger_abuse" and answer["emergency"]["numbers"] == ["1366", "112"]
    stored = await alerts_of(made)
    assert len(stored) == 1 and "남편이 때려요" in stored[0].text
    sent = made.notifier.sent[0].text
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for secret in ("4821", "7735", "2345678", "550101"):
        assert secret not in stored[0].text and secret not in sent and secret not in logged
    assert "때려요" not in logged  # the words themselves are not logged at all
