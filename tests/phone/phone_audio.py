"""Caller speech for the phone tests: real 8 kHz recordings (Debian asterisk-core-sounds-en-wav)
and the packaged neural English voice, brought to the phone format; reply audio back to text."""

from __future__ import annotations

import numpy as np

from malbeot_core.audio import AudioFormat, decode_audio_file, mulaw_to_pcm16, pcm16_to_mulaw, resample
from malbeot_core.installed import asterisk_recording
from tests.speech import spoken_english
from voice_gateway.services import Services

#: the speech detector needs this much speech before it reports it (asr SegmenterConfig.min_speech)
MIN_SPEECH = 0.2


def recording_8k(name: str) -> bytes:
    """A real 8 kHz recording as 16-bit PCM at 8 kHz (no resampling: it is 8 kHz already)."""
    return decode_audio_file(asterisk_recording(name).read_bytes(), AudioFormat(8000))


def mulaw(pcm8k: bytes) -> bytes:
    return pcm16_to_mulaw(pcm8k)


def onset(pcm8k: bytes, threshold: int = 1000) -> float:
    """Seconds into ``pcm8k`` where speech begins (first loud sample)."""
    x = np.abs(np.frombuffer(pcm8k, dtype="<i2").astype(np.int32))
    loud = np.nonzero(x >= threshold)[0]
    return float(loud[0]) / 8000 if loud.size else 0.0


def synthesized_8k(text: str) -> bytes:
    return spoken_english(text, 8000)


def synthesized_korean_8k(services: Services, text: str) -> bytes:
    """``text`` said by the Korean voice Malbeot itself speaks with (Kokoro-82M from IPA), at 8 kHz."""
    voice = services.voices("ko")
    return resample(b"".join(voice.synthesize(text, "ko", 1.0)), voice.sample_rate, 8000)


def transcribe_8k(services: Services, pcm8k: bytes) -> str:
    return services.transcriber.transcribe(resample(pcm8k, 8000, 16000), None, ("ko", "en")).text


def transcribe_mulaw(services: Services, data: bytes) -> str:
    return transcribe_8k(services, mulaw_to_pcm16(data))
