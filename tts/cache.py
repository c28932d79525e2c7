"""A synthesis cache on disk: the same sentence, voice and rate is synthesised once.

Answers are spoken sentence by sentence (:mod:`tts.stage`), and most sentences recur — the call
notice, prompts, menus, each programme's summary — so a sentence heard before starts from disk at
once instead of waiting for the neural voice (~1-2 s on two cores). The key is
(backend, voice, language, rate, text); the value is the voice's raw PCM at its own sample rate.
Only a synthesis that ran to the end is stored (a reply cut short by barge-in stores nothing), and
a file is written under a temporary name and renamed, so concurrent calls never read half a file.

:meth:`CachedSynthesizer.warm` synthesises a list of sentences ahead (at set-up, or in the
background after a catalogue change). The voice selector wraps every backend in this cache when
``MALBEOT_TTS_CACHE`` names a folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

from malbeot_core.service_settings import service_settings

from .protocol import Synthesizer, clamp_rate, require_language


class CachedSynthesizer:
    """A :class:`Synthesizer` that answers repeated sentences from ``directory``."""

    def __init__(self, inner: Synthesizer, directory: Path | str, chunk_seconds: float = 0.5) -> None:
        self.inner = inner
        self.name = inner.name
        self.languages = inner.languages
        self.sample_rate = inner.sample_rate
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self._chunk_bytes = max(2, int(self.sample_rate * chunk_seconds) * 2)
        #: sentences answered from disk / synthesised (for benchmarks and tests)
        self.hits = 0
        self.misses = 0

    def voice_name(self, language: str) -> str:
        named = getattr(self.inner, "voice_name", None)
        return str(named(language)) if callable(named) else self.inner.name

    def path_for(self, text: str, language: str, rate: float = 1.0) -> Path:
        key = json.dumps(
            [self.inner.name, self.voice_name(language), language, round(clamp_rate(rate), 3), text.strip()],
            ensure_ascii=False,
        )
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
        return self.directory / digest[:2] / f"{digest}.pcm"

    def synthesize(self, text: str, language: str, rate: float = 1.0) -> Iterator[bytes]:
        require_language(self, language)
        return self._stream(text.strip(), language, rate)

    def warm(self, texts: Iterable[str], language: str, rate: float = 1.0) -> int:
        """Synthesise every text not yet cached; returns how many were synthesised."""
        made = 0
        for text in texts:
            if text.strip() and not self.path_for(text, language, rate).is_file():
                for _ in self.synthesize(text, language, rate):
                    pass
                made += 1
        return made

    def _stream(self, text: str, language: str, rate: float) -> Iterator[bytes]:
        if not text:
            return
        path = self.path_for(text, language, rate)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            data = None
        if data is not None:
            self.hits += 1
            for i in range(0, len(data), self._chunk_bytes):
                yield data[i : i + self._chunk_bytes]
            return
        self.misses += 1
        pieces: list[bytes] = []
        for pcm in self.inner.synthesize(text, language, rate):
            pieces.append(pcm)
            yield pcm
        self._store(path, b"".join(pieces))  # reached only when the whole sentence was made

    @staticmethod
    def _store(path: Path, pcm: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
        tmp.write_bytes(pcm)
        os.replace(tmp, path)


def cache_dir_from_env(environ: dict[str, str] | None = None) -> Path | None:
    return service_settings(environ).tts_cache
