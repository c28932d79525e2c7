"""Call options from the websocket's query string and ``start``/``config`` messages."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from malbeot_core.audio import check_rate
from malbeot_core.errors import ProtocolViolation, UnknownLanguage

from .edge import check_encoding

_TRUE = {"1", "true", "yes", "on"}


#: a sample rate outside this range is not a sample rate at all (bad_message, not unsupported_rate)
MAX_RATE = 1_000_000


def _rate(name: str, value: Any) -> int:
    """A sample rate from a query string or JSON: a whole number in Hz, as a number or decimal string.

    NaN, infinity, 1e400, booleans, lists, objects and numbers far outside any sample rate are
    protocol violations (reported as ``bad_message``), never an OverflowError."""
    number: int | None = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float) and math.isfinite(value) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit() and len(value.strip()) <= 7:
        number = int(value.strip())
    if number is None or not 0 < number <= MAX_RATE:
        shown = repr(value) if isinstance(value, str | int | float) and len(repr(value)) <= 20 else type(value).__name__
        raise ProtocolViolation(f"{name} must be a sample rate in Hz (a whole number), got {shown}", stage="edge")
    return check_rate(number)


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).lower() in _TRUE


@dataclass(frozen=True)
class CallOptions:
    rate: int = 16000
    encoding: str = "pcm16"
    language: str = "auto"
    reply_rate: int = 16000
    tts: bool = True
    elderly: bool = False
    #: partial transcripts while the caller speaks (phone lines have no screen: off there)
    partials: bool = True

    def updated(self, fields: Mapping[str, Any], languages: tuple[str, ...]) -> CallOptions:
        """Return new options with ``fields`` applied and validated."""
        changes: dict[str, Any] = {}
        if "rate" in fields:
            changes["rate"] = _rate("rate", fields["rate"])
            if "reply_rate" not in fields:
                changes["reply_rate"] = changes["rate"]
        if "reply_rate" in fields:
            changes["reply_rate"] = _rate("reply_rate", fields["reply_rate"])
        if "encoding" in fields:
            changes["encoding"] = check_encoding(str(fields["encoding"]))
        if "language" in fields:
            language = str(fields["language"])
            if language != "auto" and language not in languages:
                raise UnknownLanguage(
                    f"language {language!r} is not offered; use auto or one of {', '.join(languages)}",
                    stage="edge",
                )
            changes["language"] = language
        if "tts" in fields:
            changes["tts"] = _flag(fields["tts"])
        if "elderly" in fields:
            changes["elderly"] = _flag(fields["elderly"])
        if "partials" in fields:
            changes["partials"] = _flag(fields["partials"])
        return replace(self, **changes)
