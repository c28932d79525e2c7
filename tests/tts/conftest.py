"""Voices and the checking recogniser, each loaded once per test session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.tts.tts_tiny_coqui import build_tiny_vits, coqui_import_error
from tts.espeak import EspeakSynthesizer
from tts.piper import PiperSynthesizer


@pytest.fixture(scope="session")
def espeak_voice() -> EspeakSynthesizer:
    return EspeakSynthesizer()


@pytest.fixture(scope="session")
def piper_voice() -> PiperSynthesizer:
    return PiperSynthesizer("piper-en-joe-medium")


@pytest.fixture(scope="session")
def kokoro_voice() -> Any:
    """Kokoro-82M assembled from its packages (models.lock), speaking Korean from IPA."""
    from tts.kokoro import KokoroSynthesizer

    return KokoroSynthesizer()


@pytest.fixture(scope="session")
def tiny_coqui_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    reason = coqui_import_error()
    if reason is not None:
        pytest.skip(f"not run: coqui-tts cannot be imported in this environment ({reason})")
    return build_tiny_vits(tmp_path_factory.mktemp("tiny-coqui"))


@pytest.fixture(scope="session")
def tiny_coqui_voice(tiny_coqui_dir: Path) -> Any:
    from tts.coqui import CoquiSynthesizer

    return CoquiSynthesizer(tiny_coqui_dir, "ko")


@pytest.fixture(scope="session")
def whisper() -> Any:
    """faster-whisper base (packaged model), used to check that speech is intelligible."""
    from faster_whisper import WhisperModel

    from malbeot_core.models import resolve

    path = resolve("faster-whisper-base")
    return WhisperModel(str(path), device="cpu", compute_type="int8", cpu_threads=2, local_files_only=True)
