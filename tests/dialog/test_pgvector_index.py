"""Programme vectors in pgvector: the migration, the ranking, two replicas sharing the index.

The pgvector server is PyPI ``pgserver``'s PostgreSQL 16 (``pgvector_url``; "not run" without it);
Debian's PostgreSQL 15 (``postgres_url``) has no pgvector and must migrate and search as before.
The embedder is the hashing one from ``tests/fakes.py``: the point is that the database computes the
same scores as the in-memory matrix, not what a model finds.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest
from cryptography.fernet import Fernet
from sqlalchemy import create_engine, inspect, text

from dialog.catalogue.programmes import Catalogue
from dialog.catalogue.sample import load_sample
from dialog.retrieval.hybrid import HybridRetriever, ids
from records.config import RecordsConfig
from records.db import migrate
from records.store import Records
from records.vectors import PassageVectors
from tests.fakes import HashingEmbedder

QUERIES = ["기초연금 신청", "basic pension for seniors", "아이 낳으면 받는 돈", "장애인 활동 지원", "월세 지원 청년",
           "에너지 바우처", "어르신 일자리"]


class CountingEmbedder(HashingEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.passages = 0

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        self.passages += len(texts)
        return super().embed_passages(texts)


def columns(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SQLAlchemy does not know the type "vector"
            return {c["name"] for c in inspect(engine).get_columns("passage_vectors")}
    finally:
        engine.dispose()


@pytest.fixture
def records(pgvector_url: str) -> Iterator[Records]:
    opened = Records.open(RecordsConfig(pgvector_url, keys=(Fernet.generate_key().decode(),)))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_sample()


def test_migration_adds_the_vector_column_with_pgvector(pgvector_url: str) -> None:
    migrate(pgvector_url)
    assert "embedding" in columns(pgvector_url)
    migrate(pgvector_url)  # again: nothing to do


def test_migration_without_pgvector_leaves_bytes_only(postgres_url: str, tmp_path: Path) -> None:
    for url in (postgres_url, f"sqlite:///{tmp_path / 'records.db'}"):
        migrate(url)
        assert "embedding" not in columns(url)
        assert "vector" in columns(url)


def test_debian_postgresql_searches_in_memory(postgres_url: str, catalogue: Catalogue) -> None:
    opened = Records.open(RecordsConfig(postgres_url, keys=(Fernet.generate_key().decode(),)))
    try:
        retriever = HybridRetriever(catalogue, HashingEmbedder(), vectors=PassageVectors(opened))
        assert retriever.matrix is not None and retriever.embedded == len(retriever)
    finally:
        opened.close()


def test_pgvector_ranks_as_the_matrix_does(records: Records, catalogue: Catalogue) -> None:
    embedder = HashingEmbedder()
    memory = HybridRetriever(catalogue, embedder)
    database = HybridRetriever(catalogue, embedder, vectors=PassageVectors(records))
    assert database.matrix is None and database.embedded == len(database) > 0
    for query in QUERIES:
        np.testing.assert_allclose(database.cosines(query), memory.cosines(query), atol=1e-5)
        for mode in ("dense", "hybrid"):
            assert ids(database.rank(query, mode)) == ids(memory.rank(query, mode)), (query, mode)
        assert ids(database.search(query, "ko")) == ids(memory.search(query, "ko"))


def test_a_second_replica_embeds_and_reads_nothing(records: Records, catalogue: Catalogue,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    first = HybridRetriever(catalogue, CountingEmbedder(), vectors=PassageVectors(records))
    monkeypatch.setattr(PassageVectors, "load", lambda *a: pytest.fail("a replica read vectors into memory"))
    embedder = CountingEmbedder()
    second = HybridRetriever(catalogue, embedder, vectors=PassageVectors(records))
    assert (second.embedded, embedder.passages, second.matrix) == (0, 0, None)
    assert ids(second.rank("기초연금 신청")) == ids(first.rank("기초연금 신청"))


def test_only_new_passages_are_embedded_and_old_rows_are_filled(records: Records, catalogue: Catalogue) -> None:
    vectors = PassageVectors(records)
    programmes = catalogue.active()
    HybridRetriever(programmes[:-1], HashingEmbedder(), vectors=vectors)
    with records.session.begin() as session:  # rows stored as bytes before pgvector was there
        session.execute(text("UPDATE passage_vectors SET embedding = NULL"))
    embedder = CountingEmbedder()
    grown = HybridRetriever(programmes, embedder, vectors=vectors)
    assert grown.embedded == embedder.passages == 1
    assert ids(grown.rank("기초연금 신청")) == ids(HybridRetriever(programmes, HashingEmbedder()).rank("기초연금 신청"))


def test_e5_ranks_the_sample_catalogue_as_in_memory(records: Records, sample_retriever: HybridRetriever,
                                                    sample_catalogue: Catalogue) -> None:
    """The real multilingual-e5-small: same cosines, same first programmes for every query."""
    database = HybridRetriever(sample_catalogue, sample_retriever.embedder, vectors=PassageVectors(records))
    assert database.matrix is None
    for query in QUERIES:
        np.testing.assert_allclose(database.cosines(query), sample_retriever.cosines(query), atol=1e-5)
        assert ids(database.retrieve(query, k=5)) == ids(sample_retriever.retrieve(query, k=5)), query
