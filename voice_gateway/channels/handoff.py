"""Hand-off to a person: the written summary (PII-redacted) posted to a webhook, and the outcome
of each phone call (transfer or hang-up) kept for the carrier to ask about."""

from __future__ import annotations

import collections
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from malbeot_core.redact import redact

from ..call_history import Exchange, History
from ..logs import logger

log = logger("handoff")


@dataclass(frozen=True)
class Outcome:
    #: "transfer" or "hangup"
    action: str
    target: str = ""
    #: how the transfer went where the channel can tell (SIP REFER: "transferred", "refused (405)"...)
    detail: str = ""
    #: a caller in danger: the person taking the call should pick up first
    urgent: bool = False


class Outcomes(collections.OrderedDict[str, Outcome]):
    """The last ``limit`` call outcomes by carrier call reference (Twilio CallSid, AudioSocket UUID)."""

    def __init__(self, limit: int = 1000) -> None:
        super().__init__()
        self.limit = limit

    def __setitem__(self, key: str, value: Outcome) -> None:
        super().__setitem__(key, value)
        while len(self) > self.limit:
            self.popitem(last=False)


@dataclass(frozen=True, slots=True)
class HandoffRecord:
    """What the person taking over a call is told, built once from plain values and redacted as it
    is built: every later use (the webhook, a log line, a test) sees only the redacted turns."""

    call_id: str
    channel: str
    call_ref: str
    carrier: Mapping[str, str]
    #: "danger", "keypad" or "caller_asked"
    reason: str
    #: a caller in danger: the person taking the call should pick up first
    urgent: bool
    language: str
    transfer_to: str
    #: the conversation so far, redacted (resident numbers, phone numbers, addresses)
    turns: tuple[Exchange, ...]
    #: keypad digits pressed during the call
    keypad: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        history: History,
        *,
        call_id: str,
        channel: str,
        call_ref: str,
        reason: str,
        language: str,
        transfer_to: str,
        urgent: bool = False,
        carrier: Mapping[str, str] | None = None,
        keypad: Iterable[str] = (),
    ) -> HandoffRecord:
        turns = tuple(Exchange(redact(t.caller), redact(t.answer), tuple(t.programmes)) for t in history.turns)
        return cls(
            call_id, channel, call_ref, dict(carrier or {}), reason, urgent, language, transfer_to, turns, tuple(keypad)
        )

    @property
    def programmes(self) -> list[str]:
        """Every programme the caller heard of, in the order first named."""
        names: list[str] = []
        for turn in self.turns:
            names += [p for p in turn.programmes if p not in names]
        return names

    @property
    def summary(self) -> str:
        lines = []
        for turn in self.turns:
            if turn.caller:
                lines.append(f"Caller: {turn.caller}")
            if turn.answer:
                names = f" [programmes: {', '.join(turn.programmes)}]" if turn.programmes else ""
                lines.append(f"Malbeot: {turn.answer}{names}")
        return "\n".join(lines) or "The caller asked for a person before saying anything else."

    def payload(self) -> dict[str, Any]:
        """The JSON the hand-off webhook receives."""
        return {
            "event": "handoff",
            "call_id": self.call_id,
            "channel": self.channel,
            "call_ref": self.call_ref,
            "carrier": dict(self.carrier),
            "reason": self.reason,
            "urgent": self.urgent,
            "language": self.language,
            "transfer_to": self.transfer_to,
            "summary": self.summary,
            "programmes": self.programmes,
            "turns": [{"caller": t.caller, "answer": t.answer, "programmes": list(t.programmes)} for t in self.turns],
            "keypad": list(self.keypad),
        }


async def post_handoff(url: str, payload: dict[str, Any], timeout: float) -> bool:
    """POST the summary; a failing receiver is logged and the transfer goes on."""
    try:
        async with httpx.AsyncClient(timeout=timeout) as client:
            response = await client.post(url, json=payload)
            response.raise_for_status()
    except httpx.HTTPError as exc:
        log.warning("hand-off webhook failed for call %s: %s", payload.get("call_id"), exc)
        return False
    return True
