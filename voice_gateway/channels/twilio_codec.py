"""Twilio Media Streams messages ↔ carrier frames, purely (no socket): what ``/v1/twilio`` reads
and writes once the stream has started (``start`` itself is read by ``twilio.wait_for_start``)."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from malbeot_core.errors import BadAudio, ProtocolViolation

from ..edge import parse_json
from .carrier_frames import CarrierAudio, CarrierDigit, CarrierEnded, CarrierFrame, CarrierIgnored, CarrierMark


def parse(raw: str | None) -> dict[str, Any]:
    """One media-stream message as a dict with a string ``event`` (``None``: a binary frame)."""
    if raw is None:
        raise ProtocolViolation("binary frames are not part of the media-stream protocol", stage="edge")
    message = parse_json(raw, "a media-stream message")
    if not isinstance(message, dict) or not isinstance(message.get("event"), str):
        raise ProtocolViolation('a media-stream message needs a string "event"', stage="edge")
    return message


def decode(raw: str | None) -> CarrierFrame:
    """The frame one message of a started stream carries; a malformed message raises
    :class:`ProtocolViolation` or :class:`BadAudio` (stage ``edge``)."""
    message = parse(raw)
    match message["event"]:
        case "media":
            media = message.get("media")
            if not isinstance(media, dict) or not isinstance(media.get("payload"), str):
                raise ProtocolViolation('a "media" message needs media.payload', stage="edge")
            if media.get("track", "inbound") not in ("inbound", "inbound_track"):
                return CarrierIgnored("outbound track echo (both_tracks streams): not the caller")
            try:
                return CarrierAudio(base64.b64decode(media["payload"], validate=True))
            except (binascii.Error, ValueError) as exc:
                raise BadAudio(f"media payload is not base64: {exc}", stage="edge") from exc
        case "dtmf":
            dtmf = message.get("dtmf")
            digit = dtmf.get("digit") if isinstance(dtmf, dict) else None
            if not isinstance(digit, str) or len(digit) != 1:
                raise ProtocolViolation('a "dtmf" message needs dtmf.digit', stage="edge")
            return CarrierDigit(digit)
        case "mark":
            mark = message.get("mark")
            name = mark.get("name") if isinstance(mark, dict) else None
            if not isinstance(name, str):
                raise ProtocolViolation('a "mark" message needs mark.name', stage="edge")
            return CarrierMark(name)
        case "stop":
            return CarrierEnded("stop", hung_up=False)
        case "connected" | "start":
            return CarrierIgnored(f"repeated {message['event']!r} ignored")
        case other:
            return CarrierIgnored(f"unknown event {other!r} ignored")


def _text(message: dict[str, Any]) -> str:
    return json.dumps(message, separators=(",", ":"))


def media(stream_sid: str, frame: bytes) -> str:
    """Reply audio (one frame in the stream's encoding)."""
    payload = base64.b64encode(frame).decode("ascii")
    return _text({"event": "media", "streamSid": stream_sid, "media": {"payload": payload}})


def mark(stream_sid: str, name: str) -> str:
    """Ask the carrier to say when the audio sent so far has played."""
    return _text({"event": "mark", "streamSid": stream_sid, "mark": {"name": name}})


def clear(stream_sid: str) -> str:
    """Drop the audio the carrier still holds (the caller barged in)."""
    return _text({"event": "clear", "streamSid": stream_sid})


__all__ = ["clear", "decode", "mark", "media", "parse"]
