"""The civil index embeds only what changed: a staff edit re-embeds one entry's passages, and a restart
takes the vectors from the cache file (model-free hashing embedder, counting what it embeds)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from dialog.civil.desk import CivilDesk
from dialog.civil.knowledge import CivilKnowledge
from tests.fakes import HashingEmbedder


class CountingEmbedder(HashingEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.passages = 0

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        self.passages += len(texts)
        return super().embed_passages(texts)


def test_an_edit_re_embeds_only_that_entry_and_a_restart_uses_the_cache(tmp_path: Path) -> None:
    embedder = CountingEmbedder()
    knowledge = CivilKnowledge.sample()
    desk = CivilDesk.build(knowledge, embedder, cache_dir=tmp_path)
    first = embedder.passages
    assert first == len(desk.search.index.texts) > 0

    passport = knowledge.get("CIVIL-PASSPORT")
    knowledge.upsert(replace(passport, notes={**passport.notes, "en": "Bring your old passport too."}))
    rebuilt = desk.rebuilt()
    assert 0 < embedder.passages - first <= 1 + len(passport.names)  # the full passage (and none else)
    assert rebuilt.search.index.matrix.shape == desk.search.index.matrix.shape

    before = embedder.passages
    again = CivilDesk.build(CivilKnowledge.sample(), embedder, cache_dir=tmp_path)
    assert embedder.passages == before  # every vector from the cache file
    assert np.allclose(again.search.index.matrix, desk.search.index.matrix)
