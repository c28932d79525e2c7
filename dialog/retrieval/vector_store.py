"""Passage vectors kept outside the process, so a replica (or a restart) embeds only what is new.

A ``VectorStore`` maps (embedder name, SHA-256 of the passage text) to the vector. The records
database implements it (``records.vectors.PassageVectors``, table ``passage_vectors``), so every
gateway replica on one PostgreSQL shares the vectors; an edited passage has a new hash, so a
stale vector is never used. ``embed_missing`` builds an index matrix from what is known and
embeds only the rest, a few passages per embedder call, storing them.

The dense scores of a query come from a ``DenseIndex``: ``MatrixIndex`` (the matrix in memory, the
default) or, where the store can rank vectors itself (``SearchableStore.searchable``: PostgreSQL
with pgvector), ``StoreIndex``, which asks the database and keeps no matrix (``index_in_store``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from dialog.retrieval.embedder import Embedder


class VectorStore(Protocol):
    def load(self, model: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors among ``hashes`` (missing ones are simply absent)."""
        ...

    def store(self, model: str, vectors: Mapping[str, np.ndarray]) -> None:
        """Keep these vectors (a hash already stored is left as it is)."""
        ...


@runtime_checkable
class SearchableStore(VectorStore, Protocol):
    """A ``VectorStore`` that can also rank its vectors (the records database with pgvector)."""

    @property
    def searchable(self) -> bool: ...

    def fill(self, model: str) -> int: ...

    def missing(self, model: str, hashes: Sequence[str]) -> list[str]: ...

    def scores(self, model: str, hashes: Sequence[str], query: np.ndarray) -> dict[str, float]: ...


class DenseIndex(Protocol):
    def scores(self, query: np.ndarray) -> np.ndarray:
        """Inner product of the (unit) query vector with every passage, in passage order."""
        ...


class MatrixIndex:
    """Passage vectors in memory (the embedded default, and a database without pgvector)."""

    def __init__(self, matrix: np.ndarray) -> None:
        self.matrix = matrix

    def scores(self, query: np.ndarray) -> np.ndarray:
        return self.matrix @ query


class StoreIndex:
    """Passage vectors ranked by the database (pgvector); nothing kept in memory but the hashes."""

    def __init__(self, store: SearchableStore, model: str, hashes: Sequence[str]) -> None:
        self.store, self.model, self.hashes = store, model, list(hashes)

    def scores(self, query: np.ndarray) -> np.ndarray:
        found = self.store.scores(self.model, self.hashes, np.asarray(query, dtype=np.float32))
        return np.array([found.get(h, -1.0) for h in self.hashes], dtype=np.float32)


def index_in_store(embedder: Embedder, texts: Sequence[str], store: SearchableStore,
                   batch: int = 16) -> tuple[StoreIndex, int]:
    """A ``StoreIndex`` over ``texts``: passages the store lacks are embedded ``batch`` at a time and
    stored; the rest are not read. Returns the index and how many passages were embedded."""
    store.fill(embedder.name)  # vectors stored before pgvector was there
    hashes = [text_hash(t) for t in texts]
    by_hash = dict(zip(hashes, texts, strict=True))
    missing = list(dict.fromkeys(store.missing(embedder.name, hashes)))
    for start in range(0, len(missing), batch):
        rows = missing[start : start + batch]
        vectors = np.asarray(embedder.embed_passages([by_hash[h] for h in rows]), dtype=np.float32)
        if vectors.shape != (len(rows), embedder.dim):
            raise ValueError(f"embedder returned {vectors.shape}, expected {(len(rows), embedder.dim)}")
        store.store(embedder.name, dict(zip(rows, vectors, strict=True)))
    return StoreIndex(store, embedder.name, hashes), len(missing)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def embed_missing(embedder: Embedder, texts: Sequence[str], known: Mapping[str, np.ndarray],
                  store: VectorStore | None = None, batch: int = 16) -> tuple[np.ndarray, int]:
    """The matrix of ``texts``: rows from ``known`` (text → vector), then from ``store``, the rest
    embedded ``batch`` at a time and written to ``store``. Returns the matrix and how many
    passages were embedded."""
    dim = embedder.dim
    matrix = np.zeros((len(texts), dim), dtype=np.float32)
    missing: list[int] = []
    for i, text in enumerate(texts):
        if text in known:
            matrix[i] = known[text]
        else:
            missing.append(i)
    if missing and store is not None:
        hashes = [text_hash(texts[i]) for i in missing]
        stored = store.load(embedder.name, hashes)
        still: list[int] = []
        for i, h in zip(missing, hashes, strict=True):
            vector = stored.get(h)
            if vector is not None and vector.shape == (dim,):
                matrix[i] = vector
            else:
                still.append(i)
        missing = still
    for start in range(0, len(missing), batch):
        rows = missing[start : start + batch]
        vectors = np.asarray(embedder.embed_passages([texts[i] for i in rows]), dtype=np.float32)
        if vectors.shape != (len(rows), dim):
            raise ValueError(f"embedder returned {vectors.shape}, expected {(len(rows), dim)}")
        matrix[rows] = vectors
        if store is not None:
            store.store(embedder.name, {text_hash(texts[i]): vectors[j] for j, i in enumerate(rows)})
    return matrix, len(missing)


__all__ = ["DenseIndex", "MatrixIndex", "SearchableStore", "StoreIndex", "VectorStore", "embed_missing",
           "index_in_store", "text_hash"]
