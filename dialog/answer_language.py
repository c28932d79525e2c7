"""Answers composed in the caller's language from a programme's structured catalogue fields.

The catalogue's free text (summary, target, how to apply) exists in Korean and, for the sample,
English. Chinese, Vietnamese and Japanese callers are answered from templates the project wrote
(``dialog.templates``): the kind and cycle of support, who it is for (age, household, income band,
disability, residency), the amount the record states, how to apply (online or at the dong
community centre), office hours and the phone number. The programme keeps its Korean name with a
short gloss ("기초연금（基础养老金）"). What exists only in Korean is not passed off as
translated: the answer says so and offers the Danuri helpline (1577-1366, interpretation) or a
person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dialog.answers import WELFARE_CALL, Reply
from dialog.catalogue.programmes import Programme
from dialog.templates import TEMPLATED_ONLY
from dialog.templates.benefit import cycle, kind
from dialog.templates.facts import who_for
from dialog.templates.glosses import gloss
from dialog.templates.needs import need
from dialog.templates.phrases import frame

_WON_MAN = re.compile(r"(\d[\d,.]*)\s*만\s*원")
_WON = re.compile(r"(\d{1,3}(?:,\d{3})+|\d{4,})\s*원")


def templated(language: str) -> bool:
    """Answers in ``language`` come from the templates alone (zh, vi, ja)."""
    return language in TEMPLATED_ONLY


def programme_name(p: Programme, language: str) -> str:
    """A programme's name as a conversation says it: written (ko, en) or Korean with a gloss (zh, vi, ja)."""
    return display_name(p, language) if templated(language) else p.text("name", language)


def display_name(p: Programme, language: str) -> str:
    """The Korean name with a short gloss in ``language``: "기초연금（基础养老金）", "기초연금 (lương hưu cơ bản)"."""
    note = gloss(p.id, language) or kind(p.support_form, language)
    if not note:
        return p.name_ko
    name = p.name_ko.split(" (")[0] if gloss(p.id, language) else p.name_ko  # the gloss says the rest
    return f"{name} ({note})" if language == "vi" else f"{name}（{note}）"


def what_it_is(p: Programme, language: str, name: str | None = None) -> str:
    name = name if name is not None else display_name(p, language)
    what, how_often = kind(p.support_form, language), cycle(p.support_cycle, language)
    if what and how_often:
        return frame("is_kind_cycle", language).format(name=name, kind=what, cycle=how_often, topic="")
    if what:
        return frame("is_kind", language).format(name=name, kind=what, topic="")
    return frame("is_programme", language).format(name=name, topic="")


def how_to_apply(p: Programme, language: str) -> str:
    return frame("apply_online" if p.online_application else "apply_visit", language)


def phone(p: Programme, language: str) -> str:
    return frame("phone", language).format(phone=p.contact or WELFARE_CALL)


def won_amounts(text: str) -> list[int]:
    """The amounts in won a Korean text states ("월 30만 원대" → 300000), in order."""
    found: list[int] = []
    for m in _WON_MAN.finditer(text):
        found.append(round(float(m.group(1).replace(",", "")) * 10_000))
    for m in _WON.finditer(text):
        found.append(int(m.group(1).replace(",", "")))
    return found


def amount(p: Programme, language: str) -> str:
    """The amount the record states, with what the payment is and how often; "" when it states none."""
    won = won_amounts(p.support_ko)
    if not won:
        return ""
    figure = frame("amount", language).format(amount=f"{won[0]:,}")
    return f"{what_it_is(p, language)} {figure} {frame('korean_only', language)}"


def find_benefit(best: Programme, second: Programme | None, language: str) -> Reply:
    parts = [what_it_is(best, language), who_for(best.eligibility, language), how_to_apply(best, language)]
    if second is not None:
        parts.append(frame("second", language).format(name=display_name(second, language)))
    parts.append(frame("korean_only", language))
    return Reply(" ".join(p for p in parts if p), language)


def details(p: Programme, language: str) -> Reply:
    parts = [
        what_it_is(p, language),
        who_for(p.eligibility, language),
        how_to_apply(p, language),
        frame("office_hours", language),
        phone(p, language),
        frame("korean_only", language),
    ]
    return Reply(" ".join(x for x in parts if x), language)


def overview(programmes: Sequence[Programme], language: str) -> Reply:
    names = frame("list_sep", language).join(display_name(p, language) for p in programmes)
    lead = frame("overview", language).format(names=names, subject="")
    return Reply(f"{lead} {what_it_is(programmes[0], language)} {frame('overview_offer', language)}", language)


def clarify(best: Programme, second: Programme, language: str) -> Reply | None:
    a, b = need(best.themes, language), need(second.themes, language)
    if not a or not b or a == b:
        return None
    return Reply(frame("clarify", language).format(a=a, b=b, a_obj="", b_obj=""), language)


def not_on_this_call(p: Programme, language: str) -> str:
    return frame("not_here", language).format(name=display_name(p, language))


__all__ = [
    "amount",
    "clarify",
    "details",
    "display_name",
    "find_benefit",
    "how_to_apply",
    "not_on_this_call",
    "overview",
    "phone",
    "templated",
    "what_it_is",
    "won_amounts",
]
