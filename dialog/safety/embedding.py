"""Danger by similarity: an utterance close to a labelled danger example and not closer to an ordinary one.

Examples are embedded once with the retrieval model (multilingual-e5-small, ``query:`` prompt on both
sides: a symmetric similarity task). An utterance is a danger of kind K when its nearest danger
example (kind K: the maximum similarity over the examples, not a centroid) has cosine ≥ the
threshold for K and beats the nearest ordinary example by ≥ ``margin``. The per-class thresholds
and the margin are tuned on the tuning half of the labelled set (``dialog.safety.tuning``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..embedder import Embedder
from .dataset import ORDINARY, Labelled


@dataclass(frozen=True, slots=True)
class Nearest:
    """Similarities of one utterance to the examples."""

    danger: float
    kind: str  # the kind of the nearest danger example
    ordinary: float

    def decide(self, thresholds: Mapping[str, float], margin: float) -> str | None:
        """The kind, when the nearest danger example is close enough for its kind and beats the ordinary."""
        if self.kind and self.danger >= thresholds[self.kind] and self.danger - self.ordinary >= margin:
            return self.kind
        return None


def nearest_from(similarities: np.ndarray, labels: Sequence[str]) -> Nearest:
    """``similarities``: one utterance against every example (same order as ``labels``)."""
    best_danger, kind, best_ordinary = -1.0, "", -1.0
    for value, label in zip(similarities.tolist(), labels, strict=True):
        if label == ORDINARY:
            best_ordinary = max(best_ordinary, value)
        elif value > best_danger:
            best_danger, kind = value, label
    return Nearest(best_danger, kind, best_ordinary)


class ExampleIndex:
    """The labelled examples, embedded."""

    def __init__(self, embedder: Embedder, examples: Sequence[Labelled]) -> None:
        if not any(e.danger for e in examples) or all(e.danger for e in examples):
            raise ValueError("the examples need both danger and ordinary utterances")
        self.embedder = embedder
        self.labels = [e.label for e in examples]
        self.texts = [e.text for e in examples]
        self.vectors = embedder.embed_queries(self.texts)

    def nearest(self, text: str) -> Nearest:
        query = self.embedder.embed_queries([text])[0]
        return nearest_from(self.vectors @ query, self.labels)


__all__ = ["ExampleIndex", "Nearest", "nearest_from"]
