"""Redaction of personal data before anything is logged or handed to a person.

Covers resident registration numbers (주민등록번호), phone numbers, card and account numbers and
street/lot addresses in every form a speech recogniser writes them: digits with or without
separators ("900101-1234567", "010-1234-5678"), spaced digits ("0 1 0 1 2 3 4"), digits with
thousands separators ("750,102-2,345,678", "010 9876 5,432"), English digit words ("zero one
zero, nine eight seven six …", "oh one oh"), and spoken Hangul digits ("공일공 일이삼사 오육칠팔",
"구공공일공일 다시 일이삼사오육칠").

Ordinary numbers stay readable: ages, years ("2023 2024 2025"), dates, amounts ("30만원",
"1,500,000원"), IP addresses, our own receipt numbers (MB-YYMMDD-NNNNNN), and the public service
numbers the safety feature speaks (112, 119, 1366, 129, 1577-1389 and other 15xx/16xx/18xx
representative numbers): they are no one's personal data.

How: every run of digit units (ASCII digits or English digit words; Hangul digit syllables
separately) joined by separators is found, its digits collected, and the run is classified.
"""

from __future__ import annotations

import re
from collections.abc import Callable

RRN = "[주민번호]"
PHONE = "[전화번호]"
ADDRESS = "[주소]"
NUMBER = "[번호]"

# --- digit units ----------------------------------------------------------------------------------
_EN_WORDS = {
    "zero": "0", "oh": "0", "o": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}
_EN_UNIT = r"(?:zero|nought|oh|o|one|two|three|four|five|six|seven|eight|nine)"
_LATIN_UNIT = rf"(?:(?:double|triple)[\s\-]+)?(?<![A-Za-z]){_EN_UNIT}(?![A-Za-z])|\d"
#: between two units: a few separator characters, or a spoken dash
_LATIN_SEP = r"(?:[\s,.\-–—·/()]{0,3}|\s*\b(?:dash|hyphen)\b\s*)"
_LATIN_RUN = re.compile(rf"(?:{_LATIN_UNIT})(?:{_LATIN_SEP}(?:{_LATIN_UNIT}))*", re.IGNORECASE)

_HANGUL_DIGITS = {"공": "0", "영": "0", "일": "1", "이": "2", "삼": "3", "사": "4", "오": "5", "육": "6", "륙": "6",
                  "칠": "7", "팔": "8", "구": "9"}
_HD = "[공영일이삼사오육륙칠팔구]"
_HANGUL_SEP = r"(?:[\s,.\-–—·/()]{0,3}|\s*(?:다시|에|의|하고|대시|빼기|앞자리|뒷자리)\s*)"
_HANGUL_RUN = re.compile(rf"{_HD}(?:{_HANGUL_SEP}{_HD})*")

# --- ordinary numbers that stay -----------------------------------------------------------------
#: public numbers a caller is told to ring (police, fire/ambulance, helplines, district call centre)
PUBLIC_NUMBERS = frozenset({
    "110", "111", "112", "113", "114", "117", "118", "119", "120", "122", "125", "127", "128", "129", "131",
    "132", "182", "1301", "1332", "1345", "1350", "1366", "1377", "1388", "1393", "1588", "1577", "1644",
})
#: 15xx/16xx/18xx-xxxx: companies' and agencies' representative numbers (대표번호), never a person's
_REPRESENTATIVE = re.compile(r"1(?:5[4-9]\d|6\d\d|8\d\d)\d{4}")
_YEAR = re.compile(r"(?:19|20)\d\d")
_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+")
_AMOUNT_AFTER = re.compile(r"\s*(?:원|만|억|명|개|건|세|살|%|퍼센트|won|krw|dollars?|people|percent)", re.IGNORECASE)
_RECEIPT = re.compile(r"MB-\d{6}-\d{6}")
#: a token where letters touch digits ("3052846171ab", a UUID, a hash): an identifier, not a number
_TOKEN = re.compile(r"[A-Za-z0-9_\-]+")
_LETTER_TOUCHES_DIGIT = re.compile(r"[A-Za-z][0-9]|[0-9][A-Za-z]")


def _groups(text: str, unit: re.Pattern[str], digits_of: Callable[[str], str]) -> list[str]:
    """The digit groups of a run: units written together form one group; any separator splits."""
    groups: list[str] = []
    end = -1
    for match in unit.finditer(text):
        digits = digits_of(match.group(0))
        if not digits:
            continue
        if match.start() == end and groups:
            groups[-1] += digits
        else:
            groups.append(digits)
        end = match.end()
    return groups


def _latin_digits(token: str) -> str:
    words = token.lower().split()
    if not words:
        return ""
    if words[0] in ("double", "triple") and len(words) >= 2:
        times = 2 if words[0] == "double" else 3
        return _EN_WORDS.get(words[-1], words[-1]) * times
    word = words[-1].strip("-")
    if word.isdigit():
        return word
    return _EN_WORDS.get(word, "")


_LATIN_TOKEN = re.compile(rf"(?:(?:double|triple)[\s\-]+)?{_EN_UNIT}(?![A-Za-z])|\d", re.IGNORECASE)
_HANGUL_TOKEN = re.compile(_HD)


def _public_list(groups: list[str]) -> bool:
    i = 0
    while i < len(groups):
        if i + 1 < len(groups) and _REPRESENTATIVE.fullmatch(groups[i] + groups[i + 1]):
            i += 2
        elif groups[i] in PUBLIC_NUMBERS or _REPRESENTATIVE.fullmatch(groups[i]):
            i += 1
        else:
            return False
    return True


def _ordinary(digits: str, groups: list[str], run: str, after: str) -> bool:
    """Whether a run of digits is an ordinary number that may stay readable."""
    n = len(digits)
    if n <= 6 or digits in PUBLIC_NUMBERS or _REPRESENTATIVE.fullmatch(digits):
        return True
    if _public_list(groups):
        return True  # "119, 112, 1366, 1577-1389": numbers to ring, read out one after another
    if len(groups) >= 2 and all(len(g) == 4 and _YEAR.fullmatch(g) for g in groups):
        return True  # a list of years
    if len(groups) == 3 and _YEAR.fullmatch(groups[0]) and 1 <= len(groups[1]) <= 2 and 1 <= len(groups[2]) <= 2:
        month, day = int(groups[1]), int(groups[2])
        return 1 <= month <= 12 and 1 <= day <= 31  # a date
    if len(groups) == 4 and re.fullmatch(r"\d+(?:\.\d+){3}", run) and all(int(g) <= 255 for g in groups):
        return True  # an IPv4 address
    if _THOUSANDS.fullmatch(run):
        return n <= 9 or bool(_AMOUNT_AFTER.match(after))  # an amount
    return False


def _label(digits: str) -> str:
    n = len(digits)
    if n == 13 and digits[6] in "12345678":
        return RRN
    if (digits.startswith("0") and 9 <= n <= 11) or (digits.startswith("82") and 11 <= n <= 12) or n in (7, 8):
        return PHONE
    return NUMBER


def _protected(text: str) -> list[tuple[int, int]]:
    # token by token (linear): one pattern spanning the token backtracks quadratically on long runs
    spans = [m.span() for m in _TOKEN.finditer(text) if _LETTER_TOUCHES_DIGIT.search(m.group(0))]
    spans += [m.span() for m in _RECEIPT.finditer(text)]
    return spans


def _mask_runs(text: str, pattern: re.Pattern[str], unit: re.Pattern[str], digits_of: Callable[[str], str],
               hangul: bool) -> str:
    protected = _protected(text) if not hangul else []
    out: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(a <= start < b or a < end <= b for a, b in protected):
            continue
        run = match.group(0)
        if hangul:
            start, end, run = _trim_glued(text, start, end, run)
        groups = _groups(run, unit, digits_of)
        digits = "".join(groups)
        if not digits or _ordinary(digits, groups, run, text[end:end + 12]):
            continue
        out.append(text[last:start])
        out.append(_label(digits))
        last = end
    out.append(text[last:])
    return "".join(out)


def _is_syllable(char: str) -> bool:
    return "가" <= char <= "힣"


def _trim_glued(text: str, start: int, end: int, run: str) -> tuple[int, int, str]:
    """Drop a lone digit syllable that belongs to the word around it ("강남구 공일공…", "…오사삼이 이에요")."""
    first = re.match(rf"{_HD}(?={_HANGUL_SEP}{_HD})", run)
    if first and start > 0 and _is_syllable(text[start - 1]) and not re.match(_HD, run[1:2] or "x"):
        cut = _HANGUL_RUN.search(run, 1)
        if cut is not None:
            start, run = start + cut.start(), run[cut.start():]
    if end < len(text) and _is_syllable(text[end]) and len(run) >= 2 and not re.match(_HD, run[-2]):
        tail = re.search(rf"{_HANGUL_SEP}{_HD}$", run)
        if tail is not None and tail.start() > 0:
            end, run = end - (len(run) - tail.start()), run[: tail.start()]
    return start, end, run


# --- addresses ------------------------------------------------------------------------------------
# Road-name and lot addresses: "... 123번길 45", "... 로 12", "... 동 123-4번지", "아파트 101동 1203호".
# Every repetition is bounded: redaction runs on every log record, in the event loop, and an
# unbounded word before 로 backtracks quadratically on a 16 KB message (seconds of CPU).
_ADDRESS = re.compile(
    r"(?P<road>[가-힣][가-힣0-9]{0,15}(?:로|길))\s*\d{1,5}(?:번길)?(?:\s*\d{1,5})?(?:\s*[-,]\s*\d{1,5})?"
    r"|[가-힣][가-힣0-9]{0,15}(?:동|리|가)\s*\d{1,5}(?:\s*-\s*\d{1,5})?\s*번지"
    r"|\d{1,5}\s*동\s*\d{1,5}\s*호"
    r"|(?P<spoken>[가-힣]{1,16}(?:로|길))\s*(?:[일이삼사오육칠팔구십백천]{2,8}|[일이삼사오육칠팔구십백천]{1,8}\s*번?길)"
)
#: words ending in 로/길 that are particles and adverbs, not road names ("기준으로 70세", "바로 119")
_NOT_ROAD = re.compile(
    r"(?:으로|바로|따로|새로|서로|주로|별로|실로|그대로|이대로|저대로|제대로|멋대로|마음대로|맘대로|함부로|스스로|"
    r"억지로|의외로|정말로|진짜로|실제로|제로|뒤로|위로|아래로|곧바로)$"
)


def _address(match: re.Match[str]) -> str:
    road = match.group("road") or match.group("spoken")
    if road and _NOT_ROAD.search(road):
        return match.group(0)
    return ADDRESS
_EN_NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                   r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                   r"hundred|thousand)")
_EN_ADDRESS = re.compile(
    rf"\b(?:\d{{1,6}}[A-Za-z]?|{_EN_NUMBER_WORD}(?:[\s\-]+(?:and\s+)?{_EN_NUMBER_WORD})*)\s+"
    r"(?:[A-Za-z][\w'\-]*\s+){1,4}"
    r"(?:street|st|road|rd|avenue|ave|boulevard|blvd|lane|ln|drive|dr|way|place|pl|ro|gil|daero)\b\.?",
    re.IGNORECASE,
)


def redact(text: str) -> str:
    """Return ``text`` with registration, phone, card and account numbers and addresses masked."""
    if not text:
        return text
    out = _mask_runs(text, _LATIN_RUN, _LATIN_TOKEN, _latin_digits, hangul=False)
    out = _mask_runs(out, _HANGUL_RUN, _HANGUL_TOKEN, lambda s: _HANGUL_DIGITS.get(s, ""), hangul=True)
    out = _ADDRESS.sub(_address, out)
    out = _EN_ADDRESS.sub(ADDRESS, out)
    return out


__all__ = ["ADDRESS", "NUMBER", "PHONE", "PUBLIC_NUMBERS", "RRN", "redact"]
