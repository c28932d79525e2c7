"""The next question: largest expected information gain over the candidates; none once settled."""

from __future__ import annotations

from datetime import date

import pytest

from dialog.catalogue.sample import sample_programmes
from dialog.eligibility.assess import Verdict, assess_all, conditions_of, settled
from dialog.eligibility.profile import Attribute, Fact, ResidentProfile, parse_answer
from dialog.eligibility.questions import (
    askable,
    eligible_probability,
    information_gain,
    next_question,
    uncertainty,
    worlds,
)

TODAY = date(2026, 11, 23)
PROGRAMMES = {p.id: p for p in sample_programmes()}


def pick(*ids: str) -> list:
    return [PROGRAMMES[i] for i in ids]


def answer(profile: ResidentProfile, attribute: Attribute, said: str) -> None:
    fact = parse_answer(attribute, said, profile, TODAY)
    assert isinstance(fact, Fact), said
    profile.apply(fact)


@pytest.mark.parametrize(
    ("candidates", "first"),
    [
        (("KR-BASIC-PENSION", "KR-SENIOR-JOBS", "KR-SENIOR-CARE"), Attribute.AGE),
        (("KR-YOUTH-RENT", "KR-YOUTH-SAVINGS", "KR-JOB-SEEKER"), Attribute.AGE),
        (("KR-SINGLE-PARENT", "KR-CHILD-ALLOWANCE", "KR-CHILDCARE-SERVICE"), Attribute.CHILD_AGE),
        (("KR-LIVELIHOOD-BENEFIT", "KR-HOUSING-BENEFIT", "KR-MEDICAL-BENEFIT"), Attribute.INCOME),
        (("KR-DISABILITY-TAXI",), Attribute.DISABILITY),
        (("KR-PREGNANCY-VOUCHER", "KR-POSTNATAL-CARE"), Attribute.INCOME),
    ],
)
def test_first_question(candidates: tuple[str, ...], first: Attribute) -> None:
    question = next_question(pick(*candidates), ResidentProfile(consent=True))
    assert question is not None and question.attribute is first
    gains = {a: information_gain(a, pick(*candidates), ResidentProfile()) for a in askable(pick(*candidates),
                                                                                            ResidentProfile())}
    assert max(gains, key=lambda a: gains[a]) is first


def test_asks_until_settled_then_stops() -> None:
    candidates = pick("KR-BASIC-PENSION", "KR-SENIOR-JOBS", "KR-SENIOR-CARE")
    profile = ResidentProfile(consent=True)
    asked = []
    replies = {Attribute.AGE: "칠십오년생", Attribute.FOREIGN_RESIDENT: "아니요"}
    while (q := next_question(candidates, profile)) is not None:
        asked.append(q.attribute)
        answer(profile, q.attribute, replies[q.attribute])
    # 1975: 50 or 51, too young for all three — nationality does not matter any more
    assert asked == [Attribute.AGE]
    assert [a.verdict for a in assess_all(candidates, profile)] == [Verdict.FAILS] * 3
    assert settled(assess_all(candidates, profile), profile)
    assert uncertainty(candidates, profile) == 0.0


def test_an_old_caller_is_asked_about_nationality_for_the_pension() -> None:
    candidates = pick("KR-BASIC-PENSION", "KR-SENIOR-JOBS")
    profile = ResidentProfile(consent=True)
    answer(profile, Attribute.AGE, "예순일곱 살")
    question = next_question(candidates, profile)
    assert question is not None and question.attribute is Attribute.FOREIGN_RESIDENT
    assert question.text("ko") == "혹시 외국 국적이세요?"
    answer(profile, Attribute.FOREIGN_RESIDENT, "아니요 한국 사람이에요")
    assert next_question(candidates, profile) is None
    assert [a.verdict for a in assess_all(candidates, profile)] == [Verdict.MEETS, Verdict.MEETS]


def test_a_declined_question_is_not_asked_again() -> None:
    candidates = pick("KR-LIVELIHOOD-BENEFIT")
    profile = ResidentProfile(consent=True)
    profile.decline(Attribute.INCOME)
    assert next_question(candidates, profile) is None
    assert [a.verdict for a in assess_all(candidates, profile)] == [Verdict.UNKNOWN]


def test_questions_that_cannot_change_anything_are_not_asked() -> None:
    # nationality matters only for the pension, which the age already rules out
    candidates = pick("KR-BASIC-PENSION")
    profile = ResidentProfile(consent=True)
    answer(profile, Attribute.AGE, "서른 살")
    assert askable(candidates, profile) == [] and next_question(candidates, profile) is None


def test_probabilities_and_worlds() -> None:
    pension = PROGRAMMES["KR-BASIC-PENSION"]
    p0 = eligible_probability(pension, ResidentProfile())
    assert 0.2 < p0 < 0.4  # 65+ (36 of 101 ages) and Korean (0.9)
    age_worlds = worlds(Attribute.AGE, [c for c in conditions_of(pension.eligibility) if c.attribute is Attribute.AGE])
    assert [(w.fact.value.span.lo, w.fact.value.span.hi) for w in age_worlds] == [(0, 64), (65, 100)]  # type: ignore[union-attr]
    assert abs(sum(w.probability for w in age_worlds) - 1.0) < 1e-9
