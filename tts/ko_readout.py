"""Korean text as it is read aloud: digits, amounts, dates, ages, phone and receipt numbers in words.

A synthesiser that speaks from pronunciation (``tts.ko_ipa``) needs every digit and symbol written
out the way a person says it on the phone:

- ``65세`` → "육십오 세", ``20살`` → "스무 살", ``24시간`` → "스물네 시간" (native numbers before
  the counters people count with: 살, 개, 시간, 시, 명, 가지, 달, 마리, 사람);
- ``30만 원`` → "삼십만 원", ``1,000원`` → "천 원", ``2025년`` → "이천이십오 년", ``6월`` → "유월";
- ``1577-1366`` → "일오칠칠에 일삼육육" (phone numbers digit by digit, zero is "공", groups joined
  by "에"), a bare service number ``129`` → "일이구", a receipt ``MB-261123-482100`` →
  "엠비 이육일일이삼 다시 사팔이일공공";
- ``50%`` → "오십 퍼센트", ``0~5세`` → "영에서 오 세", ``1.5`` → "일 점 오";
- brackets, middle dots and colons become pauses (commas); capital-letter abbreviations are
  spelt with the Korean letter names (``KTX`` → "케이티엑스").

The number words come from :mod:`dialog.numerals` (the same that reads callers' numbers).
"""

from __future__ import annotations

import re

from dialog.numerals import say_digits_ko, say_native, say_sino

#: counters read with native Korean numbers (1-99; larger numbers fall back to Sino-Korean)
NATIVE_COUNTERS = ("시간", "사람", "가지", "마리", "살", "개", "시", "명", "달", "곳", "군데")
#: counters read with Sino-Korean numbers (the default for any other following word)
SINO_COUNTERS = ("개월", "퍼센트", "세", "년", "월", "일", "원", "주", "회", "번", "층", "호", "배", "분", "초", "차",
                 "등급", "단계", "급", "점", "킬로", "미터", "평", "인분")
#: big units written after digits ("30만", "1억"): the number is multiplied out
BIG_UNITS = {"만": 10_000, "억": 100_000_000, "조": 1_000_000_000_000}
#: month names that are not the plain Sino-Korean number + 월
MONTHS = {6: "유월", 10: "시월"}
#: Korean names of the Latin letters, for abbreviations
LETTERS = {"A": "에이", "B": "비", "C": "씨", "D": "디", "E": "이", "F": "에프", "G": "지", "H": "에이치", "I": "아이",
           "J": "제이", "K": "케이", "L": "엘", "M": "엠", "N": "엔", "O": "오", "P": "피", "Q": "큐", "R": "알",
           "S": "에스", "T": "티", "U": "유", "V": "브이", "W": "더블유", "X": "엑스", "Y": "와이", "Z": "지"}

_PHONE = re.compile(r"(?<![\d-])(0\d{1,2}|1\d{3}|\d{3,4})-(\d{3,4})(?:-(\d{4}))?(?![\d-])")
_RECEIPT = re.compile(r"\b([A-Z]{1,4})-(\d{4,8})-(\d{4,8})\b")
_GROUPED = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+)(?![\d,])")
_COUNTERS = "|".join(sorted(NATIVE_COUNTERS + SINO_COUNTERS, key=len, reverse=True))
_DECIMAL = re.compile(r"(?<![\d.])(\d+)\.(\d+)(?![\d.])\s*(" + _COUNTERS + ")?")
_RANGE = re.compile(r"(\d)\s*[~～]\s*(?=\d)")
_PERCENT = re.compile(r"(\d)\s*%")
_COUNTED = re.compile(
    r"(\d+)\s*(" + "|".join(BIG_UNITS) + r")?\s*"
    r"(" + _COUNTERS + r")?"
)
_ABBREVIATION = re.compile(r"\b[A-Z]{2,}\b|(?<![A-Za-z])[A-Z](?![A-Za-z])")
_PAUSES = re.compile(r"\s*[()\[\]{}·ㆍ:;/|]\s*")
_EXAMPLE = re.compile(r"예\s*:\s*")


def read_out(text: str) -> str:
    """``text`` with digits, symbols and abbreviations written as Korean words."""
    text = _RECEIPT.sub(_say_receipt, text)
    text = _PHONE.sub(_say_phone, text)
    text = _GROUPED.sub(lambda m: _say_number(m.group(1).replace(",", "")) + " ", text)
    text = _DECIMAL.sub(_say_decimal, text)
    text = _RANGE.sub(r"\1에서 ", text)
    text = _PERCENT.sub(r"\1퍼센트", text)
    text = _COUNTED.sub(_say_counted, text)
    text = _EXAMPLE.sub("예를 들어 ", text)
    text = _ABBREVIATION.sub(lambda m: "".join(LETTERS[ch] for ch in m.group()), text)
    text = _PAUSES.sub(", ", text)
    text = re.sub(r"\s*,(?:\s*,)+", ",", text)  # "), " and similar leave doubled commas
    text = re.sub(r",\s*([.?!])", r"\1", text)
    return re.sub(r"\s+", " ", text).strip(" ,")


def say_phone_number(number: str) -> str:
    """``"1577-1366"`` → "일오칠칠에 일삼육육", ``"02-120"`` → "공이에 일이공"."""
    groups = re.findall(r"\d+", number)
    return "에 ".join(say_digits_ko(g) for g in groups)


def say_counted(n: int, counter: str) -> str:
    """``n`` before ``counter`` as it is said: (65, "세") → "육십오 세", (20, "살") → "스무 살"."""
    if counter == "월":
        return MONTHS.get(n, say_sino(n) + "월")
    if counter in NATIVE_COUNTERS and 0 < n < 100:
        return f"{say_native(n, counter=True)} {counter}"
    return f"{say_sino(n)} {counter}"


#: numbers from here on have no Korean name (경 and above are not said): read digit by digit
TOO_LARGE = 10**16


def _say_number(digits: str, unit: int = 1) -> str:
    n = int(digits) * unit
    return say_sino(n) if n < TOO_LARGE else say_digits_ko(digits)


def _say_receipt(m: re.Match[str]) -> str:
    letters = "".join(LETTERS[ch] for ch in m.group(1))
    return f"{letters} {say_digits_ko(m.group(2))} 다시 {say_digits_ko(m.group(3))}"


def _say_phone(m: re.Match[str]) -> str:
    return say_phone_number(m.group(0))


def _say_decimal(m: re.Match[str]) -> str:
    said = f"{_say_number(m.group(1))} 점 {_say_digits_plain(m.group(2))}"
    return f"{said} {m.group(3)}" if m.group(3) else said


def _say_digits_plain(digits: str) -> str:
    """Digits after a decimal point: "05" → "영오" (zero is 영 in a number, 공 in a phone number)."""
    return "".join("영" if d == "0" else say_sino(int(d)) for d in digits)


def _say_counted(m: re.Match[str]) -> str:
    digits, big, counter = m.group(1), m.group(2), m.group(3)
    n = int(digits)
    if big:
        words = _say_number(digits, BIG_UNITS[big]).replace(" ", "")
        return f"{words} {counter}" if counter else words
    if counter:
        return say_counted(n, counter) if n < TOO_LARGE else f"{say_digits_ko(digits)} {counter}"
    if len(digits) >= 3 or (len(digits) >= 2 and digits.startswith("0")):
        return say_digits_ko(digits)  # a bare service number (129, 1345) or a code
    return say_sino(n)
