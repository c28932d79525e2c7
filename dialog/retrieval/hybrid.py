"""Hybrid programme retrieval: dense embeddings (cross-lingual) fused with BM25 (exact terms).

At build time every programme becomes one passage (Korean and English names, summaries, target,
support, tags); the passages are embedded once (the matrix is kept, and optionally cached on
disk) and tokenised for BM25. A query is scored by both and fused:

* ``"weighted"`` (default): ``alpha * minmax(cosine) + (1 - alpha) * minmax(bm25)``;
* ``"rrf"``: reciprocal-rank fusion ``1/(60 + rank_dense) + 1/(60 + rank_bm25)``.

``bench/retrieval_recall.py`` measures both against BM25-only and dense-only. An English query
against Korean-only programmes has no BM25 match unless the glossary expands it; the dense
side carries it.

Whether anything relevant was found at all is judged on evidence other than the fused score
(which is relative). A result counts as relevant when the two sides agree (it is among the
first ``agree_k`` of both the dense and the BM25 ranking), or one side is strong on its own
(cosine >= ``min_cosine`` or BM25 >= ``min_bm25``), or, for a query that no BM25 term can
match (Chinese, Vietnamese, Japanese), its cosine reaches ``min_cosine_unmatched``. The
values were chosen on the sample catalogue and the 461-service list with 18 off-topic
questions: about 98% of on-topic questions pass and about a quarter of off-topic ones still do
(multilingual-e5-small gives off-topic questions cosines up to ~0.85 against a large catalogue).
It is a guard against answering nonsense, not a classifier.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

import numpy as np

from dialog.catalogue.programmes import Catalogue, Programme
from dialog.retrieval.bm25 import BM25Index
from dialog.retrieval.embedder import Embedder
from dialog.retrieval.fit import DEPTH, overview, rerank
from dialog.retrieval.glossary import expand_english, expand_korean, tag_words
from dialog.retrieval.glossary_asian import expand_asian
from dialog.retrieval.query_facts import about
from dialog.retrieval.tokenize import has_hangul, tokenize
from dialog.retrieval.vector_store import (
    DenseIndex,
    MatrixIndex,
    SearchableStore,
    VectorStore,
    embed_missing,
    index_in_store,
)
from malbeot_core.errors import NotFound
from malbeot_core.events import ProgrammeHit

Mode = Literal["hybrid", "dense", "bm25"]
Fusion = Literal["weighted", "rrf"]

_FIELD_CHARS = 300  # long detail texts are cut; the embedder truncates anyway
#: passages embedded per embedder call when (re)building an index
EMBED_BATCH = 16


def _cut(text: str, limit: int = _FIELD_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0]


def passage_text(p: Programme) -> str:
    """The text a programme is retrieved by (embedded and BM25-indexed)."""
    names = p.name_ko if not p.name_en else f"{p.name_ko} ({p.name_en})"
    tags = (*p.lifecycle, *p.target_groups, *p.themes)
    parts = [
        f"{names}.",
        p.summary_ko,
        p.summary_en,
        _cut(p.target_ko),
        _cut(p.target_en),
        _cut(p.support_ko),
        _cut(p.support_en),
        " ".join(tags),
        # English words for Korean-only records, so BM25 and the embedder see a few of them
        "" if p.summary_en else tag_words((*tags, p.support_form)),
    ]
    return " ".join(part for part in parts if part)


def _minmax(x: np.ndarray) -> np.ndarray:
    lo, hi = float(x.min()), float(x.max())
    if hi - lo <= 1e-12:
        return np.zeros_like(x)
    return (x - lo) / (hi - lo)


def _ranks(scores: np.ndarray, valid: np.ndarray | None = None) -> np.ndarray:
    """1-based rank of every document by descending score; invalid documents get rank ``inf``."""
    order = np.argsort(-scores, kind="stable")
    ranks = np.empty(len(scores), dtype=np.float64)
    ranks[order] = np.arange(1, len(scores) + 1)
    if valid is not None:
        ranks[~valid] = np.inf
    return ranks


@dataclass(frozen=True, slots=True)
class Ranked:
    programme: Programme
    #: fused score (0..1 for "weighted")
    score: float
    #: raw cosine similarity of query and passage
    cosine: float
    #: how far the cosine stands above the catalogue's mean, in standard deviations
    cosine_z: float
    #: raw BM25 score
    bm25: float
    #: the query had enough evidence for this programme (see the module notes)
    relevant: bool


class HybridRetriever:
    def __init__(
        self,
        catalogue: Catalogue | Iterable[Programme],
        embedder: Embedder,
        alpha: float = 0.6,
        fusion: Fusion = "weighted",
        *,
        k1: float = 1.2,
        b: float = 0.75,
        expand_queries: bool = True,
        agree_k: int = 5,
        min_cosine: float = 0.85,
        min_bm25: float = 8.0,
        min_cosine_unmatched: float = 0.825,
        cache_dir: str | Path | None = None,
        previous: HybridRetriever | None = None,
        today: Callable[[], date] = date.today,
        vectors: VectorStore | None = None,
    ) -> None:
        if not 0.0 <= alpha <= 1.0:
            raise ValueError(f"alpha must be within [0, 1], got {alpha}")
        self.embedder = embedder
        self.alpha = alpha
        self.fusion: Fusion = fusion
        self.expand_queries = expand_queries
        self.agree_k = agree_k
        self.min_cosine = min_cosine
        self.min_bm25 = min_bm25
        self.min_cosine_unmatched = min_cosine_unmatched
        #: the date ages are worked out on (birth years); injected in tests
        self.today = today
        programmes = catalogue.active() if isinstance(catalogue, Catalogue) else [p for p in catalogue if not p.retired]
        if not programmes:
            raise ValueError("cannot build a retriever over an empty catalogue")
        self.programmes: list[Programme] = programmes
        self._by_id = {p.id: p for p in programmes}
        self.texts = [passage_text(p) for p in programmes]
        self.bm25 = BM25Index([tokenize(t) for t in self.texts], k1=k1, b=b)
        #: passage vectors shared outside the process (the records database: replicas embed once)
        self.vectors = vectors
        #: passages this build embedded (the rest came from the cache, ``previous`` or ``vectors``)
        self.embedded = 0
        #: passage vectors in memory; ``None`` where the database ranks them (pgvector)
        self.matrix: np.ndarray | None = None
        self.dense: DenseIndex
        if isinstance(vectors, SearchableStore) and vectors.searchable:
            self.dense, self.embedded = index_in_store(embedder, self.texts, vectors, EMBED_BATCH)
        else:
            self.matrix = self._embed_passages(cache_dir, previous)
            self.dense = MatrixIndex(self.matrix)

    # -- build -------------------------------------------------------------------------------------
    def _embed_passages(self, cache_dir: str | Path | None, previous: HybridRetriever | None = None) -> np.ndarray:
        cache: Path | None = None
        if cache_dir is not None:
            digest = hashlib.sha256("\x1e".join(self.texts).encode("utf-8")).hexdigest()[:16]
            safe_name = "".join(c if c.isalnum() or c in "-_." else "_" for c in self.embedder.name)
            cache = Path(cache_dir) / f"passages-{safe_name}-{digest}.npy"
            if cache.is_file():
                matrix = np.load(cache)
                if matrix.shape == (len(self.texts), self.embedder.dim):
                    return matrix
        matrix = self._embed_changed(previous)
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(".tmp.npy")
            np.save(tmp, matrix)
            tmp.replace(cache)
        return matrix

    def _embed_changed(self, previous: HybridRetriever | None) -> np.ndarray:
        """Rows of unchanged passages come from ``previous`` (same embedder); the rest are embedded.

        New passages are embedded ``EMBED_BATCH`` at a time: the embedder serialises its calls, so
        a search issued meanwhile waits for one small batch at most, never for the whole catalogue.
        With ``vectors`` (the records database), stored vectors are used and new ones stored.
        """
        known: dict[str, np.ndarray] = {}
        if previous is not None and previous.embedder is self.embedder and previous.matrix is not None:
            known = {text: previous.matrix[i] for i, text in enumerate(previous.texts)}
        matrix, self.embedded = embed_missing(self.embedder, self.texts, known, self.vectors, EMBED_BATCH)
        return matrix

    # -- scoring -----------------------------------------------------------------------------------
    def query_tokens(self, query: str) -> list[str]:
        tokens = tokenize(query)
        if self.expand_queries:
            extra = expand_korean(query) if has_hangul(query) else expand_english(tokens)
            if not has_hangul(query):
                extra = f"{extra} {expand_asian(query)}"  # Chinese, Japanese, Vietnamese words
            tokens += tokenize(extra)
        return tokens

    def cosines(self, query: str) -> np.ndarray:
        vector = np.asarray(self.embedder.embed_queries([query]), dtype=np.float32)[0]
        return self.dense_scores(vector)

    def dense_scores(self, vector: np.ndarray) -> np.ndarray:
        """Cosine of an embedded query with every passage (in memory, or by pgvector)."""
        return self.dense.scores(vector)

    def rank(self, query: str, mode: Mode = "hybrid", limit: int | None = None) -> list[Ranked]:
        """Every programme (or the best ``limit``), best first."""
        cos = self.cosines(query).astype(np.float64) if mode != "bm25" else np.zeros(len(self.programmes))
        bm = self.bm25.scores(self.query_tokens(query)) if mode != "dense" else np.zeros(len(self.programmes))
        std = float(cos.std())
        z = (cos - float(cos.mean())) / std if std > 1e-12 else np.zeros_like(cos)
        if mode == "dense":
            fused = cos
        elif mode == "bm25":
            fused = bm
        elif self.fusion == "rrf":
            fused = 1.0 / (60.0 + _ranks(cos)) + 1.0 / (60.0 + _ranks(bm, bm > 0.0))
        else:
            fused = self.alpha * _minmax(cos) + (1.0 - self.alpha) * _minmax(bm)
        relevant = self._relevance(query, cos, bm, mode)
        order = np.argsort(-fused, kind="stable")
        if limit is not None:
            order = order[:limit]
        return [
            Ranked(
                programme=self.programmes[i],
                score=float(fused[i]),
                cosine=float(cos[i]),
                cosine_z=float(z[i]),
                bm25=float(bm[i]),
                relevant=bool(relevant[i]),
            )
            for i in order
        ]

    def _relevance(self, query: str, cos: np.ndarray, bm: np.ndarray, mode: Mode) -> np.ndarray:
        """Per programme: is there enough evidence that it answers ``query``?"""
        strong = np.zeros(len(cos), dtype=bool)
        if mode != "bm25":
            strong |= cos >= self.min_cosine
            if not has_hangul(query) and float(bm.max(initial=0.0)) == 0.0:
                strong |= cos >= self.min_cosine_unmatched
        if mode != "dense":
            strong |= bm >= self.min_bm25
        if mode == "hybrid":
            k = min(self.agree_k, len(cos))
            dense_top = np.zeros(len(cos), dtype=bool)
            dense_top[np.argsort(-cos, kind="stable")[:k]] = True
            bm25_top = np.zeros(len(bm), dtype=bool)
            bm25_top[np.argsort(-bm, kind="stable")[:k]] = True
            strong |= dense_top & bm25_top & (bm > 0.0)
        return strong

    def retrieve(self, query: str, k: int = 3, mode: Mode = "hybrid", only_relevant: bool = True,
                 personal: bool = True) -> list[Ranked]:
        """The ``k`` best programmes; with ``personal``, re-ranked by how they fit the person the
        question is about (``dialog.retrieval.fit``: "어머니가 75세인데 …" never gets 아동수당 first)."""
        if not query.strip():
            return []
        ranked = self.rank(query, mode, limit=max(k, DEPTH))
        if personal:
            ranked = rerank(ranked, about(query, self.today()))
        ranked = ranked[:k]
        if only_relevant and ranked and not ranked[0].relevant:
            # nothing found only when none of the first k is plausible; a plausible one goes first
            # ("칠십이 넘었는데 매달 주는 돈": 기초연금 third but the only one with evidence)
            if not any(r.relevant for r in ranked):
                return []
            ranked = sorted(ranked, key=lambda r: not r.relevant)
        return ranked

    def search(self, query: str, language: str | None, k: int = 3) -> list[ProgrammeHit]:
        """The ``k`` best programmes for ``query`` (empty when nothing relevant was found).

        Names and how-to-apply texts are in ``language`` where the catalogue has them (Korean for
        "ko" and for programmes with no English text; English otherwise).
        """
        language = language or "ko"
        return [self.hit(r.programme, r.score, language) for r in self.retrieve_or_overview(query, k)]

    def retrieve_or_overview(self, query: str, k: int = 3) -> list[Ranked]:
        """``retrieve``; for a question with facts about the person and no topic ("어머니가 75세인데
        받을 수 있는 혜택이 뭐가 있어요?") the programmes most likely to matter (``dialog.retrieval.fit.overview``)."""
        facts = about(query, self.today())
        if facts.topicless:
            return overview(lambda q: self.rank(q), facts, k)
        return self.retrieve(query, k)

    # -- lookup ------------------------------------------------------------------------------------
    @staticmethod
    def hit(programme: Programme, score: float, language: str) -> ProgrammeHit:
        return ProgrammeHit(
            id=programme.id,
            name=programme.text("name", language),
            score=round(score, 4),
            how_to_apply=programme.text("how_to_apply", language),
        )

    def programme(self, programme_id: str) -> Programme:
        try:
            return self._by_id[programme_id]
        except KeyError as exc:
            raise NotFound(f"no programme {programme_id!r} in the retriever", stage="dialog") from exc

    def __len__(self) -> int:
        return len(self.programmes)


def ids(hits: Sequence[ProgrammeHit] | Sequence[Ranked]) -> list[str]:
    """Programme ids of search results, in order (handy in tests and benchmarks)."""
    return [h.id if isinstance(h, ProgrammeHit) else h.programme.id for h in hits]


__all__ = ["Fusion", "HybridRetriever", "Mode", "Ranked", "ids", "passage_text"]
