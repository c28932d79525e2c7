"""The ``Translator`` protocol: blocking text translation between two languages."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class Translator(Protocol):
    """Translate text between language codes ("ko", "en", "zh", "vi", "ja"...).

    Contract (tests/translate/test_translate_contract.py):

    - ``supports(source, target)`` is cheap and never raises; every translator supports
      ``source == target`` for the languages it knows, returning the text unchanged;
    - ``translate`` blocks (call it in a worker thread); a pair it does not support raises
      :class:`malbeot_core.errors.UnknownLanguage`; any other failure raises
      :class:`malbeot_core.errors.BackendFailed` chained from its cause;
    - empty or blank text comes back unchanged without touching a model;
    - ``translate`` may be called from several threads at once.
    """

    name: str

    def supports(self, source: str, target: str) -> bool: ...

    def translate(self, text: str, source: str, target: str) -> str: ...
