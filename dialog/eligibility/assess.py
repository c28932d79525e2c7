"""Eligibility as three-valued matching: each condition of a programme meets, fails or is unknown.

A programme's conditions come from its structured ``Eligibility`` (age of the person or of their
youngest child, income ceiling as a percentage of the standard median income, household types,
disability, pregnancy, veteran status, nationality, sex, district, job-seeker/student/farmer —
modelled on the national public-service condition codes, see ``dialog.eligibility.conditions``). A resident
profile holds what the caller said, often approximately (a birth year is one of two ages), so a
condition is decided only when every value the caller could have meant agrees; otherwise it
stays ``UNKNOWN`` and the reason says which fact would settle it.

A programme's verdict: ``FAILS`` if any condition fails, ``MEETS`` if all meet, else ``UNKNOWN``.
"MEETS" means the structured conditions are met: the district office still makes the decision
(assets, the exact income assessment and documents are never judged here).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from dialog.catalogue.programmes import Eligibility, Programme
from dialog.eligibility.profile import Attribute, ChildValue, Fact, ResidentProfile, Span, readback
from dialog.templates.flows import ADVICE, CONDITIONS, FACTS, FLOW_LANGUAGES, phrase


class Verdict(StrEnum):
    MEETS = "meets"
    FAILS = "fails"
    UNKNOWN = "unknown"


Kind = Literal["at_least", "at_most", "one_of", "flag", "equals", "lives_in"]

_HOUSEHOLD_NAMES = {
    "1인가구": ("혼자 사는 가구", "a one-person household"),
    "한부모": ("한부모", "single-parent"),
    "조손": ("조손", "grandparent-headed"),
    "다자녀": ("다자녀", "multi-child"),
    "다문화": ("다문화", "multicultural"),
}
_FLAG_NAMES = {
    Attribute.DISABILITY: ("등록 장애", "a registered disability"),
    Attribute.PREGNANCY: ("임신 중", "being pregnant"),
    Attribute.VETERAN: ("국가유공자 등 보훈 대상", "veteran or national-merit status"),
    Attribute.JOB_SEEKER: ("구직 중", "looking for work"),
    Attribute.STUDENT: ("학생", "being a student"),
    Attribute.FARMER: ("농업 종사", "working in farming"),
}


@dataclass(frozen=True, slots=True)
class Condition:
    """One condition of a programme, on one attribute of the resident profile."""

    #: the ``Eligibility`` field it comes from ("min_age", "income_max_pct_median", ...)
    key: str
    attribute: Attribute
    kind: Kind
    threshold: float = 0.0
    options: tuple[str, ...] = ()
    required: bool | str = True
    #: the condition as a short noun phrase, e.g. "만 65세 이상" / "aged 65 or over"
    ko: str = ""
    en: str = ""

    def phrase(self, language: str) -> str:
        if language in FLOW_LANGUAGES:
            return self._templated(language)
        return self.ko if language == "ko" else self.en

    def _templated(self, language: str) -> str:
        """The condition in Chinese, Vietnamese or Japanese (``dialog.templates.flows.CONDITIONS``)."""
        v = f"{self.threshold:g}"
        key = self.key
        if self.attribute is Attribute.CHILD_AGE:
            key = "child_baby" if key == "max_age" and self.threshold == 0 else \
                "child_max" if key == "max_age" else "child_min"
        elif key == "household_types":
            or_ = phrase(CONDITIONS, "household_or", language)
            return or_.join(phrase(FACTS, t, language) if t in FACTS else t for t in self.options)
        elif key == "sex":
            key = f"sex:{self.required}"
        elif key == "districts":
            v = phrase(ADVICE, "sep", language).join(self.options)
        return phrase(CONDITIONS, key, language, v=v)

    def evaluate(self, profile: ResidentProfile) -> Check:
        verdict = self._verdict(profile)
        fact = profile.facts.get(self.attribute)
        return Check(self, verdict, fact, declined=self.attribute in profile.declined)

    def _verdict(self, profile: ResidentProfile) -> Verdict:
        if not profile.knows(self.attribute):
            return Verdict.UNKNOWN
        match self.kind:
            case "at_least" | "at_most":
                value = profile.value(self.attribute)
                if isinstance(value, ChildValue) and not value.has_children:
                    return Verdict.FAILS
                span = profile.span(self.attribute)
                if span is None:
                    return Verdict.UNKNOWN
                return _compare(span, self.kind, self.threshold)
            case "one_of":
                have = profile.households() or frozenset()
                return Verdict.MEETS if have & set(self.options) else Verdict.FAILS
            case "flag":
                flag = profile.flag(self.attribute)
                return Verdict.UNKNOWN if flag is None else Verdict.MEETS if flag == self.required else Verdict.FAILS
            case "equals":
                return Verdict.MEETS if profile.text(self.attribute) == self.required else Verdict.FAILS
            case "lives_in":
                place = profile.text(self.attribute) or ""
                inside = any(o in place or place in o for o in self.options) if place else False
                return Verdict.MEETS if inside else Verdict.FAILS
        raise AssertionError(self.kind)


def _compare(span: Span, kind: str, threshold: float) -> Verdict:
    if kind == "at_least":
        return Verdict.MEETS if span.lo >= threshold else Verdict.FAILS if span.hi < threshold else Verdict.UNKNOWN
    return Verdict.MEETS if span.hi <= threshold else Verdict.FAILS if span.lo > threshold else Verdict.UNKNOWN


@dataclass(frozen=True, slots=True)
class Check:
    """A condition, its verdict for this profile, and the fact it was judged on (the reason)."""

    condition: Condition
    verdict: Verdict
    fact: Fact | None = None
    #: the caller did not know or did not want to say
    declined: bool = False

    @property
    def attribute(self) -> Attribute:
        return self.condition.attribute

    def reason(self, language: str) -> str:
        """One plain sentence: the condition, the verdict and what the caller said."""
        cond = self.condition.phrase(language)
        said = readback(self.fact, language) if self.fact is not None else ""
        ko = language == "ko"
        match self.verdict:
            case Verdict.MEETS:
                return f"{cond} 조건에 맞아요. 말씀하신 내용: {said}." if ko else f"You meet '{cond}': {said}."
            case Verdict.FAILS:
                if ko:
                    return f"{cond} 조건에 맞지 않아요. 말씀하신 내용: {said}."
                return f"You do not meet '{cond}': {said}."
            case _:
                if said:
                    return (f"{cond} 조건은 말씀하신 내용({said})만으로는 정할 수 없어요." if ko
                            else f"'{cond}' cannot be settled from what you said ({said}).")
                return f"{cond} 조건은 아직 모릅니다." if ko else f"'{cond}' is not known yet."


@dataclass(frozen=True, slots=True)
class Assessment:
    programme: Programme
    checks: tuple[Check, ...]

    @property
    def verdict(self) -> Verdict:
        verdicts = {c.verdict for c in self.checks}
        if Verdict.FAILS in verdicts:
            return Verdict.FAILS
        if Verdict.UNKNOWN in verdicts:
            return Verdict.UNKNOWN
        return Verdict.MEETS

    def with_verdict(self, verdict: Verdict) -> list[Check]:
        return [c for c in self.checks if c.verdict is verdict]

    @property
    def open_attributes(self) -> set[Attribute]:
        """Attributes whose answer could still change the verdict (unknown, not yet failed)."""
        if self.verdict is Verdict.FAILS:
            return set()
        return {c.attribute for c in self.checks if c.verdict is Verdict.UNKNOWN}


def _age_phrases(e: Eligibility, which: str, value: int) -> tuple[str, str]:
    child = e.age_of == "child"
    if child:
        if which == "max" and value == 0:
            return "돌이 안 된 아기", "a baby under one"
        if which == "max":
            return f"막내 자녀 만 {value}세 이하", f"a youngest child aged {value} or under"
        return f"자녀 만 {value}세 이상", f"a child aged {value} or over"
    if which == "min":
        return f"만 {value}세 이상", f"aged {value} or over"
    return f"만 {value}세 이하", f"aged {value} or under"


def conditions_of(e: Eligibility) -> tuple[Condition, ...]:
    """The structured conditions of an ``Eligibility`` as ``Condition`` objects."""
    out: list[Condition] = []
    age_attr = Attribute.CHILD_AGE if e.age_of == "child" else Attribute.AGE
    if e.min_age is not None and not (e.min_age == 0 and e.age_of == "child"):
        ko, en = _age_phrases(e, "min", e.min_age)
        out.append(Condition("min_age", age_attr, "at_least", e.min_age, ko=ko, en=en))
    if e.max_age is not None:
        ko, en = _age_phrases(e, "max", e.max_age)
        out.append(Condition("max_age", age_attr, "at_most", e.max_age, ko=ko, en=en))
    if e.income_max_pct_median is not None:
        pct = e.income_max_pct_median
        out.append(Condition(
            "income_max_pct_median", Attribute.INCOME, "at_most", pct,
            ko=f"가구 소득이 기준 중위소득 {pct}퍼센트 이하",
            en=f"household income at most {pct}% of the median income",
        ))
    if e.household_types:
        names = [_HOUSEHOLD_NAMES.get(t, (t, t)) for t in e.household_types]
        ko = " 또는 ".join(n[0] for n in names) + ("" if e.household_types == ("1인가구",) else " 가구")
        en = " or ".join(n[1] for n in names) + ("" if e.household_types == ("1인가구",) else " household")
        out.append(Condition("household_types", Attribute.HOUSEHOLD, "one_of", options=e.household_types, ko=ko, en=en))
    for key, attr in (("requires_disability", Attribute.DISABILITY), ("requires_pregnancy", Attribute.PREGNANCY),
                      ("requires_veteran", Attribute.VETERAN), ("requires_job_seeker", Attribute.JOB_SEEKER),
                      ("requires_student", Attribute.STUDENT), ("requires_farmer", Attribute.FARMER)):
        if getattr(e, key):
            ko, en = _FLAG_NAMES[attr]
            out.append(Condition(key, attr, "flag", required=True, ko=ko, en=en))
    if e.foreign_resident_ok is False:
        out.append(Condition("foreign_resident_ok", Attribute.FOREIGN_RESIDENT, "flag", required=False,
                             ko="대한민국 국적", en="Korean nationality"))
    if e.sex is not None:
        ko, en = ("여성", "being a woman") if e.sex == "female" else ("남성", "being a man")
        out.append(Condition("sex", Attribute.SEX, "equals", required=e.sex, ko=ko, en=en))
    if e.districts:
        places = ", ".join(e.districts)
        out.append(Condition("districts", Attribute.DISTRICT, "lives_in", options=e.districts,
                             ko=f"{places} 거주", en=f"living in {places}"))
    return tuple(out)


def assess(programme: Programme, profile: ResidentProfile) -> Assessment:
    return Assessment(programme, tuple(c.evaluate(profile) for c in conditions_of(programme.eligibility)))


def assess_all(programmes: Iterable[Programme], profile: ResidentProfile) -> list[Assessment]:
    return [assess(p, profile) for p in programmes]


def settled(assessments: Sequence[Assessment], profile: ResidentProfile) -> bool:
    """Nothing left to ask: every open condition is on an attribute already answered or declined."""
    return all(
        attr in profile.facts or attr in profile.declined
        for a in assessments
        for attr in a.open_attributes
    )


__all__ = [
    "Assessment",
    "Check",
    "Condition",
    "Verdict",
    "assess",
    "assess_all",
    "conditions_of",
    "settled",
]
