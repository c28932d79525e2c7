"""Speech-probability sources: one probability per fixed-size frame of 16 kHz int16 mono audio.

Detectors are stateful (Silero keeps a recurrent state), so a call creates its own instance.
Heavy imports (webrtcvad, onnxruntime) happen in the constructors, not at module import.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

import numpy as np

from malbeot_core.audio import INTERNAL
from malbeot_core.errors import BackendFailed, BadAudio
from malbeot_core.registry import Registry

RATE = INTERNAL.rate


class SpeechDetector(Protocol):
    #: length of the frames ``probability`` accepts, in seconds
    frame_seconds: float

    def probability(self, frame_pcm: bytes) -> float:
        """Probability (0..1) that the frame holds speech; ``frame_pcm`` is exactly one frame."""
        ...

    def reset(self) -> None:
        """Forget the state carried between frames."""
        ...


def frame_bytes(detector: SpeechDetector) -> int:
    """Bytes of 16-bit PCM in one frame of ``detector``."""
    return round(detector.frame_seconds * RATE) * INTERNAL.width


def _check_frame(frame_pcm: bytes, expected: int, who: str) -> None:
    if len(frame_pcm) != expected:
        raise BadAudio(f"{who} expects frames of {expected} bytes, got {len(frame_pcm)}", stage="vad")


class WebRtcVad:
    """The WebRTC GMM voice activity detector: 20 ms frames, answers 0.0 or 1.0."""

    frame_seconds = 0.02

    def __init__(self, aggressiveness: int = 2) -> None:
        import webrtcvad

        if aggressiveness not in (0, 1, 2, 3):
            raise ValueError(f"webrtc aggressiveness must be 0..3, got {aggressiveness}")
        self.aggressiveness = aggressiveness
        self._vad = webrtcvad.Vad(aggressiveness)
        self._bytes = frame_bytes(self)

    def probability(self, frame_pcm: bytes) -> float:
        _check_frame(frame_pcm, self._bytes, "WebRtcVad")
        return 1.0 if self._vad.is_speech(frame_pcm, RATE) else 0.0

    def reset(self) -> None:
        """WebRTC VAD keeps only short adaptive state; a fresh instance clears it."""
        import webrtcvad

        self._vad = webrtcvad.Vad(self.aggressiveness)


class SileroVad:
    """Silero VAD v6 (ONNX) run with onnxruntime, 512-sample frames at 16 kHz.

    Like the reference implementation (and ``faster_whisper/vad.py``), each 512-sample frame is
    fed with the last 64 samples of the previous frame in front of it (576 inputs), and the
    LSTM state ``h``/``c`` is carried from one call to the next.
    """

    frame_seconds = 512 / RATE
    _WINDOW = 512
    _CONTEXT = 64

    def __init__(self, model: str = "silero-vad-v6", model_dir: Path | None = None) -> None:
        import onnxruntime

        from malbeot_core.models import resolve

        folder = resolve(model, model_dir)
        onnx = next(folder.glob("*.onnx"), None)
        if onnx is None:
            raise BackendFailed(f"no .onnx file in {folder}", stage="vad")
        opts = onnxruntime.SessionOptions()
        opts.inter_op_num_threads = 1
        opts.intra_op_num_threads = 1
        opts.log_severity_level = 4
        self._session: Any = onnxruntime.InferenceSession(
            str(onnx), providers=["CPUExecutionProvider"], sess_options=opts
        )
        self._bytes = frame_bytes(self)
        self.reset()

    def reset(self) -> None:
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros(self._CONTEXT, dtype=np.float32)

    def probability(self, frame_pcm: bytes) -> float:
        _check_frame(frame_pcm, self._bytes, "SileroVad")
        x = np.frombuffer(frame_pcm, dtype="<i2").astype(np.float32) / 32768.0
        return float(self._run(x[None, :])[0])

    def probabilities(self, pcm: bytes) -> np.ndarray:
        """Speech probability of every whole frame of ``pcm`` in one model call (state carried on)."""
        n = len(pcm) // self._bytes
        if n == 0:
            return np.zeros(0, dtype=np.float32)
        x = np.frombuffer(pcm[: n * self._bytes], dtype="<i2").astype(np.float32) / 32768.0
        return self._run(x.reshape(n, self._WINDOW))

    def _run(self, frames: np.ndarray) -> np.ndarray:
        """Run ``frames`` (n, 512) through the model as one sequence; returns n probabilities."""
        contexts = np.concatenate([self._context[None, :], frames[:-1, -self._CONTEXT :]], axis=0)
        batch = np.concatenate([contexts, frames], axis=1).astype(np.float32)
        try:
            probs, self._h, self._c = self._session.run(None, {"input": batch, "h": self._h, "c": self._c})
        except Exception as exc:  # onnxruntime raises its own exception types
            raise BackendFailed(f"silero vad failed: {exc}", stage="vad") from exc
        self._context = frames[-1, -self._CONTEXT :].copy()
        return np.asarray(probs, dtype=np.float32).reshape(-1)


#: detectors by name ("module:attr", imported on first use)
detectors = Registry[SpeechDetector]("speech detector")
detectors.register("silero", "asr.vad:SileroVad")
detectors.register("webrtc", "asr.vad:WebRtcVad")


def create_detector(name: str, **kwargs: Any) -> SpeechDetector:
    """A fresh detector (they are stateful: one per call)."""
    return detectors.create(name, **kwargs)
