"""Speech used by the end-to-end tests: real recordings (Debian, ../shared/data) and a neural voice."""

from __future__ import annotations

from pathlib import Path

from asr.metrics import cer
from malbeot_core.audio import decode_audio_file, mulaw_to_pcm16, pcm16_to_mulaw, resample
from malbeot_core.installed import asterisk_recording

__all__ = ["asterisk_recording", "cer", "from_mulaw_8k", "read_audio", "to_mulaw_8k"]


def read_audio(path: Path, rate: int = 16000) -> bytes:
    from malbeot_core.audio import AudioFormat

    return decode_audio_file(path.read_bytes(), AudioFormat(rate))


def to_mulaw_8k(pcm16k: bytes) -> bytes:
    return pcm16_to_mulaw(resample(pcm16k, 16000, 8000))


def from_mulaw_8k(mulaw: bytes) -> bytes:
    return resample(mulaw_to_pcm16(mulaw), 8000, 16000)
