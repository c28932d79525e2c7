"""``ray``: speech recognition by the ``malbeot-asr`` Ray Serve deployment (model_workers/).

Turns of different calls reaching the deployment together are decoded in one whisper batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .protocol import Transcript, check_input


class RayTranscriber:
    name = "ray"

    def __init__(self, model: str = "faster-whisper-base", address: str | None = None) -> None:
        from model_workers.client import call, handle
        from model_workers.deployments import ASR_APP

        self._handle = handle(ASR_APP, address)
        info = call(self._handle, "info", stage="asr")
        #: what the deployment serves (``name`` says "ray"; this says which model)
        self.model_name: str = info["model"]
        self.remote_name: str = info["name"]
        del model  # the deployment's model is the one used; kept for create_transcriber(model=...)

    def transcribe(self, pcm: bytes, language: str | None = None, languages: Sequence[str] = ()) -> Transcript:
        from model_workers.client import call

        check_input(pcm)
        result: Transcript = call(self._handle, "transcribe", pcm, language, tuple(languages), stage="asr")
        return result

    def detect_language(self, pcm: bytes, languages: Sequence[str] = ()) -> tuple[str, float]:
        from model_workers.client import call

        check_input(pcm)
        result: tuple[str, float] = call(self._handle, "detect_language", pcm, tuple(languages), stage="asr")
        return result

    def batches(self) -> list[int]:
        """Sizes of the recent whisper batches the deployment decoded (tests, benchmarks)."""
        from model_workers.client import call

        info: dict[str, Any] = call(self._handle, "info", stage="asr")
        return list(info["batches"])
