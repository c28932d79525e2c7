"""What a phone carrier can say, whatever its wire format: the frames each carrier codec decodes to.

A codec (``twilio_codec``, ``audiosocket_codec``) maps the carrier's messages to these frames, purely
(bytes or text in, a frame out, or a :class:`~malbeot_core.errors.MalbeotError` for a malformed
message), so it can be tested without a socket. :func:`deliver` hands a frame to the call: audio to
the pipeline, keypad digits to the call's keypad menu, playback marks to the pacer, the end of the
stream as the exception that ends the call.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..conversation import CLOSE_NORMAL, CallEnded
from ..edge import InboundAudio
from ..logs import logger
from .phone import CarrierHungUp, PhoneConversation

log = logger("carrier")


@dataclass(frozen=True, slots=True)
class CarrierAudio:
    """The caller's audio, in the carrier's encoding and rate."""

    data: bytes


@dataclass(frozen=True, slots=True)
class CarrierDigit:
    """A keypad digit the caller pressed."""

    digit: str


@dataclass(frozen=True, slots=True)
class CarrierMark:
    """The carrier has played our audio up to the mark of this name."""

    name: str


@dataclass(frozen=True, slots=True)
class CarrierEnded:
    """The stream ends: the caller hung up (nothing left to close), or the carrier stopped it."""

    reason: str
    hung_up: bool


@dataclass(frozen=True, slots=True)
class CarrierIgnored:
    """A well-formed message that asks nothing of the call (a repeated ``start``, an echo)."""

    note: str


CarrierFrame = CarrierAudio | CarrierDigit | CarrierMark | CarrierEnded | CarrierIgnored


async def deliver(frame: CarrierFrame, call: PhoneConversation, inbound: InboundAudio) -> None:
    """Hand one decoded frame to the call (audio converted to the internal format at the edge)."""
    match frame:
        case CarrierAudio(data=data):
            await call.session.feed(inbound.convert(data))
        case CarrierDigit(digit=digit):
            await call.dtmf(digit)
        case CarrierMark(name=name):
            if not call.transport.pacer.ack(name):
                log.info("%s call %s: mark %r was not ours", call.info.channel, call.session.call_id, name)
        case CarrierEnded(hung_up=True):
            raise CarrierHungUp()
        case CarrierEnded(reason=reason):
            raise CallEnded(CLOSE_NORMAL, reason)
        case CarrierIgnored(note=note):
            log.info("%s call %s: %s", call.info.channel, call.session.call_id, note)


__all__ = ["CarrierAudio", "CarrierDigit", "CarrierEnded", "CarrierFrame", "CarrierIgnored", "CarrierMark", "deliver"]
