"""What the resident profile of a call holds: the attributes the assistant may ask about, values
said approximately as intervals (``Span``), facts, "don't know", the profile itself, and the
arithmetic on them (age from a birth year, a monthly income as a share of the median income).

Spoken answers become facts in ``dialog.eligibility.profile_answers``; facts are said back in
``dialog.eligibility.profile_readback``; ``dialog.eligibility.profile`` is the public face of all three.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Attribute(StrEnum):
    """What the assistant may ask; each is one plain-language question (``dialog.eligibility.questions``)."""

    AGE = "age"
    CHILD_AGE = "child_age"
    SEX = "sex"
    DISTRICT = "district"
    HOUSEHOLD = "household"
    INCOME = "income"
    DISABILITY = "disability"
    PREGNANCY = "pregnancy"
    VETERAN = "veteran"
    FOREIGN_RESIDENT = "foreign_resident"
    JOB_SEEKER = "job_seeker"
    STUDENT = "student"
    FARMER = "farmer"


#: yes/no attributes
FLAG_ATTRIBUTES = (
    Attribute.DISABILITY,
    Attribute.PREGNANCY,
    Attribute.VETERAN,
    Attribute.FOREIGN_RESIDENT,
    Attribute.JOB_SEEKER,
    Attribute.STUDENT,
    Attribute.FARMER,
)

#: household types as the national data names them (가구 유형)
HOUSEHOLD_TYPES = ("1인가구", "한부모", "조손", "다자녀", "다문화")

#: 2025 standard median income (기준 중위소득), won a month, by household size — approximate figures
#: for turning a spoken monthly income into a percentage; the district office uses the exact table
MEDIAN_INCOME = {1: 2_392_013, 2: 3_932_658, 3: 5_025_353, 4: 6_097_773, 5: 7_108_192, 6: 8_064_805}


@dataclass(frozen=True, slots=True)
class Span:
    """A closed interval ``[lo, hi]``: what we know of a number (an age, a percentage)."""

    lo: float
    hi: float

    @classmethod
    def exact(cls, value: float) -> Span:
        return cls(value, value)

    @property
    def is_exact(self) -> bool:
        return self.lo == self.hi

    def intersect(self, other: Span) -> Span | None:
        lo, hi = max(self.lo, other.lo), min(self.hi, other.hi)
        return Span(lo, hi) if lo <= hi else None


@dataclass(frozen=True, slots=True)
class AgeValue:
    span: Span
    birth_year: int | None = None
    age: int | None = None


@dataclass(frozen=True, slots=True)
class ChildValue:
    has_children: bool
    span: Span | None = None
    #: said in months ("팔 개월") — read back in months
    months: int | None = None


@dataclass(frozen=True, slots=True)
class IncomeValue:
    #: percentage of the standard median income
    span: Span
    monthly_won: int | None = None
    #: what the caller said instead of an amount ("수급자", "중위소득 50% 이하")
    label: str = ""


FactValue = AgeValue | ChildValue | IncomeValue | bool | frozenset[str] | str


@dataclass(frozen=True, slots=True)
class Fact:
    attribute: Attribute
    value: FactValue


@dataclass(frozen=True, slots=True)
class DontKnow:
    """The caller does not know or would rather not say."""

    attribute: Attribute


@dataclass
class ResidentProfile:
    """What the caller told us about themselves in this call (only after ``consent``)."""

    consent: bool = False
    facts: dict[Attribute, Fact] = field(default_factory=dict)
    #: attributes the caller could not or would not answer (not asked again)
    declined: set[Attribute] = field(default_factory=set)
    household_size: int | None = None

    def knows(self, attribute: Attribute) -> bool:
        return attribute in self.facts

    def value(self, attribute: Attribute) -> FactValue | None:
        fact = self.facts.get(attribute)
        return None if fact is None else fact.value

    def apply(self, fact: Fact) -> None:
        if fact.attribute is Attribute.HOUSEHOLD and isinstance(fact.value, frozenset) and "1인가구" in fact.value:
            self.household_size = 1
        self.facts[fact.attribute] = fact
        self.declined.discard(fact.attribute)
        income = self.facts.get(Attribute.INCOME)
        if (
            fact.attribute is Attribute.HOUSEHOLD
            and income is not None
            and isinstance(income.value, IncomeValue)
            and income.value.monthly_won is not None
        ):  # the household size narrows an income said as an amount
            self.facts[Attribute.INCOME] = Fact(Attribute.INCOME, income_from_monthly(income.value.monthly_won, self))

    def decline(self, attribute: Attribute) -> None:
        self.declined.add(attribute)

    def forget(self) -> None:
        """Consent withdrawn or the call ended: nothing is kept."""
        self.consent = False
        self.facts.clear()
        self.declined.clear()
        self.household_size = None

    # typed views -------------------------------------------------------------------------------
    def span(self, attribute: Attribute) -> Span | None:
        value = self.value(attribute)
        if isinstance(value, AgeValue | IncomeValue):
            return value.span
        if isinstance(value, ChildValue):
            return value.span
        return None

    def flag(self, attribute: Attribute) -> bool | None:
        value = self.value(attribute)
        return value if isinstance(value, bool) else None

    def households(self) -> frozenset[str] | None:
        value = self.value(Attribute.HOUSEHOLD)
        return value if isinstance(value, frozenset) else None

    def text(self, attribute: Attribute) -> str | None:
        value = self.value(attribute)
        return value if isinstance(value, str) else None


def age_from_birth_year(birth_year: int, today: date) -> Span:
    """Age in full years (만 나이) of someone born in ``birth_year``: one of two, by birthday."""
    return Span(today.year - birth_year - 1, today.year - birth_year)


def income_from_monthly(monthly: int, profile: ResidentProfile | None = None) -> IncomeValue:
    """A monthly household income as a percentage span of the median income (exact if the size is known)."""
    size = profile.household_size if profile is not None else None
    sizes = [min(size, 6)] if size else [1, 2, 3, 4]
    pcts = [100.0 * monthly / MEDIAN_INCOME[s] for s in sizes]
    return IncomeValue(Span(round(min(pcts), 1), round(max(pcts), 1)), monthly_won=monthly)
