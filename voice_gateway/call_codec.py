"""The call websocket's control messages (``docs/protocol.md``) → typed client messages, purely:
text in, a message out, or a clear edge error (:class:`FrameTooLarge`, :class:`ProtocolViolation`),
testable without a socket. Audio travels in binary frames and is not decoded here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from malbeot_core.errors import FrameTooLarge, ProtocolViolation

from .edge import parse_json


@dataclass(frozen=True, slots=True)
class Configure:
    """``start`` / ``config``: call options to change (validated by ``CallOptions.updated``)."""

    fields: dict[str, Any]


@dataclass(frozen=True, slots=True)
class EndTurnAsked:
    """``end_turn``: the caller ended the turn (push-to-talk released)."""


@dataclass(frozen=True, slots=True)
class Typed:
    """``text``: a typed turn, with the page's language when it gave one."""

    text: str
    language: str | None


@dataclass(frozen=True, slots=True)
class BargeInAsked:
    """``barge_in``: the client heard the caller speak over the reply."""


@dataclass(frozen=True, slots=True)
class StopAsked:
    """``stop``: the client ends the call."""


ClientMessage = Configure | EndTurnAsked | Typed | BargeInAsked | StopAsked


def decode(raw: str, max_bytes: int) -> ClientMessage:
    """One control message of the call websocket."""
    if len(raw.encode()) > max_bytes:
        raise FrameTooLarge(f"text message over {max_bytes} bytes", stage="edge")
    message = parse_json(raw, "text messages (audio goes in binary frames)")
    if not isinstance(message, dict) or not isinstance(message.get("type"), str):
        raise ProtocolViolation('a control message needs a string "type"', stage="edge")
    match message["type"]:
        case "start" | "config":
            return Configure({k: v for k, v in message.items() if k != "type"})
        case "end_turn":
            return EndTurnAsked()
        case "text":
            text = message.get("text")
            if not isinstance(text, str) or not text.strip():
                raise ProtocolViolation('a "text" message needs non-empty "text"', stage="edge")
            language = message.get("language")
            return Typed(text.strip(), str(language) if language else None)
        case "barge_in":
            return BargeInAsked()
        case "stop":
            return StopAsked()
        case other:
            raise ProtocolViolation(f"unknown message type {other!r}", stage="edge")


__all__ = ["BargeInAsked", "ClientMessage", "Configure", "EndTurnAsked", "StopAsked", "Typed", "decode"]
