"""Fake synthesizers implementing the real ``Synthesizer`` protocol (no mocks)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import numpy as np

from malbeot_core.errors import BackendFailed, ModelMissing
from tts.protocol import clamp_rate, require_language


class ToneSynthesizer:
    """A 440 Hz tone, ``seconds_per_char / rate`` long per character, in ``chunk_seconds`` pieces.

    ``delay`` seconds of "work" before each chunk makes it slow; ``fail_on`` makes sentences
    containing that word raise ``BackendFailed``. It records what it was asked and did.
    """

    name = "fake"

    def __init__(
        self,
        languages: frozenset[str] = frozenset({"ko", "en"}),
        sample_rate: int = 8000,
        seconds_per_char: float = 0.02,
        chunk_seconds: float = 0.1,
        delay: float = 0.0,
        fail_on: str | None = None,
    ) -> None:
        self.languages = languages
        self.sample_rate = sample_rate
        self.seconds_per_char = seconds_per_char
        self.chunk_seconds = chunk_seconds
        self.delay = delay
        self.fail_on = fail_on
        self._lock = threading.Lock()
        #: (text, language, rate) of every call
        self.calls: list[tuple[str, str, float]] = []
        #: texts whose synthesis ran to the end
        self.finished: list[str] = []
        #: texts whose generator was closed before the end
        self.abandoned: list[str] = []
        self.chunks_made = 0

    def synthesize(self, text: str, language: str, rate: float = 1.0) -> Iterator[bytes]:
        require_language(self, language)
        with self._lock:
            self.calls.append((text, language, rate))
        return self._stream(text.strip(), clamp_rate(rate))

    def _stream(self, text: str, rate: float) -> Iterator[bytes]:
        if not text:
            return
        if self.fail_on and self.fail_on in text:
            try:
                raise RuntimeError("the fake voice broke")
            except RuntimeError as exc:
                raise BackendFailed(f"fake voice failed on {text!r}", stage="tts") from exc
        total = int(len(text) * self.seconds_per_char / rate * self.sample_rate)
        step = max(1, int(self.chunk_seconds * self.sample_rate))
        t = np.arange(total) / self.sample_rate
        samples = (0.3 * 32767 * np.sin(2 * np.pi * 440 * t)).astype("<i2")
        done = False
        try:
            for i in range(0, total, step):
                if self.delay:
                    time.sleep(self.delay)
                with self._lock:
                    self.chunks_made += 1
                yield samples[i : i + step].tobytes()
            done = True
        finally:
            with self._lock:
                (self.finished if done else self.abandoned).append(text)


class BrokenSynthesizer:
    """A backend whose model is missing: construction fails (the selector must fall back)."""

    name = "broken"
    languages = frozenset({"ko", "en"})
    sample_rate = 16000
    created = 0

    def __init__(self) -> None:
        type(self).created += 1
        raise ModelMissing("the broken voice has no model here", stage="tts")

    def synthesize(self, text: str, language: str, rate: float = 1.0) -> Iterator[bytes]:
        raise AssertionError("never constructed")


class CountingToneSynthesizer(ToneSynthesizer):
    """A tone voice that counts how many were created (to check the selector's caching)."""

    created = 0

    def __init__(self, languages: tuple[str, ...] = ("ko", "en")) -> None:
        type(self).created += 1
        super().__init__(languages=frozenset(languages))

    def voice_name(self, language: str) -> str:
        return f"{language}-tone"
