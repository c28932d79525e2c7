"""Answers that present several programmes for the person asked about, and which suggestions fit.

``overview_reply``: "what can I get?" — the two or three programmes most likely to matter, that
there are more, and an offer to check eligibility or go through them.
``related``: a programme mentioned after the answer ("비슷한 것으로 …도 있어요") must be for the
same people (a shared life-cycle stage or target group) — 틀니 is not followed by 무료 법률상담.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialog.answers import Reply, content_language, josa, summary
from dialog.catalogue.programmes import Programme


def overview_reply(programmes: Sequence[Programme], language: str, who: str = "") -> Reply:
    from dialog import answer_language

    if answer_language.templated(language):
        return answer_language.overview(programmes, language)
    lang = content_language(language)
    names = [p.text("name", lang) for p in programmes]
    first = programmes[0]
    if lang == "ko":
        listed = ", ".join(names[:-1]) + f", 그리고 {names[-1]}" if len(names) > 1 else names[0]
        lead = f"{who} 받으실 수 있을 만한 것으로 " if who else "받으실 수 있을 만한 것으로 "
        text = (f"{lead}{josa(listed, '이', '가')} 있어요. {josa(names[0], '은', '는')} {summary(first, lang)} "
                "이 밖에도 더 있어요. 자격이 되는지 확인해 드릴까요, 아니면 하나씩 자세히 알려 드릴까요?")
    else:
        listed = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]
        text = (f"Programmes that are likely to apply: {listed}. {names[0]}: {summary(first, lang)} "
                "There are more. Shall I check whether you qualify, or go through them one by one?")
    return Reply(text, lang)


def related(best: Programme, other: Programme) -> bool:
    """``other`` is for the same people as ``best``: a shared life-cycle stage or target group."""
    if best.lifecycle and other.lifecycle:
        if not set(best.lifecycle) & set(other.lifecycle):
            return False
    elif bool(best.lifecycle) != bool(other.lifecycle):
        return bool(set(best.target_groups) & set(other.target_groups))
    if best.target_groups and other.target_groups:
        shared = set(best.target_groups) & set(other.target_groups)
        return bool(shared) or bool(set(best.lifecycle) & set(other.lifecycle))
    return True


__all__ = ["overview_reply", "related"]
