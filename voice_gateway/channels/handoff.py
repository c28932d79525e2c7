"""Hand-off to a person: the written summary (PII-redacted) posted to a webhook, and the outcome
of each phone call (transfer or hang-up) kept for the carrier to ask about."""

from __future__ import annotations

import collections
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx

from malbeot_core.redact import redact

from ..logs import logger

if TYPE_CHECKING:
    from .phone import PhoneConversation

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


def summary_text(call: PhoneConversation) -> str:
    lines = []
    for turn in call.history.turns:
        if turn.caller:
            lines.append(f"Caller: {redact(turn.caller)}")
        if turn.answer:
            names = f" [programmes: {', '.join(turn.programmes)}]" if turn.programmes else ""
            lines.append(f"Malbeot: {redact(turn.answer)}{names}")
    return "\n".join(lines) or "The caller asked for a person before saying anything else."


def handoff_payload(call: PhoneConversation, reason: str, urgent: bool = False) -> dict[str, Any]:
    programmes: list[str] = []
    for turn in call.history.turns:
        programmes += [p for p in turn.programmes if p not in programmes]
    return {
        "event": "handoff",
        "call_id": call.session.call_id,
        "channel": call.info.channel,
        "call_ref": call.info.call_ref,
        "carrier": call.info.carrier,
        "reason": reason,
        "urgent": urgent,
        "language": call.language,
        "transfer_to": call.phone.transfer_target,
        "summary": summary_text(call),
        "programmes": programmes,
        "turns": [
            {"caller": redact(t.caller), "answer": redact(t.answer), "programmes": list(t.programmes)}
            for t in call.history.turns
        ],
        "keypad": list(call.dtmf_digits),
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
