"""The resident profile built up during a call, and the spoken answers that fill it.

Only with consent, only what a question needed: the profile holds what the caller said in answer
to eligibility questions (age or birth year, household, income band, ...) for the rest of the
call, and nothing is kept after it. Values the caller gave approximately are intervals (``Span``):
a birth year means one of two ages, a monthly income of an unknown household size means a range
of percentages of the standard median income.

``parse_answer(attribute, text)`` reads one spoken answer ("칠십오년생", "육십칠 세", "예순일곱",
"한 달에 백오십만 원", "혼자 살아요", "no") into a ``Fact``; ``readback`` says a fact back in
natural Korean or English for confirmation ("천구백칠십오년생", "한 달에 백오십만 원").

This module is the public face; the parts are ``profile_facts`` (what a profile holds),
``profile_answers`` (reading answers) and ``profile_readback`` (saying facts back).
"""

from __future__ import annotations

from datetime import date

from dialog.eligibility.profile_answers import (
    parse_age,
    parse_answer,
    parse_child_age,
    parse_household,
    parse_income,
    parse_yes_no,
    two_digit_year,
    volunteered,
)
from dialog.eligibility.profile_facts import (
    FLAG_ATTRIBUTES,
    HOUSEHOLD_TYPES,
    MEDIAN_INCOME,
    AgeValue,
    Attribute,
    ChildValue,
    DontKnow,
    Fact,
    FactValue,
    IncomeValue,
    ResidentProfile,
    Span,
    age_from_birth_year,
    income_from_monthly,
)
from dialog.eligibility.profile_readback import readback, say_age, say_won

__all__ = [
    "FLAG_ATTRIBUTES",
    "HOUSEHOLD_TYPES",
    "MEDIAN_INCOME",
    "AgeValue",
    "Attribute",
    "ChildValue",
    "DontKnow",
    "Fact",
    "FactValue",
    "IncomeValue",
    "ResidentProfile",
    "Span",
    "age_from_birth_year",
    "income_from_monthly",
    "parse_age",
    "parse_answer",
    "parse_child_age",
    "parse_household",
    "parse_income",
    "parse_yes_no",
    "profile_from_simple",
    "readback",
    "say_age",
    "say_won",
    "two_digit_year",
    "volunteered",
]


# -- a profile in plain JSON (alert subscriptions) --------------------------------------------------------
def profile_from_simple(data: dict[str, object], today: date | None = None) -> ResidentProfile:
    """A profile from plain keys: ``birth_year`` or ``age``, ``youngest_child_age`` (or ``children: false``),
    ``household`` (types), ``household_size``, ``income_pct_median``, ``sex``, ``district`` and the
    yes/no attributes (``disability``, ``pregnancy``, ``veteran``, ``foreign_resident``, ``job_seeker``,
    ``student``, ``farmer``). Unknown keys raise ``ValueError``."""
    today = today or date.today()
    known = {"birth_year", "age", "youngest_child_age", "children", "household", "household_size",
             "income_pct_median", "sex", "district", *(a.value for a in FLAG_ATTRIBUTES)}
    unknown = set(data) - known
    if unknown:
        raise ValueError(f"unknown profile keys: {sorted(unknown)}")
    p = ResidentProfile(consent=True)
    size, year, age, child = (data.get(k) for k in ("household_size", "birth_year", "age", "youngest_child_age"))
    household, pct, sex, district = (data.get(k) for k in ("household", "income_pct_median", "sex", "district"))
    if isinstance(size, int):
        p.household_size = size
    if isinstance(year, int):
        p.apply(Fact(Attribute.AGE, AgeValue(age_from_birth_year(year, today), birth_year=year)))
    elif isinstance(age, int):
        p.apply(Fact(Attribute.AGE, AgeValue(Span.exact(age), age=age)))
    if data.get("children") is False:
        p.apply(Fact(Attribute.CHILD_AGE, ChildValue(False)))
    elif isinstance(child, int):
        p.apply(Fact(Attribute.CHILD_AGE, ChildValue(True, Span.exact(child))))
    if isinstance(household, list):
        p.apply(Fact(Attribute.HOUSEHOLD, frozenset(str(t) for t in household)))
    if isinstance(pct, int | float):
        p.apply(Fact(Attribute.INCOME, IncomeValue(Span.exact(float(pct)))))
    if sex in ("female", "male"):
        p.apply(Fact(Attribute.SEX, str(sex)))
    if isinstance(district, str):
        p.apply(Fact(Attribute.DISTRICT, district))
    for attribute in FLAG_ATTRIBUTES:
        flag = data.get(attribute.value)
        if isinstance(flag, bool):
            p.apply(Fact(attribute, flag))
    return p
