"""Spoken numbers: Korean (Sino-Korean and native) and English numerals in and out.

Speech recognition writes numbers as a caller says them: "육십칠 세", "예순일곱", "칠십오년생",
"백오십만 원", "일구오팔", "sixty-seven", or as digits ("67세", "150만 원"). ``parse_*`` turn them
into integers; ``say_*`` write numbers back the way a person would read them aloud, so a synthesiser
reads back "천구백오십팔년생" and "백오십만 원" rather than spelling digits.
"""

from __future__ import annotations

import re

SINO_DIGITS = {"영": 0, "공": 0, "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "륙": 6, "칠": 7,
               "팔": 8, "구": 9}
SMALL_UNITS = {"십": 10, "백": 100, "천": 1000}
BIG_UNITS = {"만": 10_000, "억": 100_000_000, "조": 1_000_000_000_000}
#: characters of a Sino-Korean numeral (digits may be mixed in: "150만", "3천")
SINO_CHARS = "".join(SINO_DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)
SINO_RUN = re.compile(rf"[{SINO_CHARS}0-9][{SINO_CHARS}0-9,\s]*")

NATIVE_TENS = {"열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60, "일흔": 70,
               "여든": 80, "아흔": 90}
NATIVE_ONES = {"하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "석": 3, "넷": 4, "네": 4, "다섯": 5,
               "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9}
_NATIVE_ONES_RX = "|".join(sorted(NATIVE_ONES, key=len, reverse=True))
_NATIVE_TENS_RX = "|".join(sorted(NATIVE_TENS, key=len, reverse=True))
NATIVE_RUN = re.compile(rf"(?:(?:{_NATIVE_TENS_RX})\s*(?:{_NATIVE_ONES_RX})?|(?:{_NATIVE_ONES_RX}))")

_EN_ONES = {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
            "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
            "ninety": 90}
_EN_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_EN_WORD = re.compile(r"[a-z]+")


# -- reading ---------------------------------------------------------------------------------------
def parse_sino(text: str) -> int | None:
    """A Sino-Korean numeral ("천구백오십팔", "백오십만", "150만", "3천5백") as an integer.

    A run of bare digit words without units ("일구오팔", "공일공") is read digit by digit.
    """
    s = re.sub(r"[\s,]", "", text)
    if not s or any(ch not in SINO_CHARS and not ch.isdigit() for ch in s):
        return None
    if not any(ch in SMALL_UNITS or ch in BIG_UNITS for ch in s):
        if all(ch in SINO_DIGITS for ch in s):
            return int("".join(str(SINO_DIGITS[ch]) for ch in s))
        if s.isdigit():
            return int(s)
        return None
    total = section = 0
    current: int | None = None
    i = 0
    while i < len(s):
        ch = s[i]
        if ch.isdigit():
            j = i
            while j < len(s) and s[j].isdigit():
                j += 1
            current = int(s[i:j])
            i = j
            continue
        if ch in SINO_DIGITS:
            current = SINO_DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (1 if current is None else current) * SMALL_UNITS[ch]
            current = None
        else:  # a big unit closes the section: "백오십만" → (100 + 50) × 10000
            section += current or 0
            total += (section or 1) * BIG_UNITS[ch]
            section, current = 0, None
        i += 1
    return total + section + (current or 0)


def parse_native(text: str) -> int | None:
    """A native Korean numeral 1–99 ("예순일곱", "스물다섯", "세", "열한") as an integer."""
    s = re.sub(r"\s", "", text)
    m = re.fullmatch(rf"({_NATIVE_TENS_RX})?({_NATIVE_ONES_RX})?", s)
    if not m or not s:
        return None
    return NATIVE_TENS.get(m.group(1) or "", 0) + NATIVE_ONES.get(m.group(2) or "", 0)


def parse_english(text: str) -> int | None:
    """English number words ("sixty-seven", "one million five hundred thousand", "nineteen fifty-eight")."""
    words = [w for w in _EN_WORD.findall(text.lower()) if w != "and"]
    if not words or any(w not in _EN_ONES and w not in _EN_TENS and w not in _EN_SCALES for w in words):
        return None
    # a year said in pairs: "nineteen fifty eight" (no scale words, two two-digit groups)
    if not any(w in _EN_SCALES for w in words):
        groups: list[int] = []
        for w in words:
            v = _EN_ONES.get(w, _EN_TENS.get(w, 0))
            if groups and w in _EN_ONES and v < 10 and groups[-1] % 10 == 0 and groups[-1] >= 20:
                groups[-1] += v
            else:
                groups.append(v)
        if len(groups) == 2 and 10 <= groups[0] <= 20:
            return groups[0] * 100 + groups[1]
        if len(groups) == 1:
            return groups[0]
        return None
    total = current = 0
    for w in words:
        if w in _EN_ONES:
            current += _EN_ONES[w]
        elif w in _EN_TENS:
            current += _EN_TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        else:
            total += (current or 1) * _EN_SCALES[w]
            current = 0
    return total + current


def parse_number(text: str) -> int | None:
    """Any single spoken number: digits, Sino-Korean, native Korean or English words."""
    s = text.strip().replace(",", "")
    if re.fullmatch(r"\d+", s):
        return int(s)
    for parse in (parse_sino, parse_native, parse_english):
        value = parse(s)
        if value is not None:
            return value
    return None


# -- speaking --------------------------------------------------------------------------------------
_SINO_WORDS = "영일이삼사오육칠팔구"


def _sino_group(n: int) -> str:
    """0 < n < 10000 in Sino-Korean; a leading "one" is not spoken before 십/백/천 ("천구백", not "일천구백")."""
    out = []
    for unit, name in ((1000, "천"), (100, "백"), (10, "십")):
        d, n = divmod(n, unit)
        if d:
            out.append(("" if d == 1 else _SINO_WORDS[d]) + name)
    if n:
        out.append(_SINO_WORDS[n])
    return "".join(out)


def say_sino(n: int) -> str:
    """``1958`` → "천구백오십팔", ``1_500_000`` → "백오십만", ``10_000`` → "만"."""
    if n == 0:
        return "영"
    if n < 0:
        return "마이너스 " + say_sino(-n)
    parts: list[str] = []
    for unit, name in ((1_000_000_000_000, "조"), (100_000_000, "억"), (10_000, "만")):
        d, n = divmod(n, unit)
        if d:
            parts.append(("" if d == 1 and name == "만" else _sino_group(d)) + name)
    if n:
        parts.append(_sino_group(n))
    return " ".join(parts)


_NATIVE_TENS_SAY = {10: "열", 20: "스물", 30: "서른", 40: "마흔", 50: "쉰", 60: "예순", 70: "일흔", 80: "여든",
                    90: "아흔"}
_NATIVE_ONES_SAY = {1: "하나", 2: "둘", 3: "셋", 4: "넷", 5: "다섯", 6: "여섯", 7: "일곱", 8: "여덟", 9: "아홉"}
#: the forms before a counter (살, 명): 하나 → 한, 스물 → 스무
_COUNTER_FORMS = {"하나": "한", "둘": "두", "셋": "세", "넷": "네", "스물": "스무"}


def say_native(n: int, counter: bool = True) -> str:
    """1–99 in native Korean; ``counter`` uses the forms said before 살 ("예순일곱", "스무", "한")."""
    if not 0 < n < 100:
        return say_sino(n)
    tens, ones = divmod(n, 10)
    words = []
    if tens:
        words.append(_NATIVE_TENS_SAY[tens * 10])
    if ones:
        words.append(_NATIVE_ONES_SAY[ones])
    if counter:
        words[-1] = _COUNTER_FORMS.get(words[-1], words[-1])
    return "".join(words)


def say_digits_ko(digits: str) -> str:
    """Digits one by one, as numbers are read back on the phone: "5678" → "오육칠팔" (0 is "공")."""
    return "".join("공" if d == "0" else _SINO_WORDS[int(d)] for d in digits if d.isdigit())


_EN_SAY_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_EN_SAY_TENS = {v: k for k, v in _EN_TENS.items()}


def say_english(n: int) -> str:
    """``67`` → "sixty-seven", ``1_500_000`` → "one million five hundred thousand"."""
    if n < 20:
        return _EN_SAY_ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _EN_SAY_TENS[tens * 10] + (f"-{_EN_SAY_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_EN_SAY_ONES[hundreds]} hundred" + (f" {say_english(rest)}" if rest else "")
    for scale, name in ((1_000_000_000, "billion"), (1_000_000, "million"), (1000, "thousand")):
        if n >= scale:
            head, rest = divmod(n, scale)
            return f"{say_english(head)} {name}" + (f" {say_english(rest)}" if rest else "")
    raise AssertionError("unreachable")


def say_year_english(year: int) -> str:
    """``1958`` → "nineteen fifty-eight", ``2005`` → "two thousand five"."""
    if 1100 <= year < 2000 or 2010 <= year < 2100:
        high, low = divmod(year, 100)
        tail = "hundred" if low == 0 else say_english(low) if low >= 10 else "oh " + say_english(low)
        return f"{say_english(high)} {tail}"
    return say_english(year)


def say_digits_english(digits: str) -> str:
    return " ".join(_EN_SAY_ONES[int(d)] for d in digits if d.isdigit())


__all__ = [
    "NATIVE_RUN",
    "SINO_RUN",
    "parse_english",
    "parse_native",
    "parse_number",
    "parse_sino",
    "say_digits_english",
    "say_digits_ko",
    "say_english",
    "say_native",
    "say_sino",
    "say_year_english",
]
