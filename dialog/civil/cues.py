"""Words that say what kind of question it is: a civil errand or a benefit.

General words, not one entry's names: a civil question asks to get a document, report, pay, throw
away, book, find something lost, complain; a benefit question asks for support, money or care.
A civil cue without a benefit cue lets the civil search answer on weaker dense evidence
(``dialog.civil.search``); matched on the compact text (lower case, no spaces), so the spacing
speech recognition gives does not matter.

Only the *things* of civil errands are cues (등본, 여권, 과태료, 폐기물, 소음, passport, 罚款 …), not the
errand verbs and generic office words (떼다, 발급, 서류, 예약, 잃어버렸다, 신청/수강, 고지서, lost, book,
sign up, 丢, 预约, 报名, làm mất, đăng ký, 予約, 申し込み …): residents say those of benefits just as
often ("어르신 교통카드 잃어버렸어요", "健康診断の予約", "요양등급 서류"). As cues they handed 11 of 58
errand-worded benefit questions (``bench/errand_worded_benefits.py``) to civil entries; a question
with only an errand verb is routed on the dense evidence and its margin, like any other.

The knowledge base names more things than this list: ``thing_words`` takes the Korean words of
every entry's names and aliases ("교실", "강당", "체육관", "지갑", "재산세" …), less the
errand verbs and office words of ``NOT_THINGS``, so an entry staff add brings its own things. The
one search counts such a word as a civil cue only when the closest benefit programme does not
mention it (``dialog.civil.search``): "재산세" is no civil cue against a programme for 재산세 감면.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dialog.retrieval.tokenize import tokenize

CIVIL_CUES: tuple[str, ...] = (
    # ko
    "증명서",
    "과태료",
    "벌금",
    "딱지",
    "세금",
    "버리",
    "버려",
    "버릴",
    "내놓",
    "대관",
    "주웠",
    "민원",
    "등록증",
    "시끄러",
    "소음",
    "이사",
    "여권",
    "비자",
    "전입",
    "인감",
    "등본",
    "초본",
    "고장",
    "단속",
    "두고내렸",
    "흘렸",
    "투기",
    "불편사항",
    "불편한거말",
    "윗층",
    "위층",
    "윗집",
    "깨졌",
    # en
    "passport",
    "copyof",
    "fine",
    "ticket",
    "tax",
    "throwaway",
    "dispose",
    "complain",
    "noise",
    "noisy",
    "loud",
    "visa",
    "address",
    "broken",
    "upstairs",
    "leftmy",
    "ridof",
    "contest",
    "expire",
    # zh
    "罚款",
    "罚单",
    "税",
    "扔",
    "投诉",
    "噪音",
    "吵",
    "护照",
    "签证",
    "搬家",
    "装修",
    # vi
    "phạt",
    "thuế",
    "vứt",
    "đặtsân",
    "đặtphòng",
    "mấtví",
    "mấtđiện",
    "khiếunại",
    "tiếngồn",
    "hộchiếu",
    "chuyểnnhà",
    "ồnào",
    "thẻcưtrú",
    # ja
    "罰金",
    "違反",
    "税",
    "捨て",
    "苦情",
    "騒音",
    "うるさ",
    "パスポート",
    "引っ越",
    "処分",
    "在留",
)

BENEFIT_CUES: tuple[str, ...] = (
    # ko
    "지원",
    "혜택",
    "받을수",
    "받을있",
    "보조",
    "수당",
    "연금",
    "바우처",
    "돈주",
    "돈나오",
    "주는돈",
    "수급",
    "기초생활",
    "생계",
    "장애인",
    "비싸",
    "실직",
    "일자리",
    "돌봄",
    "감면",
    "할인",
    "생활비",
    "한국어배우",
    "한국말배우",
    "치료비",
    "의료비",
    "도움받",
    "학대",
    "폭력",
    # en
    "support",
    "benefit",
    "allowance",
    "subsidy",
    "pension",
    "financialhelp",
    "discount",
    "care",
    "voucher",
    "learnkorean",
    "abuse",
    "lostmyjob",
    "lostjob",
    "unemploy",
    "expensive",
    # zh
    "补助",
    "补贴",
    "津贴",
    "福利",
    "减免",
    "照顾",
    "虐待",
    "给钱",
    "发钱",
    "学韩语",
    "学韩国语",
    "失业",
    "太贵",
    "养老金",
    # vi
    "trợcấp",
    "họctiếnghàn",
    "hỗtrợ",
    "giảm",
    "chămsóc",
    "ngượcđãi",
    "mấtviệc",
    "thấtnghiệp",
    "đắt",
    "lươnghưu",
    # ja
    "支援",
    "手当",
    "補助",
    "年金",
    "助成",
    "介護",
    "韓国語を学",
    "韓国語を勉強",
    "虐待",
    "失業",
    "仕事を失",
    "高すぎ",
)


#: words of civil entries' names and aliases that are errand verbs, office words or no thing at all
#: ("신청", "예약", "분실", "주민센터", "서류" …): residents say them of benefits just as often
NOT_THINGS = frozenset(
    {
        # errand verbs and their nouns
        "신청",
        "발급",
        "재발급",
        "예약",
        "신고",
        "납부",
        "내기",
        "찾기",
        "떼기",
        "수강",
        "빌리기",
        "대여",
        "만들기",
        "갱신",
        "연장",
        "변경",
        "취소",
        "이전",
        "잃어버",
        "잃어버렸",
        "분실",
        "넣",
        "새로",
        # office words and papers
        "주민센터",
        "구청",
        "센터",
        "민원",
        "상담",
        "안내",
        "문의",
        "서류",
        "증명서",
        "고지서",
        "프로그램",
        # question fragments and words too general to name a thing
        "어디에",
        "물어봐야",
        "왔어",
        "물건",
        "큰",
        "대형",
        "새벽",
        "불편",
        "억울",
        "배우",
        "놓고",
        "내렸",
        "문화",
        "가족",
        "외국인",
        "시설",
    }
)
_HANGUL_WORD = re.compile(r"[가-힣]{2,}")
_SPACE = re.compile(r"[\s·,()/]+")


def thing_words(texts: Iterable[str]) -> frozenset[str]:
    """The Korean words of names and aliases ("요가 교실" → "요가", "교실"), each without its
    particles or ending, less ``NOT_THINGS``: what a question must name to be about this entry's thing."""
    out: set[str] = set()
    for text in texts:
        for word in _SPACE.split(text):
            tokens = tokenize(word)
            stem = tokens[0] if tokens else word
            if _HANGUL_WORD.fullmatch(stem) and stem not in NOT_THINGS:
                out.add(stem)
    return frozenset(out)


def has_cue(compact_text: str, cues: Iterable[str]) -> bool:
    return any(cue in compact_text for cue in cues)


__all__ = ["BENEFIT_CUES", "CIVIL_CUES", "NOT_THINGS", "has_cue", "thing_words"]
