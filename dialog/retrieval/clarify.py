"""Ask instead of guessing: one short question when the best results are close but meet different needs.

When the first two results score within ``CLOSE`` of each other and share no theme (지원 분야:
생활지원, 보호·돌봄, 신체건강 …), the caller is asked which need they mean ("생활비나 연금을
찾으세요, 돌봄 서비스를 찾으세요?") instead of hearing a guess. The answer is read together with
the question that raised it (``DialogState.pending_question``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dialog.answers import Reply, content_language, josa

if TYPE_CHECKING:
    from dialog.retrieval.hybrid import Ranked

#: the second result scores at least this share of the first: too close to call
CLOSE = 0.97

_NEEDS = {
    "생활지원": ("생활비나 연금", "money for living costs or a pension"),
    "보호·돌봄": ("돌봄 서비스", "care services"),
    "신체건강": ("건강이나 병원비 지원", "health or medical costs"),
    "일자리": ("일자리", "work"),
    "주거": ("집 문제 지원", "housing"),
    "교육": ("교육 지원", "education"),
    "보육": ("아이 돌봄과 보육", "childcare"),
    "안전·위기": ("위기 상황 지원", "help in a crisis"),
    "임신·출산": ("임신·출산 지원", "pregnancy and birth support"),
    "법률": ("법률 상담", "legal advice"),
    "정신건강": ("마음 상담", "mental health support"),
    "문화·여가": ("문화·여가 활동", "culture and leisure"),
    "에너지": ("에너지 요금 지원", "energy bills"),
    "서민금융": ("금융 지원", "loans and finance"),
}


def _need(themes: Sequence[str], language: str) -> str:
    for theme in themes:
        if theme in _NEEDS:
            ko, en = _NEEDS[theme]
            return ko if language == "ko" else en
    return ""


def clarifying_question(ranked: Sequence[Ranked], language: str) -> Reply | None:
    """The question to ask, or ``None`` when the first result is clear enough to answer."""
    if len(ranked) < 2:
        return None
    best, second = ranked[0], ranked[1]
    if best.score <= 0.0 or second.score < CLOSE * best.score:
        return None
    a, b = set(best.programme.themes), set(second.programme.themes)
    if not a or not b or a & b:
        return None
    from dialog import answer_language

    if answer_language.templated(language):
        return answer_language.clarify(best.programme, second.programme, language)
    lang = content_language(language)
    first, other = _need(best.programme.themes, lang), _need(second.programme.themes, lang)
    if not first or not other or first == other:
        return None
    if lang == "ko":
        return Reply(f"{josa(first, '을', '를')} 찾으세요, {josa(other, '을', '를')} 찾으세요?", lang)
    return Reply(f"Are you looking for {first}, or for {other}?", lang)


__all__ = ["CLOSE", "clarifying_question"]
