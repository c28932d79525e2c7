"""Shared plumbing for the transformers sequence-to-sequence translators (Marian, NLLB).

torch and transformers are imported on first use, never at import time. A model folder is
loaded once, on the first translation, and then used by one thread at a time (the tokenizer
of NLLB keeps the source language as state, and CPU generation gains nothing from overlap).
"""

from __future__ import annotations

import re
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from malbeot_core.errors import BackendFailed, MalbeotError, ModelMissing
from malbeot_core.models import resolve

from .languages import primary

T = TypeVar("T")

#: a sentence ends at . ! ? (and their full-width forms) followed by white space
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+")
#: target languages written without spaces between sentences
_NO_SPACE = frozenset({"zh", "ja"})
#: loads one model at a time (``warnings.catch_warnings`` is process-wide state)
_LOADING = threading.Lock()


@dataclass(frozen=True, slots=True)
class Generation:
    max_new_tokens: int = 256
    num_beams: int = 1
    #: sentences per generate() call
    batch_size: int = 16


def locate(model: str | None, model_dir: Path | str | None, default: str) -> Path:
    """The folder to load: a models.lock entry (verified), or an explicit folder used as it is."""
    if model is None and model_dir is not None:
        path = Path(model_dir)
        if not path.is_dir():
            raise ModelMissing(f"translation model folder {path} does not exist", stage="translate")
        return path
    return resolve(model or default, model_dir)


def split_sentences(text: str) -> list[list[str]]:
    """Lines of sentences; short inputs translate better and keep the answer's line breaks."""
    return [[s for s in _SENTENCE_END.split(line.strip()) if s] for line in text.splitlines()]


def join_sentences(lines: list[list[str]], target: str) -> str:
    glue = "" if primary(target) in _NO_SPACE else " "
    return "\n".join(glue.join(line) for line in lines)


def guarded(backend: str, work: Callable[[], T]) -> T:
    """Run ``work``; Malbeot errors pass unchanged, anything else becomes BackendFailed."""
    try:
        return work()
    except MalbeotError:
        raise
    except Exception as exc:
        raise BackendFailed(f"{backend}: {type(exc).__name__}: {exc}", stage="translate") from exc


class Seq2Seq:
    """A tokenizer and model from one folder, loaded on first use, used under a lock."""

    def __init__(
        self,
        directory: Path,
        *,
        tokenizer_class: str = "AutoTokenizer",
        model_class: str = "AutoModelForSeq2SeqLM",
        device: str = "cpu",
        generation: Generation | None = None,
    ) -> None:
        self.directory = directory
        self.tokenizer_class = tokenizer_class
        self.model_class = model_class
        self.device = device
        self.generation = generation or Generation()
        self._lock = threading.Lock()
        self._loaded: tuple[Any, Any] | None = None

    def _load(self) -> tuple[Any, Any]:
        """Caller holds the lock."""
        if self._loaded is None:
            import transformers

            with _LOADING, warnings.catch_warnings():
                # MarianTokenizer recommends sacremoses for punctuation normalisation; not needed here
                warnings.filterwarnings("ignore", message=".*sacremoses.*")
                tokenizer = getattr(transformers, self.tokenizer_class).from_pretrained(
                    str(self.directory), local_files_only=True
                )
            model = getattr(transformers, self.model_class).from_pretrained(str(self.directory), local_files_only=True)
            model.to(self.device)
            model.eval()
            self._loaded = (tokenizer, model)
        return self._loaded

    def load(self) -> None:
        """Load now (for example at start-up) instead of on the first translation."""
        with self._lock:
            self._load()

    def token_id(self, token: str) -> int | None:
        """The id of a single vocabulary token (an NLLB language code), or None if absent."""
        with self._lock:
            tokenizer, _ = self._load()
            found = tokenizer.convert_tokens_to_ids(token)
            return None if found is None or found == tokenizer.unk_token_id else int(found)

    def generate(
        self, sentences: list[str], *, source_token: str | None = None, target_token_id: int | None = None
    ) -> list[str]:
        """Translate each sentence. ``source_token``/``target_token_id``: NLLB/M2M100 language tokens."""
        if not sentences:
            return []
        import torch

        g = self.generation
        options: dict[str, Any] = {"max_new_tokens": g.max_new_tokens, "num_beams": g.num_beams}
        options["do_sample"] = False
        if target_token_id is not None:
            options["forced_bos_token_id"] = target_token_id
        out: list[str] = []
        with self._lock:
            tokenizer, model = self._load()
            if source_token is not None:
                tokenizer.src_lang = source_token
            for start in range(0, len(sentences), g.batch_size):
                batch = tokenizer(
                    sentences[start : start + g.batch_size], return_tensors="pt", padding=True, truncation=True
                ).to(self.device)
                with torch.inference_mode():
                    ids = model.generate(**batch, **options)
                out.extend(s.strip() for s in tokenizer.batch_decode(ids, skip_special_tokens=True))
        return out

    def translate_text(
        self, text: str, target: str, *, source_token: str | None = None, target_token_id: int | None = None
    ) -> str:
        lines = split_sentences(text)
        flat = [s for line in lines for s in line]
        done = iter(self.generate(flat, source_token=source_token, target_token_id=target_token_id))
        return join_sentences([[next(done) for _ in line] for line in lines], target)
