"""The fields a voice application asks for: how each is asked, understood, confirmed and masked.

A programme lists the fields it needs (``Programme.application_fields``; a default set otherwise).
Sensitive fields (resident registration number, phone, address, bank account) are never said back
in full: the read-back names only the part a caller needs to check (the last digits, the street),
and the display form is masked the same way. Digits are read back one by one in natural Korean
("오육칠팔") or English ("five six seven eight"). What counts as a plausible value of each field is
``dialog.applications.field_values``; a field asked again says what it needs (``FieldSpec.retry``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from dialog.applications.field_values import (
    bank_en,
    parse_account,
    parse_address,
    parse_name,
    parse_phone,
    parse_rrn,
    spoken_digits,
)
from dialog.catalogue.programmes import Programme
from dialog.numerals import say_digits_english, say_digits_ko
from dialog.templates import numbers
from dialog.templates.flows import FLOW_LANGUAGES, READBACK, field_text, phrase


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
    #: asked again after an answer that is not a plausible value: what is needed, with an example
    retry_ko: str = ""
    retry_en: str = ""

    def label(self, language: str) -> str:
        if language in FLOW_LANGUAGES:
            return field_text(self.name, language)[0]
        return self.label_ko if language == "ko" else self.label_en

    def prompt(self, language: str) -> str:
        if language in FLOW_LANGUAGES:
            return field_text(self.name, language)[1]
        return self.prompt_ko if language == "ko" else self.prompt_en

    def retry(self, language: str) -> str:
        """The question asked again, saying what is needed ("성함만 말씀해 주세요. 예를 들면 …")."""
        if language in FLOW_LANGUAGES:
            return field_text(self.name, language)[2]
        text = self.retry_ko if language == "ko" else self.retry_en
        return text or self.prompt(language)

    def speak(self, value: str, language: str) -> str:
        if language in FLOW_LANGUAGES:
            return speak_templated(self.name, value, language)
        return self.speak_ko(value) if language == "ko" else self.speak_en(value)


def speak_templated(name: str, value: str, language: str) -> str:
    """A value read back in Chinese, Vietnamese or Japanese, masked like the Korean and English ones."""
    match name:
        case "rrn":
            return phrase(READBACK, "rrn", language, six=numbers.digits(value[:6], language),
                          one=numbers.digits(value[6], language))
        case "phone":
            return phrase(READBACK, "phone", language, tail=numbers.digits(_tail(value), language))
        case "account":
            bank, _, digits = value.partition(" ")
            return phrase(READBACK, "account", language, bank=bank, tail=numbers.digits(_tail(digits), language))
        case "address":
            return _street(value)
    return value


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
        retry_ko="신청하시는 분의 성함만 말씀해 주세요. 예를 들면 '홍길동'처럼요.",
        retry_en="Please say just the applicant's name, for example 'Kim Minsu'.",
    ),
    "rrn": FieldSpec(
        "rrn", True, "주민등록번호", "resident registration number",
        "주민등록번호 열세 자리를 천천히 말씀해 주세요.",
        "Please say your thirteen-digit resident registration number, slowly.",
        parse_rrn, mask_rrn,
        lambda v: f"앞자리 {say_digits_ko(v[:6])}, 뒷자리 {say_digits_ko(v[6])}로 시작하는 번호",
        lambda v: f"a number starting {say_digits_english(v[:6])}, then {say_digits_english(v[6])}",
        digits=True,
        retry_ko="주민등록번호는 생년월일 여섯 자리와 뒷자리 일곱 자리, 모두 열세 자리예요. "
                 "한 자리씩 천천히 말씀해 주세요.",
        retry_en="A resident registration number has thirteen digits: the six of your date of birth, then seven "
                 "more. Please say them one at a time.",
    ),
    "phone": FieldSpec(
        "phone", True, "전화번호", "phone number",
        "연락받으실 전화번호를 말씀해 주세요.", "Please tell me the phone number we can reach you on.",
        parse_phone, mask_phone,
        lambda v: f"끝자리가 {say_digits_ko(_tail(v))}인 번호",
        lambda v: f"a number ending in {say_digits_english(_tail(v))}",
        digits=True,
        retry_ko="전화번호를 공일공이나 지역번호부터 한 자리씩 말씀해 주세요. "
                 "예를 들면 공일공, 일이삼사, 오육칠팔처럼요.",
        retry_en="Please say the phone number digit by digit, starting with oh one oh or the area code.",
    ),
    "address": FieldSpec(
        "address", True, "주소", "address",
        "사시는 곳 주소를 말씀해 주세요. 구와 동, 도로명까지 말씀해 주시면 돼요.",
        "Please tell me your address, with the district and street.",
        parse_address, mask_address, lambda v: _street(v), lambda v: _street(v),
        retry_ko="주소는 구나 동 이름과 도로명, 건물 번호를 함께 말씀해 주세요. "
                 "예를 들면 '종로구 사직로 백육십일'처럼요.",
        retry_en="Please say the street and building number with the district, for example '161 Sajik-ro, "
                 "Jongno-gu'.",
    ),
    "account": FieldSpec(
        "account", True, "계좌번호", "bank account",
        "지원금을 받으실 은행 이름과 계좌번호를 말씀해 주세요.",
        "Please tell me your bank and the account number for the payments.",
        parse_account, mask_account, _ko_account, _en_account,
        digits=True,
        retry_ko="은행 이름과 계좌번호를 함께 말씀해 주세요. 예를 들면 '국민은행' 다음에 번호를 한 자리씩요.",
        retry_en="Please say the bank's name, then the account number digit by digit.",
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
    r"(?:끝\s*자리|뒷\s*자리|마지막(?:\s*숫자|\s*자리)?|ends? (?:in|with)|last (?:digit|digits|number)|"
    r"尾号|尾數|尾数|最后(?:一位|几位|的数字)|末尾|下[0-9一二三四]桁|(?:bốn |các )?(?:chữ )?số cuối)"
)
#: digits said as Chinese/Japanese characters or Vietnamese words, for a tail correction ("尾号是四")
_DIGIT_WORDS = {**{c: str(i) for i, c in enumerate("零一二三四五六七八九")}, "〇": "0", "两": "2",
                **{w: str(i) for i, w in enumerate(("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám",
                                                    "chín"))}}


def correct_tail(spec: FieldSpec, value: str, text: str) -> str | None:
    """"아니요, 끝자리는 4예요" / "no, it ends in 4": the value with its last digits replaced."""
    if not spec.digits or not _TAIL_CORRECTION.search(text.lower()):
        return None
    after = _TAIL_CORRECTION.split(text.lower(), maxsplit=1)[-1]
    after = re.sub(r"\b(?:không|một|hai|ba|bốn|năm|sáu|bảy|tám|chín)\b|[零〇一二两三四五六七八九]",
                   lambda m: f" {_DIGIT_WORDS[m.group(0)]} ", after)
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
