"""Registering a programme rebuilds the search index aside: searches meanwhile answer from the old one.

Issue 10 (8): ``POST /v1/staff/programmes`` re-embedded the whole catalogue in one embedder call
while holding the embedder (real backends serialise their calls), so ``/v1/benefits/search``
waited for the whole rebuild. Now only new or edited passages are embedded, a few per call, and
the new index is swapped in when it is complete.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import pytest

from dialog.retrieval.hybrid import EMBED_BATCH, HybridRetriever
from tests.fakes import HashingEmbedder
from tests.staff.conftest import StaffWorld

PROGRAMME: dict[str, Any] = {
    "id": "JN-KIMCHI-SHARE",
    "name_ko": "종로구 김장김치 나눔",
    "name_en": "Jongno Kimchi Sharing",
    "summary_ko": "홀몸 어르신께 김장김치를 나눠 드립니다.",
}
DEADLOCK_GUARD = 60.0  # seconds; only reached when a search really waits for the rebuild


class SerialisingEmbedder:
    """An Embedder that, like the real backends, serialises its calls with a lock; it records the
    size of every ``embed_passages`` call, and can hold a rebuild on an Event (``gate``) — the
    rebuild is then in progress for as long as the test likes."""

    def __init__(self) -> None:
        self._inner = HashingEmbedder()
        self.name = self._inner.name
        self.dim = self._inner.dim
        self._lock = threading.Lock()
        self.passage_calls: list[int] = []
        self.gate: threading.Event | None = None
        self.entered = threading.Event()

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            return self._inner.embed_queries(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        if self.gate is not None:
            self.entered.set()
            self.gate.wait()
        with self._lock:
            self.passage_calls.append(len(texts))
            return self._inner.embed_passages(texts)


@pytest.fixture
def embedder(world: StaffWorld, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> SerialisingEmbedder:
    monkeypatch.setenv("MALBEOT_HOME", str(tmp_path / "home"))  # no embedding cache from other runs
    fake = SerialisingEmbedder()
    world.services.__dict__["retriever"] = HybridRetriever(world.services.catalogue, fake)
    fake.passage_calls.clear()
    return fake


def _search_ids(world: StaffWorld, query: str) -> list[str]:
    reply = world.client.get("/v1/benefits/search", params={"q": query, "k": 5})
    assert reply.status_code == 200, reply.text
    return [hit["id"] for hit in reply.json()["results"]]


def test_a_new_programme_embeds_only_its_own_passage(world: StaffWorld, embedder: SerialisingEmbedder) -> None:
    size = len(world.services.catalogue.active())
    created = world.client.post("/v1/staff/programmes", json=PROGRAMME, headers=world.auth(world.alice))
    assert created.status_code == 201, created.text
    # the old code re-embedded the whole catalogue (size + 1 passages) in one call, holding the embedder
    assert embedder.passage_calls == [1], f"catalogue of {size}: embedded {embedder.passage_calls}"
    assert PROGRAMME["id"] in _search_ids(world, "김장김치 나눔")


def test_a_full_rebuild_embeds_in_small_batches(world: StaffWorld, embedder: SerialisingEmbedder) -> None:
    programmes = world.services.catalogue.active()
    assert len(programmes) > EMBED_BATCH
    HybridRetriever(programmes, embedder)  # nothing to reuse: every passage is embedded
    assert sum(embedder.passage_calls) == len(programmes)
    assert max(embedder.passage_calls) <= EMBED_BATCH


def test_search_during_a_rebuild_answers_from_the_old_index(world: StaffWorld,
                                                            embedder: SerialisingEmbedder) -> None:
    before = _search_ids(world, "김장김치 나눔")
    assert PROGRAMME["id"] not in before
    embedder.gate = threading.Event()
    with ThreadPoolExecutor(2) as pool:
        posted = pool.submit(world.client.post, "/v1/staff/programmes", json=PROGRAMME,
                             headers=world.auth(world.alice))
        assert embedder.entered.wait(DEADLOCK_GUARD), "the rebuild never started"
        try:
            searched = pool.submit(_search_ids, world, "김장김치 나눔")
            during = searched.result(timeout=DEADLOCK_GUARD)  # the rebuild is still held on the gate
            assert not posted.done()
        finally:
            embedder.gate.set()
        assert posted.result(timeout=DEADLOCK_GUARD).status_code == 201
    assert during == before  # the old index, complete, answered
    assert PROGRAMME["id"] in _search_ids(world, "김장김치 나눔")  # swapped in
