"""Reading spoken answers into profile facts: "칠십오년생", "육십칠 세", "예순일곱", "한 달에 백오십만 원",
"혼자 살아요", "no" (Korean and English here; Chinese, Vietnamese and Japanese forms through
``dialog.eligibility.profile_asian``), and the facts a caller volunteers in a question.
"""

from __future__ import annotations

import re
from datetime import date

from dialog.eligibility import profile_asian as asian
from dialog.eligibility.profile_facts import (
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
from dialog.numerals import (
    NATIVE_RUN,
    SINO_CHARS,
    parse_native,
    parse_number,
    parse_sino,
)

# -- reading answers ---------------------------------------------------------------------------------
_SINO = f"[{SINO_CHARS}0-9]"
_SINO_NUM = rf"{_SINO}(?:[{SINO_CHARS}0-9,]|\s(?={_SINO}))*"
_BIRTH_KO = re.compile(rf"({_SINO_NUM})\s*년\s*(?:도\s*)?(?:생|에\s*태어|출생)")
_AGE_SINO_KO = re.compile(rf"(?:만\s*)?({_SINO_NUM})\s*세")
_AGE_NATIVE_KO = re.compile(rf"({NATIVE_RUN.pattern})\s*(?:살|세)")
_BORN_EN = re.compile(r"\bborn in ([a-z0-9\- ]+?)(?:$|[.,!?]| and\b)")
_AGE_EN = re.compile(r"(?:^|\s)([a-z0-9'\- ]+?)\s*(?:years? old|yrs? old|years of age)\b")
_I_AM_EN = re.compile(r"\bi(?:'m| am) (\d{1,3}|[a-z]+(?:[- ][a-z]+)?)\b")
_ENDINGS = re.compile(
    r"(?:이에요|이예요|예요|에요|입니다|이요|이야|인데요|인데|정도|쯤|요)+$"
)
_FILLERS = re.compile(
    r"^(?:저는|제가|저|나는|제\s*나이는|나이는|나이가|올해|이제|지금|대략|한|약|만|"
    r"i'?m|i am|about|around|roughly|i was|my age is|age)\s*"
)
_DONT_KNOW = re.compile(
    r"모르겠|몰라|모릅니다|글쎄|잘\s*모|말하기\s*싫|말씀\s*안|말\s*안\s*할|비밀|건너뛰|넘어가|패스|"
    r"don'?t know|do not know|not sure|no idea|rather not|prefer not|skip|pass\b"
)
_NO = re.compile(
    r"^(?:아니|아뇨|아니요|아니오|아녜요|없어|없습니다|없고|안\s*해|안\s*했|아닙|no\b|nope|not\b|i'?m not|i am not|"
    r"i don'?t|i do not|i have not|i haven'?t|never)"
    r"|없어요|없습니다|아니에요|아닙니다|안\s*해요|않아요|않습니다|\bno\b|\bnot\b"
)
_YES = re.compile(
    r"^(?:네|예|응|어|맞아|맞습니다|그래|그렇|있어|있습니다|yes|yeah|yep|correct|right|sure)"
    r"|^(?:i am|i'm|i do|i have|i have one)\W*$"
    r"|있어요|있습니다|맞아요|맞습니다|중이에요|중이요|중입니다|\byes\b"
)
#: words that, without a "no", answer a yes/no question with yes ("학생이에요", "I'm a student")
_FLAG_WORDS = {
    Attribute.DISABILITY: r"장애|disab",
    Attribute.PREGNANCY: r"임신|pregnan|expecting",
    Attribute.VETERAN: r"유공자|보훈|veteran",
    Attribute.JOB_SEEKER: r"구직|일자리\s*(?:를\s*)?찾|looking for (?:a )?(?:job|work)|unemployed|job ?seek",
    Attribute.STUDENT: r"학생|student",
    Attribute.FARMER: r"농사|농업|농부|farm",
}


def _clean(text: str) -> str:
    s = " ".join(text.strip().lower().replace(",", "").split()).strip(" .!?~")
    for _ in range(3):
        s = _FILLERS.sub("", s).strip()
    s = _ENDINGS.sub("", s).strip()
    return s


def two_digit_year(yy: int, today: date) -> int:
    """'75 → 1975, '05 → 2005 (a two-digit year not after this year is in this century)."""
    return 2000 + yy if yy <= today.year % 100 else 1900 + yy


def parse_age(text: str, today: date | None = None, *, bare: bool = True) -> AgeValue | None:
    """An age or birth year: "육십칠 세", "67세", "예순일곱", "칠십오년생", "1958년생", "born in 1958".

    ``bare`` also accepts a number on its own ("예순일곱", "67", "1958") — right after an age question.
    """
    today = today or date.today()
    lower = text.lower()

    def from_birth(year: int) -> AgeValue | None:
        if year < 100:
            year = two_digit_year(year, today)
        if not 1900 <= year <= today.year:
            return None
        return AgeValue(age_from_birth_year(year, today), birth_year=year)

    def from_age(age: int) -> AgeValue | None:
        return AgeValue(Span.exact(age), age=age) if 0 <= age <= 120 else None

    if m := _BIRTH_KO.search(text):
        value = parse_sino(m.group(1))
        if value is not None:
            return from_birth(value)
    if m := _BORN_EN.search(lower):
        value = parse_number(m.group(1))
        if value is not None:
            return from_birth(value)
    if m := _AGE_SINO_KO.search(text):
        value = parse_sino(m.group(1))
        if value is not None:
            return from_age(value)
    if m := _AGE_NATIVE_KO.search(text):
        value = parse_native(m.group(1))
        if value is not None:
            return from_age(value)
    if m := _AGE_EN.search(lower):
        value = parse_number(_clean(m.group(1)))
        if value is not None:
            return from_age(value)
    if m := _I_AM_EN.search(lower):  # "I am 27 and live alone"
        value = parse_number(m.group(1)) or parse_number(m.group(1).split()[0])
        if value is not None:
            return from_age(value)
    if bare:
        value = parse_number(_clean(text))
        if value is not None:
            if 1900 <= value <= today.year:
                return from_birth(value)
            return from_age(value)
    said = asian.age(text, bare=bare)  # "七十岁", "72 tuổi", "1955年生まれ"
    if said is not None:
        kind, number = said
        return from_birth(number) if kind == "birth_year" else from_age(number)
    return None


_MONTHS = re.compile(rf"({_SINO_NUM}|{NATIVE_RUN.pattern})\s*개월|(\d+|[a-z\-]+)\s*months?\b")
_NO_CHILD = re.compile(r"아이(?:가|는)?\s*없|자녀(?:가|는)?\s*없|애(?:가|는)?\s*없|no (?:kids|children|child)|"
                       r"don'?t have (?:any )?(?:kids|children)|do not have (?:any )?(?:kids|children)|없어요$")
_NEWBORN = re.compile(r"신생아|갓\s*태어|돌\s*(?:전|안|도\s*안)|newborn|new-born|just born|a baby")


def parse_child_age(text: str, today: date | None = None) -> ChildValue | None:
    """The youngest child's age ("세 살", "팔 개월", "돌 안 됐어요"), or no children."""
    lower = text.lower()
    if _NO_CHILD.search(lower) or _clean(lower) in ("없", "없어", "no", "none"):
        return ChildValue(False)
    if asian.SCRIPT.search(text) and (said := asian.child(text)) is not None:  # "没有", "8 tháng", "生後8か月"
        kind, count = said
        if kind == "none":
            return ChildValue(False)
        return ChildValue(True, Span.exact(count // 12), months=count if kind == "months" else None)
    if m := _MONTHS.search(lower):
        raw = m.group(1) or m.group(2)
        months = parse_number(raw)
        if months is not None:
            return ChildValue(True, Span.exact(months // 12), months=months)
    if _NEWBORN.search(lower):
        return ChildValue(True, Span.exact(0))
    age = parse_age(text, today)
    if age is None or age.span.hi > 30:
        return None
    return ChildValue(True, age.span)


_INCOME_NONE = re.compile(r"소득(?:이|은)?\s*없|수입(?:이|은)?\s*없|벌이(?:가)?\s*없|no income|don'?t earn|nothing")
_RECIPIENT = re.compile(r"수급자|기초\s*생활|차상위|welfare recipient|basic livelihood")
_PCT = re.compile(r"(\d{1,3})\s*(?:%|퍼센트|프로|percent)")
_YEARLY = re.compile(r"(?:^|\s)연\s|연봉|일\s*년에|1년에|한\s*해에|a year|per year|annual|yearly")
_WON_KO = re.compile(rf"({_SINO_NUM})\s*원")
_WON_EN = re.compile(r"(\d+(?:\.\d+)?|[a-z\- ]+?)\s*(million|thousand|hundred thousand)?\s*won\b")


def parse_income(text: str, profile: ResidentProfile | None = None) -> IncomeValue | None:
    """Monthly household income: an amount ("한 달에 백오십만 원", "150만원", "1.5 million won"),
    "no income", a recipient status ("기초생활수급자") or a median-income percentage."""
    lower = text.lower()
    if asian.SCRIPT.search(text) or asian.DOT_THOUSANDS.search(text):  # "每月150万韩元", "1,5 triệu", "1.500.000"
        said = asian.income(text)
        if said == "recipient":
            return IncomeValue(Span(0, 50), label="recipient")
        return income_from_monthly(said, profile) if isinstance(said, int) else None
    if _INCOME_NONE.search(lower):
        return income_from_monthly(0, profile)
    if _RECIPIENT.search(lower):
        return IncomeValue(Span(0, 50), label="recipient")
    if m := _PCT.search(lower):
        return IncomeValue(Span(0, float(m.group(1))), label=f"{m.group(1)}%")
    amount: int | None = None
    if m := _WON_KO.search(text):
        amount = parse_sino(m.group(1))
    elif m := _WON_EN.search(lower):
        base = parse_number(m.group(1)) if not re.fullmatch(r"\d+\.\d+", m.group(1).strip()) else None
        number = float(m.group(1)) if base is None and re.fullmatch(r"\d+(?:\.\d+)?", m.group(1).strip()) else base
        scale = {"million": 1_000_000, "thousand": 1000, "hundred thousand": 100_000}.get(m.group(2) or "", 1)
        amount = int(number * scale) if number is not None else None
    else:
        bare = parse_number(_clean(text))
        if bare is not None:
            amount = bare * 10_000 if bare < 10_000 else bare  # "백오십" after "how much": 150만 원
    if amount is None:
        return None
    if _YEARLY.search(lower):
        amount //= 12
    return income_from_monthly(amount, profile)


_HOUSEHOLD_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("1인가구", re.compile(r"혼자|홀로|독거|1인\s*가구|일인\s*가구|live alone|living alone|by myself|on my own|alone")),
    ("한부모", re.compile(r"한부모|싱글\s*맘|싱글\s*대디|엄마\s*혼자|아빠\s*혼자|혼자\s*(?:아이|애|자녀)|"
                       r"single[ -]parent|single mother|single father|single mom|single dad")),
    ("조손", re.compile(r"조손|손주|손자|손녀|grandchild|grandson|granddaughter")),
    ("다자녀", re.compile(r"다자녀|(?:아이|애|자녀)(?:가|를)?\s*(?:셋|세\s*명|넷|네\s*명|다섯|3|4|5)|셋째|"
                       r"(?:three|four|five|3|4|5) (?:or more )?(?:kids|children)|many children")),
    ("다문화", re.compile(r"다문화|결혼\s*이민|외국인\s*(?:배우자|아내|남편)|multicultural|marriage migrant")),
)
_HOUSEHOLD_NONE = re.compile(r"해당\s*(?:사항)?\s*없|아무것도|아니|none|neither|no\b|부부|남편|아내|배우자|"
                             r"가족(?:이랑|과|하고)|"
                             r"with my (?:wife|husband|family|spouse|parents)|같이\s*살")


def parse_household(text: str) -> frozenset[str] | None:
    """Household types named in an answer; an empty set for "none of those" / "with my wife"."""
    lower = text.lower()
    if asian.SCRIPT.search(text):  # "一个人住", "sống một mình", "一人暮らし"
        return asian.household(text)
    found = {name for name, rx in _HOUSEHOLD_WORDS if rx.search(lower)}
    if "한부모" in found or "조손" in found:
        found.discard("1인가구")  # "혼자 아이 키워요" is a single parent, not a one-person household
    if found:
        return frozenset(found)
    if _HOUSEHOLD_NONE.search(lower):
        return frozenset()
    return None


def parse_yes_no(text: str) -> bool | None:
    if asian.SCRIPT.search(text):  # 是 / 不是, có / không, はい / いいえ
        return asian.yes_no(text)
    lower = " ".join(text.lower().split()).strip(" .!?")
    if _NO.search(lower):
        return False
    if _YES.search(lower):
        return True
    return None


_FOREIGN = re.compile(r"외국|베트남|중국|필리핀|우즈벡|캄보디아|네팔|몽골|태국|일본|미국|국적\s*없|"
                      r"foreign|vietnam|china|chinese|philippin|nepal|visa|alien registration")
_KOREAN = re.compile(r"한국\s*(?:사람|국적|인)|대한민국|내국인|korean citizen|i'?m korean|korean national")
_FEMALE = re.compile(r"여자|여성|할머니|엄마|어머니|아줌마|woman|female|\bshe\b|grandmother|mother")
_MALE = re.compile(r"남자|남성|할아버지|아빠|아버지|아저씨|\bman\b|\bmale\b|grandfather|father")
_DISTRICT = re.compile(r"([가-힣]{1,5}(?:구|군|시))(?:\s|$|에|요|이|입|예|이에요)")
_DONG = re.compile(r"([가-힣0-9]{1,6}동)(?:\s|$|에|요|이|입|예|이에요)")


def parse_answer(attribute: Attribute, text: str, profile: ResidentProfile | None = None,
                 today: date | None = None) -> Fact | DontKnow | None:
    """The answer to the question about ``attribute``; ``None`` when it could not be understood."""
    value: FactValue | None
    lower = text.lower()
    if _DONT_KNOW.search(lower) or asian.dont_know(text):
        return DontKnow(attribute)
    if asian.SCRIPT.search(text) and attribute not in (Attribute.AGE, Attribute.CHILD_AGE, Attribute.INCOME,
                                                         Attribute.HOUSEHOLD, Attribute.DISTRICT):
        value = _asian_answer(attribute, text)
        return None if value is None else Fact(attribute, value)
    match attribute:
        case Attribute.AGE:
            value = parse_age(text, today)
        case Attribute.CHILD_AGE:
            value = parse_child_age(text, today)
        case Attribute.INCOME:
            value = parse_income(text, profile)
        case Attribute.HOUSEHOLD:
            value = parse_household(text)
        case Attribute.SEX:
            value = "female" if _FEMALE.search(lower) else "male" if _MALE.search(lower) else None
        case Attribute.DISTRICT:
            m = _DISTRICT.search(text + " ") or _DONG.search(text + " ")
            value = m.group(1) if m else None
        case Attribute.FOREIGN_RESIDENT:
            if _KOREAN.search(lower):
                value = False
            elif _FOREIGN.search(lower) and parse_yes_no(text) is not False:
                value = True
            else:
                value = parse_yes_no(text)
        case _:
            value = parse_yes_no(text)
            if value is None and attribute in _FLAG_WORDS and re.search(_FLAG_WORDS[attribute], lower):
                value = True
    return None if value is None else Fact(attribute, value)


def _asian_answer(attribute: Attribute, text: str) -> FactValue | None:
    """A yes/no, nationality or sex answer said in Chinese, Vietnamese or Japanese."""
    lower = text.lower()
    match attribute:
        case Attribute.SEX:
            return "female" if asian.FEMALE.search(lower) else "male" if asian.MALE.search(lower) else None
        case Attribute.FOREIGN_RESIDENT:
            if asian.KOREAN.search(lower):
                return False
            if asian.FOREIGN.search(lower) and asian.yes_no(text) is not False:
                return True
            return asian.yes_no(text)
    value = asian.yes_no(text)
    words = asian.FLAG_WORDS.get(attribute.value)
    if value is None and words and re.search(words, lower):
        return True
    return value


def volunteered(text: str, today: date | None = None) -> list[Fact]:
    """Facts a caller states unprompted in a question ("저는 칠십오년생인데…", "혼자 사는데…"):
    only unmistakable forms (an age with its unit, a birth year, living alone)."""
    facts: list[Fact] = []
    age = parse_age(text, today, bare=False)
    if age is not None and re.search(r"저|제가|나는|내가|i'?m|i am|i was|my", text.lower()):
        facts.append(Fact(Attribute.AGE, age))
    if re.search(r"혼자\s*(?:살|사는|삽니다|지내)|독거|\blive alone|living alone|live by myself", text.lower()):
        facts.append(Fact(Attribute.HOUSEHOLD, frozenset({"1인가구"})))
    if re.search(r"임신\s*(?:중|했|하고)|i'?m pregnant|i am pregnant", text.lower()):
        facts.append(Fact(Attribute.PREGNANCY, True))
    if asian.SCRIPT.search(text):  # "我七十岁，一个人住", "tôi 72 tuổi, sống một mình", "私は七十歳で一人暮らし"
        said = asian.age(text, bare=False)
        if said is not None and asian.FIRST_PERSON.search(text.lower()) and not any(
                f.attribute is Attribute.AGE for f in facts):
            value = parse_age(str(said[1]), today)  # 1955 is a birth year, 70 an age
            if value is not None:
                facts.append(Fact(Attribute.AGE, value))
        if asian.LIVES_ALONE.search(text.lower()):
            facts.append(Fact(Attribute.HOUSEHOLD, frozenset({"1인가구"})))
        if asian.PREGNANT.search(text.lower()):
            facts.append(Fact(Attribute.PREGNANCY, True))
    return facts
