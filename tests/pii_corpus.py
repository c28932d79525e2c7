"""A generated corpus of utterances carrying personal numbers as speech recognition writes them.

Each utterance plants one secret (a resident registration number, a mobile or landline phone number,
a card or an account number) in one written form (plain digits, dashes, spaces, dots, thousands
separators, spaced digits, English digit words, spoken Hangul digits) inside a sentence with
ordinary numbers (65세, 2024년, 30만원, years, helpline numbers) that must stay readable.
Deterministic: the same seed gives the same corpus.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
KO = "공일이삼사오육칠팔구"


@dataclass(frozen=True)
class Utterance:
    text: str
    #: the secret's digits
    digits: str
    #: the secret as written in ``text``
    written: str
    #: ordinary numbers in ``text`` that must come out unchanged
    ordinary: tuple[str, ...]
    kind: str
    form: str


def _rrn(rng: random.Random) -> tuple[str, tuple[int, ...]]:
    yy, mm, dd = rng.randrange(100), rng.randint(1, 12), rng.randint(1, 28)
    return f"{yy:02d}{mm:02d}{dd:02d}{rng.randint(1, 4)}{rng.randrange(10**6):06d}", (6, 7)


def _mobile(rng: random.Random) -> tuple[str, tuple[int, ...]]:
    return f"010{rng.randrange(1000, 10000)}{rng.randrange(10000):04d}", (3, 4, 4)


def _landline(rng: random.Random) -> tuple[str, tuple[int, ...]]:
    if rng.random() < 0.5:
        return f"02{rng.randrange(200, 1000)}{rng.randrange(10000):04d}", (2, 3, 4)
    return f"0{rng.choice([31, 32, 51, 53, 62])}{rng.randrange(200, 1000)}{rng.randrange(10000):04d}", (3, 3, 4)


def _card(rng: random.Random) -> tuple[str, tuple[int, ...]]:
    return f"{rng.choice([4, 5])}{rng.randrange(10**15):015d}", (4, 4, 4, 4)


def _account(rng: random.Random) -> tuple[str, tuple[int, ...]]:
    return f"{rng.randrange(100, 1000)}{rng.randrange(10**9):09d}", (3, 3, 6)


KINDS = {"rrn": _rrn, "mobile": _mobile, "landline": _landline, "card": _card, "account": _account}


def _split(digits: str, groups: tuple[int, ...]) -> list[str]:
    out, i = [], 0
    for size in groups:
        out.append(digits[i : i + size])
        i += size
    return out


def _thousands(group: str) -> str:
    """"2345678" → "2,345,678" (a recogniser writing a digit group as an amount)."""
    head = len(group) % 3 or 3
    parts = [group[:head]] + [group[i : i + 3] for i in range(head, len(group), 3)]
    return ",".join(parts)


def _english(digits: str, rng: random.Random) -> str:
    zero = rng.choice(["zero", "oh"])
    return " ".join(zero if d == "0" else EN[int(d)] for d in digits)


def _hangul(digits: str, rng: random.Random) -> str:
    zero = rng.choice(["공", "영"])
    return "".join(zero if d == "0" else KO[int(d)] for d in digits)


def written(digits: str, groups: tuple[int, ...], form: str, rng: random.Random) -> str:
    parts = _split(digits, groups)
    match form:
        case "plain":
            return digits
        case "dash":
            return "-".join(parts)
        case "space":
            return " ".join(parts)
        case "dot":
            return ".".join(parts)
        case "thousands":
            return "-".join(_thousands(p) for p in parts)
        case "thousands_last":  # "010 9876 5,432"
            return " ".join([*parts[:-1], _thousands(parts[-1]) if len(parts[-1]) > 3 else parts[-1]])
        case "spaced":
            return " ".join(digits)
        case "english":
            return ", ".join(_english(p, rng) for p in parts)
        case "english_flat":
            return _english(digits, rng)
        case "hangul":
            return " ".join(_hangul(p, rng) for p in parts)
        case "hangul_dasi":
            return rng.choice([" 다시 ", "에 ", " 대시 "]).join(_hangul(p, rng) for p in parts)
        case "hangul_flat":
            return _hangul(digits, rng)
    raise ValueError(form)


FORMS = ("plain", "dash", "space", "dot", "thousands", "thousands_last", "spaced", "english", "english_flat",
         "hangul", "hangul_dasi", "hangul_flat")

ORDINARY_KO = ["만 65세", "2024년", "30만원", "1577-1389", "119", "1366", "2023 2024 2025년", "3월 15일", "70세",
               "월 40만 원", "1,500,000원", "129", "112"]
ORDINARY_EN = ["65 years old", "in 2024", "300,000 won", "1577-1389", "119", "1366", "2023, 2024 and 2025",
               "March 15", "age 70", "1,500,000 won", "129", "112"]
LABEL_KO = {"rrn": "주민번호는", "mobile": "전화번호는", "landline": "집 전화는", "card": "카드 번호는",
            "account": "계좌번호는"}
LABEL_EN = {"rrn": "my registration number is", "mobile": "my phone number is", "landline": "my home number is",
            "card": "my card number is", "account": "my account number is"}
TEMPLATES_KO = [
    "{o1} 어르신인데요 {label} {secret} 이에요 {o2} 부터 받을 수 있나요",
    "{label} {secret} 입니다. {o1} 기준으로 {o2} 지원이 되나요?",
    "네 {secret} 요. {o1} 이고요 {o2} 예요",
    "{o1}에 신청했는데 {label} {secret}, 급하면 {o2}로 전화하라고 했어요",
]
TEMPLATES_EN = [
    "I am {o1} and {label} {secret}, can I get it {o2}?",
    "{label} {secret}. They said {o1}, or call {o2}.",
    "yes it is {secret}, and {o1} plus {o2}",
]


def generate(count: int = 1200, seed: int = 20261204) -> list[Utterance]:
    rng = random.Random(seed)
    out: list[Utterance] = []
    kinds = list(KINDS)
    for i in range(count):
        kind = kinds[i % len(kinds)]
        form = FORMS[(i // len(kinds)) % len(FORMS)]
        digits, groups = KINDS[kind](rng)
        secret = written(digits, groups, form, rng)
        korean = form.startswith("hangul") or (not form.startswith("english") and rng.random() < 0.6)
        ordinary_pool, template, label = (
            (ORDINARY_KO, rng.choice(TEMPLATES_KO), LABEL_KO[kind]) if korean
            else (ORDINARY_EN, rng.choice(TEMPLATES_EN), LABEL_EN[kind])
        )
        o1, o2 = rng.sample(ordinary_pool, 2)
        text = template.format(o1=o1, o2=o2, label=label, secret=secret)
        out.append(Utterance(text, digits, secret, (o1, o2), kind, form))
    return out


_EN_DIGIT = {w: str(i) for i, w in enumerate(EN)} | {"oh": "0", "o": "0"}


def spoken_digits(text: str) -> str:
    """Every digit in ``text`` in order, written or spoken (ASCII, English words, Hangul syllables)."""
    out = []
    for token in re.findall(r"[A-Za-z]+|\d|[공영일이삼사오육칠팔구]", text):
        if token.isdigit():
            out.append(token)
        elif token in KO or token == "영":
            out.append("0" if token in "공영" else str(KO.index(token)))
        elif token.lower() in _EN_DIGIT:
            out.append(_EN_DIGIT[token.lower()])
    return "".join(out)


def leaks(redacted: str, utterance: Utterance) -> bool:
    """Whether ``redacted`` still gives the secret away: its written form, or its last 7 digits in any form."""
    if utterance.written in redacted:
        return True
    return utterance.digits[-7:] in spoken_digits(redacted)
