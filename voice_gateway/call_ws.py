"""The call websocket (``/v1/call``): receive loop, edge conversion and the websocket transport.

The event → message logic is shared with the phone channels (voice_gateway/conversation.py).

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
from starlette.types import Message
from starlette.websockets import WebSocketDisconnect, WebSocketState

from malbeot_core.audio import AudioChunk
from malbeot_core.errors import MalbeotError, ProtocolViolation
from malbeot_core.events import BargeIn, EndOfTurn, TextInput
from malbeot_core.text_language import text_language

from . import call_codec
from .call_codec import BargeInAsked, Configure, EndTurnAsked, StopAsked, Typed
from .call_runner import run_call
from .conversation import CLOSE_ERROR, CLOSE_NORMAL, CallEnded, Conversation, close_code
from .edge import InboundAudio, OutboundAudio
from .logs import logger
from .options import CallOptions
from .session import CallSession
from .state import GatewayState

router = APIRouter()
log = logger("call")

# re-exported for callers of the old names
_close_code = close_code
__all__ = ["CLOSE_ERROR", "CLOSE_NORMAL", "Call", "CallEnded", "WebSocketTransport", "router"]


class WebSocketTransport:
    """The call websocket as a :class:`~voice_gateway.conversation.Transport`: JSON events as text
    messages, reply audio as binary frames sent as fast as it is produced (the client buffers it).
    ``clear`` has nothing to drop here: the ``barge_in`` event tells the client to stop playing."""

    def __init__(self, ws: WebSocket, outbound: OutboundAudio) -> None:
        self.ws = ws
        self.outbound = outbound
        self.send_lock = asyncio.Lock()
        #: wall-clock time at which the reply audio already sent finishes playing at the caller
        self._playback_end = 0.0

    @property
    def reply_format(self) -> tuple[int, str]:
        return self.outbound.rate, self.outbound.encoding

    async def send_event(self, message: dict[str, Any]) -> None:
        if message.get("type") == "audio_end":  # the reply's last resampled samples go before its end
            for frame in self.outbound.flush():
                await self.send_bytes(frame)
        async with self.send_lock:
            await self.ws.send_text(json.dumps(message, ensure_ascii=False))

    async def send_bytes(self, data: bytes) -> None:
        async with self.send_lock:
            await self.ws.send_bytes(data)

    async def send_audio(self, chunk: AudioChunk) -> None:
        for frame in self.outbound.frames(chunk):
            await self.send_bytes(frame)
        self._playback_end = max(self._playback_end, time.perf_counter()) + chunk.duration

    async def clear(self) -> None:
        self.outbound.drop()
        self._playback_end = 0.0

    def playing(self) -> bool:
        return time.perf_counter() < self._playback_end

    async def drain(self) -> None:
        return None  # the client has every frame; it closes when it has played them

    async def close(self, code: int, reason: str = "") -> None:
        if self.ws.client_state == WebSocketState.CONNECTED:
            with contextlib.suppress(Exception):
                await self.ws.close(code, reason)


class Call:
    def __init__(self, ws: WebSocket, state: GatewayState, options: CallOptions) -> None:
        self.ws = ws
        self.state = state
        self.config = state.config
        self.options = options
        self.session = CallSession(state.services, state.config, options, state.metrics)
        self.inbound = InboundAudio(options.rate, options.encoding, self.config.max_frame_bytes)
        self.transport = WebSocketTransport(ws, OutboundAudio(options.reply_rate, options.encoding))
        self.conversation = Conversation(self.session, state, options, self.transport)

    @property
    def closing(self) -> CallEnded | None:
        return self.conversation.closing

    async def send_json(self, message: dict[str, Any]) -> None:
        await self.transport.send_event(message)

    async def send_error(self, error: MalbeotError, fatal: bool = False) -> None:
        await self.conversation.send_error(error, fatal)

    # --- receiving -------------------------------------------------------------------------
    async def handle_text(self, raw: str) -> bool:
        """Handle one control message; return False when the call should end."""
        match call_codec.decode(raw, self.config.max_text_bytes):
            case Configure(fields=fields):
                if ("rate" in fields or "encoding" in fields) and self.inbound.audio_time > 0:
                    raise ProtocolViolation("rate and encoding can change only before the first audio frame",
                                            stage="edge")
                self.options = self.options.updated(fields, self.config.languages)
                await self.session.reconfigure(self.options)
                if self.inbound.audio_time == 0:
                    self.inbound = InboundAudio(self.options.rate, self.options.encoding, self.config.max_frame_bytes)
                self.conversation.options = self.options
                self.transport.outbound = OutboundAudio(self.options.reply_rate, self.options.encoding)
                await self.send_json({"type": "config", **self._describe()})
            case EndTurnAsked():
                await self.session.feed(EndOfTurn(self.inbound.audio_time))
            case Typed(text=text, language=given):
                hint = given or self.conversation.caller_language
                if hint not in self.config.languages:
                    self.options.updated({"language": hint}, self.config.languages)  # raises
                # the text's own script tells its language, as recognition does for speech; the
                # message's "language" (the page's) only when the letters do not tell
                language = text_language(text, self.session.settings.languages) or hint
                # the words are not logged: a typed turn may be a danger report (and carry personal data)
                log.info("call %s typed (%s), %d characters", self.session.call_id, language, len(text))
                self.conversation.turn_taken()
                await self.session.feed(TextInput(text, language))
            case BargeInAsked():
                await self.session.barge_in(BargeIn(self.inbound.audio_time))
            case StopAsked():
                return False
        return True

    def _describe(self) -> dict[str, Any]:
        return {
            "rate": self.options.rate, "encoding": self.options.encoding, "reply_rate": self.options.reply_rate,
            "language": self.options.language, "tts": self.options.tts, "elderly": self.options.elderly,
        }

    async def next_message(self) -> Message:
        """The client's next message; :class:`CallEnded` ("idle") after ``idle_timeout`` seconds of
        the client's silence. The time a reply is being made or played does not count: a client that
        sends nothing while it listens (a kiosk's push-to-talk) is not cut off by a slow voice."""
        poll = min(1.0, self.config.idle_timeout / 10)  # how often a busy call looks again
        idle_from = time.monotonic()
        while True:
            busy = self.conversation.busy()
            if busy:
                idle_from = time.monotonic()
            left = idle_from + self.config.idle_timeout - time.monotonic()
            if left <= 0:
                raise CallEnded(CLOSE_NORMAL, "idle")
            try:
                # not asyncio.wait_for: on Python 3.11 it drops a cancel that arrives just as a
                # message does (audio arrives every few ms), and the call would outlive its end
                async with asyncio.timeout(min(left, poll) if busy else left):
                    return await self.ws.receive()
            except TimeoutError:
                continue  # a cancelled receive loses no message: look at the time again

    async def receiver(self) -> None:
        while True:
            message = await self.next_message()
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
        await self.conversation.run(self.receiver())


@router.websocket("/v1/call")
async def call_endpoint(ws: WebSocket) -> None:
    state: GatewayState = ws.app.state.malbeot
    await ws.accept()
    try:
        options = CallOptions().updated(dict(ws.query_params), state.config.languages)
    except MalbeotError as error:
        await ws.send_text(json.dumps({"type": "error", "code": error.code, "stage": error.stage,
                                       "message": error.message, "fatal": True}, ensure_ascii=False))
        state.metrics.error(error)
        await ws.close(_close_code(error), error.code)
        return
    try:
        call = Call(ws, state, options)
    except Exception as exc:  # set-up failed (a bad MALBEOT_KEEP_AUDIO_DIR...): counted, reported, closed 1011
        state.metrics.failure("call", exc)
        log.exception("call set-up failed")
        with contextlib.suppress(Exception):
            await ws.send_text(json.dumps({"type": "error", "code": "internal_error", "stage": "gateway",
                                           "message": type(exc).__name__, "fatal": True}))
            await ws.close(CLOSE_ERROR, "internal_error")
        return

    async def report_failure(exc: Exception) -> None:
        await call.send_json({"type": "error", "code": "internal_error", "stage": "gateway",
                              "message": f"{type(exc).__name__}", "fatal": True})

    await run_call(call.run(), metrics=state.metrics, channel="call", call_id=call.session.call_id,
                   close=call.transport.close, hung_up=(WebSocketDisconnect,), on_failure=report_failure)
