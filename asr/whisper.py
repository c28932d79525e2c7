"""faster-whisper (CTranslate2) speech recognition on the CPU.

Whisper always encodes a 30 s window, so one call costs about the same for 1 s or 20 s of speech
(roughly 0.5-1.5 s on a small CPU). Two things keep that cost down:

* a Silero speech gate: audio without speech is answered with an empty transcript at once,
  without running whisper (which also stops whisper "hearing" words in noise);
* the encoder output of the last window is remembered, so language identification followed by
  transcription of the same audio encodes once, not twice.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from malbeot_core.errors import BackendFailed, MalbeotError

from .protocol import Transcript, check_input, pick_language

SPEECH_GATE_THRESHOLD = 0.5
#: frames of 32 ms above the threshold needed before the audio counts as speech
SPEECH_GATE_FRAMES = 3


def _memo_model_class() -> type:
    """A ``WhisperModel`` that remembers the encoder output of the last window it encoded."""
    from faster_whisper import WhisperModel

    class MemoWhisperModel(WhisperModel):  # type: ignore[misc]
        _memo: tuple[bytes, Any] | None = None
        encodes = 0

        def encode(self, features: np.ndarray) -> Any:
            data = np.ascontiguousarray(features)
            key = hashlib.blake2b(str(data.shape).encode(), digest_size=16)
            key.update(data.tobytes())
            digest = key.digest()
            if self._memo is not None and self._memo[0] == digest:
                return self._memo[1]
            output = super().encode(features)
            self.encodes += 1
            self._memo = (digest, output)
            return output

    return MemoWhisperModel


class WhisperTranscriber:
    name = "faster-whisper"

    def __init__(
        self,
        model: str = "faster-whisper-base",
        model_dir: Path | None = None,
        compute_type: str = "int8",
        cpu_threads: int = 2,
        beam_size: int = 1,
        temperatures: Sequence[float] = (0.0, 0.4, 0.8),
        speech_gate: bool = True,
    ) -> None:
        from malbeot_core.models import resolve

        self.model_name = model
        self.beam_size = beam_size
        self.temperatures = tuple(temperatures)
        path = resolve(model, model_dir)
        try:
            self._model: Any = _memo_model_class()(
                str(path),
                device="cpu",
                compute_type=compute_type,
                cpu_threads=cpu_threads,
                local_files_only=True,
            )
        except Exception as exc:  # ctranslate2 raises RuntimeError/ValueError for bad folders
            raise BackendFailed(f"cannot load whisper model from {path}: {exc}", stage="asr") from exc
        self._gate: Any = None
        if speech_gate:
            from .vad import SileroVad

            self._gate = SileroVad()
        self._lock = threading.Lock()

    # -- Transcriber protocol -----------------------------------------------------------------

    def transcribe(
        self, pcm: bytes, language: str | None = None, languages: Sequence[str] = ()
    ) -> Transcript:
        duration = check_input(pcm)
        with self._lock:
            try:
                if not self._has_speech(pcm):
                    return Transcript("", language or (languages[0] if languages else ""), 0.0, duration)
                audio = _float32(pcm)
                probability = 1.0
                if language is None:
                    language, probability = self._detect(audio, languages)
                segments, _info = self._model.transcribe(
                    audio,
                    language=language,
                    beam_size=self.beam_size,
                    temperature=list(self.temperatures),
                    condition_on_previous_text=False,
                    without_timestamps=True,
                    vad_filter=False,
                )
                text = "".join(segment.text for segment in segments).strip()
            except MalbeotError:
                raise
            except Exception as exc:
                raise BackendFailed(f"whisper failed: {type(exc).__name__}: {exc}", stage="asr") from exc
        return Transcript(text, language, probability, duration)

    def detect_language(self, pcm: bytes, languages: Sequence[str] = ()) -> tuple[str, float]:
        check_input(pcm)
        with self._lock:
            try:
                return self._detect(_float32(pcm), languages)
            except MalbeotError:
                raise
            except Exception as exc:
                raise BackendFailed(
                    f"whisper language detection failed: {type(exc).__name__}: {exc}", stage="asr"
                ) from exc

    # -- internals (called with the lock held) ------------------------------------------------

    @property
    def encodes(self) -> int:
        """How many 30 s windows the encoder has run (for tests and benchmarks)."""
        return int(self._model.encodes)

    def _has_speech(self, pcm: bytes) -> bool:
        if not pcm:
            return False
        if self._gate is None:
            return True
        self._gate.reset()
        probs = self._gate.probabilities(pcm)
        return int(np.count_nonzero(probs >= SPEECH_GATE_THRESHOLD)) >= SPEECH_GATE_FRAMES

    def _detect(self, audio: np.ndarray, languages: Sequence[str]) -> tuple[str, float]:
        # The features are cut exactly as ``generate_segments`` cuts its first window (it drops
        # the last frame), so the remembered encoder output is reused by the transcription.
        features = self._model.feature_extractor(audio)
        _lang, _p, all_probs = self._model.detect_language(
            features=features[..., :-1], language_detection_segments=1
        )
        return pick_language(all_probs, languages)


def _float32(pcm: bytes) -> np.ndarray:
    return np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0
