"""Numbers as each language's voice reads them: amounts of won, ages, birth years, dates, digit runs.

Korean and English read-backs live in ``dialog.numerals`` / ``dialog.eligibility.profile``; these are for
Chinese, Vietnamese and Japanese answers, written so that the voices read them right:

- **Chinese**: amounts in 万 ("150万韩元": the zh front end reads 150 as 一百五十), digits of phone
  and receipt numbers as characters, one by one ("二六一一二三").
- **Japanese**: amounts in 万 ("150万ウォン"); digits as kanji, one by one ("二六一一二三"), which
  OpenJTalk reads digit by digit (ニーロクイチイチニーサン) where "261123" would be read as one number.
- **Vietnamese**: amounts **in words** ("một triệu năm trăm nghìn won"): the vi front end cuts a
  sentence at every "." and "," (so "1.500.000" or "1,5 triệu" would be read as pauses or decimals);
  digits one by one as words ("hai sáu một").
"""

from __future__ import annotations

import re
from datetime import date

_ZH_DIGITS = "零一二三四五六七八九"
_JA_DIGITS = "〇一二三四五六七八九"
_VI_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def vi_words(n: int) -> str:
    """0 ≤ n < 10¹² → Vietnamese number words ("1500000" → "một triệu năm trăm nghìn")."""
    if n < 0 or n >= 10**12:
        raise ValueError(f"out of range: {n}")
    if n == 0:
        return "không"
    groups: list[str] = []
    for unit, name in ((10**9, "tỷ"), (10**6, "triệu"), (10**3, "nghìn"), (1, "")):
        part = n // unit % 1000
        if part == 0:
            continue
        head = n >= unit * 1000  # a higher group was said: "một triệu không trăm năm mươi nghìn"
        groups.append(f"{_vi_below_1000(part, head)} {name}".strip())
    return " ".join(groups)


def _vi_below_1000(n: int, full: bool) -> str:
    hundreds, tens, ones = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if hundreds or full:
        words += [_VI_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if ones:
            words += (["linh"] if words else []) + [_VI_DIGITS[ones]]
        return " ".join(words)
    words += ["mười"] if tens == 1 else [_VI_DIGITS[tens], "mươi"]
    if ones == 1 and tens > 1:
        words.append("mốt")
    elif ones == 5:
        words.append("lăm")
    elif ones:
        words.append(_VI_DIGITS[ones])
    return " ".join(words)


def _man(won: int) -> str:
    """An amount in 万 units as digits ("150万", "1万5000", "3000")."""
    man, rest = divmod(won, 10_000)
    if not man:
        return str(rest)
    return f"{man}万{rest if rest else ''}"


def amount(won: int, language: str) -> str:
    """An amount of Korean won: "150万韩元", "150万ウォン", "một triệu năm trăm nghìn won"."""
    match language:
        case "zh":
            return f"{_man(won)}韩元"
        case "ja":
            return f"{_man(won)}ウォン"
        case "vi":
            return f"{vi_words(won)} won"
    raise ValueError(f"no amount reading for {language!r}")


def age(years: int, language: str) -> str:
    """"70岁", "70 tuổi", "70歳"."""
    return {"zh": f"{years}岁", "vi": f"{years} tuổi", "ja": f"{years}歳"}[language]


def birth_year(year: int, language: str) -> str:
    """"1955年出生", "sinh năm 1955", "1955年生まれ"."""
    return {"zh": f"{year}年出生", "vi": f"sinh năm {year}", "ja": f"{year}年生まれ"}[language]


def months(n: int, language: str) -> str:
    return {"zh": f"{n}个月", "vi": f"{n} tháng", "ja": f"{n}か月"}[language]


def day(d: date, language: str) -> str:
    """"2026年12月5日", "ngày 5 tháng 12 năm 2026"."""
    if language == "vi":
        return f"ngày {d.day} tháng {d.month} năm {d.year}"
    return f"{d.year}年{d.month}月{d.day}日"


def digits(run: str, language: str) -> str:
    """Digits read one by one: "二六一一二三" (zh), "二六一一二三" (ja), "hai sáu một một hai ba" (vi)."""
    only = re.sub(r"\D", "", run)
    match language:
        case "zh":
            return "".join(_ZH_DIGITS[int(d)] for d in only)
        case "ja":
            return "".join(_JA_DIGITS[int(d)] if d != "0" else "ゼロ" for d in only)
        case "vi":
            return " ".join(_VI_DIGITS[int(d)] for d in only)
    raise ValueError(f"no digit reading for {language!r}")


_GROUP_JOIN = {"zh": "，", "ja": "の", "vi": ", "}


def number_groups(number: str, language: str) -> str:
    """A receipt or phone number as said, its digit groups one by one ("MB-261123-4821" →
    "二六一一二三，四八二一" / "二六一一二三の四八二一" / "hai sáu một một hai ba, bốn tám hai một")."""
    groups = re.findall(r"\d+", number)
    return _GROUP_JOIN[language].join(digits(g, language) for g in groups)


__all__ = ["age", "amount", "birth_year", "day", "digits", "months", "number_groups", "vi_words"]
