"""Retrieval evaluation: labelled queries, recall@k, MRR and time per query.

Used by ``bench/retrieval_recall.py`` and the recall tests. ``summary_queries`` builds one query
per programme from its own summary without the programme's name (words sharing a character
bigram with the name are dropped) and cut to its first words, so a query never simply repeats
the name.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dialog.catalogue.programmes import Programme
from dialog.retrieval.hybrid import HybridRetriever, Mode
from dialog.retrieval.tokenize import bigrams, normalise


@dataclass(frozen=True, slots=True)
class LabelledQuery:
    text: str
    #: any of these programme ids counts as a correct answer
    expected: frozenset[str]
    group: str = ""


@dataclass(frozen=True, slots=True)
class Scores:
    mode: str
    queries: int
    recall_at_1: float
    recall_at_3: float
    mrr: float
    ms_per_query: float
    misses: tuple[str, ...] = ()

    def line(self) -> str:
        return (
            f"{self.mode:<7} n={self.queries:<4} recall@1={self.recall_at_1:.3f} recall@3={self.recall_at_3:.3f} "
            f"MRR={self.mrr:.3f} {self.ms_per_query:.1f} ms/query"
        )


def _name_bigrams(name: str) -> set[str]:
    out: set[str] = set()
    for word in normalise(name).split():
        letters = "".join(ch for ch in word if ch.isalnum())
        out.update(bigrams(letters) if len(letters) > 1 else [letters])
    return out


def summary_query(p: Programme, max_words: int = 8) -> str:
    """The programme's Korean summary without words sharing a bigram with its name, first words only."""
    name = _name_bigrams(p.name_ko)
    kept = []
    for word in p.summary_ko.split():
        letters = "".join(ch for ch in normalise(word) if ch.isalnum())
        if letters and not (set(bigrams(letters)) & name) and letters not in name:
            kept.append(word)
    return " ".join(kept[:max_words])


def summary_queries(programmes: Iterable[Programme], max_words: int = 8, min_words: int = 3) -> list[LabelledQuery]:
    """One query per programme whose summary leaves at least ``min_words`` words."""
    out = []
    for p in programmes:
        text = summary_query(p, max_words)
        if len(text.split()) >= min_words:
            out.append(LabelledQuery(text, frozenset({p.id}), "summary"))
    return out


def evaluate(
    retriever: HybridRetriever, queries: Sequence[LabelledQuery], mode: Mode = "hybrid", depth: int = 10
) -> Scores:
    """Recall@1, recall@3 and MRR (over the first ``depth`` results) of ``retriever`` in ``mode``."""
    if not queries:
        raise ValueError("no queries to evaluate")
    hits1 = hits3 = 0
    reciprocal = 0.0
    misses: list[str] = []
    times: list[float] = []
    for q in queries:
        start = time.perf_counter()
        ranked = retriever.retrieve(q.text, k=depth, mode=mode, only_relevant=False)
        times.append(time.perf_counter() - start)
        ids = [r.programme.id for r in ranked]
        rank = next((i + 1 for i, pid in enumerate(ids) if pid in q.expected), None)
        if rank == 1:
            hits1 += 1
        if rank is not None and rank <= 3:
            hits3 += 1
        else:
            misses.append(q.text)
        if rank is not None:
            reciprocal += 1.0 / rank
    n = len(queries)
    return Scores(
        mode=mode,
        queries=n,
        recall_at_1=hits1 / n,
        recall_at_3=hits3 / n,
        mrr=reciprocal / n,
        ms_per_query=1000.0 * statistics.fmean(times),
        misses=tuple(misses),
    )


__all__ = ["LabelledQuery", "Scores", "evaluate", "summary_queries", "summary_query"]
