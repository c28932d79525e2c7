"""Which question to ask next: the one with the largest expected information gain.

Over the candidate programmes still in play, each is eligible with some probability given the
profile so far: conditions already decided count as 1 or 0, an open condition as the prior
probability that a resident meets it (a plain population prior per attribute, below). The
uncertainty is the sum of the candidates' binary entropies. Asking about an attribute splits the
possible answers into the few "worlds" that matter to the candidates' thresholds (ages 0–64 and
65+ for a 65+ pension); the expected entropy after the answer is the prior-weighted entropy over
those worlds, and the gain is the drop. The assistant asks the attribute with the largest gain and
stops when no answer could change any verdict (``next_question`` returns ``None``).

The priors are rough, illustrative shares, good enough to order questions (asking about age
before pregnancy for a list of senior programmes); they never decide eligibility.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from dialog.catalogue.programmes import Programme
from dialog.eligibility.assess import Condition, Verdict, conditions_of
from dialog.eligibility.profile import (
    AgeValue,
    Attribute,
    ChildValue,
    Fact,
    IncomeValue,
    ResidentProfile,
    Span,
)

#: P(yes) for yes/no attributes
FLAG_PRIORS = {
    Attribute.DISABILITY: 0.1,
    Attribute.PREGNANCY: 0.1,
    Attribute.VETERAN: 0.05,
    Attribute.FOREIGN_RESIDENT: 0.1,
    Attribute.JOB_SEEKER: 0.2,
    Attribute.STUDENT: 0.15,
    Attribute.FARMER: 0.05,
}
HOUSEHOLD_PRIORS = {"1인가구": 0.33, "한부모": 0.05, "조손": 0.02, "다자녀": 0.08, "다문화": 0.03}
#: share of households by income band (% of the median income): piecewise-uniform density
INCOME_BANDS = ((0.0, 50.0, 0.2), (50.0, 100.0, 0.3), (100.0, 150.0, 0.25), (150.0, 200.0, 0.13),
                (200.0, 400.0, 0.12))
NO_CHILDREN_PRIOR = 0.4
MAX_AGE = 100
MAX_CHILD_AGE = 18
#: asking order when gains tie
ORDER = tuple(Attribute)

QUESTIONS: dict[Attribute, tuple[str, str]] = {
    Attribute.AGE: ("실례지만 나이가 어떻게 되세요? 일흔 살, 오십팔년생처럼 말씀해 주시면 돼요.",
                    "May I ask how old you are, or the year you were born?"),
    Attribute.CHILD_AGE: ("막내 아이가 몇 살인가요? 아이가 없으시면 없다고 말씀해 주세요.",
                          "How old is your youngest child? If you have no children, just say so."),
    Attribute.INCOME: ("함께 사는 가족 모두의 한 달 소득이 대략 얼마쯤 되세요? 한 달에 백오십만 원처럼 말씀해 주세요.",
                       "Roughly how much does your whole household earn a month, in won?"),
    Attribute.HOUSEHOLD: ("누구와 함께 사세요? 혼자 사시는지, 한부모나 조손 가정인지, "
                          "아이가 셋 이상인지 말씀해 주세요.",
                          "Who do you live with? For example alone, as a single parent, grandparents raising "
                          "grandchildren, or with three or more children."),
    Attribute.DISABILITY: ("등록된 장애가 있으신가요?", "Do you have a registered disability?"),
    Attribute.PREGNANCY: ("지금 임신 중이신가요?", "Are you pregnant at the moment?"),
    Attribute.VETERAN: ("국가유공자나 보훈 대상자이신가요?", "Are you a veteran or a person of national merit?"),
    Attribute.FOREIGN_RESIDENT: ("혹시 외국 국적이세요?", "Are you a foreign national living in Korea?"),
    Attribute.JOB_SEEKER: ("지금 일자리를 찾고 계신가요?", "Are you looking for work at the moment?"),
    Attribute.STUDENT: ("학생이신가요?", "Are you a student?"),
    Attribute.FARMER: ("농사를 짓고 계신가요?", "Do you work in farming?"),
    Attribute.SEX: ("실례지만 여성이신가요, 남성이신가요?", "May I ask whether you are a woman or a man?"),
    Attribute.DISTRICT: ("어느 구에 사세요?", "Which district do you live in?"),
}


def question_text(attribute: Attribute, language: str) -> str:
    """The question in ``language`` (zh, vi, ja: ``dialog.templates.flows.QUESTIONS``)."""
    from dialog.templates.flows import FLOW_LANGUAGES
    from dialog.templates.flows import QUESTIONS as WRITTEN

    if language in FLOW_LANGUAGES:
        return WRITTEN[attribute.value][language]
    ko, en = QUESTIONS[attribute]
    return ko if language == "ko" else en


@dataclass(frozen=True, slots=True)
class World:
    """One answer to a question (as the candidates' thresholds see it) and its prior probability."""

    probability: float
    fact: Fact


def _cuts(conditions: Sequence[Condition], lo: float, hi: float, integer: bool) -> list[Span]:
    points = {hi}
    step = 1 if integer else 0.001
    for c in conditions:
        if c.kind == "at_least":
            points.add(c.threshold - step)  # [.., t-1] [t, ..]
        elif c.kind == "at_most":
            points.add(c.threshold)
    edges = sorted(p for p in points if lo <= p <= hi)  # each edge closes a span [start, edge]
    spans = []
    start = lo
    for edge in edges:
        if edge < start:
            continue
        spans.append(Span(start, edge))
        start = edge + step
    if start <= hi:
        spans.append(Span(start, hi))
    return spans


def _income_mass(span: Span) -> float:
    return sum(p * max(0.0, min(span.hi, b) - max(span.lo, a)) / (b - a) for a, b, p in INCOME_BANDS)


def worlds(attribute: Attribute, conditions: Sequence[Condition]) -> list[World]:
    """The answers that matter for ``conditions`` (all on ``attribute``), with prior probabilities."""
    mine = [c for c in conditions if c.attribute is attribute]
    out: list[World] = []
    match attribute:
        case Attribute.AGE:
            for s in _cuts(mine, 0, MAX_AGE, integer=True):
                out.append(World((s.hi - s.lo + 1) / (MAX_AGE + 1), Fact(attribute, AgeValue(s))))
        case Attribute.CHILD_AGE:
            out.append(World(NO_CHILDREN_PRIOR, Fact(attribute, ChildValue(False))))
            for s in _cuts(mine, 0, MAX_CHILD_AGE, integer=True):
                share = (s.hi - s.lo + 1) / (MAX_CHILD_AGE + 1)
                out.append(World((1 - NO_CHILDREN_PRIOR) * share, Fact(attribute, ChildValue(True, s))))
        case Attribute.INCOME:
            for s in _cuts(mine, 0.0, 400.0, integer=False):
                out.append(World(_income_mass(s), Fact(attribute, IncomeValue(s))))
        case Attribute.HOUSEHOLD:
            named = sorted({o for c in mine for o in c.options})
            rest = 1.0
            for t in named:
                p = HOUSEHOLD_PRIORS.get(t, 0.05)
                out.append(World(p, Fact(attribute, frozenset({t}))))
                rest -= p
            out.append(World(max(rest, 0.05), Fact(attribute, frozenset())))
        case Attribute.SEX:
            out = [World(0.5, Fact(attribute, "female")), World(0.5, Fact(attribute, "male"))]
        case Attribute.DISTRICT:
            places = sorted({o for c in mine for o in c.options})
            for place in places:
                out.append(World(0.5 / len(places), Fact(attribute, place)))
            out.append(World(0.5, Fact(attribute, "")))
        case _:
            p = FLAG_PRIORS.get(attribute, 0.5)
            out = [World(p, Fact(attribute, True)), World(1 - p, Fact(attribute, False))]
    total = sum(w.probability for w in out)
    return [World(w.probability / total, w.fact) for w in out if w.probability > 0]


def _with(profile: ResidentProfile, fact: Fact) -> ResidentProfile:
    copy = ResidentProfile(consent=profile.consent, facts=dict(profile.facts), declined=set(profile.declined),
                           household_size=profile.household_size)
    copy.facts[fact.attribute] = fact
    return copy


def eligible_probability(programme: Programme, profile: ResidentProfile) -> float:
    """P(all structured conditions met | profile), open attributes weighted by their priors."""
    conditions = conditions_of(programme.eligibility)
    p = 1.0
    for attribute in {c.attribute for c in conditions}:
        mine = [c for c in conditions if c.attribute is attribute]
        verdicts = [c.evaluate(profile).verdict for c in mine]
        if Verdict.FAILS in verdicts:
            return 0.0
        if all(v is Verdict.MEETS for v in verdicts):
            continue
        if profile.knows(attribute):  # known but not decisive (a birth year around the threshold)
            p *= 0.5
            continue
        met = 0.0
        for world in worlds(attribute, mine):
            hypo = _with(profile, world.fact)
            if all(c.evaluate(hypo).verdict is Verdict.MEETS for c in mine):
                met += world.probability
        p *= met
    return p


def _h(p: float) -> float:
    if p <= 0.0 or p >= 1.0:
        return 0.0
    return -(p * math.log2(p) + (1 - p) * math.log2(1 - p))


def uncertainty(programmes: Sequence[Programme], profile: ResidentProfile) -> float:
    """Sum of the candidates' binary entropies (bits)."""
    return sum(_h(eligible_probability(p, profile)) for p in programmes)


def askable(programmes: Sequence[Programme], profile: ResidentProfile) -> list[Attribute]:
    """Attributes some candidate's open condition is on, not yet answered or declined."""
    found: set[Attribute] = set()
    for p in programmes:
        checks = [c.evaluate(profile) for c in conditions_of(p.eligibility)]
        if any(c.verdict is Verdict.FAILS for c in checks):
            continue
        found |= {c.attribute for c in checks if c.verdict is Verdict.UNKNOWN}
    return [a for a in ORDER if a in found and not profile.knows(a) and a not in profile.declined]


def information_gain(attribute: Attribute, programmes: Sequence[Programme], profile: ResidentProfile) -> float:
    conditions = [c for p in programmes for c in conditions_of(p.eligibility) if c.attribute is attribute]
    before = uncertainty(programmes, profile)
    after = sum(w.probability * uncertainty(programmes, _with(profile, w.fact)) for w in worlds(attribute, conditions))
    return before - after


@dataclass(frozen=True, slots=True)
class NextQuestion:
    attribute: Attribute
    gain: float

    def text(self, language: str) -> str:
        return question_text(self.attribute, language)


def next_question(programmes: Sequence[Programme], profile: ResidentProfile,
                  min_gain: float = 1e-6) -> NextQuestion | None:
    """The question with the largest expected information gain; ``None`` when the answer is settled."""
    best: NextQuestion | None = None
    for attribute in askable(programmes, profile):
        gain = information_gain(attribute, programmes, profile)
        if gain > min_gain and (best is None or gain > best.gain + 1e-9):
            best = NextQuestion(attribute, gain)
    return best


__all__ = [
    "FLAG_PRIORS",
    "QUESTIONS",
    "NextQuestion",
    "World",
    "askable",
    "eligible_probability",
    "information_gain",
    "next_question",
    "question_text",
    "uncertainty",
    "worlds",
]
