"""Spoken answers to eligibility questions, read into profile facts and said back."""

from __future__ import annotations

from datetime import date

import pytest

from dialog.eligibility.profile import (
    AgeValue,
    Attribute,
    ChildValue,
    DontKnow,
    Fact,
    IncomeValue,
    ResidentProfile,
    Span,
    parse_answer,
    readback,
    volunteered,
)

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("said", "span", "birth_year", "ko", "en"),
    [
        ("육십칠 세", (67, 67), None, "예순일곱 살", "sixty-seven years old"),
        ("예순일곱", (67, 67), None, "예순일곱 살", "sixty-seven years old"),
        ("예순일곱 살이에요", (67, 67), None, "예순일곱 살", "sixty-seven years old"),
        ("저는 67세예요", (67, 67), None, "예순일곱 살", "sixty-seven years old"),
        ("만 육십오 세", (65, 65), None, "예순다섯 살", "sixty-five years old"),
        ("칠십오년생", (50, 51), 1975, "천구백칠십오년생", "born in nineteen seventy-five"),
        ("오십팔년생이에요", (67, 68), 1958, "천구백오십팔년생", "born in nineteen fifty-eight"),
        ("1958년생", (67, 68), 1958, "천구백오십팔년생", "born in nineteen fifty-eight"),
        ("천구백오십팔년생입니다", (67, 68), 1958, "천구백오십팔년생", "born in nineteen fifty-eight"),
        ("born in 1958", (67, 68), 1958, "천구백오십팔년생", "born in nineteen fifty-eight"),
        ("I'm sixty-seven years old", (67, 67), None, "예순일곱 살", "sixty-seven years old"),
        ("nineteen fifty-eight", (67, 68), 1958, "천구백오십팔년생", "born in nineteen fifty-eight"),
        ("72", (72, 72), None, "일흔두 살", "seventy-two years old"),
    ],
)
def test_age_answers(said: str, span: tuple[int, int], birth_year: int | None, ko: str, en: str) -> None:
    fact = parse_answer(Attribute.AGE, said, today=TODAY)
    assert isinstance(fact, Fact) and isinstance(fact.value, AgeValue), said
    assert (fact.value.span.lo, fact.value.span.hi) == span
    assert fact.value.birth_year == birth_year
    assert readback(fact, "ko") == ko and readback(fact, "en") == en


@pytest.mark.parametrize(
    ("said", "monthly", "ko"),
    [
        ("한 달에 백오십만 원", 1_500_000, "한 달에 백오십만 원"),
        ("150만원 정도요", 1_500_000, "한 달에 백오십만 원"),
        ("백오십", 1_500_000, "한 달에 백오십만 원"),
        ("about 1.5 million won a month", 1_500_000, "한 달에 백오십만 원"),
        ("연봉 삼천만 원", 2_500_000, "한 달에 이백오십만 원"),
        ("소득 없어요", 0, "소득 없음"),
    ],
)
def test_income_amounts(said: str, monthly: int, ko: str) -> None:
    fact = parse_answer(Attribute.INCOME, said)
    assert isinstance(fact, Fact) and isinstance(fact.value, IncomeValue)
    assert fact.value.monthly_won == monthly
    assert readback(fact, "ko") == ko


def test_income_span_depends_on_household_size() -> None:
    unknown_size = parse_answer(Attribute.INCOME, "한 달에 백오십만 원")
    assert isinstance(unknown_size, Fact) and isinstance(unknown_size.value, IncomeValue)
    assert unknown_size.value.span == Span(24.6, 62.7)  # 4 people … 1 person
    profile = ResidentProfile(consent=True)
    profile.apply(unknown_size)
    profile.apply(Fact(Attribute.HOUSEHOLD, frozenset({"1인가구"})))  # now the size is known
    narrowed = profile.span(Attribute.INCOME)
    assert narrowed is not None and narrowed.is_exact and narrowed.lo == 62.7
    recipient = parse_answer(Attribute.INCOME, "기초생활수급자예요")
    assert isinstance(recipient, Fact) and isinstance(recipient.value, IncomeValue)
    assert recipient.value.span == Span(0, 50)
    assert readback(recipient, "en") == "a basic-livelihood or near-poverty household"


@pytest.mark.parametrize(
    ("said", "children", "age"),
    [("세 살", True, 3), ("두 살이에요", True, 2), ("팔 개월이요", True, 0), ("돌 안 됐어요", True, 0),
     ("아이 없어요", False, None), ("5 years old", True, 5), ("no children", False, None)],
)
def test_child_age_answers(said: str, children: bool, age: int | None) -> None:
    fact = parse_answer(Attribute.CHILD_AGE, said, today=TODAY)
    assert isinstance(fact, Fact) and isinstance(fact.value, ChildValue), said
    assert fact.value.has_children is children
    assert (fact.value.span.lo if fact.value.span else None) == age


@pytest.mark.parametrize(
    ("attribute", "said", "value"),
    [
        (Attribute.HOUSEHOLD, "혼자 살아요", frozenset({"1인가구"})),
        (Attribute.HOUSEHOLD, "혼자 아이 키워요", frozenset({"한부모"})),
        (Attribute.HOUSEHOLD, "손주 키워요", frozenset({"조손"})),
        (Attribute.HOUSEHOLD, "아이가 셋이에요", frozenset({"다자녀"})),
        (Attribute.HOUSEHOLD, "남편이랑 살아요", frozenset()),
        (Attribute.HOUSEHOLD, "I live alone", frozenset({"1인가구"})),
        (Attribute.DISABILITY, "네 있어요", True),
        (Attribute.DISABILITY, "장애 없어요", False),
        (Attribute.DISABILITY, "아뇨 없습니다", False),
        (Attribute.PREGNANCY, "임신 중이에요", True),
        (Attribute.VETERAN, "no", False),
        (Attribute.FOREIGN_RESIDENT, "한국 사람이에요", False),
        (Attribute.FOREIGN_RESIDENT, "베트남 사람이에요", True),
        (Attribute.FOREIGN_RESIDENT, "아니요", False),
        (Attribute.FOREIGN_RESIDENT, "yes", True),
        (Attribute.SEX, "할머니예요", "female"),
        (Attribute.DISTRICT, "종로구에 살아요", "종로구"),
    ],
)
def test_other_answers(attribute: Attribute, said: str, value: object) -> None:
    assert parse_answer(attribute, said) == Fact(attribute, value)  # type: ignore[arg-type]


def test_dont_know_and_nonsense() -> None:
    assert parse_answer(Attribute.INCOME, "잘 모르겠어요") == DontKnow(Attribute.INCOME)
    assert parse_answer(Attribute.AGE, "I'd rather not say") == DontKnow(Attribute.AGE)
    assert parse_answer(Attribute.AGE, "연금이 궁금해요") is None
    assert parse_answer(Attribute.HOUSEHOLD, "글쎄요") == DontKnow(Attribute.HOUSEHOLD)


def test_volunteered_facts_only_when_unmistakable() -> None:
    facts = volunteered("저는 칠십오년생인데 혼자 살아요. 받을 수 있는 게 있나요?", TODAY)
    assert {f.attribute for f in facts} == {Attribute.AGE, Attribute.HOUSEHOLD}
    assert volunteered("65세 이상 어르신 연금이 있나요?", TODAY) == []  # a programme's age, not the caller's


def test_forget_clears_everything() -> None:
    profile = ResidentProfile(consent=True)
    profile.apply(Fact(Attribute.DISABILITY, True))
    profile.decline(Attribute.INCOME)
    profile.forget()
    assert (profile.consent, profile.facts, profile.declined) == (False, {}, set())
