"""Catalogue passage vectors in the records database (``passage_vectors``): the ``VectorStore`` that
lets gateway replicas on one PostgreSQL share embeddings instead of each embedding the catalogue.

Vectors are float32 bytes (``vector``), searched in memory by each replica. Where the server has
pgvector (migration 0007 added ``embedding``, type ``vector``), they are also kept there and
``scores`` ranks them in the database: a replica then holds no matrix (``searchable``). Debian 12's
PostgreSQL 15 has no pgvector package; PyPI ``pgserver``'s PostgreSQL 16 carries it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property

import numpy as np
from sqlalchemy import func, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from .models import PassageVector, utcnow
from .store import Records

_CHUNK = 500  # hashes per SELECT … IN
_HAS_EMBEDDING = text("SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
                      "AND table_name = 'passage_vectors' AND column_name = 'embedding'")


def _literal(vector: np.ndarray) -> str:
    """pgvector's text form, ``[0.1,0.2,…]`` (float32 values written exactly)."""
    return "[" + ",".join(repr(x) for x in np.asarray(vector, dtype=np.float32).tolist()) + "]"


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
        if self.searchable:
            self.fill(model)

    # -- pgvector ----------------------------------------------------------------------------------
    @cached_property
    def searchable(self) -> bool:
        """The database ranks vectors itself (PostgreSQL with pgvector, migration 0007 applied)."""
        if self.records.engine.dialect.name != "postgresql":
            return False
        with self.records.engine.connect() as conn:
            return conn.execute(_HAS_EMBEDDING).first() is not None

    def fill(self, model: str) -> int:
        """Copy stored vectors of ``model`` that have no ``embedding`` yet into it; how many."""
        select_rows = text("SELECT text_hash, dim, vector FROM passage_vectors "
                           "WHERE model = :m AND embedding IS NULL")
        update = text("UPDATE passage_vectors SET embedding = CAST(:e AS vector) WHERE model = :m AND text_hash = :h")
        with self.records.session.begin() as session:
            rows = session.execute(select_rows, {"m": model}).all()
            params = [{"m": model, "h": h, "e": _literal(np.frombuffer(v, dtype=np.float32))}
                      for h, dim, v in rows if len(v) == 4 * dim]
            if params:
                session.execute(update, params)
        return len(params)

    def missing(self, model: str, hashes: Sequence[str]) -> list[str]:
        """Those of ``hashes`` with no ``embedding`` for ``model`` (to embed and ``store``)."""
        query = text("SELECT text_hash FROM passage_vectors WHERE model = :m AND text_hash = ANY(:h) "
                     "AND embedding IS NOT NULL")
        with self.records.session() as session:
            present = set(session.scalars(query, {"m": model, "h": list(hashes)}))
        return [h for h in hashes if h not in present]

    def scores(self, model: str, hashes: Sequence[str], query: np.ndarray) -> dict[str, float]:
        """Inner product of ``query`` with every stored ``embedding`` among ``hashes``, computed by
        PostgreSQL (``<#>`` is the negated inner product: the cosine for unit vectors, as in memory)."""
        # every row of the model, not ``text_hash = ANY(hashes)``: sending 10,000 hashes costs more
        # than the few stale rows (edited passages) it would leave out; the caller picks its own
        statement = text("SELECT text_hash, -(embedding <#> CAST(:q AS vector)) FROM passage_vectors "
                         "WHERE model = :m AND embedding IS NOT NULL")
        wanted = set(hashes)
        with self.records.session() as session:
            rows = session.execute(statement, {"m": model, "q": _literal(query)})
            return {h: float(score) for h, score in rows if h in wanted}

    def count(self, model: str | None = None) -> int:
        query = select(func.count()).select_from(PassageVector)
        if model is not None:
            query = query.where(PassageVector.model == model)
        with self.records.session() as session:
            return int(session.scalar(query) or 0)


__all__ = ["PassageVectors"]
