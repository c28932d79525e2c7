"""``ray``: voices of the ``malbeot-tts`` Ray Serve deployment (model_workers/), at 16 kHz.

The deployment chooses the voice per language as the embedded gateway does (Kokoro, Piper, eSpeak
NG) and streams each chunk as the voice makes it; closing the generator early cancels the request,
which stops the voice on the worker (barge-in).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

from malbeot_core.audio import INTERNAL

from .protocol import clamp_rate, require_language


class RaySynthesizer:
    name = "ray"
    sample_rate = INTERNAL.rate

    def __init__(self, address: str | None = None) -> None:
        from model_workers.client import call, handle
        from model_workers.deployments import TTS_APP

        self._handle = handle(TTS_APP, address)
        info = call(self._handle, "info", stage="tts")
        self.languages: frozenset[str] = frozenset(info["languages"])
        self._voices: dict[str, str] = {}
        self._lock = threading.Lock()

    def voice_name(self, language: str) -> str:
        """The deployment's voice for ``language`` ("kokoro/jm_kumo"), asked once."""
        from model_workers.client import call

        with self._lock:
            known = self._voices.get(language)
        if known is None:
            known = str(call(self._handle, "voice", language, stage="tts"))
            with self._lock:
                self._voices[language] = known
        return known

    def synthesize(self, text: str, language: str, rate: float = 1.0) -> Iterator[bytes]:
        from model_workers.client import stream

        require_language(self, language)
        if not text.strip():
            return
        yield from stream(self._handle, "synthesize", text, language, clamp_rate(rate), stage="tts")

