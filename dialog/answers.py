"""Short spoken answers (two or three plain sentences) in Korean and English.

Full answers are written for Korean and English. Chinese, Vietnamese and Japanese callers are
answered from the project's templates over the catalogue's structured fields
(``dialog.answer_language``, ``dialog.templates``); the fixed sentences below exist in all five
languages. Conversations that span turns (eligibility checks, applications, facilities) are
written in Korean and English beside their code and templated for Chinese, Vietnamese and Japanese
(``dialog.templates.flows``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dialog.catalogue.programmes import Programme

#: languages with fully written answers
ANSWER_LANGUAGES = ("ko", "en")
#: languages with the fixed sentences below
UI_LANGUAGES = ("ko", "en", "zh", "vi", "ja")

WELFARE_CALL = "129"


@dataclass(frozen=True, slots=True)
class Reply:
    text: str
    language: str


def content_language(language: str) -> str:
    """The language benefit content is written in for a caller speaking ``language``."""
    return language if language in ANSWER_LANGUAGES else "en"


def answer_language(language: str) -> str:
    """The language a programme answer is given in for a caller speaking ``language`` (templates
    cover zh, vi and ja; anything else gets English)."""
    return language if language in UI_LANGUAGES else "en"


# -- Korean particles ------------------------------------------------------------------------------
_DIGIT_BATCHIM = {"0": True, "1": True, "2": False, "3": True, "4": False, "5": False, "6": True, "7": True,
                  "8": True, "9": False}


def has_batchim(word: str) -> bool:
    """Whether the last spoken syllable of ``word`` ends in a consonant (Hangul syllables and digits)."""
    for ch in reversed(word):
        if "가" <= ch <= "힣":
            return (ord(ch) - 0xAC00) % 28 != 0
        if ch in _DIGIT_BATCHIM:
            return _DIGIT_BATCHIM[ch]
    return False


def josa(word: str, with_batchim: str, without: str) -> str:
    """``word`` with the particle form that fits it: ``josa("기초연금", "은", "는")`` → "기초연금은"."""
    return word + (with_batchim if has_batchim(word) else without)


# -- sentences ---------------------------------------------------------------------------------------
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+|\n+")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def first_sentences(text: str, n: int = 1, max_chars: int = 160) -> str:
    """The first ``n`` sentences, cut at a word boundary past ``max_chars`` (long official texts)."""
    out = " ".join(sentences(text)[:n])
    if len(out) > max_chars:
        out = out[:max_chars].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return out


def _end(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?。…" else text + "."


_FORM_EN = {
    "현금지급": "a cash payment",
    "현물지급": "support in kind",
    "전자바우처(바우처)": "a voucher",
    "실물바우처": "a voucher",
    "현금대여(융자)": "a loan",
    "감면": "a discount or fee reduction",
    "시설입소": "a place in a care facility",
    "프로그램/서비스(서비스)": "a service",
    "자원봉사": "volunteer help",
    "현물대여": "something lent to you",
    "지역화폐": "local currency",
}
_CYCLE_EN = {"월": "monthly", "년": "yearly", "반기": "twice a year", "분기": "quarterly", "주": "weekly",
             "1회성": "once", "수시": "when needed"}


def summary(p: Programme, language: str) -> str:
    """One sentence on what the programme gives."""
    if language == "ko" or p.summary_en:
        return _end(first_sentences(p.text("summary", language)))
    # a Korean-only record for an English answer: say what the structured fields say
    form = _FORM_EN.get(p.support_form, "")
    cycle = _CYCLE_EN.get(p.support_cycle, "")
    if form:
        return f"It provides {form}{', ' + cycle if cycle and cycle != 'when needed' else ''}."
    return "It is a public welfare service."


def how_to_apply(p: Programme, language: str, n: int = 1) -> str:
    if language == "ko" or p.how_to_apply_en:
        return _end(first_sentences(p.text("how_to_apply", language), n, max_chars=200 * n))
    contact = p.contact or WELFARE_CALL
    if p.online_application:
        return f"You can apply online at Bokjiro, bokjiro.go.kr, or call {contact} to ask how to apply."
    return f"To find out how to apply, call {contact}."


def target(p: Programme, language: str) -> str:
    if language == "ko" or p.target_en:
        text = p.text("target", language)
        return _end(first_sentences(text, 1, max_chars=160)) if text else ""
    return ""


# -- answers -----------------------------------------------------------------------------------------
def find_benefit(best: Programme, second: Programme | None, language: str) -> Reply:
    from dialog import answer_language

    if answer_language.templated(language):
        return answer_language.find_benefit(best, second, language)
    lang = content_language(language)
    name = best.text("name", lang)
    if lang == "ko":
        head = f"{josa(name, '은', '는')} {summary(best, lang)}"
        tail = f" 비슷한 것으로 {second.text('name', lang)}도 있어요." if second else ""
    else:
        head = f"{name}: {summary(best, lang)}"
        tail = f" Another option is {second.text('name', lang)}." if second else ""
    return Reply(f"{head} {how_to_apply(best, lang)}{tail}", lang)


def details(p: Programme, language: str) -> Reply:
    from dialog import answer_language

    if answer_language.templated(language):
        return answer_language.details(p, language)
    lang = content_language(language)
    name = p.text("name", lang)
    who = target(p, lang)
    if lang == "ko":
        head = f"{name} 대상은 이렇습니다. {who}" if who else f"{name} 신청 방법입니다."
    else:
        head = f"Who can get {name}? {who}" if who else f"How to apply for {name}:"
    return Reply(f"{head} {how_to_apply(p, lang, n=2)}", lang)


_FIXED: dict[str, dict[str, str]] = {
    "not_found": {
        "ko": "죄송해요, 말씀하신 내용에 맞는 서비스를 찾지 못했어요. "
        "보건복지상담센터 129에 전화하시면 자세히 안내받을 수 있어요. "
        "상담원과 이야기하고 싶으시면 상담원이라고 말씀해 주세요.",
        "en": "Sorry, I could not find a matching service. "
        "You can call 129, the health and welfare call centre, for help. "
        "If you would like to talk to a person, just say 'agent'.",
    },
    "handoff": {
        "ko": "상담원에게 연결해 드릴게요. 연결이 어려우면 129에 전화하시거나 가까운 행정복지센터를 찾아가 주세요.",
        "en": "I will connect you to a person now. If no one is free, call 129 or visit your dong community centre.",
        "zh": "我现在为您转接工作人员。如果无法接通，请拨打129，或前往您所在地区的洞居民中心。",
        "vi": "Tôi sẽ chuyển máy cho nhân viên ngay bây giờ. "
        "Nếu không kết nối được, xin gọi số 129 hoặc đến trung tâm hành chính phường nơi bạn sống.",
        "ja": "ただいま担当者におつなぎします。"
        "つながらない場合は、129番にお電話いただくか、お近くの洞住民センターにお越しください。",
    },
    "goodbye": {
        "ko": "이용해 주셔서 감사합니다. 안녕히 계세요.",
        "en": "Thank you for calling. Goodbye.",
        "zh": "感谢您的来电，再见。",
        "vi": "Cảm ơn bạn đã gọi. Xin tạm biệt.",
        "ja": "お電話ありがとうございました。失礼いたします。",
    },
    "language_changed": {
        "ko": "네, 이제부터 한국어로 안내해 드릴게요.",
        "en": "Okay, I will speak English from now on.",
        "zh": "好的，接下来我用中文为您服务。",
        "vi": "Vâng, từ bây giờ tôi sẽ nói tiếng Việt.",
        "ja": "はい、これから日本語でご案内します。",
    },
    "slower": {
        "ko": "네, 천천히 다시 말씀드릴게요.",
        "en": "Sure, I will say it again more slowly.",
    },
    "slower_nothing": {
        "ko": "네, 천천히 말씀드릴게요. 어떤 도움이 필요하세요?",
        "en": "Sure, I will speak more slowly. How can I help you?",
    },
    "nothing_to_repeat": {
        "ko": "아직 안내해 드린 내용이 없어요. 어떤 도움이 필요하신지 말씀해 주세요.",
        "en": "I have not told you anything yet. Please tell me what help you need.",
    },
    "thanks": {
        "ko": "천만에요. 더 궁금한 것이 있으면 말씀해 주세요.",
        "en": "You are welcome. Is there anything else I can help with?",
    },
    "deny": {
        "ko": "알겠습니다. 다른 궁금한 것이 있으면 말씀해 주세요.",
        "en": "All right. Is there anything else I can help with?",
    },
    "unclear": {
        "ko": "잘 알아듣지 못했어요. 어떤 도움이 필요하신지 다시 말씀해 주세요.",
        "en": "Sorry, I did not catch that. Could you tell me again what help you need?",
    },
    "which_programme": {
        "ko": "어떤 서비스의 신청 방법이 궁금하신가요? 서비스 이름이나 필요한 도움을 말씀해 주세요.",
        "en": "Which service would you like to apply for? Please tell me its name or the help you need.",
    },
    "prompt": {
        "ko": "어떤 도움이 필요하신지 말씀해 주세요. 예를 들어 어르신 연금이나 아이 돌봄처럼 말씀하시면 돼요.",
        "en": "Please tell me what help you need, for example a pension for seniors or childcare.",
    },
}


def fixed(key: str, language: str) -> Reply:
    """A fixed sentence in ``language`` when written, else in English."""
    from dialog.templates.phrases import FIXED

    texts = {**_FIXED[key], **FIXED.get(key, {})}
    if language in texts:
        return Reply(texts[language], language)
    return Reply(texts["en"], "en")


__all__ = [
    "ANSWER_LANGUAGES",
    "UI_LANGUAGES",
    "Reply",
    "answer_language",
    "content_language",
    "details",
    "find_benefit",
    "first_sentences",
    "fixed",
    "has_batchim",
    "how_to_apply",
    "josa",
    "sentences",
    "summary",
    "target",
]
