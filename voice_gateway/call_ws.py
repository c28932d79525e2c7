"""The call websocket (``/v1/call``): receive loop, edge conversion and the event sender.

Protocol: docs/protocol.md. Bad input never ends other calls: a recoverable problem becomes an
``error`` event and the call goes on; a fatal one is reported, then the socket closes with a code.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from typing import Any

from fastapi import APIRouter, WebSocket
from starlette.websockets import WebSocketDisconnect, WebSocketState

from malbeot_core.errors import FrameTooLarge, MalbeotError, ProtocolViolation, SilenceTimeout
from malbeot_core.events import (
    BargeIn,
    BenefitAnswer,
    EndOfTurn,
    FinalTranscript,
    NoInput,
    PartialTranscript,
    ReplyDone,
    SpeechAudio,
    SpeechEnded,
    SpeechStarted,
    StageFailed,
    TextInput,
)
from malbeot_core.redact import redact

from .edge import InboundAudio, OutboundAudio
from .logs import logger
from .options import CallOptions
from .session import CallSession
from .state import GatewayState

router = APIRouter()
log = logger("call")

CLOSE_NORMAL = 1000
CLOSE_UNSUPPORTED = 1003
CLOSE_POLICY = 1008
CLOSE_TOO_BIG = 1009
CLOSE_ERROR = 1011
NO_INPUT_LIMIT = 2


class CallEnded(Exception):
    def __init__(self, code: int, reason: str = "") -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def _close_code(error: MalbeotError) -> int:
    match error.code:
        case "unsupported_rate" | "unknown_language":
            return CLOSE_UNSUPPORTED
        case "frame_too_large":
            return CLOSE_TOO_BIG
        case "bad_message" | "bad_audio":
            return CLOSE_POLICY
        case "silence_timeout":
            return CLOSE_NORMAL
        case _:
            return CLOSE_ERROR


class Call:
    def __init__(self, ws: WebSocket, state: GatewayState, options: CallOptions) -> None:
        self.ws = ws
        self.state = state
        self.config = state.config
        self.options = options
        self.session = CallSession(state.services, state.config, options)
        self.inbound = InboundAudio(options.rate, options.encoding, self.config.max_frame_bytes)
        self.outbound = OutboundAudio(options.reply_rate, options.encoding)
        self.send_lock = asyncio.Lock()
        self.audio_started = False
        self.closing: CallEnded | None = None
        self._marks: dict[str, float] = {}
        self._no_input = 0
        self._sentence = -1
        self.pending_action = ""
        #: wall-clock time at which the reply audio already sent finishes playing at the caller
        self._playback_end = 0.0

    # --- sending ---------------------------------------------------------------------------
    async def send_json(self, message: dict[str, Any]) -> None:
        async with self.send_lock:
            await self.ws.send_text(json.dumps(message, ensure_ascii=False))

    async def send_bytes(self, data: bytes) -> None:
        async with self.send_lock:
            await self.ws.send_bytes(data)

    async def send_error(self, error: MalbeotError, fatal: bool = False) -> None:
        self.state.metrics.errors.labels(error.code).inc()
        log.warning("call %s: %s", self.session.call_id, error)
        await self.send_json(
            {"type": "error", "code": error.code, "stage": error.stage, "message": error.message, "fatal": fatal}
        )

    def _observe(self, stage: str, since: str) -> None:
        if since in self._marks:
            self.state.metrics.stage_latency.labels(stage).observe(time.perf_counter() - self._marks[since])

    async def sender(self) -> None:
        """Turn pipeline events into websocket messages until the pipeline ends."""
        async for event in self.session.pipeline.events():
            match event:
                case SpeechStarted(at=at):
                    await self.send_json({"type": "speech_started", "at": round(at, 3)})
                    if time.perf_counter() < self._playback_end:
                        # the reply was fully synthesised but is still playing: tell the caller to stop it
                        self._playback_end = 0.0
                        await self.send_json({"type": "barge_in", "at": round(at, 3)})
                case SpeechEnded():
                    self._marks["speech_end"] = time.perf_counter()
                case PartialTranscript(text=text, language=language):
                    await self.send_json({"type": "partial_transcript", "text": text, "language": language})
                case FinalTranscript(text=text, language=language, start=start, end=end):
                    self._no_input = 0
                    self._marks["final"] = time.perf_counter()
                    self._observe("asr", "speech_end")
                    self.state.metrics.turns.labels(language).inc()
                    log.info("call %s heard (%s): %s", self.session.call_id, language, redact(text))
                    await self.send_json(
                        {"type": "final_transcript", "text": text, "language": language,
                         "start": round(start, 3), "end": round(end, 3)}
                    )
                case BenefitAnswer() as answer:
                    self._marks["answer"] = time.perf_counter()
                    self._observe("dialog", "final")
                    self._sentence = -1
                    await self.send_json(
                        {"type": "answer", "text": answer.text, "language": answer.language,
                         "intent": answer.intent, "action": answer.action,
                         "programmes": [
                             {"id": p.id, "name": p.name, "score": round(p.score, 4), "how_to_apply": p.how_to_apply}
                             for p in answer.programmes
                         ]}
                    )
                    if answer.action == "hangup" and not self.options.tts:
                        self.closing = CallEnded(CLOSE_NORMAL, "goodbye")
                        return
                    self.pending_action = answer.action
                case SpeechAudio(chunk=chunk, sentence=sentence, index=index):
                    if not self.options.tts:
                        continue
                    if index != self._sentence:
                        if index == 0:
                            self._observe("tts_first_audio", "answer")
                            self._observe("voice_to_voice", "speech_end")
                        self._sentence = index
                        await self.send_json(
                            {"type": "audio_start", "rate": self.outbound.rate, "encoding": self.outbound.encoding,
                             "sentence": sentence, "index": index}
                        )
                    for frame in self.outbound.frames(chunk):
                        await self.send_bytes(frame)
                    self._playback_end = max(self._playback_end, time.perf_counter()) + chunk.duration
                case ReplyDone(sentences=n):
                    if self.options.tts:
                        await self.send_json({"type": "audio_end", "sentences": n})
                    if self.pending_action == "hangup":
                        self.closing = CallEnded(CLOSE_NORMAL, "goodbye")
                        return
                case BargeIn(at=at):
                    self._sentence = -1
                    self._playback_end = 0.0
                    await self.send_json({"type": "barge_in", "at": round(at, 3)})
                case NoInput(seconds=seconds):
                    self._no_input += 1
                    await self.send_json({"type": "no_input", "seconds": round(seconds, 1)})
                    if self._no_input >= NO_INPUT_LIMIT:
                        error = SilenceTimeout(f"no speech heard for {seconds:.0f} s, twice", stage="asr")
                        await self.send_error(error, fatal=True)
                        self.closing = CallEnded(CLOSE_NORMAL, "silence")
                        return
                case StageFailed(code=code, stage=stage, message=message, recoverable=recoverable):
                    error = MalbeotError(message, stage=stage, code=code)
                    await self.send_error(error, fatal=not recoverable)
                    if not recoverable:
                        self.closing = CallEnded(CLOSE_ERROR, code)
                        return
                case _:
                    pass  # audio and control events that reached the end of the pipeline

    # --- receiving -------------------------------------------------------------------------
    async def handle_text(self, raw: str) -> bool:
        """Handle one control message; return False when the call should end."""
        if len(raw.encode()) > self.config.max_text_bytes:
            raise FrameTooLarge(f"text message over {self.config.max_text_bytes} bytes", stage="edge")
        try:
            message = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ProtocolViolation("text messages must be JSON objects (audio goes in binary frames)",
                                    stage="edge") from exc
        if not isinstance(message, dict) or not isinstance(message.get("type"), str):
            raise ProtocolViolation('a control message needs a string "type"', stage="edge")
        match message["type"]:
            case "start" | "config":
                fields = {k: v for k, v in message.items() if k != "type"}
                if ("rate" in fields or "encoding" in fields) and self.inbound.audio_time > 0:
                    raise ProtocolViolation("rate and encoding can change only before the first audio frame",
                                            stage="edge")
                self.options = self.options.updated(fields, self.config.languages)
                self.session.reconfigure(self.options)
                if self.inbound.audio_time == 0:
                    self.inbound = InboundAudio(self.options.rate, self.options.encoding, self.config.max_frame_bytes)
                self.outbound = OutboundAudio(self.options.reply_rate, self.options.encoding)
                await self.send_json({"type": "config", **self._describe()})
            case "end_turn":
                await self.session.feed(EndOfTurn(self.inbound.audio_time))
            case "text":
                text = message.get("text")
                if not isinstance(text, str) or not text.strip():
                    raise ProtocolViolation('a "text" message needs non-empty "text"', stage="edge")
                language = str(message.get("language") or self.session.settings.language
                               or self.session.settings.last_language)
                if language not in self.config.languages:
                    self.options.updated({"language": language}, self.config.languages)  # raises
                self.session.settings.last_language = language
                await self.session.feed(TextInput(text.strip(), language))
            case "barge_in":
                await self.session.feed(BargeIn(self.inbound.audio_time))
            case "stop":
                return False
            case other:
                raise ProtocolViolation(f"unknown message type {other!r}", stage="edge")
        return True

    def _describe(self) -> dict[str, Any]:
        return {
            "rate": self.options.rate, "encoding": self.options.encoding, "reply_rate": self.options.reply_rate,
            "language": self.options.language, "tts": self.options.tts, "elderly": self.options.elderly,
        }

    async def receiver(self) -> None:
        while True:
            try:
                message = await asyncio.wait_for(self.ws.receive(), self.config.idle_timeout)
            except TimeoutError:
                raise CallEnded(CLOSE_NORMAL, "idle") from None
            if message["type"] == "websocket.disconnect":
                raise WebSocketDisconnect(message.get("code", 1000))
            try:
                if message.get("bytes") is not None:
                    chunk = self.inbound.convert(message["bytes"])
                    await self.session.feed(chunk)
                elif message.get("text") is not None and not await self.handle_text(message["text"]):
                    raise CallEnded(CLOSE_NORMAL, "stop")
            except MalbeotError as error:
                if not error.recoverable:
                    await self.send_error(error, fatal=True)
                    raise CallEnded(_close_code(error), error.code) from error
                await self.send_error(error)

    async def run(self) -> None:
        self.session.start()
        await self.send_json({"type": "ready", "call_id": self.session.call_id,
                              "languages": list(self.config.languages), **self._describe()})
        receiver = asyncio.create_task(self.receiver(), name="receiver")
        sender = asyncio.create_task(self.sender(), name="sender")
        try:
            done, _ = await asyncio.wait({receiver, sender}, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                exc = task.exception()
                if exc is not None:
                    raise exc
            if self.closing is not None:
                raise self.closing
        finally:
            for task in (receiver, sender):
                task.cancel()
                with contextlib.suppress(BaseException):
                    await task
            await self.session.aclose()


@router.websocket("/v1/call")
async def call_endpoint(ws: WebSocket) -> None:
    state: GatewayState = ws.app.state.malbeot
    await ws.accept()
    try:
        options = CallOptions().updated(dict(ws.query_params), state.config.languages)
    except MalbeotError as error:
        await ws.send_text(json.dumps({"type": "error", "code": error.code, "stage": error.stage,
                                       "message": error.message, "fatal": True}, ensure_ascii=False))
        state.metrics.errors.labels(error.code).inc()
        await ws.close(_close_code(error), error.code)
        return
    state.metrics.calls.inc()
    state.metrics.active_calls.inc()
    call = Call(ws, state, options)
    close_code, reason = CLOSE_NORMAL, "bye"
    try:
        await call.run()
    except CallEnded as ended:
        close_code, reason = ended.code, ended.reason
    except WebSocketDisconnect:
        close_code = -1  # the caller hung up; nothing to close
    except Exception as exc:
        log.exception("call %s failed", call.session.call_id)
        close_code, reason = CLOSE_ERROR, "internal_error"
        with contextlib.suppress(Exception):
            await call.send_json({"type": "error", "code": "internal_error", "stage": "gateway",
                                  "message": f"{type(exc).__name__}", "fatal": True})
    finally:
        state.metrics.active_calls.dec()
    if close_code > 0 and ws.client_state == WebSocketState.CONNECTED:
        with contextlib.suppress(Exception):
            await ws.close(close_code, reason)
