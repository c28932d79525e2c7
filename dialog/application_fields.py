"""The fields a voice application asks for: how each is asked, understood, confirmed and masked.

A programme lists the fields it needs (``Programme.application_fields``; a default set otherwise).
Sensitive fields (resident registration number, phone, address, bank account) are never said back
in full: the read-back names only the part a caller needs to check (the last digits, the street),
and the display form is masked the same way. Digits are read back one by one in natural Korean
("오육칠팔") or English ("five six seven eight").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .catalogue import Programme
from .numerals import SINO_DIGITS, say_digits_english, say_digits_ko

_SPOKEN_DIGIT = {**{k: str(v) for k, v in SINO_DIGITS.items()}, **{str(d): str(d) for d in range(10)}}
_EN_DIGITS = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
              "six": "6", "seven": "7", "eight": "8", "nine": "9"}


def spoken_digits(text: str) -> str:
    """All digits in ``text``, written or spoken one by one ("공일공 일이삼사", "oh one oh five")."""
    out: list[str] = []
    for token in re.findall(r"[a-z]+|.", text.lower()):
        if token in _EN_DIGITS:
            out.append(_EN_DIGITS[token])
        elif token in _SPOKEN_DIGIT:
            out.append(_SPOKEN_DIGIT[token])
    return "".join(out)


def _strip_ko(text: str) -> str:
    s = text.strip().strip(" .!?~")
    s = re.sub(r"^(?:네|예)[,\s]+", "", s)
    s = re.sub(r"^(?:제\s*이름은|저의?\s*이름은|이름은|성함은|저는|my name is|i am|i'm|it'?s|this is)\s*", "", s,
               flags=re.IGNORECASE)
    return re.sub(r"(?:이에요|예요|입니다|이요|라고\s*해요|이라고\s*해요|요)$", "", s).strip()


_NOT_NAMES = re.compile(r"^(?:yes|yeah|yep|no|nope|ok|okay|sure|right|correct|please|thanks|thank you|cancel|"
                        r"submit|agent|hello|hi|sorry|what|repeat|again)$", re.IGNORECASE)


def parse_name(text: str) -> str | None:
    name = _strip_ko(text)
    if _NOT_NAMES.match(name.strip(" .,!?")):
        return None
    if re.fullmatch(r"[가-힣]{2,5}", name.replace(" ", "")):
        return name.replace(" ", "")
    if re.fullmatch(r"[A-Za-z][A-Za-z .'\-]{1,40}", name):
        return " ".join(w.capitalize() for w in name.split())
    return None


def parse_rrn(text: str) -> str | None:
    digits = spoken_digits(text)
    return digits if len(digits) == 13 and digits[6] in "12345678" else None


def parse_phone(text: str) -> str | None:
    digits = spoken_digits(text)
    if digits.startswith("82"):
        digits = "0" + digits[2:]
    return digits if re.fullmatch(r"01[016789]\d{7,8}|0\d{8,10}", digits) else None


def parse_address(text: str) -> str | None:
    s = _strip_ko(text)
    s = re.sub(r"^(?:주소는|주소가|사는\s*곳은|i live (?:at|in)|my address is)\s*", "", s, flags=re.IGNORECASE)
    korean = re.search(r"[가-힣]{2,}(?:시|도|구|군|동|로|길|읍|면|리)", s)
    # romanised: a building number and at least two more words ("12 Sajik-ro, Jongno-gu"); the read-back
    # lets the caller check what speech recognition made of the street names
    roman = re.fullmatch(r"\d+[a-z]*[\s,]+[a-z][\w'\-]*(?:[\s,]+[a-z][\w'\-]*)+", s, re.IGNORECASE) or (
        len(s.split()) >= 2
        and re.search(r"\b(?:street|road|avenue|apartment|apt|building)\b|\w-(?:ro|gil|gu|dong|daero)\b", s,
                      re.IGNORECASE)
    )
    if korean or roman:
        return s
    return None


BANKS = ("국민", "신한", "우리", "하나", "농협", "기업", "우체국", "새마을금고", "신협", "카카오뱅크", "토스뱅크",
         "SC제일", "수협", "대구", "부산", "경남", "광주", "전북", "제주", "케이뱅크")


#: English names callers use → the Korean bank name stored
BANKS_EN = {"kookmin": "국민", "kb": "국민", "shinhan": "신한", "woori": "우리", "hana": "하나", "nonghyup": "농협",
            "nh": "농협", "ibk": "기업", "industrial": "기업", "post office": "우체국", "kakao": "카카오뱅크",
            "toss": "토스뱅크", "sc first": "SC제일", "standard chartered": "SC제일", "k bank": "케이뱅크"}


def bank_en(bank: str) -> str:
    return next((en.title() for en, ko in BANKS_EN.items() if ko == bank), bank)


def parse_account(text: str) -> str | None:
    lower = text.lower()
    bank = next((b for b in BANKS if b.lower() in lower), None)
    rest = lower
    if bank:
        rest = lower.replace(bank.lower(), " ")
    else:
        for en, ko in BANKS_EN.items():
            if re.search(rf"\b{en}\b", lower):
                bank, rest = ko, re.sub(rf"\b{en}\b", " ", lower)
                break
    digits = spoken_digits(re.sub(r"은행|bank", " ", rest, flags=re.IGNORECASE))
    if bank is None or not 10 <= len(digits) <= 14:
        return None
    return f"{bank} {digits}"


def _tail(digits: str, n: int = 4) -> str:
    return digits[-n:]


def mask_rrn(v: str) -> str:
    return f"{v[:6]}-{v[6]}******"


def mask_phone(v: str) -> str:
    return f"{v[:3]}-****-{v[-4:]}"


#: provinces and metropolitan cities as people say them ("서울", "경기"...) and their romanised names
_REGIONS_KO = ("서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원", "충북", "충남", "전북",
               "전남", "경북", "경남", "제주", "충청북도", "충청남도", "전라북도", "전라남도", "경상북도", "경상남도")
_REGIONS_EN = ("seoul", "busan", "pusan", "daegu", "incheon", "gwangju", "daejeon", "ulsan", "sejong", "gyeonggi",
               "gangwon", "chungbuk", "chungnam", "jeonbuk", "jeonnam", "gyeongbuk", "gyeongnam", "jeju", "korea",
               "south korea", "republic of korea")
#: a Korean area word: city, province, county or district (시/도/군/구), never a street, dong or number
_AREA_KO = re.compile(r"[가-힣]{2,8}(?:특별자치시|특별자치도|특별시|광역시|시|도)|[가-힣]{1,8}(?:군|구)")
_AREA_ROMAN = re.compile(r"[a-z]{2,20}-(?:si|do|gun|gu)|[a-z]{2,20} (?:city|province|county|district)")
_AREA_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]{1,8}?[市都道府県区郡]")
MASK = "***"


def _area_words(v: str) -> list[str]:
    """The city/province/district words of an address, in the order they appear (at most three)."""
    words: list[str] = []
    for raw in re.split(r"[\s,]+", v.strip()):
        word = raw.strip(" .")
        low = word.lower()
        if not word or re.search(r"\d", word) or re.fullmatch(r"[공영일이삼사오육칠팔구십백천만]+", word):
            continue  # numbers, also spoken ("이백구" is 209, not a district)
        if (word in _REGIONS_KO or low in _REGIONS_EN or _AREA_KO.fullmatch(word) or _AREA_ROMAN.fullmatch(low)) \
                and word not in words:
            words.append(word)
    if not words:  # Chinese/Japanese written without spaces: "首尔市钟路区世宗大路12号"
        words = [m.group(0) for m in _AREA_CJK.finditer(v)]
    return words[:3]


def mask_address(v: str) -> str:
    """Keep at most the city/province and district; hide the rest in every language and script.

    "서울 종로구 사직로 12" → "서울 종로구 ***", "Twelve Central Street, Seoul" → "Seoul ***",
    "12 Sajik-ro, Jongno-gu, Seoul" → "Jongno-gu Seoul ***"; an address with no area word → "***".
    Applying it to its own output gives the same output (stored masks can be masked again)."""
    words = _area_words(v)
    return f"{' '.join(words)} {MASK}" if words else MASK


def mask_account(v: str) -> str:
    bank, _, digits = v.partition(" ")
    return f"{bank} {'*' * (len(digits) - 4)}{digits[-4:]}"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    sensitive: bool
    label_ko: str
    label_en: str
    prompt_ko: str
    prompt_en: str
    parse: Callable[[str], str | None]
    #: the masked display form (the value itself for non-sensitive fields)
    mask: Callable[[str], str]
    #: how the value is said back: (ko, en)
    speak_ko: Callable[[str], str]
    speak_en: Callable[[str], str]
    #: digits a "the number ends in 4" correction may replace
    digits: bool = False

    def label(self, language: str) -> str:
        return self.label_ko if language == "ko" else self.label_en

    def prompt(self, language: str) -> str:
        return self.prompt_ko if language == "ko" else self.prompt_en

    def speak(self, value: str, language: str) -> str:
        return self.speak_ko(value) if language == "ko" else self.speak_en(value)


def _street(v: str) -> str:
    """An address as read back: area and street only, numbers left out."""
    return " ".join(re.sub(r"\d[\d\-*]*\s*(?:번지|호|동|층)?|\*+", " ", v).split()).strip(" ,") or v


def _ko_account(v: str) -> str:
    bank, _, digits = v.partition(" ")
    return f"{bank}은행 계좌, 끝자리 {say_digits_ko(_tail(digits))}"


def _en_account(v: str) -> str:
    bank, _, digits = v.partition(" ")
    return f"a {bank_en(bank)} bank account ending in {say_digits_english(_tail(digits))}"


FIELDS: dict[str, FieldSpec] = {
    "name": FieldSpec(
        "name", False, "성함", "name",
        "신청하시는 분의 성함을 말씀해 주세요.", "Please tell me the applicant's full name.",
        parse_name, lambda v: v, lambda v: v, lambda v: v,
    ),
    "rrn": FieldSpec(
        "rrn", True, "주민등록번호", "resident registration number",
        "주민등록번호 열세 자리를 천천히 말씀해 주세요.",
        "Please say your thirteen-digit resident registration number, slowly.",
        parse_rrn, mask_rrn,
        lambda v: f"앞자리 {say_digits_ko(v[:6])}, 뒷자리 {say_digits_ko(v[6])}로 시작하는 번호",
        lambda v: f"a number starting {say_digits_english(v[:6])}, then {say_digits_english(v[6])}",
        digits=True,
    ),
    "phone": FieldSpec(
        "phone", True, "전화번호", "phone number",
        "연락받으실 전화번호를 말씀해 주세요.", "Please tell me the phone number we can reach you on.",
        parse_phone, mask_phone,
        lambda v: f"끝자리가 {say_digits_ko(_tail(v))}인 번호",
        lambda v: f"a number ending in {say_digits_english(_tail(v))}",
        digits=True,
    ),
    "address": FieldSpec(
        "address", True, "주소", "address",
        "사시는 곳 주소를 말씀해 주세요. 구와 동, 도로명까지 말씀해 주시면 돼요.",
        "Please tell me your address, with the district and street.",
        parse_address, mask_address, lambda v: _street(v), lambda v: _street(v),
    ),
    "account": FieldSpec(
        "account", True, "계좌번호", "bank account",
        "지원금을 받으실 은행 이름과 계좌번호를 말씀해 주세요.",
        "Please tell me your bank and the account number for the payments.",
        parse_account, mask_account, _ko_account, _en_account,
        digits=True,
    ),
}

DEFAULT_FIELDS = ("name", "rrn", "phone", "address")
SENSITIVE_FIELDS = frozenset(name for name, spec in FIELDS.items() if spec.sensitive)


def fields_for(programme: Programme) -> tuple[FieldSpec, ...]:
    """The fields a programme's application needs (its own list, else the default set; cash adds an account)."""
    names = programme.application_fields or (
        (*DEFAULT_FIELDS, "account") if programme.support_form == "현금지급" else DEFAULT_FIELDS
    )
    unknown = [n for n in names if n not in FIELDS]
    if unknown:
        raise ValueError(f"programme {programme.id!r}: unknown application fields {unknown}")
    return tuple(FIELDS[n] for n in names)


def masked(values: dict[str, str]) -> dict[str, str]:
    """Field values as they may be shown or logged: sensitive ones masked."""
    return {k: FIELDS[k].mask(v) if k in FIELDS else v for k, v in values.items()}


_TAIL_CORRECTION = re.compile(
    r"(?:끝\s*자리|뒷\s*자리|마지막(?:\s*숫자|\s*자리)?|ends? (?:in|with)|last (?:digit|digits|number))"
)


def correct_tail(spec: FieldSpec, value: str, text: str) -> str | None:
    """"아니요, 끝자리는 4예요" / "no, it ends in 4": the value with its last digits replaced."""
    if not spec.digits or not _TAIL_CORRECTION.search(text.lower()):
        return None
    after = _TAIL_CORRECTION.split(text.lower(), maxsplit=1)[-1]
    new = spoken_digits(after)
    if not new or len(new) > 8:
        return None
    if spec.name == "account":
        bank, _, digits = value.partition(" ")
        return f"{bank} {digits[: len(digits) - len(new)]}{new}"
    return value[: len(value) - len(new)] + new


__all__ = [
    "DEFAULT_FIELDS",
    "FIELDS",
    "SENSITIVE_FIELDS",
    "FieldSpec",
    "correct_tail",
    "fields_for",
    "mask_account",
    "mask_address",
    "mask_phone",
    "mask_rrn",
    "masked",
    "parse_account",
    "parse_address",
    "parse_name",
    "parse_phone",
    "parse_rrn",
    "spoken_digits",
]
