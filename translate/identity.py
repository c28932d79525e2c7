"""``IdentityTranslator`` ("none"): used when no MT model is configured; answers keep their language."""

from __future__ import annotations

from collections.abc import Iterable

from malbeot_core.errors import UnknownLanguage

from .languages import primary


class IdentityTranslator:
    name = "none"

    def __init__(self, languages: Iterable[str] | None = None) -> None:
        #: languages it accepts (None: any code)
        self.languages = None if languages is None else frozenset(primary(c) for c in languages)

    def _known(self, code: str) -> bool:
        return bool(primary(code)) and (self.languages is None or primary(code) in self.languages)

    def supports(self, source: str, target: str) -> bool:
        return self._known(source) and primary(source) == primary(target)

    def translate(self, text: str, source: str, target: str) -> str:
        if not self.supports(source, target):
            raise UnknownLanguage(
                f"no translation model is configured: cannot translate {source!r} to {target!r}",
                stage="translate",
            )
        return text
