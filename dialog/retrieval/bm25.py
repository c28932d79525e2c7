"""Okapi BM25 over pre-tokenised documents (numpy, in memory)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np


class BM25Index:
    """``scores(query_tokens)`` → one BM25 score per document (0 where no term matches).

    idf is the non-negative variant ``log(1 + (N - df + 0.5) / (df + 0.5))``; a query term that
    occurs twice counts twice.
    """

    def __init__(self, documents: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75) -> None:
        if k1 < 0 or not 0.0 <= b <= 1.0:
            raise ValueError(f"BM25 needs k1 >= 0 and 0 <= b <= 1, got k1={k1}, b={b}")
        self.k1 = k1
        self.b = b
        self.n_docs = len(documents)
        lengths = np.array([len(d) for d in documents], dtype=np.float64)
        self.avg_len = float(lengths.mean()) if self.n_docs and lengths.sum() > 0 else 1.0
        # length normalisation per document, folded into one array
        self._norm = k1 * (1.0 - b + b * lengths / self.avg_len)
        postings: dict[str, tuple[list[int], list[int]]] = {}
        for doc_id, doc in enumerate(documents):
            for term, tf in Counter(doc).items():
                ids, tfs = postings.setdefault(term, ([], []))
                ids.append(doc_id)
                tfs.append(tf)
        self._postings: dict[str, tuple[np.ndarray, np.ndarray]] = {
            term: (np.array(ids, dtype=np.int64), np.array(tfs, dtype=np.float64))
            for term, (ids, tfs) in postings.items()
        }
        self.idf: dict[str, float] = {
            term: math.log(1.0 + (self.n_docs - len(ids) + 0.5) / (len(ids) + 0.5))
            for term, (ids, _) in self._postings.items()
        }

    @property
    def vocabulary_size(self) -> int:
        return len(self._postings)

    def scores(self, query: Sequence[str]) -> np.ndarray:
        out = np.zeros(self.n_docs, dtype=np.float64)
        for term, qtf in Counter(query).items():
            posting = self._postings.get(term)
            if posting is None:
                continue
            ids, tfs = posting
            out[ids] += qtf * self.idf[term] * tfs * (self.k1 + 1.0) / (tfs + self._norm[ids])
        return out

    def top(self, query: Sequence[str], k: int) -> list[tuple[int, float]]:
        """The ``k`` best (doc index, score) pairs with a positive score, best first."""
        scores = self.scores(query)
        order = np.argsort(-scores, kind="stable")[:k]
        return [(int(i), float(scores[i])) for i in order if scores[i] > 0.0]


__all__ = ["BM25Index"]
