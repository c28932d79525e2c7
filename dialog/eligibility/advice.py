"""Eligibility advice in plain language: likely / maybe / unlikely, with the reasons.

Korean and English are written here; Chinese, Vietnamese and Japanese come from the project's
templates (``dialog.templates.flows.ADVICE``), with programme names in Korean and a short gloss.

Advice is never a decision: every answer says that the district office decides, and offers a
person (and, for programmes that can be applied for online, to apply now).
"""

from __future__ import annotations

from collections.abc import Sequence

from dialog.answer_language import programme_name
from dialog.answers import josa
from dialog.eligibility.assess import Assessment, Verdict
from dialog.eligibility.profile import Fact, readback
from dialog.templates.flows import ADVICE, CHECK, FLOW_LANGUAGES, phrase

MAX_PROGRAMMES = 3
_ORDER = {Verdict.MEETS: 0, Verdict.UNKNOWN: 1, Verdict.FAILS: 2}


def euro(word: str) -> str:
    """``word`` + 으로/로 (로 after a vowel or ㄹ)."""
    last = next((ch for ch in reversed(word) if "가" <= ch <= "힣"), "")
    if not last:
        return word + "로"
    final = (ord(last) - 0xAC00) % 28
    return word + ("로" if final in (0, 8) else "으로")


def heard(fact: Fact, language: str) -> str:
    """The read-back of one answer: "천구백오십팔년생으로 들었어요." / "Noted: born in nineteen fifty-eight."."""
    said = readback(fact, language)
    if language in FLOW_LANGUAGES:
        return phrase(CHECK, "heard", language, said=said)
    return f"{euro(said)} 들었어요." if language == "ko" else f"Noted: {said}."


def _one_templated(a: Assessment, language: str) -> str:
    name = programme_name(a.programme, language)
    sep = phrase(ADVICE, "sep", language)
    met = sep.join(_conds(a, Verdict.MEETS, language))
    match a.verdict:
        case Verdict.MEETS if met:
            return phrase(ADVICE, "meets", language, name=name, conds=met)
        case Verdict.MEETS:
            return phrase(ADVICE, "meets_open", language, name=name)
        case Verdict.UNKNOWN:
            open_ = sep.join(_conds(a, Verdict.UNKNOWN, language))
            also = f" {phrase(ADVICE, 'unknown_met', language, met=met)}" if met else ""
            return phrase(ADVICE, "unknown", language, name=name, open=open_) + also
        case _:
            failed = sep.join(_conds(a, Verdict.FAILS, language))
            return phrase(ADVICE, "fails", language, name=name, failed=failed)


def _conds(assessment: Assessment, verdict: Verdict, language: str) -> list[str]:
    return [c.condition.phrase(language) for c in assessment.with_verdict(verdict)]


def _one(a: Assessment, language: str) -> str:
    if language in FLOW_LANGUAGES:
        return _one_templated(a, language)
    name = a.programme.text("name", language)
    met = _conds(a, Verdict.MEETS, language)
    if language == "ko":
        topic = josa(name, "은", "는")
        match a.verdict:
            case Verdict.MEETS if met:
                return f"{topic} 받으실 가능성이 높아요. {', '.join(met)} 조건에 맞으시기 때문이에요."
            case Verdict.MEETS:
                return f"{topic} 따로 정해진 나이나 소득 조건이 없어서 이용하실 수 있을 것 같아요."
            case Verdict.UNKNOWN:
                also = f" {', '.join(met)} 조건에는 맞으세요." if met else ""
                open_ = ", ".join(_conds(a, Verdict.UNKNOWN, language))
                return f"{topic} 받으실 수도 있어요. {open_} 조건은 더 확인해야 해요.{also}"
            case _:
                failed = ", ".join(_conds(a, Verdict.FAILS, language))
                return f"{topic} 어려울 것 같아요. {failed} 조건에 맞지 않기 때문이에요."
    match a.verdict:
        case Verdict.MEETS if met:
            return f"You are likely eligible for {name}, because you meet these conditions: {', '.join(met)}."
        case Verdict.MEETS:
            return f"{name} has no set age or income conditions, so you can likely use it."
        case Verdict.UNKNOWN:
            open_ = ", ".join(_conds(a, Verdict.UNKNOWN, language))
            return f"You may be eligible for {name}; still to be checked: {open_}."
        case _:
            return f"{name} is unlikely, because it requires: {', '.join(_conds(a, Verdict.FAILS, language))}."


def _likely(group: Sequence[Assessment], language: str) -> str:
    """Several likely programmes in one sentence, with the conditions they were judged on."""
    names = [programme_name(a.programme, language) for a in group]
    conds: list[str] = []
    for a in group:
        conds += [c for c in _conds(a, Verdict.MEETS, language) if c not in conds]
    if language in FLOW_LANGUAGES:
        sep, and_ = phrase(ADVICE, "sep", language), phrase(ADVICE, "and", language)
        listed = f"{sep.join(names[:-1])}{and_}{names[-1]}"
        return phrase(ADVICE, "likely", language, names=listed, conds=sep.join(conds))
    if language == "ko":
        return (f"{josa(', '.join(names), '은', '는')} 받으실 가능성이 높아요. "
                f"{', '.join(conds)} 조건에 맞으시기 때문이에요.")
    return f"You are likely eligible for {', '.join(names[:-1])} and {names[-1]}, because you meet: {', '.join(conds)}."


def advice(assessments: Sequence[Assessment], language: str, offer_to_apply: str = "") -> str:
    """Advice on each candidate (likely first), that the district office decides, and a person on offer.

    ``offer_to_apply``: the name of a programme the assistant offers to apply for now.
    """
    ranked = sorted(assessments, key=lambda a: _ORDER[a.verdict])[:MAX_PROGRAMMES]
    likely = [a for a in ranked if a.verdict is Verdict.MEETS and a.checks]
    parts = [_likely(likely, language)] if len(likely) > 1 else []
    parts += [_one(a, language) for a in ranked if len(likely) <= 1 or a not in likely]
    if language in FLOW_LANGUAGES:
        parts.append(phrase(ADVICE, "advice_only", language))
        if offer_to_apply:
            parts.append(phrase(ADVICE, "offer", language, name=offer_to_apply))
        parts.append(phrase(ADVICE, "agent", language))
    elif language == "ko":
        parts.append("이건 안내일 뿐이고, 소득과 재산 같은 나머지 기준과 최종 결정은 주소지 행정복지센터에서 해요.")
        if offer_to_apply:
            parts.append(f"원하시면 지금 전화로 {offer_to_apply} 신청을 도와드릴게요. 신청하시겠어요?")
        parts.append("상담원과 이야기하고 싶으시면 상담원이라고 말씀해 주세요.")
    else:
        parts.append("This is advice only: the district office checks the remaining criteria, such as income and "
                     "assets, and makes the final decision.")
        if offer_to_apply:
            parts.append(f"If you like, I can help you apply for {offer_to_apply} now. Shall I?")
        parts.append("If you would like to talk to a person, just say 'agent'.")
    return " ".join(parts)


__all__ = ["MAX_PROGRAMMES", "advice", "euro", "heard"]
