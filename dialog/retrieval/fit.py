"""Text relevance combined with eligibility: how well a programme fits the person asked about.

A programme *fails* the person when ``eligibility.assess`` finds a condition they fail (a
75-year-old and 아동수당's "youngest child aged 7 or under"), or when its life-cycle tags
(생애주기: 영유아 … 노년, which every 복지로 record has even where structured conditions are
missing) name no stage the person can be in. It *fits* when a condition is met or a life-cycle
tag names their stage. Re-ranking keeps the retrieval order within each class but lifts fitting
programmes by ``LIFT`` and puts failing ones after every other candidate, so a programme whose
conditions the person fails is never the first answer while it has any alternative.

Stages a person can be in, by age: 영유아 0–5, 아동 6–12, 청소년 13–18, 청년 19–39, 중장년 40–64,
노년 65+. An adult under 55 may also be a parent, so child and pregnancy stages do not fail them;
a child's stages are the child's own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from enum import StrEnum
from typing import TYPE_CHECKING

from dialog.catalogue.programmes import Programme
from dialog.eligibility.assess import Verdict, assess, conditions_of
from dialog.eligibility.profile import ResidentProfile, Span
from dialog.retrieval.query_facts import QueryFacts

if TYPE_CHECKING:
    from dialog.retrieval.hybrid import Ranked

#: added to the fused score of a programme that fits (fused scores lie within 0..1)
LIFT = 0.08
#: how many of the best-ranked candidates are re-ranked
DEPTH = 30

_STAGES = (("영유아", 0, 5), ("아동", 6, 12), ("청소년", 13, 18), ("청년", 19, 39), ("중장년", 40, 64),
           ("노년", 65, 200))
_CHILD_STAGES = frozenset({"영유아", "아동", "청소년", "임신·출산"})


class Fit(StrEnum):
    FITS = "fits"
    NEUTRAL = "neutral"
    FAILS = "fails"


def stages(age: Span, *, parent: bool) -> frozenset[str]:
    """The life-cycle stages of someone whose age is within ``age`` (and of their children)."""
    own = {name for name, lo, hi in _STAGES if age.lo <= hi and age.hi >= lo}
    if parent and age.lo < 55 and age.hi >= 19:
        own |= _CHILD_STAGES
    return frozenset(own)


def fit(programme: Programme, facts: QueryFacts, profile: ResidentProfile | None = None) -> Fit:
    """How ``programme`` fits the person ``facts`` describe (``profile``: ``facts.profile()``, made once)."""
    assessment = assess(programme, profile if profile is not None else facts.profile())
    if assessment.verdict is Verdict.FAILS:
        return Fit.FAILS
    lifecycle = set(programme.lifecycle)
    fits = bool(assessment.with_verdict(Verdict.MEETS))
    if facts.age is not None and lifecycle:
        parent = facts.subject != "child"
        possible = stages(facts.age, parent=parent)
        if not lifecycle & possible:
            return Fit.FAILS
        own = stages(facts.age, parent=False)
        fits = fits or bool(lifecycle & own)
    elif facts.subject == "elder" and lifecycle and lifecycle <= _CHILD_STAGES:
        return Fit.FAILS  # "어머니가 …": a parent, not a child
    return Fit.FITS if fits else Fit.NEUTRAL


def rerank(ranked: Sequence[Ranked], facts: QueryFacts, depth: int = DEPTH) -> list[Ranked]:
    """``ranked`` (best first) with the first ``depth`` re-ordered by fit (see the module notes)."""
    if not facts.known or not ranked:
        return list(ranked)
    head, tail = list(ranked[:depth]), list(ranked[depth:])
    profile = facts.profile()
    scored: list[tuple[int, float, int, Ranked]] = []
    for i, r in enumerate(head):
        verdict = fit(r.programme, facts, profile)
        score = r.score + (LIFT if verdict is Fit.FITS else 0.0)
        scored.append((1 if verdict is Fit.FAILS else 0, -score, i, replace(r, score=score)))
    scored.sort(key=lambda t: (t[0], t[1], t[2]))
    return [t[3] for t in scored] + tail


#: what a person at each stage most often needs, as a query (for "what can I get?")
_NEEDS_OF = {
    "노년": "어르신 노인 매달 받는 기초 연금 생활 지원",
    "중장년": "중장년 생활 지원 일자리",
    "청년": "청년 지원 월세 일자리",
    "청소년": "청소년 학생 지원",
    "아동": "아이 키우는 가정 아동 수당",
    "영유아": "아기 영유아 양육 수당",
}
_FLAG_NEEDS = {"disability": "장애인 연금 수당", "pregnancy": "임신 출산 지원", "foreign_resident": "외국인 주민 지원",
               "household": "혼자 사는 돌봄", "income": "저소득 생계 지원"}


def needs_query(facts: QueryFacts) -> str:
    """A query for what the person most likely needs, from their stage and circumstances."""
    parts: list[str] = []
    if facts.age is not None:
        own = stages(facts.age, parent=False)
        parts += [_NEEDS_OF[name] for name, _, _ in _STAGES if name in own][:1]
    elif facts.subject == "elder":
        parts.append(_NEEDS_OF["노년"])
    elif facts.subject == "child":
        parts.append(_NEEDS_OF["아동"])
    parts += [_FLAG_NEEDS[f.attribute.value] for f in facts.facts if f.attribute.value in _FLAG_NEEDS]
    return " ".join(parts)


def overview(rank: Callable[[str], Sequence[Ranked]], facts: QueryFacts, k: int = 3) -> list[Ranked]:
    """"What can I get?": the programmes most likely to matter to this person — they fit (a
    condition met or their life-cycle stage named), ranked by how well they answer the needs of
    that stage, programmes with fewer special conditions (broader) first among close ones."""
    query = needs_query(facts)
    if not query:
        return []
    out = []
    profile = facts.profile()
    for r in rank(query)[:DEPTH * 2]:
        if fit(r.programme, facts, profile) is not Fit.FITS:
            continue
        special = len([c for c in conditions_of(r.programme.eligibility) if c.kind in ("flag", "one_of")])
        out.append(replace(r, score=r.score - 0.05 * special, relevant=True))
    out.sort(key=lambda r: -r.score)
    return out[:k]


def failing(programmes: Sequence[Programme], facts: QueryFacts) -> set[str]:
    """Ids of the programmes the person fails."""
    profile = facts.profile()
    return {p.id for p in programmes if fit(p, facts, profile) is Fit.FAILS}


__all__ = ["DEPTH", "LIFT", "Fit", "failing", "fit", "needs_query", "overview", "rerank", "stages"]
