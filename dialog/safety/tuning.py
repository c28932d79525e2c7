"""Choosing the embedding's per-class thresholds and margin on the tuning half only (leave-one-out).

Each tuning utterance is compared with the *other* tuning utterances. The embedding is a second,
independent detector beside the rules (it is meant to catch dangers put in words the rules do not
know), so it is tuned on its own: for each margin, a threshold per danger class is lowered step by
step (greedy: the step that catches the most dangers of the right kind, then the fewest alarms)
while the false alarms on the ordinary tuning utterances stay within ``FALSE_ALARM_BUDGET``; the
margin with the highest recall wins (ties: fewer alarms, then the larger margin). The call path
flags a danger when the rules *or* the embedding do.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..embedder import Embedder
from .dataset import Labelled
from .embedding import Nearest, nearest_from
from .kinds import DangerKind

FALSE_ALARM_BUDGET = 0.02
THRESHOLDS = tuple(round(0.85 + 0.005 * i, 3) for i in range(27))  # 0.85 … 0.98
MARGINS = tuple(round(0.01 * i, 3) for i in range(7))  # 0 … 0.06
KINDS = tuple(kind.value for kind in DangerKind)


@dataclass(frozen=True, slots=True)
class Tuned:
    #: danger kind → the least similarity to its nearest example of that kind
    thresholds: Mapping[str, float]
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


def _score(rows: Sequence[Labelled], nearest: Sequence[Nearest], thresholds: Mapping[str, float],
           margin: float) -> tuple[int, int]:
    hits = alarms = 0
    for row, near in zip(rows, nearest, strict=True):
        kind = near.decide(thresholds, margin)
        if row.danger and kind == row.label:
            hits += 1
        elif not row.danger and kind is not None:
            alarms += 1
    return hits, alarms


def _greedy(rows: Sequence[Labelled], nearest: Sequence[Nearest], margin: float,
            budget: float) -> tuple[dict[str, float], int, int]:
    thresholds = {kind: THRESHOLDS[-1] for kind in KINDS}
    hits, alarms = _score(rows, nearest, thresholds, margin)
    while True:
        best: tuple[tuple[int, int, float], str] | None = None
        for kind in KINDS:
            for value in THRESHOLDS:
                if value >= thresholds[kind]:
                    continue
                h, a = _score(rows, nearest, {**thresholds, kind: value}, margin)
                key = (h, -a, value)
                if a <= budget and (best is None or key > best[0]):
                    best = (key, kind)
        if best is None or best[0][0] <= hits:
            return thresholds, hits, alarms
        (hits, minus_alarms, value), kind = best
        thresholds[kind], alarms = value, -minus_alarms


def tune(embedder: Embedder, rows: Sequence[Labelled]) -> Tuned:
    nearest = leave_one_out(embedder, rows)
    dangers = sum(r.danger for r in rows)
    ordinary = len(rows) - dangers
    best: tuple[tuple[int, int, float], Tuned] | None = None
    for margin in MARGINS:
        thresholds, hits, alarms = _greedy(rows, nearest, margin, FALSE_ALARM_BUDGET * ordinary)
        key = (-hits, alarms, -margin)
        if best is None or key < best[0]:
            best = (key, Tuned(thresholds, margin, hits / dangers, alarms / ordinary))
    assert best is not None
    return best[1]


__all__ = ["FALSE_ALARM_BUDGET", "KINDS", "MARGINS", "THRESHOLDS", "Tuned", "leave_one_out", "tune"]
