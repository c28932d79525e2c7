"""Understanding a spoken application value — and only a plausible one.

Each ``parse_*`` returns the value or ``None``: ``None`` makes the application ask again, so a parser
refuses whatever is not plausibly the value asked for. "네 신청해 주세요" said at the name prompt is a
request, not a name; "홍길동" said at the address prompt is a name, not an address.

* name: 2–5 Hangul syllables (a transliterated foreign name: up to three words), or up to four Latin
  words; the framing is removed ("제 이름은 …예요", "my name is …"); answers, commands, requests and
  sentences (verb endings), digits and long utterances are refused.
* resident registration number: 13 digits, a real birth date, a 7th digit of 1–8.
* phone: a mobile number (010…) or a Korean area code (02, 031 … 064, 070) with the right length.
* address: a place word (…구, …동, …로, …길, Sajik-ro, street …) and one more place word or number.
* bank account: a bank's name and 10–14 digits.

Digits are taken from number words only ("공일공 일이삼사 오육칠팔이에요", "oh one oh …"): the
ending "이에요" after 팔 is not a two, and "이" in "이 번호" (this number) is not a digit.
"""

from __future__ import annotations

import re
from datetime import date

from dialog.numerals import SINO_DIGITS

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


def _has_final(syllable: str) -> bool:
    """Whether a Hangul syllable ends in a consonant (칠, 팔: yes; 이, 오: no)."""
    return "가" <= syllable <= "힣" and (ord(syllable) - 0xAC00) % 28 != 0


#: endings and particles said after a number ("…팔이에요", "…번이요", "공일공에 …")
_NUMBER_ENDINGS = sorted(("이라고요", "이거든요", "이에요", "이예요", "입니다", "이고요", "이요", "이고", "이랑",
                          "예요", "에요", "으로", "하고", "랑", "은", "는", "요", "에", "번", "번호"),
                         key=len, reverse=True)


def _strip_number_ending(token: str) -> str:
    changed = True
    while changed:
        changed = False
        for ending in _NUMBER_ENDINGS:
            if token.endswith(ending) and len(token) > len(ending):
                stem = token[: -len(ending)]
                hangul_vowel_final = "가" <= stem[-1] <= "힣" and not _has_final(stem[-1])
                if ending.startswith("이") and len(ending) > 1 and hangul_vowel_final:
                    # after a vowel the copula has no 이: "오이에요" is five, two
                    stem = token[: -len(ending) + 1]
                token, changed = stem, True
                break
    return token


def number_digits(text: str) -> str:
    """The digits of the number words in ``text``, in order; other words add nothing.

    A lone one-syllable or "oh" word counts only next to another number word ("이 번호" is "this
    number"; "Oh, it is …" is not a zero).
    """
    s = re.sub(r"다시|대시|\bdash\b", " ", text.lower())
    tokens = [t.strip("-+()") for t in re.split(r"[\s,./:;!?]+", s)]
    digits: list[str | None] = []
    ambiguous: list[bool] = []
    for token in filter(None, tokens):
        parts = token.split("-")
        if all(p in _EN_DIGITS for p in parts):
            digits.append("".join(_EN_DIGITS[p] for p in parts))
            ambiguous.append(token in ("o", "oh"))
            continue
        stem = _strip_number_ending(token)
        if all(ch in _SPOKEN_DIGIT or ch == "-" for ch in stem) and any(ch != "-" for ch in stem):
            digits.append("".join(_SPOKEN_DIGIT[ch] for ch in stem if ch != "-"))
            ambiguous.append(len(stem) == 1 and not stem.isdigit())
        else:
            digits.append(None)
            ambiguous.append(False)
    out = []
    for i, value in enumerate(digits):
        if value is None:
            continue
        if ambiguous[i]:
            neighbours = [digits[j] for j in (i - 1, i + 1) if 0 <= j < len(digits)]
            if not any(n is not None for n in neighbours):
                continue
        out.append(value)
    return "".join(out)


# -- name --------------------------------------------------------------------------------------------
_LEAD = re.compile(r"^(?:네|예|응|음|아|어|아니요|아뇨|아니|저기요?|그러니까|yes|yeah|yep|ok|okay|sure|well|um|uh|so|"
                   r"hello|hi|no|nope)"
                   r"(?:[,.!\s]+|$)", re.IGNORECASE)
_FRAME_KO = re.compile(r"^(?:(?:제|저의|내|신청(?:하는|할)?\s*(?:사람|분|자)(?:의)?)\s*)?"
                       r"(?:이름|성함)\s*(?:은|는|이)?요?[,\s]*|^(?:저는|나는|저|본인은)\s+")
_FRAME_EN = re.compile(r"^(?:(?:my|the|applicant'?s?)\s+(?:full\s+)?name(?:'s|\s+is)|name\s+is|i'?m\s+called|"
                       r"i\s+am\s+called|call\s+me|the\s+applicant\s+is|it'?s|it\s+is|this\s+is|i'?m|i\s+am)\s+",
                       re.IGNORECASE)
_ENDING_KO = re.compile(r"\s*(?:이?라고\s*(?:합니다|해요|하고요|해|하는데요)|입니다|이에요|이예요|예요|에요|이요|"
                        r"이고요|인데요|요)$")
_ENDING_EN = re.compile(r"[\s,]+(?:please|thanks|thank you)$", re.IGNORECASE)
#: Chinese, Japanese and Vietnamese framing of a name ("我叫王芳", "名前は山田花子です", "tên tôi là Lan")
_FRAME_ASIAN = re.compile(r"^(?:我叫|我的名字是|我的名字叫|我姓名是|申请人(?:是|叫)|名前は|私は|わたしは|申請者は|"
                          r"tên tôi là|tôi tên là|tôi là|tên là|tên)\s*", re.IGNORECASE)
_ENDING_ASIAN = re.compile(r"\s*(?:です|と申します|といいます|でございます|ạ)$")
#: answers, commands and sentence words in Chinese, Japanese and Vietnamese — never a name
_NOT_NAME_ASIAN = re.compile(r"吗|嗎|呢|吧|请|請|是的|^是$|^对|^好|不是|没有|可以|什么|申请|提交|取消|谢谢|知道|"
                             r"です|ます|はい|いいえ|お願い|申請|キャンセル|ください|わかり|"
                             r"(?:^|\s)(?:vâng|có|không|đúng|gửi|hủy|đi|được|dạ|rồi|ạ|xin|đăng|ký|tôi|biết|nhân|viên)(?:\s|$)",
                             re.IGNORECASE)

#: pieces of answers, commands, requests and sentences — never part of a name
_NOT_NAME_KO = re.compile(
    r"신청|접수|제출|취소|상담|다시|천천|말씀|말해|모르|몰라|알겠|알았|괜찮|감사|고마|고맙|죄송|여보세|잠깐|뭐|무슨|"
    r"어떻게|왜|아니|아뇨|맞아|맞습|맞는|그래|그럼|그렇|좋아|좋습|됐|됩니|주세|줘|해주|하세|할게|할래|하고|했|합니|"
    r"하겠|싶|겠|습니|니다|까|는데|거든|잖아|이름|성함|번호|주소|계좌|은행|전화|있어|없어|있습|없습|았|었|였|네네|"
    r"예예|응응|오케이|여기|거기|저기|이거|그거|저거|어디|언제|누구"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NOT_NAME_KO_WORDS = _words(
    "네 예 응 어 음 아 저 나 제가 본인 할머니 할아버지 어머니 아버지 엄마 아빠 아들 딸 남편 아내 부인 손자 손녀 며느리 "
    "사위 선생님 노인 사람 예스 노 헬로 좀 지금 그냥 잘 못 더 또 빨리 이제 아직 다 진짜 정말"
)
_NOT_NAME_EN = _words(
    "yes yeah yep yup no nope not ok okay sure right correct wrong please thanks thank you cancel submit apply "
    "application agent person human operator hello hi hey sorry what why how who when where repeat again slowly "
    "slower slow speak say said wait help stop know don't dont want need like would could can should me my mine "
    "it it's is are am was be been the to for of and or that this there here does did go ahead name number phone "
    "address account bank um uh hmm er just already"
)
#: a last word that is a verb ("빨리 해", "이리 와")
_VERB_WORDS = _words("해 가 와 줘 봐 돼 해라 하자")
_PLACE_SUFFIX = "시도구군동로길읍면리"
_CITIES = re.compile(r"^(?:서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주)")
_SINO_ONLY = re.compile(rf"[{''.join(SINO_DIGITS)}십백천만]+")


def _strip_lead(text: str) -> str:
    s = text.strip().strip(" .!?~")
    while (m := _LEAD.match(s)) and m.end() < len(s):
        s = s[m.end():].strip()
    return s


def _korean_name(candidate: str) -> str | None:
    words = candidate.split()
    joined = "".join(words)
    if not re.fullmatch(r"[가-힣]+", joined) or len(words) > 3:
        return None
    if _NOT_NAME_KO.search(joined) or any(w in _NOT_NAME_KO_WORDS for w in words):
        return None
    if len(joined) >= 3 and _SINO_ONLY.fullmatch(joined):  # "오육칠팔": a number, not a name
        return None
    if len(words) == 1:
        return joined if 2 <= len(joined) <= 5 else None
    if len(joined) > 8 or any(len(w) > 5 for w in words) or words[-1] in _VERB_WORDS:
        return None
    places = sum(1 for w in words if len(w) >= 2 and w[-1] in _PLACE_SUFFIX) + sum(bool(_CITIES.match(w))
                                                                                     for w in words)
    if places >= 2:  # "서울 종로구 사직로": an address
        return None
    # "홍 길동" is 홍길동; a transliterated foreign name keeps its spaces ("응우옌 반 안")
    return joined if len(words) == 2 and len(joined) <= 4 else " ".join(words)


def _latin_name(candidate: str) -> str | None:
    candidate = _ENDING_EN.sub("", candidate).strip(" .,")
    words = candidate.replace(",", " ").split()
    if not 1 <= len(words) <= 4 or len(candidate) > 40:
        return None
    letter = r"[^\W\d_]"
    if not all(re.fullmatch(rf"{letter}+(?:['.\-]{letter}*)*\.?", w) for w in words):
        return None
    if any(len(w) > 4 and not re.search(r"[A-Za-zÀ-ɏḀ-ỿ]", w) for w in words):
        return None  # a run of CJK characters longer than a name
    if any(w.lower().strip(".") in _NOT_NAME_EN for w in words) or sum(len(w) for w in words) < 2:
        return None
    # "john smith" → "John Smith"; "McDonald", "O'Brien" stay as said
    return " ".join(w[:1].upper() + w[1:] for w in words)


def parse_name(text: str) -> str | None:
    """A person's name, without the framing ("제 이름은 김영희예요" → 김영희); None for anything else."""
    if re.search(r"\d", text) or len(text) > 60 or len(text.split()) > 8:
        return None
    s = _strip_lead(text)
    s = _FRAME_KO.sub("", s, count=1).strip(" ,")
    s = _FRAME_EN.sub("", s, count=1).strip(" ,")
    s = _ENDING_KO.sub("", s).strip(" ,.")
    s = _ENDING_ASIAN.sub("", _FRAME_ASIAN.sub("", s, count=1)).strip(" ,.。、")
    if not s or _NOT_NAME_ASIAN.search(s):
        return None
    if re.search(r"[가-힣]", s):
        return _korean_name(s)
    return _latin_name(s)


# -- resident registration number, phone --------------------------------------------------------------
def parse_rrn(text: str) -> str | None:
    """13 digits: a birth date (YYMMDD), then 1–4 (Korean) or 5–8 (foreign resident) and six more."""
    digits = number_digits(text)
    if len(digits) != 13 or digits[6] not in "12345678":
        return None
    century = 1900 if digits[6] in "1256" else 2000
    try:
        date(century + int(digits[:2]), int(digits[2:4]), int(digits[4:6]))
    except ValueError:
        return None
    return digits


_PHONE = re.compile(r"010\d{8}|01[16789]\d{7,8}|02\d{7,8}|0(?:3[1-3]|4[1-4]|5[1-5]|6[1-4])\d{7,8}|070\d{8}")


def parse_phone(text: str) -> str | None:
    """A Korean mobile (010-1234-5678; 011… 019 also with a 3-digit middle) or landline (02-123-4567) number."""
    digits = number_digits(text)
    if digits.startswith("82"):
        digits = "0" + digits[2:]
    return digits if _PHONE.fullmatch(digits) else None


# -- address -------------------------------------------------------------------------------------------
_ADDRESS_FRAME = re.compile(r"^(?:주소는|주소가|사는\s*곳은|i live (?:at|in)|my address is|the address is)\s*",
                            re.IGNORECASE)
#: "… 사직동에 살아요": the place is kept, the verb is not
_LIVE_THERE = re.compile(r"\s*(?:에|에서)?\s*(?:살아요|살고\s*있어요|살고\s*있습니다|삽니다|살아|살고요|살거든요)$")
_UNSURE = re.compile(r"몰라|모르|주세요|신청|다시|천천히|아니|don'?t know|not sure|no idea|repeat|again|cancel",
                     re.IGNORECASE)
_WORD_ENDINGS = ("에서", "이에요", "예요", "에요", "입니다", "이요", "이고요", "인데요", "인데", "이고", "요", "에",
                 "은", "는", "의")
_NUMBERED_PLACE = re.compile(r"(?:\d+|[일이삼사오육칠팔구십백천]+)(?:번지|번길|번|호|층|동|가|길|로)")
_EN_PLACE = re.compile(r"street|st|road|rd|avenue|ave|apartment|apt|building|bldg|floor|unit|district|city|province|"
                       r"village|town|seoul|busan|incheon|daegu|daejeon|gwangju|ulsan|sejong|jeju|gyeonggi|"
                       r"ro|gil|gu|dong|daero|si|gun|eup|myeon|ri|do|"
                       r"[a-z]+-(?:ro|gil|gu|dong|daero|si|gun|eup|myeon|ri|do|ga)", re.IGNORECASE)


def _place_part(word: str) -> str:
    """'place', 'number' or '' for one word of an address."""
    if re.fullmatch(r"\d+(?:-\d+)*", word) or re.fullmatch(r"\d+[a-z]?", word, re.IGNORECASE):
        return "number"
    if _EN_PLACE.fullmatch(word):
        return "place"
    for ending in _WORD_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            word = word[: -len(ending)]
            break
    if _NUMBERED_PLACE.fullmatch(word):
        return "number"
    stems = [word] + ([word[:-1]] if word[-1:] in "이가" else [])
    if any(len(w) >= 2 and re.fullmatch(r"[가-힣0-9]+", w) and w[-1] in _PLACE_SUFFIX for w in stems):
        return "place"
    if _CITIES.match(word) or re.fullmatch(r"[가-힣]+\d+가", word):
        return "place"
    if re.fullmatch(r"[\u3040-\u30ff\u4e00-\u9fff]{1,10}[市道区區郡洞路街里邑面]", word):  # "钟路区", "社稷路"
        return "place"
    if re.fullmatch(r"\d+[号號番]地?|\d+(?:丁目|番地)", word):
        return "number"
    if _SINO_ONLY.fullmatch(word) and len(word) >= 2:  # "백육십일"
        return "number"
    return ""


def parse_address(text: str) -> str | None:
    """An address: a place word and one more place word or number ("종로구 사직로 161", "12 Sajik-ro")."""
    s = _strip_lead(text)
    s = _ADDRESS_FRAME.sub("", s).strip()
    s = _LIVE_THERE.sub("", s)
    s = _ENDING_KO.sub("", s).strip(" ,.")
    if not s or _UNSURE.search(s) or len(s) > 120:
        return None
    parts = [_place_part(w) for w in re.split(r"[\s,]+", s) if w]
    if "place" in parts and sum(1 for p in parts if p) >= 2:
        return s
    return None


# -- bank account --------------------------------------------------------------------------------------
BANKS = ("국민", "신한", "우리", "하나", "농협", "기업", "우체국", "새마을금고", "신협", "카카오뱅크", "토스뱅크",
         "SC제일", "수협", "대구", "부산", "경남", "광주", "전북", "제주", "케이뱅크")

#: English names callers use → the Korean bank name stored
BANKS_EN = {"kookmin": "국민", "kb": "국민", "shinhan": "신한", "woori": "우리", "hana": "하나", "nonghyup": "농협",
            "nh": "농협", "ibk": "기업", "industrial": "기업", "post office": "우체국", "kakao": "카카오뱅크",
            "toss": "토스뱅크", "sc first": "SC제일", "standard chartered": "SC제일", "k bank": "케이뱅크"}


#: Chinese and Japanese names of the banks → the Korean bank name stored
BANKS_CJK = {"国民": "국민", "國民": "국민", "新韩": "신한", "新韓": "신한", "友利": "우리", "韩亚": "하나",
             "韓亞": "하나",
             "ハナ": "하나", "农协": "농협", "農協": "농협", "邮局": "우체국", "郵便局": "우체국", "邮政": "우체국",
             "企业": "기업", "企業": "기업", "新协": "신협", "信協": "신협"}


def bank_en(bank: str) -> str:
    return next((en.title() for en, ko in BANKS_EN.items() if ko == bank), bank)


def parse_account(text: str) -> str | None:
    """A bank's name and an account number of 10–14 digits → "국민 123456789012"."""
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
        for cjk, ko in BANKS_CJK.items():
            if bank is None and cjk.lower() in lower:
                bank, rest = ko, lower.replace(cjk.lower(), " ")
    digits = number_digits(re.sub(r"은행|bank|银行|銀行|ngân hàng|账号|账户|口座|番号", " ", rest, flags=re.IGNORECASE))
    if bank is None or not 10 <= len(digits) <= 14:
        return None
    return f"{bank} {digits}"


__all__ = [
    "BANKS",
    "BANKS_EN",
    "bank_en",
    "number_digits",
    "parse_account",
    "parse_address",
    "parse_name",
    "parse_phone",
    "parse_rrn",
    "spoken_digits",
]
