"""Asterisk AudioSocket messages ↔ carrier frames, purely (no socket).

Every message is a 1-byte kind, a 2-byte big-endian payload length and the payload (see
``audiosocket``'s module text for the kinds)."""

from __future__ import annotations

from dataclasses import dataclass

from malbeot_core.errors import ProtocolViolation

from .carrier_frames import CarrierAudio, CarrierDigit, CarrierEnded, CarrierFrame, CarrierIgnored

KIND_HANGUP = 0x00
KIND_UUID = 0x01
KIND_DTMF = 0x03
KIND_SLIN = 0x10
KIND_ERROR = 0xFF


def frame(kind: int, payload: bytes = b"") -> bytes:
    """One message on the wire."""
    if len(payload) > 0xFFFF:
        raise ValueError("an AudioSocket payload is at most 65535 bytes")
    return bytes([kind]) + len(payload).to_bytes(2, "big") + payload


@dataclass(frozen=True, slots=True)
class Message:
    kind: int
    payload: bytes


def decode(message: Message) -> CarrierFrame:
    """The frame one message of a call carries (after its UUID); a malformed one raises
    :class:`ProtocolViolation` (stage ``edge``)."""
    match message.kind:
        case 0x10:  # KIND_SLIN
            return CarrierAudio(message.payload)
        case 0x03:  # KIND_DTMF
            digit = message.payload.decode("ascii", "replace")
            if len(digit) != 1:
                raise ProtocolViolation(f"a DTMF payload is one ASCII byte, got {message.payload!r}", stage="edge")
            return CarrierDigit(digit)
        case 0x00:  # KIND_HANGUP
            return CarrierEnded("hangup", hung_up=True)
        case 0xFF:  # KIND_ERROR
            return CarrierEnded(f"peer error {message.payload.hex()}", hung_up=True)
        case 0x01:  # KIND_UUID
            return CarrierIgnored("repeated UUID ignored")
        case other:
            raise ProtocolViolation(f"unknown AudioSocket kind 0x{other:02x}", stage="edge")


__all__ = ["KIND_DTMF", "KIND_ERROR", "KIND_HANGUP", "KIND_SLIN", "KIND_UUID", "Message", "decode", "frame"]
