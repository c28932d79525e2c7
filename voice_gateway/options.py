"""Call options from the websocket's query string and ``start``/``config`` messages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from malbeot_core.audio import check_rate
from malbeot_core.errors import ProtocolViolation, UnknownLanguage

from .edge import check_encoding

_TRUE = {"1", "true", "yes", "on"}


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
        try:
            if "rate" in fields:
                changes["rate"] = check_rate(int(fields["rate"]))
                if "reply_rate" not in fields:
                    changes["reply_rate"] = changes["rate"]
            if "reply_rate" in fields:
                changes["reply_rate"] = check_rate(int(fields["reply_rate"]))
        except (TypeError, ValueError) as exc:
            raise ProtocolViolation(f"sample rate must be a number: {exc}", stage="edge") from exc
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
