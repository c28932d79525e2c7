"""Danger by the e5 vectors: a linear read-out learnt offline from the labelled tuning examples.

An utterance is embedded twice with the retrieval model (multilingual-e5-small, already loaded for
search): with the ``query:`` and with the ``passage:`` prompt, the two vectors side by side (768
numbers). :class:`~dialog.safety.probe.SoftmaxProbe`, learnt on the tuning half of the labelled set
by ``bench/safety_recall.py --tune`` and stored in ``data/probe.npz``, reads them: a danger when its
P(ordinary) < ``tau`` (stored with it). Beside it, the tuning examples' vectors (stored with the
probe, float16) are read by :class:`~dialog.safety.neighbours.Neighbours`: a danger too when the
nearest examples of a danger kind are closer than the nearest ordinary ones by more than ``margin``.
Nothing is learnt at start-up: the weights and the examples are only loaded.

Cross-validated by batch on the tuning half, thresholds chosen on the other batches, probe and
neighbours together caught 0.71 of the dangers at 2.3 % false alarms, the probe alone 0.64 at
2.0 % (docs/safety.md, bench/README.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from dialog.retrieval.embedder import Embedder
from dialog.safety.neighbours import Nearest, Neighbours
from dialog.safety.probe import Reading, SoftmaxProbe

STORED = Path(__file__).parent / "data" / "probe.npz"


def features(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    """(n, 2·dim): the query and the passage vector of each text, side by side."""
    texts = list(texts)
    return np.hstack([embedder.embed_queries(texts), embedder.embed_passages(texts)])


class ExampleProbe:
    """The stored probe, reading an utterance's e5 vectors."""

    def __init__(self, embedder: Embedder, probe: SoftmaxProbe, tau: float,
                 neighbours: Neighbours | None = None, margin: float = float("inf")) -> None:
        self.embedder = embedder
        self.probe = probe
        self.tau = tau
        self.neighbours = neighbours
        self.margin = margin

    @classmethod
    def stored(cls, embedder: Embedder, path: Path = STORED) -> ExampleProbe:
        probe, setting = SoftmaxProbe.load(path)
        if probe.mean.shape[0] != 2 * embedder.dim:
            raise ValueError(f"{path} was learnt on {probe.mean.shape[0]} numbers, not 2 x {embedder.dim}")
        neighbours = None
        with np.load(path) as data:
            if "examples" in data.files:
                neighbours = Neighbours(data["examples"], data["example_labels"])
        return cls(embedder, probe, setting["tau"], neighbours, setting.get("margin", float("inf")))

    def read(self, text: str) -> Reading:
        return self.probe.read(features(self.embedder, [text]))[0]

    def judge(self, text: str) -> tuple[str | None, str]:
        """(the danger kind or None, how it was read): the probe first, then the nearest examples."""
        vectors = features(self.embedder, [text])
        reading = self.probe.read(vectors)[0]
        kind = reading.decide(self.tau)
        if kind is not None:
            return kind, f"{1 - reading.ordinary:.3f}"
        if self.neighbours is not None:
            near: Nearest = self.neighbours.read(vectors)[0]
            if near.margin > self.margin:
                return near.kind, f"nearest {near.margin:+.3f}"
        return None, ""


__all__ = ["STORED", "ExampleProbe", "features"]
