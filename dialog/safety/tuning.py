"""Choosing the embedding threshold and margin on the tuning half only (leave-one-out).

Each tuning utterance is compared with the *other* tuning utterances. The embedding is a second,
independent detector beside the rules (it is meant to catch dangers put in words the rules do not
know), so it is tuned on its own: the (threshold, margin) pair with the highest recall whose false
alarms on the ordinary tuning utterances stay within ``FALSE_ALARM_BUDGET`` (ties: fewer alarms,
then the higher threshold). The call path flags a danger when the rules *or* the embedding do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..embedder import Embedder
from .dataset import Labelled
from .embedding import Nearest, nearest_from

FALSE_ALARM_BUDGET = 0.02
THRESHOLDS = tuple(round(0.80 + 0.005 * i, 3) for i in range(37))  # 0.80 … 0.98
MARGINS = tuple(round(0.005 * i, 3) for i in range(13))  # 0 … 0.06


@dataclass(frozen=True, slots=True)
class Tuned:
    threshold: float
    margin: float
    #: the embedding alone, leave-one-out on the tuning half
    recall: float
    false_alarm_rate: float


def leave_one_out(embedder: Embedder, rows: Sequence[Labelled]) -> list[Nearest]:
    vectors = embedder.embed_queries([r.text for r in rows])
    sims = vectors @ vectors.T
    np.fill_diagonal(sims, -1.0)
    labels = [r.label for r in rows]
    return [nearest_from(sims[i], labels) for i in range(len(rows))]


def counts(rows: Sequence[Labelled], nearest: Sequence[Nearest], threshold: float, margin: float) -> tuple[int, int]:
    """(dangers caught with the right kind, ordinary utterances flagged) at one setting."""
    hits = alarms = 0
    for row, near in zip(rows, nearest, strict=True):
        kind = near.decide(threshold, margin)
        if row.danger and kind == row.label:
            hits += 1
        elif not row.danger and kind is not None:
            alarms += 1
    return hits, alarms


def evaluate(embedder: Embedder, rows: Sequence[Labelled], threshold: float, margin: float) -> Tuned:
    """The embedding alone at a given setting, leave-one-out on ``rows``."""
    hits, alarms = counts(rows, leave_one_out(embedder, rows), threshold, margin)
    dangers = sum(r.danger for r in rows)
    return Tuned(threshold, margin, hits / dangers, alarms / (len(rows) - dangers))


def tune(embedder: Embedder, rows: Sequence[Labelled]) -> Tuned:
    nearest = leave_one_out(embedder, rows)
    dangers = sum(r.danger for r in rows)
    ordinary = len(rows) - dangers
    best: tuple[tuple[float, float, float], Tuned] | None = None
    for threshold in THRESHOLDS:
        for margin in MARGINS:
            hits, alarms = counts(rows, nearest, threshold, margin)
            if alarms > FALSE_ALARM_BUDGET * ordinary:
                continue
            key = (-hits, alarms, -(threshold + margin))
            if best is None or key < best[0]:
                best = (key, Tuned(threshold, margin, hits / dangers, alarms / ordinary))
    if best is None:
        raise ValueError("no threshold keeps the false alarms within budget")
    return best[1]


__all__ = ["FALSE_ALARM_BUDGET", "MARGINS", "THRESHOLDS", "Tuned", "counts", "evaluate", "leave_one_out", "tune"]
