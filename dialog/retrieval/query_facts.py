"""What a question says about the person it is about: age, who it is, circumstances.

"어머니가 75세인데 받을 수 있는 혜택이 뭐가 있어요?" is about the caller's mother, aged 75;
"여섯 살 애 키우는데" about a child of six; "나이가 칠십이 넘었는데" about the caller, over 70.
``about(text)`` reads these in ko, en, zh, vi and ja into a ``QueryFacts``: the subject, an age
span (approximate forms give a range: "칠십이 넘었는데" → 70–110, "七十多岁" → 70–79), the facts
``dialog.eligibility.profile.volunteered`` already reads (living alone, pregnancy), disability, foreign
residence and an income stated in words — and the topic left once all of that and the generic
words of asking ("받을 수 있는 혜택이 뭐가 있어요") are taken out. An empty topic means the
question is "what can I get?" (``QueryFacts.topicless``).

Only forms that cannot be something else are read: a bare number is not an age.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from dialog.eligibility.profile import (
    AgeValue,
    Attribute,
    ChildValue,
    Fact,
    ResidentProfile,
    Span,
    parse_age,
    parse_income,
    volunteered,
)
from dialog.eligibility.profile_answers import _AGE_NATIVE_KO, _AGE_SINO_KO, _BIRTH_KO
from dialog.numerals import NATIVE_TENS, parse_native, parse_sino
from dialog.retrieval.tokenize import tokenize

Subject = Literal["self", "elder", "child", "spouse"]

_ELDER = re.compile(
    r"어머니|어머님|엄마|아버지|아버님|아빠|부모님|할머니|할아버지|어르신|노모|노부|시어머니|시아버지|장모|장인|"
    r"\bmy (?:mum|mom|mother|father|dad|parents)\b|\b(?:grandma|grandmother|grandpa|grandfather|elderly)\b|"
    r"妈妈|母亲|父亲|爸爸|奶奶|爷爷|外婆|外公|老人|"
    r"\b(?:mẹ|bố|cha|ông|bà)\b|"
    r"母|父|祖母|祖父|お年寄り|高齢"
)
#: elder words that, next to a child, name a grandparent still (not the child's mother or father)
_GRAND = re.compile(r"할머니|할아버지|어르신|노모|노부|grandma|grandmother|grandpa|grandfather|elderly|奶奶|爷爷|"
                    r"外婆|外公|老人|祖母|祖父|お年寄り|高齢|\b(?:ông|bà)\b")
_CHILD = re.compile(
    r"아이|애기|아기|(?:^|\s)애(?:가|를|는|들|\s|$)|아들|딸|자녀|손주|손자|손녀|"
    r"\b(?:kid|kids|child|children|baby|son|daughter|toddler)\b|"
    r"孩子|儿子|女儿|宝宝|婴儿|"
    r"\b(?:con|em bé)\b|"
    r"子ども|子供|赤ちゃん|息子|娘"
)
_SPOUSE = re.compile(r"남편|아내|와이프|\b(?:husband|wife)\b|丈夫|老公|妻子|\b(?:chồng|vợ)\b|夫|妻")

_NATIVE_TENS_RX = "|".join(sorted(NATIVE_TENS, key=len, reverse=True))
_SINO_TENS = "(?:[이삼사오육칠팔구]?십[일이삼사오육칠팔구]?)"
#: "칠십이 넘었는데", "일흔 넘은", "70 넘어서", "예순 넘은": at least that age
_OVER_KO = re.compile(rf"({_SINO_TENS}|{_NATIVE_TENS_RX}|\d{{2,3}})\s*(?:살|세)?\s*(?:이|가|을|는)?\s*"
                      r"(?:넘|이상|훌쩍|다\s*되|가까이)\S*")
#: "칠십 대", "70대": a decade
_DECADE_KO = re.compile(rf"({_SINO_TENS}|\d0)\s*대(?:\s|$|인|이|예|고|의|에|입)")
#: "일흔다섯이신데", "일흔다섯인데": a native numeral with a tens word, as a predicate
_NATIVE_PRED = re.compile(rf"((?:{_NATIVE_TENS_RX})\s*(?:하나|둘|셋|넷|다섯|여섯|일곱|여덟|아홉)?)\s*"
                          r"(?:이신|이세|인데|이에|이고|이야|이라|이십|입니|이요|이다)")
_CJK_NUM = "零〇一二两三四五六七八九十百"
_AGE_CJK = re.compile(rf"([{_CJK_NUM}\d]+)\s*(多)?\s*(?:岁|歳|才)(\s*(?:以上|を過ぎ|を超え|过|多))?")
_AGE_VI = re.compile(r"(\d{1,3})\s*tuổi")
_AGE_EN = re.compile(r"\b(?:is|am|i'm|turned|turning|aged?|age of)\s+(\d{1,3})\b(?!\s*(?:won|dollars|%|percent))")
_OVER_EN = re.compile(r"\b(?:over|above|older than|past)\s+(\d{2,3})\b|\bin (?:his|her|my|their) (\w+)ties\b")
_EN_DECADES = {"six": 60, "seven": 70, "eigh": 80, "nine": 90, "fif": 50, "for": 40}

_DISABILITY = re.compile(r"장애|disab|残疾|残障|khuyết tật|障害|障がい")
_FOREIGN = re.compile(r"외국인|외국\s*사람|이주\s*노동|결혼\s*이민|시집\s*왔|foreigner|migrant|\bvisa\b|外国人|"
                      r"người nước ngoài|외국에서")
_PREGNANT = re.compile(r"임신|임산부|pregnan|expecting a baby|怀孕|孕妇|mang thai|có thai|妊娠|妊婦")
_ALONE = re.compile(r"혼자\s*(?:살|사는|사시|계시|지내)|독거|lives? (?:alone|by (?:him|her|my)self)|living alone|"
                    r"一个人住|独居|sống một mình|一人暮らし|ひとり暮らし")

#: the words of asking for something, in any language: what is left is the topic
_GENERIC = frozenset({
    "받을", "받을수", "수", "있는", "있나요", "있어요", "있을까요", "있을까", "있습니까", "혜택", "혜택이", "혜택은",
    "뭐", "뭐가", "뭐예요", "뭔가요", "무엇", "무엇이", "어떤", "게", "거", "것", "것이", "건", "좀", "알려", "주세요",
    "나라에서", "지원", "지원은", "제도", "서비스", "도움", "있", "받", "되나요", "돼요", "인데", "인데요", "는데",
    "what", "can", "i", "get", "is", "are", "there", "any", "benefits", "benefit", "for", "my", "me", "she", "he",
    "her", "his", "they", "we", "do", "does", "the", "a", "an", "of", "to", "what's", "help", "support",
    "old", "years", "year", "receive", "entitled", "eligible", "available", "and",
})


@dataclass(frozen=True, slots=True)
class QueryFacts:
    subject: Subject = "self"
    age: Span | None = None
    facts: tuple[Fact, ...] = ()
    #: the question mentions a child (the subject may still be the parent)
    mentions_child: bool = False
    topic: str = ""
    said: tuple[str, ...] = field(default=())

    @property
    def known(self) -> bool:
        return self.age is not None or bool(self.facts) or self.subject != "self"

    @property
    def topicless(self) -> bool:
        """A question about what the person can get, with nothing asked for in particular."""
        return self.known and not tokenize(self.topic)

    def profile(self) -> ResidentProfile:
        """The facts as a profile of the person the question is about (for ``eligibility.assess``)."""
        profile = ResidentProfile(consent=True)
        for fact in self.facts:
            profile.apply(fact)
        return profile


def _cjk_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
    total, current = 0, 0
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def _number_ko(text: str) -> int | None:
    text = text.replace(" ", "")
    if text.isdigit():
        return int(text)
    return parse_native(text) if text[0] in "열스서마쉰예일여아" and parse_sino(text) is None else parse_sino(text)


def _age_span(text: str, today: date) -> tuple[Span, str] | None:
    """The age stated in ``text`` and the words that stated it."""
    lower = text.lower()
    if m := _OVER_KO.search(text):
        n = _number_ko(m.group(1))
        if n is not None and m.group(1).endswith("십이") and re.match(r"\S*\s+넘", m.group(0)):
            n -= 2  # "칠십이 넘었는데": seventy with its subject particle, not seventy-two
        if n is not None and 10 <= n <= 110:
            return Span(n, 110), m.group(0)
    if m := _DECADE_KO.search(text):
        n = _number_ko(m.group(1))
        if n is not None and 10 <= n <= 100:
            return Span(n, n + 9), m.group(0)
    if m := _AGE_CJK.search(text):
        n = _cjk_number(m.group(1))
        if n is not None and 0 <= n <= 120:
            if m.group(3):
                return Span(n, 110), m.group(0)
            return (Span(n, n + 9) if m.group(2) else Span.exact(n)), m.group(0)
    if m := _AGE_VI.search(lower):
        return Span.exact(int(m.group(1))), m.group(0)
    if m := _OVER_EN.search(lower):
        if m.group(1):
            return Span(int(m.group(1)), 110), m.group(0)
        base = next((v for k, v in _EN_DECADES.items() if m.group(2).startswith(k)), None)
        if base is not None:
            return Span(base, base + 9), m.group(0)
    age: AgeValue | None = parse_age(text, today, bare=False)
    if age is not None:
        return age.span, ""
    if m := _NATIVE_PRED.search(text):
        n = parse_native(m.group(1))
        if n is not None and n >= 10:
            return Span.exact(n), m.group(1)
    if m := _AGE_EN.search(lower):
        n = int(m.group(1))
        if 0 < n <= 110:
            return Span.exact(n), m.group(0)
    return None


def about(text: str, today: date | None = None) -> QueryFacts:
    """What ``text`` says about the person it asks for (see the module notes)."""
    today = today or date.today()
    lower = text.lower()
    facts: dict[Attribute, Fact] = {}
    said: list[str] = []
    mentions_child = bool(_CHILD.search(lower))
    subject: Subject = "self"
    if _ELDER.search(lower) and (not mentions_child or _GRAND.search(lower)):
        subject = "elder"  # "엄마가 혼자 애 키워요" is the child's mother, not an elder
    elif mentions_child:
        subject = "child"
    elif _SPOUSE.search(lower):
        subject = "spouse"
    found = _age_span(text, today)
    age: Span | None = None
    if found is not None:
        age, words = found
        said.append(words)
        if age.hi <= 18 and subject in ("self", "child"):
            subject = "child"
        elif age.lo >= 19 and subject == "child":
            subject = "self"  # "일흔 넘었는데 손주 키워요": the age is the speaker's
        facts[Attribute.AGE] = Fact(Attribute.AGE, AgeValue(age, age=int(age.lo) if age.is_exact else None))
        if subject == "child":
            facts[Attribute.CHILD_AGE] = Fact(Attribute.CHILD_AGE, ChildValue(True, age))
        elif age.lo >= 55 and not mentions_child:
            facts[Attribute.CHILD_AGE] = Fact(Attribute.CHILD_AGE, ChildValue(False))
    for fact in volunteered(text, today):
        if fact.attribute is not Attribute.AGE:
            facts.setdefault(fact.attribute, fact)
    if _ALONE.search(lower):
        facts[Attribute.HOUSEHOLD] = Fact(Attribute.HOUSEHOLD, frozenset({"1인가구"}))
    if _DISABILITY.search(lower):
        facts[Attribute.DISABILITY] = Fact(Attribute.DISABILITY, True)
    if _PREGNANT.search(lower):
        facts[Attribute.PREGNANCY] = Fact(Attribute.PREGNANCY, True)
    if _FOREIGN.search(lower):
        facts[Attribute.FOREIGN_RESIDENT] = Fact(Attribute.FOREIGN_RESIDENT, True)
    if re.search(r"원|won|수급자|소득|수입|벌이", lower):
        income = parse_income(text)
        if income is not None:
            facts[Attribute.INCOME] = Fact(Attribute.INCOME, income)
    return QueryFacts(subject, age, tuple(facts.values()), mentions_child, _topic(text, said), tuple(said))


_PERSON_WORDS = re.compile(
    rf"{_ELDER.pattern}|{_SPOUSE.pattern}|저는|제가|저희|나는|내가|"
    r"나이가|나이는|연세가|올해|이신데|이신|이세요|인데요|인데|넘었는데|넘은|넘어서|넘었|되셨|"
    r"\d+\s*(?:세|살)|[가-힣]+\s*(?:세|살)(?=\s|$)"
)


def _topic(text: str, said: list[str]) -> str:
    rest = text
    for words in said:
        if words:
            rest = rest.replace(words, " ")
    for rx in (_AGE_SINO_KO, _AGE_NATIVE_KO, _BIRTH_KO):
        rest = rx.sub(" ", rest)
    rest = _PERSON_WORDS.sub(" ", rest.lower())
    rest = re.sub(r"[?!.,~]", " ", rest)
    kept = [w for w in rest.split() if w not in _GENERIC and not _is_generic_ko(w)]
    return " ".join(kept)


_GENERIC_KO = re.compile(
    r"^(?:받을\S*|있\S*|뭐\S*|무엇\S*|어떤\S*|어떻게|혜택\S*|알려\S*|주세요|해\s*주\S*|되\S*|돼\S*|"
    r"이\S{0,2}|가|은|는|도|게|거|것\S*|수|좀|혹시|그럼|저|제|나|우리|요|데|신데|인가요|일까요|까요)$"
)


def _is_generic_ko(word: str) -> bool:
    return bool(_GENERIC_KO.match(word))


__all__ = ["QueryFacts", "Subject", "about"]
