"""The call websocket's idle timeout counts only the caller's own silence: a reply that is slow to
make, or still playing, is not an idle line (a kiosk sends nothing while it listens), and a line
that stays quiet after the reply is closed as idle. Over the real app (FastAPI TestClient) with the
real dialog and a slow model-free voice."""

from __future__ import annotations

import json
import time

from fastapi.testclient import TestClient

from tests.gateway.pipeline_fakes import LEVEL_VAD, fake_services
from voice_gateway.app import create_app
from voice_gateway.config import GatewayConfig

IDLE = 0.6


def test_a_slow_reply_is_heard_whole_and_the_quiet_line_after_it_is_closed_as_idle() -> None:
    config = GatewayConfig(vad=LEVEL_VAD, preload=False, idle_timeout=IDLE)
    backends = fake_services(config)
    backends.voice.delay = 0.2  # each 0.1 s of voice takes 0.2 s to make: slower than it plays
    seen: list[tuple[float, str]] = []
    with TestClient(create_app(config, backends.services)) as client, \
            client.websocket_connect("/v1/call?language=ko") as ws:
        assert ws.receive_json()["type"] == "ready"
        ws.send_json({"type": "text", "text": "기초연금 알려 주세요"})
        start = time.monotonic()
        while True:  # the client sends nothing more: it listens
            message = ws.receive()
            now = time.monotonic() - start
            if message["type"] == "websocket.close":
                closed = (now, message.get("code"), message.get("reason"))
                break
            if message.get("text") is not None:
                seen.append((now, json.loads(message["text"])["type"]))
            assert now < 60, "never closed"
    types = [kind for _, kind in seen]
    assert "error" not in types, seen
    assert types[0] == "answer" and "audio_start" in types, seen
    assert types[-1] == "audio_end", f"the call ended before its reply was whole: {seen}"
    audio_end = seen[-1][0]
    assert audio_end > 2 * IDLE, f"the reply was not slow enough to test anything ({audio_end:.1f} s)"
    assert closed[1:] == (1000, "idle"), closed
    # the idle time is counted from the reply's end (looked at every tenth of it), and then closes
    assert audio_end + IDLE * 0.8 <= closed[0] < audio_end + IDLE + 10, (closed, audio_end)
