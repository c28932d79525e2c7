"""Choosing the probe's L2 weight and its threshold ``tau`` on the tuning half only.

10-fold cross-validation over the tuning half (fold = row number mod 10, in file order): each
tuning utterance is read by a probe learnt on the other nine folds. The embedding is a second,
independent detector beside the rules (it is meant to catch dangers put in words the rules do not
know), so it is tuned on its own: the (l2, tau) pair with the most dangers caught with the right
kind whose false alarms on the ordinary tuning utterances stay within ``FALSE_ALARM_BUDGET`` (ties:
fewer alarms, then the larger l2, then the smaller tau). The call path flags a danger when the
rules *or* the embedding do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..embedder import Embedder
from .dataset import Labelled
from .probe import Reading, SoftmaxProbe

FALSE_ALARM_BUDGET = 0.02
FOLDS = 10
L2S = (0.01, 0.1, 0.3)
TAUS = tuple(sorted({round(float(t), 4) for t in np.geomspace(1e-3, 0.5, 60)}))


@dataclass(frozen=True, slots=True)
class Tuned:
    l2: float
    tau: float
    #: the embedding alone, cross-validated on the tuning half
    recall: float
    false_alarm_rate: float


def cross_validated(vectors: np.ndarray, rows: Sequence[Labelled], l2: float) -> list[Reading]:
    folds = np.arange(len(rows)) % FOLDS
    readings: list[Reading | None] = [None] * len(rows)
    for fold in range(FOLDS):
        train = np.nonzero(folds != fold)[0]
        test = np.nonzero(folds == fold)[0]
        probe = SoftmaxProbe.fit(vectors[train], [rows[int(i)].label for i in train], l2)
        for i, reading in zip(test, probe.read(vectors[test]), strict=True):
            readings[int(i)] = reading
    return [r for r in readings if r is not None]


def counts(rows: Sequence[Labelled], readings: Sequence[Reading], tau: float) -> tuple[int, int]:
    """(dangers caught with the right kind, ordinary utterances flagged) at one threshold."""
    hits = alarms = 0
    for row, reading in zip(rows, readings, strict=True):
        kind = reading.decide(tau)
        if row.danger and kind == row.label:
            hits += 1
        elif not row.danger and kind is not None:
            alarms += 1
    return hits, alarms


def evaluate(embedder: Embedder, rows: Sequence[Labelled], l2: float, tau: float) -> Tuned:
    """The embedding alone at one setting, cross-validated on ``rows`` as :func:`tune` does."""
    vectors = np.asarray(embedder.embed_queries([r.text for r in rows]))
    hits, alarms = counts(rows, cross_validated(vectors, rows, l2), tau)
    dangers = sum(r.danger for r in rows)
    return Tuned(l2, tau, hits / dangers, alarms / (len(rows) - dangers))


def tune(embedder: Embedder, rows: Sequence[Labelled]) -> Tuned:
    vectors = np.asarray(embedder.embed_queries([r.text for r in rows]))
    dangers = sum(r.danger for r in rows)
    ordinary = len(rows) - dangers
    best: tuple[tuple[int, int, float, float], Tuned] | None = None
    for l2 in L2S:
        readings = cross_validated(vectors, rows, l2)
        for tau in TAUS:
            hits, alarms = counts(rows, readings, tau)
            if alarms > FALSE_ALARM_BUDGET * ordinary:
                continue
            key = (-hits, alarms, -l2, tau)
            if best is None or key < best[0]:
                best = (key, Tuned(l2, tau, hits / dangers, alarms / ordinary))
    if best is None:
        raise ValueError("no threshold keeps the false alarms within budget")
    return best[1]


__all__ = ["FALSE_ALARM_BUDGET", "FOLDS", "L2S", "TAUS", "Tuned", "counts", "cross_validated", "evaluate", "tune"]
