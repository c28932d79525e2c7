"""Whether, and how fully, an utterance names a programme ("basic pension", "노인 일자리")."""

from __future__ import annotations

from dialog.catalogue.programmes import Programme
from dialog.retrieval.hybrid import HybridRetriever
from dialog.retrieval.tokenize import tokenize

_GENERIC_NAME_WORDS = frozenset({"지원", "서비스", "사업", "support", "service", "programme", "program", "센터"})


def name_coverage(text: str, programme: Programme) -> float:
    """The largest share of a name's distinctive words that the utterance contains (0–1)."""
    said = set(tokenize(text))
    best = 0.0
    for name in (programme.name_ko, programme.name_en):
        words = set(tokenize(name)) - _GENERIC_NAME_WORDS
        if words:
            best = max(best, len(words & said) / len(words))
    return best


def mentions(text: str, programme: Programme) -> bool:
    """The utterance names the programme (at least half the distinctive words of a name)."""
    return name_coverage(text, programme) >= 0.5


def named_programme(retriever: HybridRetriever, text: str, k: int) -> Programme | None:
    """The programme the utterance names: the best-covered name among the ``k`` retrieved ones
    ("basic pension" names Basic Pension rather than Disability Pension)."""
    best: Programme | None = None
    best_cover = 0.0
    for ranked in retriever.retrieve(text, k=k):
        cover = name_coverage(text, ranked.programme)
        if cover >= 0.5 and cover > best_cover:
            best, best_cover = ranked.programme, cover
    return best


__all__ = ["mentions", "name_coverage", "named_programme"]
