"""Speech for tests to say: the packaged English Piper voice with its sampled noise turned off.

The voice's default samples fresh noise per synthesis, so a sentence never sounds the same twice
and a test fed with it could hear differently from run to run. Without the noise, a test says
exactly the same audio every time (whisper still transcribes it exactly).
"""

from __future__ import annotations

import functools

from malbeot_core.audio import resample
from tts.piper import PiperSynthesizer


@functools.cache
def steady_voice() -> PiperSynthesizer:
    return PiperSynthesizer("piper-en-joe-medium", variation=False)


def spoken_english(text: str, rate: int = 16000) -> bytes:
    """``text`` said by the steady voice, as 16-bit mono PCM at ``rate``."""
    voice = steady_voice()
    return resample(b"".join(voice.synthesize(text, "en", 1.0)), voice.sample_rate, rate)
