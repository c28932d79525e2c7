"""Named backends: speech recognisers (and, re-exported, speech detectors), imported on first use."""

from __future__ import annotations

from typing import Any

from malbeot_core.registry import Registry

from .protocol import Transcriber
from .vad import create_detector, detectors

__all__ = ["create_detector", "create_transcriber", "detectors", "transcribers"]

transcribers = Registry[Transcriber]("transcriber")
transcribers.register("faster-whisper", "asr.whisper:WhisperTranscriber")
#: the Ray Serve deployment (MALBEOT_MODEL_WORKERS=ray; model_workers/)
transcribers.register("ray", "asr.ray_backend:RayTranscriber")


def create_transcriber(name: str, **kwargs: Any) -> Transcriber:
    return transcribers.create(name, **kwargs)
