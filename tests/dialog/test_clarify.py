"""Ask instead of guessing when the best results are close and meet different needs."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dialog.catalogue.programmes import Programme
from dialog.catalogue.sample import sample_programmes
from dialog.manager import DialogManager, DialogState
from dialog.retrieval.clarify import clarifying_question
from dialog.retrieval.hybrid import HybridRetriever, Mode, Ranked
from tests.fakes import HashingEmbedder


@pytest.fixture(scope="module")
def by_id() -> dict[str, Programme]:
    return {p.id: p for p in sample_programmes()}


def test_close_results_for_different_needs_ask(by_id: dict[str, Programme]) -> None:
    pension, care = by_id["KR-BASIC-PENSION"], by_id["KR-SENIOR-CARE"]
    assert "생활지원" in pension.themes and "보호·돌봄" in care.themes
    close = [Ranked(pension, 0.90, 0.8, 1.0, 5.0, True), Ranked(care, 0.89, 0.8, 1.0, 5.0, True)]
    question = clarifying_question(close, "ko")
    assert question is not None and question.text == "생활비나 연금을 찾으세요, 돌봄 서비스를 찾으세요?"
    english = clarifying_question(close, "en")
    assert english is not None and "care services" in english.text
    # a clear winner, or two answers to the same need: no question
    assert clarifying_question([close[0], replace(close[1], score=0.6)], "ko") is None
    same_need = replace(close[1], programme=by_id["KR-FOOD-BANK"])
    assert "생활지원" in same_need.programme.themes
    assert clarifying_question([close[0], same_need], "ko") is None


class TiedRetriever(HybridRetriever):
    """A real hybrid retriever whose ranking puts two programmes in a tie for any question
    naming neither, as a vague question would."""

    def __init__(self, programmes: list[Programme]) -> None:
        super().__init__(programmes, HashingEmbedder())
        self.queries: list[str] = []

    def rank(self, query: str, mode: Mode = "hybrid", limit: int | None = None) -> list[Ranked]:
        self.queries.append(query)
        ranked = super().rank(query, mode)  # all of them; the retriever cuts
        if "돌봄" in query:  # the need named: senior care answers it
            care = next(r for r in ranked if r.programme.id == "KR-SENIOR-CARE")
            found = [replace(care, score=1.0, relevant=True), *[r for r in ranked if r is not care]]
            return found[:limit] if limit is not None else found
        first = [r for r in ranked if r.programme.id in ("KR-BASIC-PENSION", "KR-SENIOR-CARE")]
        rest = [r for r in ranked if r.programme.id not in ("KR-BASIC-PENSION", "KR-SENIOR-CARE")]
        tied = [replace(first[0], score=0.9, relevant=True), replace(first[1], score=0.895, relevant=True), *rest]
        return tied[:limit] if limit is not None else tied


def test_the_manager_asks_then_answers_with_both_turns(by_id: dict[str, Programme]) -> None:
    retriever = TiedRetriever(list(by_id.values()))
    manager = DialogManager(retriever)
    state = DialogState()
    asked = manager.respond("나라에서 해 주는 거 좀 알려 주세요", "ko", state)
    assert asked.intent == "clarify"
    assert asked.text.endswith("찾으세요?")
    assert state.pending_question == "나라에서 해 주는 거 좀 알려 주세요"
    answered = manager.respond("돌봄 서비스요", "ko", state)
    assert answered.intent == "find_benefit"
    assert answered.programmes[0].id == "KR-SENIOR-CARE"
    assert retriever.queries[-1] == "나라에서 해 주는 거 좀 알려 주세요 돌봄 서비스요"  # both turns, read together
    assert state.pending_question == ""
