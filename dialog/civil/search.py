"""One search over civil services and benefit programmes.

A caller does not know whether their question is about a "benefit" or a "civil service". The
civil index ranks the civil entries with the same tools the benefit retrieval uses — the e5
embedder (cosine, max over a few short passages per entry) and BM25 — plus what residents call
things (an entry's aliases, matched with spaces removed, as speech recognition spaces words
unpredictably). Then ``CivilSearch.route`` decides the kind:

* an alias match (the longest wins) makes it civil, unless the question names a benefit
  programme ("기초연금 이의신청" stays a benefit question);
* otherwise the best cosine with an entry's full passage (all its names, aliases and notes: as
  long as a programme passage, unlike the short per-language passages that rank entries) must
  beat the best benefit-programme cosine (the same query vector, one embedding) by ``margin``,
  or come within ``-cue_margin`` of it when the question has a civil cue word ("과태료", "여권",
  "버리" …; or a thing that an entry's names or aliases name — "교실", "강당", "지갑" — and the
  closest programme's passage does not) and no benefit cue word, or beat it by
  ``benefit_cue_margin`` when it has a benefit cue word ("지원", "수당", "learn Korean" …;
  ``dialog.civil.cues``).

The answer keeps to the kind chosen: civil suggestions are civil entries only. The weights and
the margin were chosen on the tuning half of ``bench/civil_queries.py`` and the tuning half of the
benefit questions (``bench/colloquial_queries.py``); ``bench/civil_recall.py`` reports both halves.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from dialog.civil.cues import BENEFIT_CUES, CIVIL_CUES, has_cue, thing_words
from dialog.civil.entry import CivilEntry
from dialog.retrieval.bm25 import BM25Index
from dialog.retrieval.embedder import Embedder
from dialog.retrieval.hybrid import EMBED_BATCH
from dialog.retrieval.tokenize import tokenize
from dialog.retrieval.vector_store import VectorStore, embed_missing

if TYPE_CHECKING:
    from dialog.retrieval.hybrid import HybridRetriever

#: fused score weights: dense cosine, BM25, alias match
W_DENSE, W_BM25, W_ALIAS = 0.5, 0.2, 0.3
#: how far the best civil cosine must exceed the best benefit cosine (no alias matched)
MARGIN = 0.03
#: the margin when the question has a civil cue word and no benefit cue word (``dialog.civil.cues``)
CUE_MARGIN = -0.02
#: the margin when the question has a benefit cue word ("지원", "补助", "learn Korean" …)
BENEFIT_CUE_MARGIN = 0.06
#: below this best civil cosine (and no alias), nothing civil was found
MIN_COSINE = 0.80
_STRIP = re.compile(r"[\s\W_]+", re.UNICODE)
_GENERIC = frozenset({"지원", "서비스", "사업", "support", "service", "programme", "program", "센터"})


def compact(text: str) -> str:
    """Lower case, NFKC, without spaces or punctuation ("등본 떼기" → "등본떼기")."""
    return _STRIP.sub("", unicodedata.normalize("NFKC", text).lower())


def _minmax(x: np.ndarray) -> np.ndarray:
    lo, hi = float(x.min()), float(x.max())
    return np.zeros_like(x) if hi - lo <= 1e-12 else (x - lo) / (hi - lo)


@dataclass(frozen=True, slots=True)
class CivilHit:
    entry: CivilEntry
    score: float
    cosine: float
    alias: int


@dataclass(frozen=True, slots=True)
class Route:
    """The kind a question is about, with the civil ranking when civil."""

    kind: str  # "civil" or "benefit"
    hits: tuple[CivilHit, ...] = ()
    civil_cosine: float = 0.0
    benefit_cosine: float = 0.0
    alias: bool = False
    #: the question names a benefit programme
    named_benefit: bool = False


def _passages(entry: CivilEntry) -> list[str]:
    """One full passage and one short passage per language (name and aliases)."""
    full = " ".join([*entry.names.values(), *entry.search_texts(), *entry.notes.values()])
    out = [full]
    for lang, name in entry.names.items():
        out.append(" ".join([name, *entry.aliases.get(lang, ())]))
    return out


class CivilIndex:
    def __init__(
        self,
        entries: Sequence[CivilEntry],
        embedder: Embedder,
        *,
        previous: CivilIndex | None = None,
        cache_dir: str | Path | None = None,
        vectors: VectorStore | None = None,
    ) -> None:
        #: passage vectors shared outside the process (``dialog.retrieval.vector_store``); passages embedded here
        self.vectors = vectors
        self.embedded = 0
        self.entries = [e for e in entries if not e.retired]
        self.embedder = embedder
        self._aliases: list[list[str]] = [
            sorted({c for c in (compact(t) for t in e.search_texts()) if len(c) >= 2}, key=len, reverse=True)
            for e in self.entries
        ]
        #: the Korean words that name an entry's thing ("교실", "강당", "지갑"; ``dialog.civil.cues``)
        self.things: frozenset[str] = frozenset().union(
            *(thing_words([e.names.get("ko", ""), *e.aliases.get("ko", ())]) for e in self.entries)
        )
        owners: list[int] = []
        texts: list[str] = []
        for i, entry in enumerate(self.entries):
            for passage in _passages(entry):
                owners.append(i)
                texts.append(passage)
        self._owners = np.asarray(owners, dtype=np.int64)
        #: the row of each entry's full passage (the one routing compares with benefit passages)
        self._full = np.asarray([i for i in range(len(owners)) if i == 0 or owners[i] != owners[i - 1]], dtype=np.int64)
        self.bm25 = BM25Index([tokenize(" ".join(_passages(e))) for e in self.entries]) if self.entries else None
        self.texts = texts
        self.matrix = self._embed(texts, previous, cache_dir)

    def _embed(self, texts: list[str], previous: CivilIndex | None, cache_dir: str | Path | None) -> np.ndarray:
        """Passage vectors: from the cache file for these texts, else unchanged rows of ``previous``
        (the same embedder) and the rest embedded, a few at a time."""
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        cache: Path | None = None
        if cache_dir is not None:
            digest = hashlib.sha256("\x1e".join(texts).encode("utf-8")).hexdigest()[:16]
            safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in self.embedder.name)
            cache = Path(cache_dir) / f"civil-{safe}-{digest}.npy"
            if cache.is_file():
                return np.load(cache)
        known: dict[str, np.ndarray] = {}
        if previous is not None and previous.embedder is self.embedder:
            known = {t: previous.matrix[i] for i, t in enumerate(previous.texts)}
        matrix, self.embedded = embed_missing(self.embedder, texts, known, self.vectors, EMBED_BATCH)
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(".tmp.npy")
            np.save(tmp, matrix)
            tmp.replace(cache)
        return matrix

    def __len__(self) -> int:
        return len(self.entries)

    def embed(self, query: str) -> np.ndarray:
        return np.asarray(self.embedder.embed_queries([query]), dtype=np.float32)[0]

    def alias_lengths(self, query: str) -> np.ndarray:
        said = compact(query)
        return np.asarray(
            [next((len(a) for a in aliases if a in said), 0) for aliases in self._aliases], dtype=np.float64
        )

    def things_named(self, query: str, passage: str = "") -> list[str]:
        """The things of civil entries the question names ("교실", "지갑"), less those ``passage``
        (the closest programme's) names too: those are no evidence of a civil errand."""
        said, named = compact(query), compact(passage)
        return [w for w in sorted(self.things) if w in said and w not in named]

    def full_cosine(self, vector: np.ndarray) -> float:
        """The best cosine of the query with an entry's full passage (comparable with programme passages)."""
        return float((self.matrix[self._full] @ vector).max()) if len(self._full) else -1.0

    def rank(self, query: str, vector: np.ndarray | None = None) -> list[CivilHit]:
        if not self.entries:
            return []
        vector = self.embed(query) if vector is None else vector
        per_passage = self.matrix @ vector
        cos = np.full(len(self.entries), -1.0)
        np.maximum.at(cos, self._owners, per_passage.astype(np.float64))
        assert self.bm25 is not None
        bm = self.bm25.scores(tokenize(query))
        alias = self.alias_lengths(query)
        alias_part = alias / alias.max() if alias.max() > 0 else alias
        fused = W_DENSE * _minmax(cos) + W_BM25 * _minmax(bm) + W_ALIAS * alias_part
        order = np.argsort(-fused, kind="stable")
        return [CivilHit(self.entries[i], float(fused[i]), float(cos[i]), int(alias[i])) for i in order]


class CivilSearch:
    """Routes a question to civil services or benefits and ranks the civil entries."""

    def __init__(
        self,
        index: CivilIndex,
        margin: float = MARGIN,
        min_cosine: float = MIN_COSINE,
        cue_margin: float = CUE_MARGIN,
        benefit_cue_margin: float = BENEFIT_CUE_MARGIN,
    ) -> None:
        self.index = index
        self.margin = margin
        self.benefit_cue_margin = benefit_cue_margin
        self.cue_margin = cue_margin
        self.min_cosine = min_cosine

    def route(self, query: str, benefits: HybridRetriever | None, k: int = 3) -> Route:
        if not query.strip() or not len(self.index):
            return Route("benefit")
        vector = self.index.embed(query)
        hits = self.index.rank(query, vector)
        best = hits[0]
        benefit_cos = 0.0
        named_benefit = False
        passage = ""
        if benefits is not None:
            same = benefits.embedder is self.index.embedder
            cosines = benefits.dense_scores(vector) if same else benefits.cosines(query)
            top = int(np.argmax(cosines))
            benefit_cos = float(cosines[top])
            named_benefit = names_programme(query, benefits, cosines)
            passage = benefits.texts[top]
        alias = best.alias > 0
        civil_cos = self.index.full_cosine(vector)
        said = compact(query)
        civil_cue = has_cue(said, CIVIL_CUES) or bool(self.index.things_named(query, passage))
        benefit_cue = has_cue(said, BENEFIT_CUES)
        if benefit_cue:
            margin = self.benefit_cue_margin
        elif civil_cue:
            margin = self.cue_margin
        else:
            margin = self.margin
        if alias and not named_benefit and not benefit_cue:  # "lost" in "I lost my job" is no errand
            civil = True
        else:
            civil = not named_benefit and civil_cos >= self.min_cosine and civil_cos - benefit_cos >= margin
        if not civil:
            return Route("benefit", (), civil_cos, benefit_cos, alias, named_benefit)
        return Route("civil", tuple(hits[:k]), civil_cos, benefit_cos, alias, named_benefit)


def names_programme(query: str, benefits: HybridRetriever, cosines: np.ndarray, top: int = 5) -> bool:
    """The question names one of the closest benefit programmes (most of its name's distinctive words)."""
    said_compact = compact(query)
    said = set(tokenize(query))
    for i in np.argsort(-cosines)[:top]:
        programme = benefits.programmes[int(i)]
        if len(compact(programme.name_ko)) >= 3 and compact(programme.name_ko) in said_compact:
            return True
        for name in (programme.name_ko, programme.name_en):
            words = set(tokenize(name)) - _GENERIC
            if len(words) >= 2 and len(words & said) / len(words) >= 0.67:
                return True
    return False


__all__ = ["MARGIN", "MIN_COSINE", "CivilHit", "CivilIndex", "CivilSearch", "Route", "compact", "names_programme"]
