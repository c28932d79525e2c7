"""Alerts after a check-in call that was not well, heard danger, or was never answered: to district
staff and to the resident's contact person, through the ``Notifier`` (``voice_gateway.notifiers``:
log or webhook). Texts carry the masked name and the redacted summary only."""

from __future__ import annotations

from malbeot_core.notify import Alert, Notifier
from records.applications import mask_name
from records.checkins import Resident

ALERTING = ("not_well", "danger", "no_answer", "failed")

_STAFF = {
    "danger": "[말벗 안부전화·긴급] {name} 님 통화에서 위험 신호가 들렸어요. 바로 확인해 주세요. {summary}",
    "not_well": "[말벗 안부전화] {name} 님이 몸이나 마음이 좋지 않다고 하셨어요. 확인해 주세요. {summary}",
    "no_answer": "[말벗 안부전화] {name} 님이 {tries}번 전화를 받지 않으셨어요. 확인해 주세요.",
    "failed": "[말벗 안부전화] {name} 님께 전화를 걸지 못했어요 ({summary}). 확인해 주세요.",
}
_CONTACT = {
    "ko": "[말벗 안부전화] {name} 님 {what}. 연락해 보시고, 급하면 119에 전화하세요.",
    "en": "[Malbeot check-in] {name}: {what}. Please get in touch; in an emergency call 119.",
}
_WHAT = {
    "ko": {"danger": "통화에서 위험 신호가 들렸어요", "not_well": "께서 좋지 않다고 하셨어요",
           "no_answer": "께서 안부 전화를 받지 않으셨어요", "failed": "께 안부 전화가 연결되지 않았어요"},
    "en": {"danger": "a danger sign was heard on the check-in call", "not_well": "said they are not well",
           "no_answer": "did not answer the check-in calls", "failed": "could not be reached"},
}


def staff_text(resident: Resident, outcome: str, summary: str, tries: int) -> str:
    name = mask_name(resident.name) if resident.name else f"#{resident.id}"
    return _STAFF[outcome].format(name=name, summary=summary, tries=tries)


def contact_text(resident: Resident, outcome: str) -> str:
    lang = "ko" if resident.language == "ko" else "en"
    name = mask_name(resident.name) if resident.name else ""
    what = _WHAT[lang][outcome]
    return _CONTACT[lang].format(name=name, what=what).replace("님 께", "님께")


def send_alerts(notifier: Notifier, resident: Resident, call_id: int, outcome: str, summary: str, tries: int,
                staff_address: str) -> int:
    """Alert staff (and the contact person, when there is one); returns how many alerts were sent."""
    if outcome not in ALERTING:
        return 0
    ref = f"checkin-{call_id}"
    notifier.send(Alert("staff", staff_address, "ko", staff_text(resident, outcome, summary, tries), ref))
    sent = 1
    if resident.contact_phone and outcome != "failed":
        notifier.send(Alert("sms", resident.contact_phone, resident.language, contact_text(resident, outcome), ref))
        sent += 1
    return sent


__all__ = ["ALERTING", "contact_text", "send_alerts", "staff_text"]
