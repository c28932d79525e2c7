"""Which fact a question asks for: fee, hours, online, what to bring, where, phone.

"그거 수수료 얼마예요?", "온라인으로도 돼요?", "몇 시까지 해요?", "뭐 가져가야 해요?", "어디서 해요?"
and the same in en, zh, vi, ja. ``bare`` tells a follow-up about what was just said (nothing but
the question word is left) from a new question that happens to contain one ("기초연금은 어디서
신청해요?").
"""

from __future__ import annotations

import re

from dialog.retrieval.tokenize import tokenize

#: field → the words that ask for it (lower-case text); the order is the order of checking
_FIELDS: tuple[tuple[str, str], ...] = (
    (
        "bring",
        r"가져가|가지고\s*가|챙겨|준비물|준비\s*해야|뭐가\s*필요|뭐\s*필요|필요한\s*(?:거|것|서류)|서류|들고\s*가|"
        r"\bbring\b|\btake with\b|what do i need|documents?|带什么|需要什么|材料|mang theo|cần (?:gì|mang)|"
        r"giấy tờ gì|持って|必要な|持ち物",
    ),
    (
        "online",
        r"온라인|인터넷|집에서|컴퓨터로|핸드폰으로|휴대폰으로|스마트폰|\bonline\b|internet|website|from home|"
        r"网上|在线|trực tuyến|qua mạng|オンライン|ネット",
    ),
    (
        "hours",
        r"몇\s*시|언제까지|언제\s*문|시간|주말|토요일|일요일|what time|\bhours?\b|\bopen\b|\bclose|"
        r"几点|时间|营业|mấy giờ|giờ mở|giờ làm|何時|時間|営業",
    ),
    (
        "fee",
        r"수수료|비용|얼마|요금|돈\s*(?:들|내|드)|\bfees?\b|\bcosts?\b|how much|price|多少钱|费用|手续费|"
        r"phí|bao nhiêu tiền|giá|手数料|いくら|料金",
    ),
    ("phone", r"전화\s*번호|번호\s*(?:좀|알려)|phone number|number to call|电话|số điện thoại|電話番号"),
    ("where", r"어디|장소|\bwhere\b|哪里|哪儿|在哪|ở đâu|chỗ nào|どこ"),
)
_FILLERS = re.compile(
    r"그거|그건|그것|거기|이거|그럼|그러면|그리고|혹시|저기|요|\b(?:it|that|this|then|and|also|so)\b|这个|那个|那|"
    r"cái đó|cái này|vậy|còn|bao nhiêu|được không|có thể|\b(?:có|làm|không|được|thì|ạ)\b|それ|これ|じゃあ"
)
_CJK_OR_HANGUL = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]")
#: what may be left of a bare follow-up in Korean, Chinese or Japanese ("으로도돼요", "可以在办吗", "はですか")
_BARE_CHARS = 7
_COMPILED = tuple((name, re.compile(pattern)) for name, pattern in _FIELDS)


def asked_field(text: str) -> str:
    """The fact asked for ("fee", "hours", "online", "bring", "where", "phone"), or ""."""
    lower = text.lower()
    for name, pattern in _COMPILED:
        if pattern.search(lower):
            return name
    return ""


def bare(text: str) -> bool:
    """Nothing but a question word and fillers: a follow-up about what was just talked about."""
    rest = text.lower()
    for _, pattern in _COMPILED:
        rest = pattern.sub(" ", rest)
    rest = _FILLERS.sub(" ", rest)
    if _CJK_OR_HANGUL.search(rest):
        return len(re.sub(r"[\s\W\d]", "", rest)) <= _BARE_CHARS
    return len(tokenize(rest)) <= 1


__all__ = ["asked_field", "bare"]
