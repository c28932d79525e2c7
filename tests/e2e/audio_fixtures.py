"""Speech used by the end-to-end tests: real recordings (Debian, ../shared/data) and a neural voice."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from malbeot_core.audio import decode_audio_file, mulaw_to_pcm16, pcm16_to_mulaw, resample

ASTERISK = Path("/usr/share/asterisk/sounds/en")


def read_audio(path: Path, rate: int = 16000) -> bytes:
    from malbeot_core.audio import AudioFormat

    return decode_audio_file(path.read_bytes(), AudioFormat(rate))


def to_mulaw_8k(pcm16k: bytes) -> bytes:
    return pcm16_to_mulaw(resample(pcm16k, 16000, 8000))


def from_mulaw_8k(mulaw: bytes) -> bytes:
    return resample(mulaw_to_pcm16(mulaw), 8000, 16000)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"[^\w]", "", text)


def cer(reference: str, hypothesis: str) -> float:
    ref, hyp = normalise(reference), normalise(hypothesis)
    prev = list(range(len(hyp) + 1))
    for i, rc in enumerate(ref, 1):
        cur = [i]
        for j, hc in enumerate(hyp, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (rc != hc)))
        prev = cur
    return prev[-1] / max(1, len(ref))
