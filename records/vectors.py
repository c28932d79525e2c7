"""Catalogue passage vectors in the records database (``passage_vectors``): the ``VectorStore`` that
lets gateway replicas on one PostgreSQL share embeddings instead of each embedding the catalogue.

Vectors are float32 bytes searched in memory: pgvector would let PostgreSQL search them, but it is
not packaged for Debian 12's PostgreSQL 15 (``apt-cache search pgvector`` finds nothing).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from .models import PassageVector, utcnow
from .store import Records

_CHUNK = 500  # hashes per SELECT … IN


class PassageVectors:
    def __init__(self, records: Records) -> None:
        self.records = records

    def load(self, model: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self.records.session() as session:
            for start in range(0, len(hashes), _CHUNK):
                chunk = list(hashes[start : start + _CHUNK])
                query = select(PassageVector).where(PassageVector.model == model,
                                                    PassageVector.text_hash.in_(chunk))
                for row in session.scalars(query):
                    vector = np.frombuffer(row.vector, dtype=np.float32)
                    if vector.shape == (row.dim,):
                        found[row.text_hash] = vector.copy()
        return found

    def store(self, model: str, vectors: Mapping[str, np.ndarray]) -> None:
        if not vectors:
            return
        rows = [{"model": model, "text_hash": h, "dim": int(v.shape[0]), "created_at": utcnow(),
                 "vector": np.asarray(v, dtype=np.float32).tobytes()} for h, v in vectors.items()]
        dialect = self.records.engine.dialect.name
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        # two replicas embedding the same passage at once: the first row stays, the second is dropped
        statement = insert(PassageVector).values(rows).on_conflict_do_nothing()
        with self.records.session.begin() as session:
            session.execute(statement)

    def count(self, model: str | None = None) -> int:
        query = select(func.count()).select_from(PassageVector)
        if model is not None:
            query = query.where(PassageVector.model == model)
        with self.records.session() as session:
            return int(session.scalar(query) or 0)


__all__ = ["PassageVectors"]
