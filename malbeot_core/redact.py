"""Redaction of personal data before anything is logged.

Covers resident registration numbers (주민등록번호), phone numbers and street/lot addresses, in
digit form ("900101-1234567", "010-1234-5678") and in spoken Hangul-number form as a speech
recogniser writes it ("공일공 일이삼사 오육칠팔", "구공공일공일 다시 일이삼사오육칠").
"""

from __future__ import annotations

import re

# Sino-Korean digit words as spoken one by one (공/영 = 0), plus native counters people use.
_HANGUL_DIGITS = "공영일이삼사오육륙칠팔구"
_HD = f"[{_HANGUL_DIGITS}]"
_SEP = r"[\s\-.·,]*"
_SPOKEN_DASH = r"(?:\s*(?:다시|에|의|하고|대시|빼기|-)\s*|\s+|[\-.])"

# digit runs glued to Latin letters are identifiers (call ids, hashes), not personal numbers
_RRN_DIGITS = re.compile(r"(?<![\dA-Za-z])\d{6}\s*[-–]?\s*[1-8]\d{6}(?![\dA-Za-z])")
_PHONE_DIGITS = re.compile(
    r"(?<![\dA-Za-z])(?:\+?82[\s\-]?)?(?:0\d{1,2})[\s\-.)]*\d{3,4}[\s\-.]*\d{4}(?![\dA-Za-z])"
)
_LONG_DIGITS = re.compile(r"(?<![\dA-Za-z])\d(?:[\s\-.]?\d){8,}(?![\dA-Za-z])")
# 6 + 7 spoken digits (RRN), 10-11 spoken digits (phone), with optional spoken separators
_SPOKEN_RRN = re.compile(rf"{_HD}(?:{_SEP}{_HD}){{5}}{_SPOKEN_DASH}?{_HD}(?:{_SEP}{_HD}){{6}}")
_SPOKEN_LONG = re.compile(rf"{_HD}(?:(?:{_SEP}|{_SPOKEN_DASH}){_HD}){{8,}}")
# Road-name and lot addresses: "... 123번길 45", "... 로 12", "... 동 123-4번지", "아파트 101동 1203호"
_ADDRESS = re.compile(
    r"[가-힣0-9]+(?:로|길)\s*\d+(?:번길)?(?:\s*\d+)?(?:\s*[-,]\s*\d+)?"
    r"|[가-힣0-9]+(?:동|리|가)\s*\d+(?:\s*-\s*\d+)?\s*번지"
    r"|\d+\s*동\s*\d+\s*호"
    r"|[가-힣]+(?:로|길)\s*[일이삼사오육칠팔구십백천]+\s*번?길?"
)
_EN_ADDRESS = re.compile(
    r"\b\d{1,6}\s+(?:[A-Z][a-z]+\s+){1,4}(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Ln|Drive|Dr)\b\.?",
)

RRN = "[주민번호]"
PHONE = "[전화번호]"
ADDRESS = "[주소]"
NUMBER = "[번호]"


def redact(text: str) -> str:
    """Return ``text`` with registration numbers, phone numbers and addresses masked."""
    if not text:
        return text
    out = _RRN_DIGITS.sub(RRN, text)
    out = _SPOKEN_RRN.sub(RRN, out)
    out = _PHONE_DIGITS.sub(PHONE, out)
    out = _LONG_DIGITS.sub(NUMBER, out)
    out = _SPOKEN_LONG.sub(NUMBER, out)
    out = _ADDRESS.sub(ADDRESS, out)
    out = _EN_ADDRESS.sub(ADDRESS, out)
    return out
