"""Fixtures for the ASR tests: one whisper model per session, reference recordings."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from asr.whisper import WhisperTranscriber
from malbeot_core.installed import asterisk_recording
from tests.asr.asr_clips import Clip, asterisk_texts, read_pcm16k


@pytest.fixture(scope="session")
def asterisk_clip() -> Callable[[str], Clip]:
    """English prompts of Asterisk (8 kHz telephone recordings) at 16 kHz, with their scripts."""
    texts = asterisk_texts()

    def load(name: str) -> Clip:
        return Clip(name, read_pcm16k(asterisk_recording(f"{name}.wav")), texts[name])

    return load


@pytest.fixture(scope="session")
def whisper() -> WhisperTranscriber:
    """The real faster-whisper base model, loaded once for the whole session."""
    return WhisperTranscriber()


@pytest.fixture(scope="session")
def korean_clips(shared_data: Path) -> list[Clip]:
    """The five shortest clips of the Korean emotional-speech set, with spoken-form transcripts."""
    folder = shared_data / "ko_speech_emotiontts"
    rows = [json.loads(line) for line in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    rows.sort(key=lambda r: (r["seconds"], r["path"]))
    return [Clip(r["path"], read_pcm16k(folder / r["path"]), r["transcript"]) for r in rows[:5]]
