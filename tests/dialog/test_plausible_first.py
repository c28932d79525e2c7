"""'Not found' only when nothing among the first results is plausible; a plausible one answers first."""

from __future__ import annotations

from dataclasses import replace

from dialog.catalogue.sample import sample_programmes
from dialog.retrieval.hybrid import HybridRetriever, Mode, Ranked
from tests.fakes import HashingEmbedder


class FixedRelevance(HybridRetriever):
    """A real retriever whose evidence marks are set: only ``plausible`` ids count as relevant."""

    def __init__(self, plausible: set[str]) -> None:
        super().__init__(sample_programmes(), HashingEmbedder())
        self.plausible = plausible

    def rank(self, query: str, mode: Mode = "hybrid", limit: int | None = None) -> list[Ranked]:
        return [replace(r, relevant=r.programme.id in self.plausible) for r in super().rank(query, mode, limit)]


def test_a_plausible_result_below_implausible_ones_is_answered_first() -> None:
    query = "기초연금 장애인연금 노인일자리"
    plain = FixedRelevance(set()).retrieve(query, k=3, only_relevant=False, personal=False)
    third = plain[2].programme.id
    found = FixedRelevance({third}).retrieve(query, k=3, personal=False)
    assert found[0].programme.id == third
    assert {r.programme.id for r in found} == {r.programme.id for r in plain}


def test_nothing_plausible_is_not_found() -> None:
    assert FixedRelevance(set()).retrieve("기초연금 장애인연금 노인일자리", k=3, personal=False) == []
