"""A scripted stand-in for the call websocket, for the fast UI-only browser tests.

It serves the real web assets (``voice_gateway.web_routes.router``) and a ``/v1/call`` endpoint that
speaks docs/protocol.md exactly, with canned recognition and answers, so the page can be exercised
without loading any model. Everything the page sends is recorded per call for the tests to inspect.

Scripted behaviour of one call:
* audio frames: ``speech_started`` after 10 frames, a ``partial_transcript`` after 20, 30 and 40,
  and the turn ends by itself (a simulated VAD) after ``vad_frames`` frames;
* ``end_turn`` after audio: ``final_transcript`` + ``answer`` (+ reply audio when ``tts`` is on);
* ``text``: ``answer`` (no transcript echo, as the real gateway); the text ``please fail`` yields a
  non-fatal ``error`` and ``drop the line`` closes the socket with 1011 (a server crash);
* ``barge_in`` is acknowledged with a ``barge_in`` event.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import struct
import uuid
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request, WebSocket
from fastapi.responses import HTMLResponse
from starlette.websockets import WebSocketDisconnect

from voice_gateway import web_routes

FINAL_TEXT = "How can I get the basic pension?"
PARTIALS = ("partial: how", "partial: how can I", "partial: how can I get the")
ANSWER_SENTENCES = (
    "People aged 65 or older with a lower income can get the Basic Pension every month.",
    "You can apply at your district office or community centre.",
)
PROGRAMME = {
    "id": "KR-BASIC-PENSION",
    "name": "Basic Pension",
    "score": 0.91,
    "how_to_apply": "Apply at your district office or community centre.",
}
FAIL_TEXT = "please fail"
#: typed, this is answered as a danger (``emergency`` field, as the real gateway sends it)
DANGER_TEXT = "I fell and I can't get up"
DANGER_ANSWER = {"type": "answer", "text": "Please call one one nine right now, one one nine.", "language": "en",
                 "intent": "danger_medical", "programmes": [], "action": "handoff_urgent", "receipt": "",
                 "emergency": {"kind": "medical", "numbers": ["119"], "urgent": True}}
DROP_TEXT = "drop the line"
LANGUAGES = ["ko", "en", "zh", "vi", "ja"]
DISTRICT_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Jongno District Office</title><link rel="icon" href="data:,"></head>
<body><header><h1>Jongno District Office</h1><nav><a href="/_test/news">News</a></nav></header>
<main><h2>Welfare</h2><p>Questions about benefits? Use the voice assistant.</p></main>
<footer><p>Jongno-gu, Seoul</p></footer>
<script src="{widget}" data-lang="en" defer></script></body></html>
"""


def tone(seconds: float, rate: int, freq: float = 440.0) -> bytes:
    """A quiet sine, PCM16 little-endian mono."""
    n = int(seconds * rate)
    return struct.pack(f"<{n}h", *(int(6000 * math.sin(2 * math.pi * freq * i / rate)) for i in range(n)))


@dataclass
class FakeCall:
    call_id: str
    query: dict[str, str]
    #: control messages as received (parsed JSON)
    controls: list[dict[str, Any]] = field(default_factory=list)
    #: byte length of every binary (audio) frame
    frame_sizes: list[int] = field(default_factory=list)
    #: the audio itself (PCM16 at the declared rate), up to a minute
    audio: bytearray = field(default_factory=bytearray)
    #: what the server sent, by message type, in order (binary frames as "<audio>")
    sent: list[str] = field(default_factory=list)
    tts: bool = True
    reply_rate: int = 16000
    language: str = "auto"

    def control_types(self) -> list[str]:
        return [str(c.get("type")) for c in self.controls]


@dataclass
class FakeGateway:
    vad_frames: int = 150  # 3 s of 20 ms frames
    reply_seconds: float = 1.6  # per sentence
    calls: list[FakeCall] = field(default_factory=list)

    def reset(self) -> None:
        self.calls.clear()

    def app(self) -> FastAPI:
        app = FastAPI(title="fake Malbeot gateway (UI tests only)")
        app.include_router(web_routes.router)

        @app.get("/_test/district.html", response_class=HTMLResponse)
        async def district_page(request: Request) -> str:
            # a district site on another origin (open it as http://localhost:PORT/...) embedding the widget
            widget = f"http://127.0.0.1:{request.url.port}/widget.js"
            return DISTRICT_PAGE.format(widget=widget)

        @app.websocket("/v1/call")
        async def call_endpoint(ws: WebSocket) -> None:
            await ws.accept()
            await self.run_call(ws)

        return app

    async def run_call(self, ws: WebSocket) -> None:
        query = dict(ws.query_params)
        call = FakeCall(call_id=uuid.uuid4().hex[:12], query=query)
        call.tts = query.get("tts", "1") not in ("0", "false")
        call.reply_rate = int(query.get("reply_rate", query.get("rate", "16000")))
        call.language = query.get("language", "auto")
        self.calls.append(call)

        lock = asyncio.Lock()  # one sender at a time, as the real gateway's send lock
        speaking: asyncio.Task[None] | None = None

        async def send(message: dict[str, Any]) -> None:
            async with lock:
                call.sent.append(str(message["type"]))
                await ws.send_text(json.dumps(message, ensure_ascii=False))

        async def speak() -> None:
            # reply audio goes out from its own task, so barge_in is read while it plays
            for index, sentence in enumerate(ANSWER_SENTENCES):
                await send({"type": "audio_start", "rate": call.reply_rate, "encoding": "pcm16",
                            "sentence": sentence, "index": index})
                audio = tone(self.reply_seconds, call.reply_rate, 440.0 + 110 * index)
                step = call.reply_rate * 2 // 50  # 20 ms frames
                for start in range(0, len(audio), step):
                    async with lock:
                        call.sent.append("<audio>")
                        await ws.send_bytes(audio[start:start + step])
                    await asyncio.sleep(0.002)
            await send({"type": "audio_end", "sentences": len(ANSWER_SENTENCES)})

        async def answer() -> None:
            nonlocal speaking
            await stop_speaking()
            await send(
                {"type": "answer", "text": " ".join(ANSWER_SENTENCES), "language": "en",
                 "intent": "find_benefit", "programmes": [PROGRAMME], "action": ""}
            )
            if call.tts:
                speaking = asyncio.create_task(speak())

        async def stop_speaking() -> None:
            if speaking is not None:
                speaking.cancel()
                # cancelled, finished, or failed because the browser went away: all the same here
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await speaking

        async def finish_turn(end: float) -> None:
            await send({"type": "final_transcript", "text": FINAL_TEXT, "language": "en",
                        "start": 0.2, "end": round(end, 3)})
            await answer()

        await send({"type": "ready", "call_id": call.call_id, "rate": int(query.get("rate", "16000")),
                    "encoding": query.get("encoding", "pcm16"), "reply_rate": call.reply_rate,
                    "languages": LANGUAGES, "language": call.language, "tts": call.tts,
                    "elderly": query.get("elderly", "0") == "1"})
        turn_frames = 0
        try:
            while True:
                message = await ws.receive()
                if message["type"] == "websocket.disconnect":
                    return
                if message.get("bytes") is not None:
                    data: bytes = message["bytes"]
                    call.frame_sizes.append(len(data))
                    if len(call.audio) < 60 * 32000:
                        call.audio.extend(data)
                    turn_frames += 1
                    if turn_frames == 10:
                        await send({"type": "speech_started", "at": 0.2})
                    if turn_frames in (20, 30, 40):
                        await send({"type": "partial_transcript", "text": PARTIALS[turn_frames // 10 - 2],
                                    "language": "en"})
                    if turn_frames == self.vad_frames:
                        turn_frames = 0
                        await finish_turn(self.vad_frames * 0.02)
                    continue
                control = json.loads(message["text"])
                call.controls.append(control)
                match control.get("type"):
                    case "start" | "config":
                        if "tts" in control:
                            call.tts = bool(control["tts"])
                        if "language" in control:
                            call.language = str(control["language"])
                        await send({"type": "config", "tts": call.tts, "language": call.language})
                    case "end_turn":
                        if turn_frames > 0:
                            end = turn_frames * 0.02
                            turn_frames = 0
                            await finish_turn(end)
                    case "text":
                        if control.get("text") == FAIL_TEXT:
                            await send({"type": "error", "code": "backend_failed", "stage": "dialog",
                                        "message": "scripted failure", "fatal": False})
                        elif control.get("text") == DANGER_TEXT:
                            await send(DANGER_ANSWER)
                        elif control.get("text") == DROP_TEXT:
                            await ws.close(1011, "scripted crash")
                            return
                        else:
                            await answer()
                    case "barge_in":
                        await stop_speaking()
                        await send({"type": "barge_in", "at": round(len(call.frame_sizes) * 0.02, 3)})
                    case "stop":
                        await ws.close(1000, "stop")
                        return
                    case _:
                        await send({"type": "error", "code": "bad_message", "stage": "edge",
                                    "message": "unknown type", "fatal": False})
        except WebSocketDisconnect:
            return
        finally:
            await stop_speaking()
