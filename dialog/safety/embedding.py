"""Danger by the e5 vectors: a linear read-out learnt from the labelled tuning examples.

Examples and utterances are embedded with the retrieval model (multilingual-e5-small, ``query:``
prompt); :class:`~dialog.safety.probe.SoftmaxProbe` is learnt on the tuning half of the labelled
set. An utterance is a danger when the probe's P(ordinary) < ``tau``; ``tau`` and the probe's L2
weight are tuned on the tuning half only (``dialog.safety.tuning``, 10-fold cross-validation).

Measured on the tuning half at the same ≤ 2 % false alarms, this catches more dangers than the
nearest labelled example with per-class thresholds (see docs/safety.md).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..embedder import Embedder
from .dataset import Labelled
from .probe import Reading, SoftmaxProbe


class ExampleProbe:
    """The labelled examples, embedded, and the probe learnt from them."""

    def __init__(self, embedder: Embedder, examples: Sequence[Labelled], l2: float) -> None:
        if not any(e.danger for e in examples) or all(e.danger for e in examples):
            raise ValueError("the examples need both danger and ordinary utterances")
        self.embedder = embedder
        vectors = embedder.embed_queries([e.text for e in examples])
        self.probe = SoftmaxProbe.fit(vectors, [e.label for e in examples], l2)

    def read(self, text: str) -> Reading:
        return self.probe.read(self.embedder.embed_queries([text]))[0]


__all__ = ["ExampleProbe"]
