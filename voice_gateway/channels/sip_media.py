"""The media of a SIP call: RTP sockets (a port range, a packet-rate limit against floods), the
phone line that sends reply audio as paced RTP, and the receiver of the caller's audio, telephone
events, BYE and INFO digits. Where the caller sends no RTP for ``GAP`` seconds, silence is fed in
its place.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from malbeot_core.errors import BackendFailed, BadAudio, MalbeotError

from ..conversation import CLOSE_NORMAL, CallEnded
from ..edge import InboundAudio
from ..logs import logger
from .phone import CarrierHungUp, PhoneConversation
from .rtp import DtmfDetector, RtpEndpoint, RtpPacket, RtpSender
from .sip_dialog import Dialog

if TYPE_CHECKING:
    from .sip import SipServer

log = logger("sip")

RATE = 8000
RTP_PACKET_RATE = 150.0  # per second: 50 audio packets, telephone events, and slack for jitter
COMFORT_NOISE = 13
#: seconds without RTP after which silence is fed in the caller's place
GAP = 0.1


class TokenBucket:
    """At most ``rate`` events per second on average, ``burst`` at once."""

    def __init__(self, rate: float, burst: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate, self.burst, self._clock = rate, burst, clock
        self._tokens, self._at = burst, clock()

    def take(self) -> bool:
        now = self._clock()
        self._tokens = min(self.burst, self._tokens + (now - self._at) * self.rate)
        self._at = now
        if self._tokens >= 1:
            self._tokens -= 1
            return True
        return False


@dataclass
class RtpPorts:
    """Where each call's RTP socket is bound: any free port, or the even ports of a range (in turn)."""

    first: int = 0
    last: int = 0
    _next: int = 0

    @classmethod
    def parse(cls, spec: str) -> RtpPorts:
        if not spec.strip():
            return cls()
        try:
            first, last = (int(part) for part in spec.split("-", 1))
        except ValueError:
            raise ValueError(f"MALBEOT_RTP_PORTS must be FIRST-LAST, got {spec!r}") from None
        if not 0 < first < last <= 65535:
            raise ValueError(f"MALBEOT_RTP_PORTS {spec!r} is not a port range")
        return cls(first + first % 2, last)

    def candidates(self) -> list[int]:
        if not self.first:
            return [0]
        ports = list(range(self.first, self.last + 1, 2))
        start = self._next % len(ports)
        self._next += 1
        return ports[start:] + ports[:start]

    async def bind(self, host: str) -> CallRtp:
        loop = asyncio.get_running_loop()
        for port in self.candidates():
            try:
                _, rtp = await loop.create_datagram_endpoint(CallRtp, local_addr=(host, port))
            except OSError:
                continue  # in use: the next one
            return rtp
        raise BackendFailed(f"no free RTP port in {self.first}-{self.last}", stage="sip")


class CallRtp(RtpEndpoint):
    """The RTP socket of one SIP call, with a packet-rate limit against floods."""

    def __init__(self, limit: int = 100) -> None:
        super().__init__(limit)
        self.bucket = TokenBucket(RTP_PACKET_RATE, RTP_PACKET_RATE)
        self.flooded = 0

    def datagram_received(self, data: bytes, addr: tuple[str | object, int]) -> None:
        if not self.bucket.take():
            self.flooded += 1
            return
        super().datagram_received(data, addr)


class SipLine:
    """The phone line of a SIP call: reply audio as paced RTP; a hang-up is a BYE (after REFER on transfer)."""

    reply_rate = RATE
    has_marks = False

    def __init__(self, server: SipServer, dialog: Dialog) -> None:
        assert dialog.codec is not None
        self.server = server
        self.dialog = dialog
        self.reply_encoding = dialog.codec.encoding
        self.sender = RtpSender(dialog.codec.payload_type)

    async def write_audio(self, frame: bytes) -> None:
        if self.dialog.rtp is not None and not self.dialog.ended:
            self.dialog.rtp.send(self.sender.packet(frame), self.dialog.media)

    async def write_mark(self, name: str) -> None:
        return None  # RTP has no marks

    async def write_clear(self) -> None:
        self.sender.talkspurt()  # nothing is buffered beyond the pacer's lead: stopping sending is the clear

    async def hang_up(self, reason: str) -> None:
        await self.server.end_call(self.dialog, reason)


async def next_packet(queue: asyncio.Queue[RtpPacket], gap: float) -> RtpPacket | None:
    """The caller's next RTP packet, or None after ``gap`` seconds without one.

    ``asyncio.timeout``, not ``asyncio.wait_for``: in Python 3.11 ``wait_for`` drops a cancel that
    arrives as the read completes (a packet comes every 20 ms), and the call could then never stop
    its receiver."""
    try:
        async with asyncio.timeout(gap):
            return await queue.get()
    except TimeoutError:
        return None


class SipReceiver:
    """The caller's side of a SIP call: RTP audio and telephone events, BYE and INFO digits."""

    def __init__(self, dialog: Dialog, call: PhoneConversation) -> None:
        assert dialog.codec is not None and dialog.rtp is not None
        self.dialog = dialog
        self.rtp = dialog.rtp
        self.call = call
        self.inbound = InboundAudio(RATE, dialog.codec.encoding, call.config.max_frame_bytes)
        self.dtmf = DtmfDetector()
        self.foreign = 0
        #: GAP seconds of silence in the call's codec
        self.silence = (b"\xff" if dialog.codec.encoding == "mulaw" else b"\xd5") * int(RATE * GAP)
        self._last_sequence: int | None = None

    async def run(self) -> None:
        tasks = [asyncio.create_task(self._media()), asyncio.create_task(self._signals())]
        try:
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                task.result()
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _signals(self) -> None:
        while True:
            signal = await self.dialog.signals.get()
            if signal == "bye":
                raise CarrierHungUp()
            await self.call.dtmf(signal)

    async def _media(self) -> None:
        """Feed the caller's audio; where the caller sends none (silence suppression, comfort noise, a
        lost stream) feed silence in its place, so turn-taking still sees the pause and the turn ends."""
        idle = self.call.config.idle_timeout
        silent = 0.0
        while True:
            packet = await next_packet(self.rtp.queue, GAP)
            if packet is None:
                silent += GAP
                if silent >= idle:
                    raise CallEnded(CLOSE_NORMAL, "idle") from None
                await self.call.session.feed(self.inbound.convert(self.silence))
                continue
            silent = 0.0
            try:
                await self.handle(packet)
            except MalbeotError as error:
                self.call.state.metrics.error(error)
                log.warning("sip call %s: %s", self.call.session.call_id, error)

    def _in_order(self, sequence: int) -> bool:
        """False for a duplicate or a late packet (sequence numbers wrap at 2**16)."""
        if self._last_sequence is not None:
            ahead = (sequence - self._last_sequence) & 0xFFFF
            if ahead == 0 or ahead > 0x8000:
                return False
        self._last_sequence = sequence
        return True

    async def handle(self, packet: RtpPacket) -> None:
        assert self.dialog.codec is not None
        if packet.payload_type == self.dialog.event_type:
            digit = self.dtmf.feed(packet)
            if digit is not None:
                await self.call.dtmf(digit)
        elif packet.payload_type == self.dialog.codec.payload_type:
            if self._in_order(packet.sequence):
                await self.call.session.feed(self.inbound.convert(packet.payload))
        elif packet.payload_type != COMFORT_NOISE:
            self.foreign += 1
            if self.foreign in (1, 100, 10000):
                raise BadAudio(f"RTP payload type {packet.payload_type} was not negotiated ({self.foreign} so far)",
                               stage="rtp")
