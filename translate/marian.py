"""``MarianTranslator``: one OPUS-MT (MarianMT) model per language pair.

Needs the ``sentencepiece`` package (``MarianTokenizer``). Pairs are keyed by primary language
subtags: ``("en", "zh")`` or ``"en-zh"``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from malbeot_core.errors import UnknownLanguage
from malbeot_core.models import resolve

from .languages import primary
from .seq2seq import Generation, Seq2Seq, guarded, locate

Pair = tuple[str, str]
PairKey = Pair | str

#: pairs and the models.lock entries used when nothing else is configured
DEFAULT_MODELS: Mapping[PairKey, str] = {("en", "zh"): "opus-mt-en-zh", ("en", "vi"): "opus-mt-en-vi"}


def pair_key(pair: PairKey) -> Pair:
    source, target = pair.split("-", 1) if isinstance(pair, str) else pair
    return primary(source), primary(target)


class MarianTranslator:
    name = "marian"

    def __init__(
        self,
        model_dirs: Mapping[PairKey, Path | str] | None = None,
        *,
        models: Mapping[PairKey, str] | None = None,
        device: str = "cpu",
        generation: Generation | None = None,
    ) -> None:
        """``models``: pair → models.lock name (verified; a folder in ``model_dirs`` for the same pair
        is where it is looked for); ``model_dirs`` alone: pair → a folder of your own, loaded as it is.
        Neither: :data:`DEFAULT_MODELS`."""
        if model_dirs is None and models is None:
            models = DEFAULT_MODELS
        explicit = {pair_key(p): d for p, d in (model_dirs or {}).items()}
        folders: dict[Pair, Path] = {}
        for pair, name in (models or {}).items():
            key = pair_key(pair)
            folders[key] = resolve(name, explicit.pop(key, None))
        for key, folder in explicit.items():
            folders[key] = locate(None, folder, "")
        self._models = {
            key: Seq2Seq(
                folder,
                tokenizer_class="MarianTokenizer",
                model_class="MarianMTModel",
                device=device,
                generation=generation,
            )
            for key, folder in folders.items()
        }
        self.pairs: frozenset[Pair] = frozenset(self._models)
        self.languages: frozenset[str] = frozenset(code for pair in self.pairs for code in pair)

    def load(self) -> None:
        for model in self._models.values():
            guarded(self.name, model.load)

    def supports(self, source: str, target: str) -> bool:
        key = pair_key((source, target))
        return key in self.pairs or (key[0] == key[1] and key[0] in self.languages)

    def translate(self, text: str, source: str, target: str) -> str:
        if not self.supports(source, target):
            known = ", ".join(f"{s}→{t}" for s, t in sorted(self.pairs))
            raise UnknownLanguage(
                f"marian: no model for {source!r} → {target!r}; configured pairs: {known}", stage="translate"
            )
        key = pair_key((source, target))
        if key[0] == key[1] or not text.strip():
            return text
        model = self._models[key]
        return guarded(self.name, lambda: model.translate_text(text, target))
