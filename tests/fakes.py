"""Small real implementations of Malbeot's protocols for tests (deterministic, no model files).

- :class:`HashingEmbedder`: an embedder (``dialog.retrieval.embedder.Embedder``) without a model;
- :class:`ScriptedTranscriber`: a transcriber (``asr.protocol.Transcriber``) without a model: audio
  whose loudness stays below ``threshold`` is silence (empty text); anything louder "says" ``text``
  in ``spoken_language`` (or the first allowed language when that one is not allowed).

Tests and bench scripts import them as ``tests.fakes``; no product code does.
"""

from __future__ import annotations

import hashlib
import threading
import unicodedata
from collections.abc import Sequence

import numpy as np

from asr.protocol import Transcript, check_input


class HashingEmbedder:
    """An :class:`dialog.retrieval.embedder.Embedder`: hashed bag of character 1-3-grams, L2-normalised.

    Deterministic across processes (blake2b, not ``hash``); texts sharing character n-grams score
    high, so it ranks lexical overlap. Weak but real: no cross-lingual meaning.
    """

    def __init__(self, dim: int = 256, orders: tuple[int, ...] = (1, 2, 3)) -> None:
        self.name = f"hashing-ngrams-{dim}"
        self.dim = dim
        self.orders = orders

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts)

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        if isinstance(texts, str):
            raise TypeError("embed a list of texts, not a single str")
        out = np.zeros((len(texts), self.dim), np.float32)
        for row, text in enumerate(texts):
            padded = f"\x02{unicodedata.normalize('NFKC', text).casefold()}\x03"
            for n in self.orders:
                for i in range(max(len(padded) - n + 1, 0)):
                    digest = hashlib.blake2b(padded[i : i + n].encode("utf-8"), digest_size=8).digest()
                    bucket = int.from_bytes(digest[:4], "little") % self.dim
                    out[row, bucket] += 1.0 if digest[4] & 1 else -1.0
            norm = float(np.linalg.norm(out[row]))
            if norm == 0.0:  # every n-gram cancelled out: fall back to a fixed unit vector
                out[row, 0] = 1.0
            else:
                out[row] /= norm
        return out


class ScriptedTranscriber:
    name = "scripted"

    def __init__(self, text: str = "hello", spoken_language: str = "en", threshold: int = 500) -> None:
        self.text = text
        self.spoken_language = spoken_language
        self.threshold = threshold
        #: byte lengths of the audio of every transcribe call, in order
        self.calls: list[int] = []
        self._lock = threading.Lock()

    def transcribe(
        self, pcm: bytes, language: str | None = None, languages: Sequence[str] = ()
    ) -> Transcript:
        duration = check_input(pcm)
        with self._lock:
            self.calls.append(len(pcm))
        if language is None:
            language, probability = self.detect_language(pcm, languages)
        else:
            probability = 1.0
        text = self.text if self._loud(pcm) else ""
        return Transcript(text, language, probability, duration)

    def detect_language(self, pcm: bytes, languages: Sequence[str] = ()) -> tuple[str, float]:
        check_input(pcm)
        if not languages or self.spoken_language in languages:
            return self.spoken_language, 0.9
        return languages[0], 0.1

    def _loud(self, pcm: bytes) -> bool:
        samples = np.frombuffer(pcm, dtype="<i2")
        return samples.size > 0 and int(np.abs(samples.astype(np.int32)).max()) >= self.threshold
