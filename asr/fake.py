"""A deterministic stand-in transcriber for tests and model-free runs of the pipeline.

It implements the :class:`~asr.protocol.Transcriber` protocol without a model: audio whose
loudness stays below ``threshold`` is silence (empty text); anything louder "says" ``text`` in
``spoken_language`` (or the first allowed language when that one is not allowed).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

from .protocol import Transcript, check_input


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
