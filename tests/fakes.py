"""Small real implementations of Malbeot's protocols for tests (deterministic, no model files)."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence

import numpy as np


class HashingEmbedder:
    """An :class:`dialog.embedder.Embedder`: hashed bag of character 1-3-grams, L2-normalised.

    Deterministic across processes (blake2b, not ``hash``); texts sharing character n-grams score
    high, so it ranks lexical overlap. Weak but real: no cross-lingual meaning.
    """

    def __init__(self, dim: int = 256, orders: tuple[int, ...] = (1, 2, 3)) -> None:
        self.name = f"hashing-ngrams-{dim}"
        self.dim = dim
        self.orders = orders

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts)

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        if isinstance(texts, str):
            raise TypeError("embed a list of texts, not a single str")
        out = np.zeros((len(texts), self.dim), np.float32)
        for row, text in enumerate(texts):
            padded = f"\x02{unicodedata.normalize('NFKC', text).casefold()}\x03"
            for n in self.orders:
                for i in range(max(len(padded) - n + 1, 0)):
                    digest = hashlib.blake2b(padded[i : i + n].encode("utf-8"), digest_size=8).digest()
                    bucket = int.from_bytes(digest[:4], "little") % self.dim
                    out[row, bucket] += 1.0 if digest[4] & 1 else -1.0
            norm = float(np.linalg.norm(out[row]))
            if norm == 0.0:  # every n-gram cancelled out: fall back to a fixed unit vector
                out[row, 0] = 1.0
            else:
                out[row] /= norm
        return out
