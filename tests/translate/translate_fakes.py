"""Translators for stage tests that implement the real ``Translator`` protocol without a model."""

from __future__ import annotations

import threading
from collections.abc import Mapping

from malbeot_core.errors import BackendFailed, UnknownLanguage
from translate.languages import primary


class DictTranslator:
    """Word-by-word translation from a small dictionary per pair; unknown words stay as they are."""

    name = "dict"

    def __init__(self, words: Mapping[tuple[str, str], Mapping[str, str]]) -> None:
        self.words = {(primary(s), primary(t)): dict(w) for (s, t), w in words.items()}
        self.languages = {code for pair in self.words for code in pair}
        #: thread ids that ran translate(), to check the stage keeps it off the event loop
        self.threads: list[int] = []

    def supports(self, source: str, target: str) -> bool:
        pair = (primary(source), primary(target))
        return pair in self.words or (pair[0] == pair[1] and pair[0] in self.languages)

    def translate(self, text: str, source: str, target: str) -> str:
        if not self.supports(source, target):
            raise UnknownLanguage(f"dict: no words for {source!r} → {target!r}", stage="translate")
        self.threads.append(threading.get_ident())
        if primary(source) == primary(target):
            return text
        words = self.words[(primary(source), primary(target))]
        return "\n".join(" ".join(words.get(w, w) for w in line.split(" ")) for line in text.split("\n"))


class BrokenTranslator:
    """Claims every pair and fails every translation, the way a crashed model does."""

    name = "broken"

    def supports(self, source: str, target: str) -> bool:
        return True

    def translate(self, text: str, source: str, target: str) -> str:
        try:
            raise RuntimeError("CUDA error: device-side assert triggered")
        except RuntimeError as exc:
            raise BackendFailed(f"broken: {exc}", stage="translate") from exc
