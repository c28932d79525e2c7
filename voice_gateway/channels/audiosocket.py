"""Asterisk AudioSocket server: an on-premises Asterisk hands calls over with ``AudioSocket()``.

The protocol (Asterisk ``res_audiosocket``): every message is a 1-byte kind, a 2-byte big-endian
payload length and the payload. Kinds: ``0x00`` hang-up (no payload), ``0x01`` the call's UUID
(16 bytes, sent first), ``0x03`` a DTMF digit (1 ASCII byte), ``0x10`` audio (signed linear 16-bit
little-endian, 8 kHz, mono), ``0xff`` error (optional code byte). Malbeot sends ``0x10`` reply audio
in real-time 20 ms frames (320 bytes), stops sending at once when the caller barges in, and ends
the call with ``0x00``; the dialplan goes on after ``AudioSocket()`` and can ask
``GET /v1/phone/outcome/${UUID}`` whether to transfer (hand-off) or hang up.

Dialplan::

    exten => 1234,1,Answer()
     same => n,Set(UUID=${SHELL(uuidgen | tr -d '\\n')})
     same => n,AudioSocket(${UUID},127.0.0.1:9092)
     same => n,Set(NEXT=${CURL(http://127.0.0.1:8080/v1/phone/outcome/${UUID})})
     same => n,GotoIf($["${JSONELEMENT(NEXT,action)}" = "transfer"]?transfer)
     same => n,Hangup()
     same => n(transfer),Dial(${JSONELEMENT(NEXT,target)})

Bad input never disturbs other calls: a truncated frame (the peer went away mid-message) ends the
call; an unknown kind, a malformed DTMF or audio payload is logged and skipped; a peer that goes
silent is closed after ``idle_timeout`` seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid

from malbeot_core.errors import MalbeotError, ProtocolViolation

from ..conversation import CLOSE_NORMAL, CallEnded
from ..edge import InboundAudio
from ..logs import logger
from ..options import CallOptions
from ..state import GatewayState
from .audiosocket_codec import KIND_ERROR, KIND_HANGUP, KIND_SLIN, KIND_UUID, Message, decode, frame
from .carrier_frames import deliver
from .handoff import Outcomes
from .phone import CarrierHungUp, PhoneCallInfo, PhoneConversation, run_phone_call

log = logger("audiosocket")

RATE = 8000


async def read_message(reader: asyncio.StreamReader, timeout: float) -> Message:
    """One message; raises CarrierHungUp at end of stream (also mid-message: a truncated frame).

    The timeouts are ``asyncio.timeout`` blocks, not ``asyncio.wait_for``: on Python 3.11,
    ``wait_for`` drops a cancel that arrives just as its read completes, and a peer sends a frame
    every 20 ms, so the call's receiver would often not stop when the call ends (and the call
    would not be hung up until the peer gave up)."""
    try:
        async with asyncio.timeout(timeout):
            header = await reader.readexactly(3)
        length = int.from_bytes(header[1:3], "big")
        payload = b""
        if length:
            async with asyncio.timeout(timeout):
                payload = await reader.readexactly(length)
    except TimeoutError:
        raise CallEnded(CLOSE_NORMAL, "idle") from None
    except asyncio.IncompleteReadError as exc:
        if exc.partial:
            log.warning("audiosocket: truncated frame (%d bytes) at end of stream", len(exc.partial))
        raise CarrierHungUp() from None
    except ConnectionError as exc:
        raise CarrierHungUp() from exc
    return Message(header[0], payload)


class AudioSocketLine:
    reply_rate = RATE
    reply_encoding = "pcm16"
    has_marks = False

    def __init__(self, writer: asyncio.StreamWriter) -> None:
        self.writer = writer
        self._closed = False

    async def _write(self, data: bytes) -> None:
        if self._closed or self.writer.is_closing():
            return
        try:
            self.writer.write(data)
            await self.writer.drain()
        except ConnectionError as exc:  # the peer hung up while we were speaking
            raise CarrierHungUp() from exc

    async def write_audio(self, pcm: bytes) -> None:
        await self._write(frame(KIND_SLIN, pcm))

    async def write_mark(self, name: str) -> None:
        return None  # AudioSocket has no marks

    async def write_clear(self) -> None:
        return None  # nothing buffered beyond the pacer's lead: stopping sending is the clear

    async def hang_up(self, reason: str) -> None:
        with contextlib.suppress(ConnectionError, CarrierHungUp):
            await self._write(frame(KIND_HANGUP))
        self._closed = True
        self.writer.close()
        with contextlib.suppress(Exception):
            await self.writer.wait_closed()


class AudioSocketReceiver:
    def __init__(self, reader: asyncio.StreamReader, call: PhoneConversation) -> None:
        self.reader = reader
        self.call = call
        self.inbound = InboundAudio(RATE, "pcm16", 1 << 16)

    async def run(self) -> None:
        state = self.call.state
        while True:
            message = await read_message(self.reader, state.config.idle_timeout)
            try:
                await self.handle(message)
            except MalbeotError as error:
                state.metrics.error(error)
                log.warning("audiosocket call %s: %s", self.call.session.call_id, error)

    async def handle(self, message: Message) -> None:
        frame = decode(message)
        if message.kind == KIND_ERROR:
            log.warning("audiosocket call %s: peer error %s", self.call.session.call_id, message.payload.hex())
        await deliver(frame, self.call, self.inbound)


class AudioSocketServer:
    """The TCP server; each connection is one call."""

    def __init__(self, state: GatewayState, outcomes: Outcomes) -> None:
        self.state = state
        self.outcomes = outcomes
        self.server: asyncio.Server | None = None
        self.tasks: set[asyncio.Task[None]] = set()

    async def start(self, host: str, port: int) -> int:
        self.server = await asyncio.start_server(self._connection, host, port)
        bound = int(self.server.sockets[0].getsockname()[1])
        log.info("AudioSocket server on %s:%d", host, bound)
        return bound

    async def stop(self) -> None:
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()
        for task in list(self.tasks):
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task is not None:
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)
        line = AudioSocketLine(writer)
        try:
            call_uuid = await self._identify(reader)
        except (CallEnded, CarrierHungUp, MalbeotError) as exc:
            if isinstance(exc, MalbeotError):
                self.state.metrics.error(exc)
                log.warning("audiosocket: %s", exc)
            await line.hang_up("no uuid")
            return
        options = CallOptions().updated({"rate": RATE, "encoding": "pcm16", "reply_rate": RATE},
                                        self.state.config.languages)
        info = PhoneCallInfo("audiosocket", str(call_uuid), {"uuid": str(call_uuid)})
        call = PhoneConversation(self.state, options, line, info, self.outcomes)
        try:
            await run_phone_call(call, AudioSocketReceiver(reader, call).run())
        finally:
            writer.close()  # the peer hung up (or we did): release the socket either way

    async def _identify(self, reader: asyncio.StreamReader) -> uuid.UUID:
        message = await read_message(reader, self.state.config.idle_timeout)
        if message.kind != KIND_UUID or len(message.payload) != 16:
            raise ProtocolViolation(
                f"an AudioSocket call starts with a 16-byte UUID (kind 0x01), got kind 0x{message.kind:02x} "
                f"with {len(message.payload)} bytes",
                stage="edge",
            )
        return uuid.UUID(bytes=message.payload)
