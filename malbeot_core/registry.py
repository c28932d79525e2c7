"""A tiny backend registry with lazy imports.

Backends register by dotted path (``"tts.espeak:EspeakSynthesizer"``) so that importing the
registry does not import torch, ctranslate2 or onnxruntime; the module is imported on first use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from .errors import NotFound

T = TypeVar("T")


class Registry(Generic[T]):
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._paths: dict[str, str] = {}

    def register(self, name: str, path: str) -> None:
        self._paths[name] = path

    def names(self) -> list[str]:
        return sorted(self._paths)

    def factory(self, name: str) -> Callable[..., T]:
        try:
            path = self._paths[name]
        except KeyError as exc:
            raise NotFound(f"no {self.kind} backend named {name!r}; known: {', '.join(self.names())}") from exc
        module_name, _, attr = path.partition(":")
        module = importlib.import_module(module_name)
        factory: Callable[..., T] = getattr(module, attr)
        return factory

    def create(self, name: str, **kwargs: Any) -> T:
        return self.factory(name)(**kwargs)
