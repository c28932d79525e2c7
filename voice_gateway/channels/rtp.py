"""RTP (RFC 3550) for one call's audio, and RFC 4733 (formerly RFC 2833) telephone events.

Packets are parsed and checked here; the receiving socket queues them, boundedly, for the call. A
peer that floods the port fills the queue and the excess is dropped and counted (the call keeps
the audio it can use; no other call shares the queue or the socket).
"""

from __future__ import annotations

import asyncio
import random
import struct
from collections import deque
from dataclasses import dataclass
from typing import cast

from malbeot_core.errors import BadAudio

HEADER = struct.Struct("!BBHII")
#: DTMF event codes (RFC 4733 §3.2) 0-9, *, #, A-D
DTMF_EVENTS = "0123456789*#ABCD"


@dataclass(frozen=True, slots=True)
class RtpPacket:
    payload_type: int
    sequence: int
    timestamp: int
    ssrc: int
    payload: bytes
    marker: bool = False

    def encode(self) -> bytes:
        return HEADER.pack(0x80, (0x80 if self.marker else 0) | self.payload_type, self.sequence & 0xFFFF,
                           self.timestamp & 0xFFFFFFFF, self.ssrc) + self.payload


def parse_rtp(data: bytes) -> RtpPacket:
    if len(data) < HEADER.size:
        raise BadAudio(f"RTP packet of {len(data)} bytes is shorter than its header", stage="rtp")
    first, second, sequence, timestamp, ssrc = HEADER.unpack_from(data)
    if first >> 6 != 2:
        raise BadAudio(f"RTP version {first >> 6}, expected 2", stage="rtp")
    offset = HEADER.size + 4 * (first & 0x0F)
    if first & 0x10:  # header extension: 16-bit profile, 16-bit length in words
        if len(data) < offset + 4:
            raise BadAudio("truncated RTP header extension", stage="rtp")
        offset += 4 + 4 * int.from_bytes(data[offset + 2 : offset + 4], "big")
    end = len(data)
    if first & 0x20:  # padding: the last byte counts it
        end -= data[-1]
    if offset > end:
        raise BadAudio("RTP header longer than the packet", stage="rtp")
    return RtpPacket(second & 0x7F, sequence, timestamp, ssrc, bytes(data[offset:end]), bool(second & 0x80))


@dataclass(frozen=True, slots=True)
class TelephoneEvent:
    event: int
    end: bool
    volume: int
    duration: int

    @property
    def digit(self) -> str | None:
        return DTMF_EVENTS[self.event] if self.event < len(DTMF_EVENTS) else None


def parse_telephone_event(payload: bytes) -> TelephoneEvent:
    if len(payload) < 4:
        raise BadAudio(f"telephone-event payload of {len(payload)} bytes (needs 4)", stage="rtp")
    return TelephoneEvent(payload[0], bool(payload[1] & 0x80), payload[1] & 0x3F, int.from_bytes(payload[2:4], "big"))


class DtmfDetector:
    """One digit per key press: an event is sent as several packets (and its end three times), all with
    the timestamp of the press (RFC 4733 §2.5.1); the first packet of a new timestamp is the press."""

    def __init__(self) -> None:
        self._seen: deque[tuple[int, int]] = deque(maxlen=16)

    def feed(self, packet: RtpPacket) -> str | None:
        event = parse_telephone_event(packet.payload)
        key = (packet.ssrc, packet.timestamp)
        if key in self._seen or event.digit is None:
            return None
        self._seen.append(key)
        return event.digit


class RtpSender:
    """Numbers our outgoing packets: random SSRC, sequence and timestamp start (RFC 3550 §5.1)."""

    def __init__(self, payload_type: int, samples_per_byte: int = 1) -> None:
        self.payload_type = payload_type
        self.ssrc = random.getrandbits(32)
        self.sequence = random.getrandbits(16)
        self.timestamp = random.getrandbits(32)
        self._samples_per_byte = samples_per_byte
        self._first = True
        self.sent = 0

    def packet(self, payload: bytes) -> bytes:
        packet = RtpPacket(self.payload_type, self.sequence, self.timestamp, self.ssrc, payload, marker=self._first)
        self._first = False
        self.sequence = (self.sequence + 1) & 0xFFFF
        self.timestamp = (self.timestamp + len(payload) * self._samples_per_byte) & 0xFFFFFFFF
        self.sent += 1
        return packet.encode()

    def talkspurt(self) -> None:
        """The next packet starts a talkspurt (after a clear): set its marker bit."""
        self._first = True


class RtpEndpoint(asyncio.DatagramProtocol):
    """The call's RTP socket: valid packets are queued (at most ``limit``), the rest counted."""

    def __init__(self, limit: int = 100) -> None:
        self.queue: asyncio.Queue[RtpPacket] = asyncio.Queue(maxsize=limit)
        self.transport: asyncio.DatagramTransport | None = None
        self.received = 0
        self.dropped = 0
        self.malformed = 0

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.DatagramTransport, transport)  # uvloop's is not a subclass

    def datagram_received(self, data: bytes, addr: tuple[str | object, int]) -> None:
        self.received += 1
        try:
            packet = parse_rtp(data)
        except BadAudio:
            self.malformed += 1
            return
        try:
            self.queue.put_nowait(packet)
        except asyncio.QueueFull:
            self.dropped += 1

    def send(self, data: bytes, addr: tuple[str, int]) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.sendto(data, addr)

    def close(self) -> None:
        if self.transport is not None:
            self.transport.close()

    @property
    def port(self) -> int:
        assert self.transport is not None
        return int(self.transport.get_extra_info("sockname")[1])
