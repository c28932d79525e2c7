"""Reference recordings for the ASR tests (imported by the tests as ``asr_clips``)."""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf

from malbeot_core.audio import INTERNAL, resample
from malbeot_core.installed import asterisk_transcripts


@dataclass(frozen=True)
class Clip:
    name: str
    pcm: bytes  # 16 kHz int16 mono
    text: str

    @property
    def seconds(self) -> float:
        return INTERNAL.duration(len(self.pcm))


def read_pcm16k(path: Path) -> bytes:
    samples, rate = sf.read(path, dtype="int16", always_2d=True)
    mono = samples.astype(np.int32).mean(axis=1).astype("<i2")
    return resample(mono.tobytes(), int(rate), INTERNAL.rate)


def asterisk_texts() -> dict[str, str]:
    texts: dict[str, str] = {}
    with gzip.open(asterisk_transcripts(), "rt", encoding="utf-8") as f:
        for line in f:
            name, sep, text = line.partition(": ")
            if sep and not line.startswith(";"):
                texts[name.strip()] = text.strip()
    return texts
