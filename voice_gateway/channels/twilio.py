"""Twilio-format bidirectional media streams: ``ws://HOST:PORT/v1/twilio``.

Speaks the published Media Streams WebSocket messages, so a carrier that uses this format points a
call at Malbeot with no glue code (Twilio: ``<Connect action=".../v1/twilio/after-stream">
<Stream url="wss://HOST/v1/twilio"/></Connect>``; ``POST /v1/twilio/voice`` returns exactly that).

From the carrier: ``connected``, ``start`` (``streamSid``, ``callSid``, ``mediaFormat`` =
audio/x-mulaw, or audio/x-alaw from carriers in A-law countries, 8000 Hz mono; replies use the same
encoding; ``customParameters``: ``language``, ``elderly``), ``media`` (base64
μ-law, track ``inbound``), ``dtmf`` (``digit``), ``mark`` (``name``: audio before it has played),
``stop``. To the carrier: ``media`` (``streamSid``, ``media.payload``) in real-time 20 ms frames,
``mark`` after each reply, ``clear`` when the caller barges in.

Bad input (invalid JSON or base64, unknown events, binary frames, audio before ``start``) is
logged and counted, and the call goes on; a carrier that never sends ``stop`` is closed after
``idle_timeout`` seconds without a message. Hand-off to a person ends the stream: Twilio then
runs the TwiML after ``<Connect>`` (its ``action`` URL here answers ``<Dial>`` to the transfer
target, or ``<Hangup/>``).
"""

from __future__ import annotations

import asyncio
import contextlib
import math
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from fastapi import APIRouter, Depends, Request, WebSocket
from fastapi.responses import JSONResponse, Response
from starlette.websockets import WebSocketDisconnect, WebSocketState

from malbeot_core.errors import BadAudio, MalbeotError, ProtocolViolation, UnknownLanguage
from malbeot_core.redact import redact

from ..conversation import CLOSE_ERROR, CLOSE_NORMAL, CLOSE_POLICY, CLOSE_UNSUPPORTED, CallEnded
from ..edge import InboundAudio
from ..error_body import errors
from ..logs import logger
from ..options import CallOptions
from ..state import GatewayState
from . import twilio_codec
from .carrier_frames import CarrierAudio, deliver
from .handoff import Outcome, Outcomes
from .phone import CarrierHungUp, PhoneCallInfo, PhoneConversation, run_phone_call
from .twilio_signature import require_twilio_signature

router = APIRouter()
log = logger("twilio")
#: seconds a close handshake may take before the stream is left to the server to drop
CLOSE_TIMEOUT = 10.0

ENCODING = "audio/x-mulaw"
#: media formats a Twilio-format stream may announce (Twilio itself sends μ-law; other carriers
#: speaking the same format, in A-law countries, announce audio/x-alaw)
ENCODINGS = {"audio/x-mulaw": "mulaw", "audio/x-alaw": "alaw"}
RATE = 8000


def outcomes_of(app_state: Any) -> Outcomes:
    """Call outcomes kept on the app (shared by every phone channel)."""
    if not hasattr(app_state, "phone_outcomes"):
        app_state.phone_outcomes = Outcomes()
    outcomes: Outcomes = app_state.phone_outcomes
    return outcomes


class TwilioLine:
    """The carrier side of one media stream."""

    reply_rate = RATE
    has_marks = True

    def __init__(self, ws: WebSocket, stream_sid: str, encoding: str = "mulaw") -> None:
        #: replies go out in the encoding the caller's audio came in
        self.reply_encoding = encoding
        self.ws = ws
        self.stream_sid = stream_sid
        self._lock = asyncio.Lock()

    async def _send(self, text: str) -> None:
        async with self._lock:
            try:
                await self.ws.send_text(text)
            except WebSocketDisconnect as exc:  # the carrier hung up while we were speaking
                raise CarrierHungUp() from exc

    async def write_audio(self, frame: bytes) -> None:
        await self._send(twilio_codec.media(self.stream_sid, frame))

    async def write_mark(self, name: str) -> None:
        await self._send(twilio_codec.mark(self.stream_sid, name))

    async def write_clear(self) -> None:
        await self._send(twilio_codec.clear(self.stream_sid))

    async def hang_up(self, reason: str) -> None:
        """Close the stream (Twilio then runs the call's next TwiML: a ``<Dial>`` on transfer).

        Bounded: a close handshake the carrier never answers does not hold the call open."""
        if self.ws.client_state != WebSocketState.CONNECTED or self.ws.application_state != WebSocketState.CONNECTED:
            log.info("twilio stream %s already closed (client %s, gateway %s) at %s", self.stream_sid,
                     self.ws.client_state.name, self.ws.application_state.name, reason)
            return
        try:
            async with asyncio.timeout(CLOSE_TIMEOUT):
                await self.ws.close(CLOSE_NORMAL, reason[:100])
        except (TimeoutError, RuntimeError, OSError) as exc:
            log.warning("twilio stream %s: closing at %s failed: %r", self.stream_sid, reason, exc)


def _report(state: GatewayState, error: MalbeotError, call: str) -> None:
    state.metrics.error(error)
    log.warning("twilio call %s: %s", call, error)


async def _receive_text(ws: WebSocket, timeout: float) -> str | None:
    """The next text message; None for a binary one. Raises on idle timeout or disconnect.

    ``asyncio.timeout``, not ``asyncio.wait_for``: on Python 3.11 ``wait_for`` drops a cancel that
    arrives just as the message does, and the carrier sends one every 20 ms, so the call's receiver
    would often outlive the call (which then is not hung up)."""
    try:
        async with asyncio.timeout(timeout):
            message = await ws.receive()
    except TimeoutError:
        raise CallEnded(CLOSE_NORMAL, "idle") from None
    if message["type"] == "websocket.disconnect":
        raise CarrierHungUp()
    text = message.get("text")
    return text if isinstance(text, str) else None


async def wait_for_start(ws: WebSocket, state: GatewayState) -> dict[str, Any]:
    """Read ``connected`` and the ``start`` message; anything else before it is logged and skipped."""
    while True:
        raw = await _receive_text(ws, state.config.idle_timeout)
        try:
            message = twilio_codec.parse(raw)
        except MalbeotError as error:
            _report(state, error, "(not started)")
            continue
        match message["event"]:
            case "start" if isinstance(message.get("start"), dict):
                return message
            case "connected":
                continue
            case "stop":
                raise CallEnded(CLOSE_NORMAL, "stop")
            case other:
                _report(state, ProtocolViolation(f"{other!r} before start is ignored", stage="edge"), "(not started)")


def _whole(value: Any) -> int | None:
    """A JSON number or decimal string as a whole number; None for anything else (NaN, 1e400, lists...)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 7:
        return int(value)
    return None


def _shown(value: Any) -> str:
    """A field value for an error message: short scalars as they are, anything else by its type."""
    if isinstance(value, str | int | float | bool | None) and len(repr(value)) <= 24:
        return redact(repr(value))
    return f"<{type(value).__name__}>"


def call_options(start: dict[str, Any], languages: tuple[str, ...]) -> CallOptions:
    fmt = start.get("mediaFormat")
    if fmt is None:
        fmt = {}
    if not isinstance(fmt, dict):
        raise ProtocolViolation(f'"start.mediaFormat" must be an object, got {type(fmt).__name__}', stage="edge")
    raw_encoding = fmt.get("encoding", ENCODING)
    encoding = ENCODINGS.get(raw_encoding.lower()) if isinstance(raw_encoding, str) else None
    if encoding is None or _whole(fmt.get("sampleRate", RATE)) != RATE or _whole(fmt.get("channels", 1)) != 1:
        raise BadAudio(
            f"unsupported media format (encoding {_shown(raw_encoding)}, sampleRate {_shown(fmt.get('sampleRate'))}, "
            f"channels {_shown(fmt.get('channels'))}); only audio/x-mulaw or audio/x-alaw, 8000 Hz, mono",
            stage="edge",
        )
    options = CallOptions().updated({"rate": RATE, "encoding": encoding, "reply_rate": RATE}, languages)
    custom = start.get("customParameters") or {}
    fields = {k: custom[k] for k in ("language", "elderly") if isinstance(custom, dict) and k in custom}
    try:
        return options.updated(fields, languages)
    except UnknownLanguage as exc:
        log.warning("twilio stream: %s; detecting the language instead", exc)
        return options.updated({k: v for k, v in fields.items() if k != "language"}, languages)


class TwilioReceiver:
    def __init__(self, ws: WebSocket, call: PhoneConversation) -> None:
        self.ws = ws
        self.call = call
        self.state = call.state
        self.inbound = InboundAudio(RATE, call.options.encoding, call.config.max_frame_bytes)
        #: media chunks received (the carrier's ``chunk`` numbers are not trusted for anything)
        self.chunks = 0

    async def run(self) -> None:
        while True:
            raw = await _receive_text(self.ws, self.state.config.idle_timeout)
            try:
                frame = twilio_codec.decode(raw)
                if isinstance(frame, CarrierAudio):
                    self.chunks += 1
                await deliver(frame, self.call, self.inbound)
            except MalbeotError as error:
                _report(self.state, error, self.call.session.call_id)


@router.websocket("/v1/twilio")
async def twilio_stream(ws: WebSocket) -> None:
    state: GatewayState = ws.app.state.malbeot
    await ws.accept()
    try:
        hello = await wait_for_start(ws, state)
        start = hello["start"]
        options = call_options(start, state.config.languages)
    except (CallEnded, CarrierHungUp):
        await TwilioLine(ws, "").hang_up("stop")
        return
    except MalbeotError as error:
        _report(state, error, "(not started)")
        with contextlib.suppress(Exception):
            await ws.close(CLOSE_POLICY if isinstance(error, ProtocolViolation) else CLOSE_UNSUPPORTED, error.code)
        return
    except Exception as exc:  # a bug: counted, logged (redacted), and the carrier gets a close frame
        state.metrics.failure("twilio", exc)
        log.exception("twilio stream failed before the call started")
        with contextlib.suppress(Exception):
            await ws.close(CLOSE_ERROR, "internal_error")
        return
    stream_sid = str(start.get("streamSid") or hello.get("streamSid") or "")
    call_sid = str(start.get("callSid") or "")
    info = PhoneCallInfo(
        "twilio", call_sid or stream_sid,
        {"call_sid": call_sid, "stream_sid": stream_sid, "account_sid": str(start.get("accountSid") or "")},
    )
    line = TwilioLine(ws, stream_sid, options.encoding)
    call = PhoneConversation(state, options, line, info, outcomes_of(ws.app.state))
    await run_phone_call(call, TwilioReceiver(ws, call).run())


# --- HTTP hooks: the TwiML that starts a stream, and what follows it ------------------------------
#: both hooks answer TwiML, and 403 without a valid X-Twilio-Signature when an auth token is set
TWIML = {200: {"content": {"text/xml": {"schema": {"type": "string"}}}}, **errors(403)}


def _stream_url(request: Request) -> str:
    proto = request.headers.get("x-forwarded-proto", request.url.scheme)
    scheme = "wss" if proto in ("https", "wss") else "ws"
    host = request.headers.get("x-forwarded-host") or request.headers.get("host") or request.url.netloc
    return f"{scheme}://{host}/v1/twilio"


@router.post("/v1/twilio/voice", dependencies=[Depends(require_twilio_signature)], responses=TWIML)
async def twilio_voice(request: Request) -> Response:
    """The incoming-call webhook: TwiML that connects the call to the media stream."""
    base = str(request.base_url).rstrip("/")
    twiml = (
        '<?xml version="1.0" encoding="UTF-8"?><Response>'
        f"<Connect action={quoteattr(base + '/v1/twilio/after-stream')}>"
        f"<Stream url={quoteattr(_stream_url(request))}/></Connect></Response>"
    )
    return Response(twiml, media_type="text/xml")


@router.post("/v1/twilio/after-stream", dependencies=[Depends(require_twilio_signature)], responses=TWIML)
async def twilio_after_stream(request: Request) -> Response:
    """``<Connect action>``: after the stream, transfer a handed-off call or hang up."""
    form = await request.form()
    outcome = outcomes_of(request.app.state).get(str(form.get("CallSid", "")), Outcome("hangup"))
    state: GatewayState = request.app.state.malbeot
    target = outcome.target or state.config.phone.transfer_target
    verb = f"<Dial>{escape(target)}</Dial>" if outcome.action == "transfer" and target else "<Hangup/>"
    return Response(f'<?xml version="1.0" encoding="UTF-8"?><Response>{verb}</Response>', media_type="text/xml")


@router.get("/v1/phone/outcome/{call_ref}", responses=errors(404))
async def phone_outcome(call_ref: str, request: Request) -> JSONResponse:
    """How a phone call ended (by Twilio CallSid, AudioSocket UUID or SIP Call-ID), for dialplans and carriers."""
    outcome = outcomes_of(request.app.state).get(call_ref)
    if outcome is None:
        return JSONResponse({"error": {"code": "not_found", "stage": "phone", "message": "no such call"}}, 404)
    return JSONResponse(
        {"call_ref": call_ref, "action": outcome.action, "target": outcome.target, "detail": outcome.detail,
         "urgent": outcome.urgent}
    )
