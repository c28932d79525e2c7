"""Danger by the e5 vectors: a linear read-out learnt offline from the labelled tuning examples.

An utterance is embedded twice with the retrieval model (multilingual-e5-small, already loaded for
search): with the ``query:`` and with the ``passage:`` prompt, the two vectors side by side (768
numbers). :class:`~dialog.safety.probe.SoftmaxProbe`, learnt on the tuning half of the labelled set
by ``bench/safety_recall.py --tune`` and stored in ``data/probe.npz``, reads them: a danger when its
P(ordinary) < ``tau`` (stored with it). Nothing is learnt at start-up: the weights are only loaded.

Cross-validated by batch on the tuning half, both vectors catch 0.65 of the dangers at 1.9 % false
alarms, the query vector alone 0.56 (docs/safety.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from dialog.retrieval.embedder import Embedder
from dialog.safety.probe import Reading, SoftmaxProbe

STORED = Path(__file__).parent / "data" / "probe.npz"


def features(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    """(n, 2·dim): the query and the passage vector of each text, side by side."""
    texts = list(texts)
    return np.hstack([embedder.embed_queries(texts), embedder.embed_passages(texts)])


class ExampleProbe:
    """The stored probe, reading an utterance's e5 vectors."""

    def __init__(self, embedder: Embedder, probe: SoftmaxProbe, tau: float) -> None:
        self.embedder = embedder
        self.probe = probe
        self.tau = tau

    @classmethod
    def stored(cls, embedder: Embedder, path: Path = STORED) -> ExampleProbe:
        probe, setting = SoftmaxProbe.load(path)
        if probe.mean.shape[0] != 2 * embedder.dim:
            raise ValueError(f"{path} was learnt on {probe.mean.shape[0]} numbers, not 2 x {embedder.dim}")
        return cls(embedder, probe, setting["tau"])

    def read(self, text: str) -> Reading:
        return self.probe.read(features(self.embedder, [text]))[0]


__all__ = ["STORED", "ExampleProbe", "features"]
