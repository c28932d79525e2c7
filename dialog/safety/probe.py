"""A linear read-out of the e5 vectors, learnt from the labelled tuning examples (softmax regression).

Nearest-example similarity (the first design) weighs every direction of the vector
alike, so "죽겠네 배고파" sits as close to "죽고 싶어요" as a real danger does. A linear model
learnt on the labelled examples weighs the directions that separate danger from ordinary speech:
on the tuning half (10-fold cross-validation) it catches more dangers at the same false alarms.

Six classes: ``none`` and the five danger kinds. An utterance is a danger when P(none) < ``tau``;
its kind is the most probable danger kind. Plain numpy (full-batch Adam on standardised vectors,
fixed steps, zero start): the same examples give the same model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dialog.safety.dataset import ORDINARY

CLASSES = (ORDINARY, "medical", "suicide", "abuse", "fire", "crime")


@dataclass(frozen=True, slots=True)
class Reading:
    """What the probe says about one utterance."""

    ordinary: float  # P(none)
    kind: str  # the most probable danger kind
    probability: float  # its probability

    def decide(self, tau: float) -> str | None:
        return self.kind if self.ordinary < tau else None


class SoftmaxProbe:
    def __init__(self, mean: np.ndarray, scale: np.ndarray, weights: np.ndarray, bias: np.ndarray) -> None:
        self.mean, self.scale, self.weights, self.bias = mean, scale, weights, bias

    @classmethod
    def fit(
        cls, vectors: np.ndarray, labels: Sequence[str], l2: float, steps: int = 600, rate: float = 0.05
    ) -> SoftmaxProbe:
        x = np.asarray(vectors, dtype=np.float64)
        mean = x.mean(0)
        scale = x.std(0) + 1e-6
        z = (x - mean) / scale
        target = np.zeros((len(labels), len(CLASSES)))
        target[np.arange(len(labels)), [CLASSES.index(label) for label in labels]] = 1.0
        w = np.zeros((z.shape[1], len(CLASSES)))
        b = np.zeros(len(CLASSES))
        m_w, v_w, m_b, v_b = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
        for step in range(1, steps + 1):
            p = _softmax(z @ w + b)
            g = (p - target) / len(labels)
            grad_w = z.T @ g + l2 * w
            grad_b = g.sum(0)
            m_w, v_w = 0.9 * m_w + 0.1 * grad_w, 0.999 * v_w + 0.001 * grad_w**2
            m_b, v_b = 0.9 * m_b + 0.1 * grad_b, 0.999 * v_b + 0.001 * grad_b**2
            correction = np.sqrt(1 - 0.999**step) / (1 - 0.9**step)
            w -= rate * correction * m_w / (np.sqrt(v_w) + 1e-8)
            b -= rate * correction * m_b / (np.sqrt(v_b) + 1e-8)
        return cls(mean, scale, w, b)

    def save(self, path: Path, **setting: float) -> None:
        """Store the weights (and the setting they were chosen with) in an ``.npz`` file."""
        arrays: dict[str, np.ndarray] = {"mean": self.mean, "scale": self.scale, "weights": self.weights,
                                         "bias": self.bias, "classes": np.array(CLASSES)}
        arrays.update({key: np.array(value) for key, value in setting.items()})
        np.savez_compressed(path, **arrays)  # type: ignore[arg-type]

    @classmethod
    def load(cls, path: Path) -> tuple[SoftmaxProbe, dict[str, float]]:
        """The stored probe and its setting (``tau``, ``l2``): nothing is learnt at start-up."""
        with np.load(path) as data:
            if tuple(str(c) for c in data["classes"]) != CLASSES:
                raise ValueError(f"{path}: classes {list(data['classes'])} are not {list(CLASSES)}")
            probe = cls(data["mean"], data["scale"], data["weights"], data["bias"])
            setting = {k: float(data[k]) for k in data.files if data[k].ndim == 0}
        return probe, setting

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        z = (np.asarray(vectors, dtype=np.float64) - self.mean) / self.scale
        return _softmax(z @ self.weights + self.bias)

    def read(self, vectors: np.ndarray) -> list[Reading]:
        out = []
        for p in self.probabilities(vectors):
            best = 1 + int(np.argmax(p[1:]))
            out.append(Reading(float(p[0]), CLASSES[best], float(p[best])))
        return out


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(1, keepdims=True))
    return shifted / shifted.sum(1, keepdims=True)


__all__ = ["CLASSES", "Reading", "SoftmaxProbe"]
