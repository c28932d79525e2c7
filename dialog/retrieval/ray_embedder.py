"""``ray``: text vectors from the ``malbeot-embed`` Ray Serve deployment (model_workers/).

``name`` and ``dim`` are the deployment's embedder's, so stored passage vectors and the safety
probe learnt for multilingual-e5 apply unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


class RayEmbedder:
    def __init__(self, address: str | None = None) -> None:
        from model_workers.client import call, handle
        from model_workers.deployments import EMBED_APP

        self._handle = handle(EMBED_APP, address)
        info = call(self._handle, "info", stage="dialog")
        self.name: str = info["name"]
        self.dim: int = int(info["dim"])

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, passages=False)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, passages=True)

    def _embed(self, texts: Sequence[str], passages: bool) -> np.ndarray:
        from model_workers.client import call

        if isinstance(texts, str):
            raise TypeError("embed a list of texts, not a bare string")
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        vectors = call(self._handle, "embed", list(texts), passages, stage="dialog")
        return np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(texts), self.dim)
