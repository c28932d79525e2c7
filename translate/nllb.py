"""``NllbTranslator``: one multilingual NLLB-200 (M2M100 architecture) model for every pair.

Languages are FLORES-200 tokens: the tokenizer is told the source language and generation is
forced to start with the target language token (``forced_bos_token_id``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from malbeot_core.errors import BackendFailed, UnknownLanguage

from .languages import lookup, normalise
from .seq2seq import Generation, Seq2Seq, guarded, locate

DEFAULT_MODEL = "nllb-200-distilled-600M"

#: Malbeot language codes → FLORES-200 tokens of the NLLB tokenizer
FLORES_CODES: Mapping[str, str] = {
    "ko": "kor_Hang",
    "en": "eng_Latn",
    "zh": "zho_Hans",
    "zh-cn": "zho_Hans",
    "zh-hans": "zho_Hans",
    "zh-tw": "zho_Hant",
    "zh-hant": "zho_Hant",
    "vi": "vie_Latn",
    "ja": "jpn_Jpan",
}


class NllbTranslator:
    name = "nllb"

    def __init__(
        self,
        model: str | None = None,
        *,
        model_dir: Path | str | None = None,
        codes: Mapping[str, str] = FLORES_CODES,
        device: str = "cpu",
        generation: Generation | None = None,
    ) -> None:
        """``model``: a models.lock name (default :data:`DEFAULT_MODEL`), verified before loading;
        ``model_dir`` alone: a folder of your own, loaded as it is."""
        self.directory = locate(model, model_dir, DEFAULT_MODEL)
        self.codes = {normalise(k): v for k, v in codes.items()}
        self._model = Seq2Seq(self.directory, device=device, generation=generation)

    def load(self) -> None:
        guarded(self.name, self._model.load)

    def supports(self, source: str, target: str) -> bool:
        return lookup(self.codes, source) is not None and lookup(self.codes, target) is not None

    def _code(self, language: str) -> str:
        code = lookup(self.codes, language)
        if code is None:
            raise UnknownLanguage(
                f"nllb: no FLORES-200 code for {language!r}; known: {', '.join(sorted(self.codes))}",
                stage="translate",
            )
        return code

    def translate(self, text: str, source: str, target: str) -> str:
        src, tgt = self._code(source), self._code(target)
        if src == tgt or not text.strip():
            return text

        def work() -> str:
            tgt_id = self._model.token_id(tgt)
            if tgt_id is None:
                raise BackendFailed(
                    f"nllb: the tokenizer in {self.directory} has no language token {tgt!r}", stage="translate"
                )
            return self._model.translate_text(text, target, source_token=src, target_token_id=tgt_id)

        return guarded(self.name, work)
