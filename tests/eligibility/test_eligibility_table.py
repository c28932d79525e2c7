"""Table-driven eligibility: resident profiles × sample programmes → meets / fails / unknown, with reasons."""

from __future__ import annotations

from datetime import date

import pytest

from dialog.catalogue.programmes import Eligibility, Programme
from dialog.catalogue.sample import sample_programmes
from dialog.eligibility.assess import Verdict, assess, conditions_of
from dialog.eligibility.profile import (
    AgeValue,
    Attribute,
    ChildValue,
    Fact,
    FactValue,
    IncomeValue,
    ResidentProfile,
    Span,
    age_from_birth_year,
)

TODAY = date(2026, 11, 23)
PROGRAMMES = {p.id: p for p in sample_programmes()}
M, F, U = Verdict.MEETS, Verdict.FAILS, Verdict.UNKNOWN


def born(year: int) -> AgeValue:
    return AgeValue(age_from_birth_year(year, TODAY), birth_year=year)


def aged(age: int) -> AgeValue:
    return AgeValue(Span.exact(age), age=age)


def income(lo: float, hi: float) -> IncomeValue:
    return IncomeValue(Span(lo, hi))


def profile(**facts: FactValue) -> ResidentProfile:
    p = ResidentProfile(consent=True)
    for name, value in facts.items():
        p.apply(Fact(Attribute(name), value))
    return p


PROFILES: dict[str, ResidentProfile] = {
    "nobody yet": profile(),
    "born 1958, Korean": profile(age=born(1958), foreign_resident=False),
    "born 1961 (64 or 65)": profile(age=born(1961)),
    "67, foreign resident": profile(age=aged(67), foreign_resident=True),
    "27, income 40%": profile(age=aged(27), income=income(40, 40)),
    "27, income 25–63%": profile(age=aged(27), income=income(24.6, 62.7)),
    "40, disabled": profile(age=aged(40), disability=True),
    "single parent, child 3, income 50%": profile(
        household=frozenset({"한부모"}), child_age=ChildValue(True, Span(3, 3)), income=income(50, 50)
    ),
    "no children": profile(child_age=ChildValue(False)),
    "newborn": profile(child_age=ChildValue(True, Span(0, 0))),
}

# (profile, programme, expected verdict, {condition key: verdict})
TABLE: list[tuple[str, str, Verdict, dict[str, Verdict]]] = [
    ("nobody yet", "KR-BASIC-PENSION", U, {"min_age": U, "foreign_resident_ok": U}),
    ("born 1958, Korean", "KR-BASIC-PENSION", M, {"min_age": M, "foreign_resident_ok": M}),
    ("born 1958, Korean", "KR-SENIOR-JOBS", M, {"min_age": M}),
    ("born 1958, Korean", "KR-YOUTH-RENT", F, {"min_age": M, "max_age": F, "income_max_pct_median": U}),
    ("born 1961 (64 or 65)", "KR-BASIC-PENSION", U, {"min_age": U, "foreign_resident_ok": U}),
    ("born 1961 (64 or 65)", "KR-SENIOR-JOBS", M, {"min_age": M}),
    ("67, foreign resident", "KR-BASIC-PENSION", F, {"min_age": M, "foreign_resident_ok": F}),
    ("67, foreign resident", "KR-LONGTERM-CARE", M, {"min_age": M}),
    ("27, income 40%", "KR-YOUTH-RENT", M, {"min_age": M, "max_age": M, "income_max_pct_median": M}),
    ("27, income 25–63%", "KR-YOUTH-RENT", U, {"min_age": M, "max_age": M, "income_max_pct_median": U}),
    ("27, income 40%", "KR-JOB-SEEKER", M, {"min_age": M, "max_age": M, "income_max_pct_median": M}),
    ("27, income 40%", "KR-LIVELIHOOD-BENEFIT", F, {"income_max_pct_median": F}),
    ("27, income 40%", "KR-MEDICAL-BENEFIT", M, {"income_max_pct_median": M}),
    ("40, disabled", "KR-DISABILITY-PENSION", M, {"min_age": M, "requires_disability": M}),
    ("40, disabled", "KR-DISABILITY-ACTIVITY", M, {"min_age": M, "max_age": M, "requires_disability": M}),
    ("born 1958, Korean", "KR-DISABILITY-PENSION", U, {"min_age": M, "requires_disability": U}),
    ("40, disabled", "KR-VETERANS", U, {"requires_veteran": U}),
    ("single parent, child 3, income 50%", "KR-SINGLE-PARENT", M,
     {"max_age": M, "income_max_pct_median": M, "household_types": M}),
    ("single parent, child 3, income 50%", "KR-CHILD-ALLOWANCE", M, {"max_age": M}),
    ("single parent, child 3, income 50%", "KR-PARENT-ALLOWANCE", F, {"max_age": F}),
    ("single parent, child 3, income 50%", "KR-HOME-CHILDCARE", M, {"min_age": M, "max_age": M}),
    ("no children", "KR-CHILD-ALLOWANCE", F, {"max_age": F}),
    ("newborn", "KR-FIRST-MEETING", M, {"max_age": M}),
    ("newborn", "KR-HOME-CHILDCARE", F, {"min_age": F, "max_age": M}),
    ("nobody yet", "KR-HEALTH-CENTRE", M, {}),  # no structured conditions: nothing to fail
    ("nobody yet", "KR-PREGNANCY-VOUCHER", U, {"requires_pregnancy": U}),
]


@pytest.mark.parametrize(("who", "programme_id", "verdict", "by_condition"), TABLE,
                         ids=[f"{w}|{p}" for w, p, _, _ in TABLE])
def test_profiles_by_programmes(who: str, programme_id: str, verdict: Verdict,
                                by_condition: dict[str, Verdict]) -> None:
    result = assess(PROGRAMMES[programme_id], PROFILES[who])
    assert result.verdict is verdict
    assert {c.condition.key: c.verdict for c in result.checks} == by_condition
    for check in result.checks:  # every verdict keeps its reason, in both languages
        assert check.condition.ko in check.reason("ko") and check.condition.en in check.reason("en")
        if check.verdict is not Verdict.UNKNOWN:
            assert check.fact is not None and "말씀하신 내용" in check.reason("ko")


def test_reasons_say_what_was_heard() -> None:
    result = assess(PROGRAMMES["KR-BASIC-PENSION"], PROFILES["67, foreign resident"])
    failed = result.with_verdict(Verdict.FAILS)
    assert [c.condition.key for c in failed] == ["foreign_resident_ok"]
    assert failed[0].reason("ko") == "대한민국 국적 조건에 맞지 않아요. 말씀하신 내용: 외국 국적."
    assert failed[0].reason("en") == "You do not meet 'Korean nationality': you are a foreign national."
    met = result.with_verdict(Verdict.MEETS)[0]
    assert met.reason("ko") == "만 65세 이상 조건에 맞아요. 말씀하신 내용: 예순일곱 살."
    undecided = assess(PROGRAMMES["KR-BASIC-PENSION"], PROFILES["born 1961 (64 or 65)"]).checks[0]
    assert undecided.reason("ko") == "만 65세 이상 조건은 말씀하신 내용(천구백육십일년생)만으로는 정할 수 없어요."


def test_every_sample_condition_is_understood() -> None:
    """Every structured condition in the sample catalogue becomes a Condition with a phrase in ko and en."""
    for p in PROGRAMMES.values():
        for c in conditions_of(p.eligibility):
            assert c.ko and c.en, (p.id, c.key)


@pytest.mark.parametrize(
    ("eligibility", "facts", "verdict"),
    [
        (Eligibility(sex="female"), {"sex": "female"}, M),
        (Eligibility(sex="female"), {"sex": "male"}, F),
        (Eligibility(districts=("종로구",)), {"district": "종로구"}, M),
        (Eligibility(districts=("종로구",)), {"district": "마포구"}, F),
        (Eligibility(requires_farmer=True), {"farmer": True}, M),
        (Eligibility(requires_job_seeker=True, max_age=34), {"job_seeker": True, "age": aged(35)}, F),
        (Eligibility(requires_student=True), {}, U),
        (Eligibility(household_types=("1인가구",), min_age=65),
         {"household": frozenset({"1인가구"}), "age": aged(80)}, M),
        (Eligibility(household_types=("다자녀",)), {"household": frozenset()}, F),
    ],
)
def test_other_condition_kinds(eligibility: Eligibility, facts: dict[str, FactValue], verdict: Verdict) -> None:
    programme = Programme(id="T", name_ko="시험", eligibility=eligibility)
    assert assess(programme, profile(**facts)).verdict is verdict


def test_declined_answers_stay_unknown() -> None:
    p = profile()
    p.decline(Attribute.INCOME)
    check = assess(PROGRAMMES["KR-LIVELIHOOD-BENEFIT"], p).checks[0]
    assert check.verdict is U and check.declined
