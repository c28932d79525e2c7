"""Danger by the nearest labelled examples: a second reading of the e5 vectors beside the probe.

For each class (ordinary and the five danger kinds) the mean cosine of the ``K`` most similar
tuning examples; the *margin* is the best danger kind's mean minus the ordinary one's. A danger
when the margin exceeds ``margin`` (stored with the probe). The probe weighs the directions that
separate danger from ordinary speech; the neighbours catch a new phrasing that sits close to a few
examples of one kind even where the probe's linear read-out is unsure. Cross-validated by batch on
the tuning half, the two together catch more dangers than the probe alone at the same false alarms
(docs/safety.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from dialog.safety.probe import CLASSES

K = 3


@dataclass(frozen=True, slots=True)
class Nearest:
    margin: float  # best danger kind's mean similarity minus the ordinary one's
    kind: str  # that danger kind


def unit(vectors: np.ndarray) -> np.ndarray:
    v = np.asarray(vectors, dtype=np.float32)
    return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)


def _read(similarity: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(margins, kind indices) for rows of ``similarity`` (queries × examples)."""
    means = np.full((similarity.shape[0], len(CLASSES)), -1.0)
    for c in range(len(CLASSES)):
        columns = similarity[:, labels == c]
        if columns.shape[1]:
            k = min(K, columns.shape[1])
            means[:, c] = np.sort(columns, axis=1)[:, -k:].mean(1)
    kinds = 1 + means[:, 1:].argmax(1)
    return means[np.arange(len(kinds)), kinds] - means[:, 0], kinds


class Neighbours:
    def __init__(self, examples: np.ndarray, labels: np.ndarray) -> None:
        self.examples = unit(examples)
        self.labels = np.asarray(labels, dtype=np.int64)

    @classmethod
    def of(cls, vectors: np.ndarray, labels: Sequence[str]) -> Neighbours:
        return cls(vectors, np.array([CLASSES.index(label) for label in labels]))

    def read(self, vectors: np.ndarray) -> list[Nearest]:
        margins, kinds = _read(unit(vectors) @ self.examples.T, self.labels)
        return [Nearest(float(m), CLASSES[int(k)]) for m, k in zip(margins, kinds, strict=True)]


def leave_batch_out(vectors: np.ndarray, labels: Sequence[str], batches: Sequence[int]) -> list[Nearest]:
    """Each utterance read against the examples of the *other* batches only (for tuning)."""
    v = unit(vectors)
    y = np.array([CLASSES.index(label) for label in labels])
    groups = np.asarray(batches)
    out: list[Nearest | None] = [None] * len(y)
    for group in np.unique(groups):
        test = np.nonzero(groups == group)[0]
        train = groups != group
        margins, kinds = _read(v[test] @ v[train].T, y[train])
        for i, m, k in zip(test, margins, kinds, strict=True):
            out[int(i)] = Nearest(float(m), CLASSES[int(k)])
    return [n for n in out if n is not None]


__all__ = ["K", "Nearest", "Neighbours", "leave_batch_out", "unit"]
