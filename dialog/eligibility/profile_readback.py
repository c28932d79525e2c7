"""Saying profile facts back to the caller for confirmation, in natural words: "천구백칠십오년생",
"한 달에 백오십만 원", "born in nineteen seventy-five" (zh, vi, ja through ``dialog.templates``).
"""

from __future__ import annotations

from dialog.eligibility.profile_facts import AgeValue, Attribute, ChildValue, Fact, IncomeValue, Span
from dialog.numerals import say_english, say_native, say_sino, say_year_english

# -- saying facts back ----------------------------------------------------------------------------------
_HOUSEHOLD_SAY = {
    "1인가구": ("혼자 사시는 가구", "living alone"),
    "한부모": ("한부모 가구", "a single-parent family"),
    "조손": ("조손 가구", "grandparents raising grandchildren"),
    "다자녀": ("자녀가 셋 이상인 가구", "a family with three or more children"),
    "다문화": ("다문화 가구", "a multicultural family"),
}
_FLAG_SAY: dict[Attribute, tuple[str, str, str, str]] = {
    # yes (ko, en), no (ko, en)
    Attribute.DISABILITY: ("등록 장애 있음", "you have a registered disability",
                           "등록 장애 없음", "you have no registered disability"),
    Attribute.PREGNANCY: ("임신 중", "you are pregnant", "임신 중 아님", "you are not pregnant"),
    Attribute.VETERAN: ("보훈 대상자", "you are a veteran or person of national merit",
                        "보훈 대상 아님", "you are not a veteran"),
    Attribute.FOREIGN_RESIDENT: ("외국 국적", "you are a foreign national",
                                 "대한민국 국적", "you are a Korean national"),
    Attribute.JOB_SEEKER: ("구직 중", "you are looking for work", "구직 중 아님", "you are not looking for work"),
    Attribute.STUDENT: ("학생", "you are a student", "학생 아님", "you are not a student"),
    Attribute.FARMER: ("농업 종사", "you work in farming", "농업 종사 아님", "you do not farm"),
}


def say_won(amount: int, language: str) -> str:
    """An amount of won as it is read aloud: "백오십만 원" / "one million five hundred thousand won"."""
    if language == "ko":
        return f"{say_sino(amount)} 원"
    return f"{say_english(amount)} won"


def say_age(value: AgeValue, language: str) -> str:
    if value.birth_year is not None:
        if language == "ko":
            return f"{say_sino(value.birth_year)}년생"
        return f"born in {say_year_english(value.birth_year)}"
    age = value.age if value.age is not None else int(value.span.lo)
    if language == "ko":
        return f"{say_native(age)} 살" if 0 < age < 100 else f"{say_sino(age)} 세"
    return f"{say_english(age)} years old"


def _readback_templated(fact: Fact, language: str) -> str:
    """A fact in Chinese, Vietnamese or Japanese (``dialog.templates.flows.FACTS``, ``numbers``)."""
    from dialog.templates import numbers
    from dialog.templates.flows import FACTS, phrase

    value = fact.value
    match value:
        case AgeValue(birth_year=int(year)):
            return numbers.birth_year(year, language)
        case AgeValue():
            return numbers.age(value.age if value.age is not None else int(value.span.lo), language)
        case ChildValue(has_children=False):
            return phrase(FACTS, "no_children", language)
        case ChildValue(months=int(months)):
            return phrase(FACTS, "child_months", language, months=numbers.months(months, language))
        case ChildValue(span=Span(lo=lo)):
            return phrase(FACTS, "child_years", language, n=int(lo)) if int(lo) else phrase(
                FACTS, "child_baby", language)
        case IncomeValue(monthly_won=int(won)):
            if won == 0:
                return phrase(FACTS, "no_income", language)
            return phrase(FACTS, "monthly", language, amount=numbers.amount(won, language))
        case IncomeValue(label="recipient"):
            return phrase(FACTS, "recipient", language)
        case IncomeValue(span=span):
            return phrase(FACTS, "pct", language, pct=int(span.hi))
        case frozenset():
            if not value:
                return phrase(FACTS, "no_household_type", language)
            return phrase(FACTS, "household_and", language).join(
                phrase(FACTS, t, language) if t in FACTS else t for t in sorted(value))
        case bool():
            return phrase(FACTS, f"{fact.attribute.value}:{'yes' if value else 'no'}", language)
        case str() if fact.attribute is Attribute.SEX:
            return phrase(FACTS, value, language)
        case str():
            return value
    return str(value)


def readback(fact: Fact, language: str) -> str:
    """A fact in words, as confirmed to the caller: "천구백칠십오년생" / "born in nineteen seventy-five"
    (zh, vi, ja: "1955年出生", "sinh năm 1955", "1955年生まれ")."""
    if language in ("zh", "vi", "ja"):
        return _readback_templated(fact, language)
    ko = language == "ko"
    value = fact.value
    match value:
        case AgeValue():
            return say_age(value, language)
        case ChildValue(has_children=False):
            return "자녀 없음" if ko else "no children"
        case ChildValue(months=int(months)):
            return f"막내 {say_sino(months)} 개월" if ko else f"youngest child {say_english(months)} months old"
        case ChildValue(span=Span(lo=lo)):
            age = int(lo)
            return f"막내 {say_native(age)} 살" if ko and age else "막내 돌 전" if ko else (
                f"youngest child {say_english(age)} years old" if age else "youngest child under one")
        case IncomeValue(monthly_won=int(won)):
            if won == 0:
                return "소득 없음" if ko else "no income"
            return f"한 달에 {say_won(won, language)}" if ko else f"{say_won(won, language)} a month"
        case IncomeValue(label="recipient"):
            return "기초생활수급 또는 차상위 가구" if ko else "a basic-livelihood or near-poverty household"
        case IncomeValue(span=span):
            if ko:
                return f"기준 중위소득 {int(span.hi)}퍼센트 이하"
            return f"at most {int(span.hi)} percent of the median income"
        case frozenset():
            if not value:
                return "해당하는 가구 유형 없음" if ko else "none of those household types"
            names = [_HOUSEHOLD_SAY.get(t, (t, t))[0 if ko else 1] for t in sorted(value)]
            return ", ".join(names) if ko else " and ".join(names)
        case bool():
            ko_yes, en_yes, ko_no, en_no = _FLAG_SAY[fact.attribute]
            return (ko_yes if value else ko_no) if ko else (en_yes if value else en_no)
        case str() if fact.attribute is Attribute.SEX:
            return ("여성" if value == "female" else "남성") if ko else ("a woman" if value == "female" else "a man")
        case str():
            return value
    return str(value)
