"""Learning the stored probe (``data/probe.npz``) and choosing its L2 weight and threshold, on the tuning half only.

Run offline by ``python bench/safety_recall.py --tune``; the gateway only loads the result.

The setting is chosen by cross-validation *by batch* over the tuning half: the labelled set was
written in batches (``BATCHES``: the first line of each, in file order; see bench/README.md), and
each batch's tuning utterances are read by a probe learnt on the other batches' tuning utterances.
A batch was written in one sitting, so this asks what a new way of saying things gets, not how
well a near-copy of a training line is read (fold-by-row-number gives higher, less honest figures).
The embedding is a second detector beside the rules (for dangers put in words the rules do not
know), so it is tuned on its own: the (l2, tau) pair with the most dangers caught with the right
kind whose false alarms on the ordinary tuning utterances stay within ``FALSE_ALARM_BUDGET`` (ties:
fewer alarms, then the larger l2, then the smaller tau). The budget is below the 3 % goal because
the rules' own false alarms add to it. The final probe is then learnt on the whole tuning half.

The nearest-example reading (:mod:`dialog.safety.neighbours`) is tuned with it: each batch's
utterances are read against the other batches' examples, and the (l2, tau, margin) triple is chosen
by the same rule (``MARGINS``; an infinite margin is the probe alone). The stored examples are the
whole tuning half's vectors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dialog.retrieval.embedder import Embedder
from dialog.safety.dataset import Labelled
from dialog.safety.embedding import STORED, features
from dialog.safety.neighbours import Nearest, leave_batch_out, unit
from dialog.safety.probe import CLASSES, Reading, SoftmaxProbe

FALSE_ALARM_BUDGET = 0.015
#: the first line (0-based, file order) of each batch the labelled set was written in
BATCHES = (0, 298, 556, 676, 822, 982, 1062, 1098, 1444, 1530, 1580, 1871, 1930, 1962, 2147, 2324, 2506)
L2S = (0.01, 0.03, 0.1)
TAUS = tuple(sorted({round(float(t), 4) for t in np.geomspace(1e-3, 0.5, 80)}))
MARGINS = (*(round(float(m), 4) for m in np.linspace(0.0, 0.08, 33)), float("inf"))


@dataclass(frozen=True, slots=True)
class Tuned:
    l2: float
    tau: float
    #: the embedding alone, cross-validated by batch on the tuning half
    recall: float
    false_alarm_rate: float
    #: the nearest-example margin (inf: the probe alone)
    margin: float = float("inf")


def batch_of(line: int) -> int:
    return int(np.searchsorted(BATCHES, line, side="right")) - 1


def cross_validated(vectors: np.ndarray, rows: Sequence[Labelled], batches: Sequence[int],
                    l2: float) -> list[Reading]:
    groups = np.asarray(batches)
    readings: list[Reading | None] = [None] * len(rows)
    for group in np.unique(groups):
        train = np.nonzero(groups != group)[0]
        test = np.nonzero(groups == group)[0]
        probe = SoftmaxProbe.fit(vectors[train], [rows[int(i)].label for i in train], l2)
        for i, reading in zip(test, probe.read(vectors[test]), strict=True):
            readings[int(i)] = reading
    return [r for r in readings if r is not None]


def counts(rows: Sequence[Labelled], readings: Sequence[Reading], tau: float,
           nearest: Sequence[Nearest] | None = None, margin: float = float("inf")) -> tuple[int, int]:
    """(dangers caught with the right kind, ordinary utterances flagged) at one setting."""
    hits = alarms = 0
    for i, (row, reading) in enumerate(zip(rows, readings, strict=True)):
        kind = reading.decide(tau)
        if kind is None and nearest is not None and nearest[i].margin > margin:
            kind = nearest[i].kind
        if row.danger and kind == row.label:
            hits += 1
        elif not row.danger and kind is not None:
            alarms += 1
    return hits, alarms


def _grid(rows: Sequence[Labelled], readings: Sequence[Reading],
          nearest: Sequence[Nearest]) -> tuple[np.ndarray, np.ndarray]:
    """(hits, alarms) for every (tau, margin) of ``TAUS`` × ``MARGINS`` at once."""
    label = np.array([CLASSES.index(r.label) for r in rows])
    ordinary = np.array([r.ordinary for r in readings])
    probe_kind = np.array([CLASSES.index(r.kind) for r in readings])
    near_margin = np.array([n.margin for n in nearest])
    near_kind = np.array([CLASSES.index(n.kind) for n in nearest])
    by_probe = ordinary[None, :] < np.array(TAUS)[:, None]  # taus × rows
    by_near = near_margin[None, :] > np.array(MARGINS)[:, None]  # margins × rows
    kind = np.where(by_probe[:, None, :], probe_kind, np.where(by_near[None, :, :], near_kind, 0))
    danger = label > 0
    hits = ((kind == label) & danger).sum(-1)
    alarms = ((kind > 0) & ~danger).sum(-1)
    return hits, alarms


def evaluate(embedder: Embedder, rows: Sequence[Labelled], batches: Sequence[int], l2: float,
             tau: float, margin: float = float("inf")) -> Tuned:
    """The embedding alone at one setting, cross-validated as :func:`tune` does."""
    vectors = features(embedder, [r.text for r in rows])
    nearest = leave_batch_out(vectors, [r.label for r in rows], batches)
    hits, alarms = counts(rows, cross_validated(vectors, rows, batches, l2), tau, nearest, margin)
    dangers = sum(r.danger for r in rows)
    return Tuned(l2, tau, hits / dangers, alarms / (len(rows) - dangers), margin)


def tune(embedder: Embedder, rows: Sequence[Labelled], batches: Sequence[int]) -> Tuned:
    vectors = features(embedder, [r.text for r in rows])
    nearest = leave_batch_out(vectors, [r.label for r in rows], batches)
    dangers = sum(r.danger for r in rows)
    ordinary = len(rows) - dangers
    best: tuple[tuple[int, int, float, float, float], Tuned] | None = None
    for l2 in L2S:
        hits, alarms = _grid(rows, cross_validated(vectors, rows, batches, l2), nearest)
        for (t, m), h in np.ndenumerate(hits):
            a = int(alarms[t, m])
            if a > FALSE_ALARM_BUDGET * ordinary:
                continue
            key = (-int(h), a, -l2, TAUS[t], -MARGINS[m])
            if best is None or key < best[0]:
                best = (key, Tuned(l2, TAUS[t], int(h) / dangers, a / ordinary, MARGINS[m]))
    if best is None:
        raise ValueError("no threshold keeps the false alarms within budget")
    return best[1]


def learn_and_store(embedder: Embedder, rows: Sequence[Labelled], setting: Tuned, lines: int,
                    path: Path = STORED) -> None:
    """Learn the probe on all of ``rows`` (the tuning half of the labelled set's first ``lines`` lines) at
    ``setting`` and store it with ``lines``, and ``rows`` as the nearest examples: lines written later
    join the tuning half for the rules (and, by :func:`store_examples`, the examples) without moving
    the probe, which keeps reading what it was learnt on until it is learnt again."""
    vectors = features(embedder, [r.text for r in rows])
    probe = SoftmaxProbe.fit(vectors, [r.label for r in rows], setting.l2)
    probe.save(path, l2=setting.l2, tau=setting.tau, margin=setting.margin, cv_recall=setting.recall,
               cv_false_alarm_rate=setting.false_alarm_rate, lines=lines)
    _put_examples(path, vectors, rows, lines)


def store_examples(embedder: Embedder, rows: Sequence[Labelled], lines: int, path: Path = STORED) -> None:
    """Replace the stored nearest examples by ``rows`` (the tuning half of the first ``lines`` lines),
    keeping the probe, its threshold and the margin as they are.

    More ways of saying a danger, from another writer, let the neighbours catch a third writer's
    phrasings: on the tuning half, round 8's lines read with round 9's added as examples were caught
    82/129 times instead of 73/129, and round 9's with round 8's 63/124 instead of 56/124, with no
    more false alarms (bench/README.md, round 10)."""
    _put_examples(path, features(embedder, [r.text for r in rows]), rows, lines)


def _put_examples(path: Path, vectors: np.ndarray, rows: Sequence[Labelled], lines: int) -> None:
    with np.load(path) as data:
        arrays = {key: data[key] for key in data.files}
    arrays["examples"] = unit(vectors).astype(np.float16)
    arrays["example_labels"] = np.array([CLASSES.index(r.label) for r in rows], dtype=np.int8)
    arrays["example_lines"] = np.array(lines)
    np.savez_compressed(path, **arrays)  # type: ignore[arg-type]


__all__ = ["BATCHES", "FALSE_ALARM_BUDGET", "L2S", "MARGINS", "TAUS", "Tuned", "batch_of", "counts", "cross_validated",
           "evaluate", "learn_and_store", "store_examples", "tune"]
