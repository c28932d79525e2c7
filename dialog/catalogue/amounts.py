""""얼마나 받아요?": the amount and payment cycle a programme's catalogue record states.

``asks_amount`` recognises the question in ko, en, zh, vi and ja; ``amount_sentence`` picks the
sentence of the support text that names an amount (won, 만 원, %) and says how often it is paid
(지원주기 "월" → "매달"). Nothing is invented: without an amount in the record, there is no sentence.
"""

from __future__ import annotations

import re

from dialog.answers import content_language, josa, sentences
from dialog.catalogue.programmes import Programme

_ASKS = re.compile(r"얼마|금액|액수|how much|amount|多少钱|多少|bao nhiêu|いくら|金額")
_AMOUNT = re.compile(r"\d[\d,.]*\s*(?:만\s*)?원|[일이삼사오육칠팔구십백천]+\s*만\s*원|\d+\s*%|won\b|퍼센트")
_CYCLE_KO = {"월": "매달", "년": "해마다", "분기": "석 달마다", "반기": "반년마다", "1회성": "한 번"}
_CYCLE_EN = {"월": "every month", "년": "every year", "분기": "every quarter", "반기": "twice a year",
             "1회성": "once"}


def asks_amount(text: str) -> bool:
    return bool(_ASKS.search(text.lower()))


def amount_sentence(p: Programme, language: str) -> str:
    """The amount the record states, with the payment cycle; "" when it states none."""
    from dialog import answer_language

    if answer_language.templated(language):
        return answer_language.amount(p, language)
    lang = content_language(language)
    support = p.text("support", lang)
    found = next((s for s in sentences(support) if _AMOUNT.search(s)), "")
    if not found:
        return ""
    name = p.text("name", lang)
    if lang == "ko":
        cycle = _CYCLE_KO.get(p.support_cycle, "")
        lead = f"{josa(name, '은', '는')} {cycle} 받아요." if cycle else f"{name} 금액입니다."
        return f"{lead} {found}"
    cycle = _CYCLE_EN.get(p.support_cycle, "")
    return f"{name} is paid {cycle}. {found}" if cycle else f"{name}: {found}"


__all__ = ["amount_sentence", "asks_amount"]
