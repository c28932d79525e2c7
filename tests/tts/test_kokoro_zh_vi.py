"""Kokoro speaking Chinese (pinyin → IPA) and Vietnamese (eSpeak phonemes → IPA), heard back by whisper."""

from __future__ import annotations

from typing import Any

import pytest

from asr.metrics import edit_distance
from bench.voices import spoken
from malbeot_core.audio import resample
from tests.tts.test_tts_backends import transcribe
from tts.kokoro import KokoroSynthesizer

pytestmark = pytest.mark.slow

#: one answer sentence of the real dialog per language (sample catalogue); the Korean name beside
#: the gloss is not read by these voices and is left out of the reference
SENTENCES = {
    "zh": "기초연금（基础养老金）是每月发放的现金补助。",
    "vi": "Xin lỗi, tôi chưa tìm được dịch vụ phù hợp.",
}
#: bounds on the round-trip CER (the measured figures are in the comments; greedy whisper and
#: Kokoro are deterministic, the margin covers onnxruntime or CPU differences between machines)
MAX_CER = {"zh": 0.35, "vi": 0.35}


@pytest.mark.parametrize("language", ["zh", "vi"])
def test_chinese_and_vietnamese_are_heard_back(kokoro_voice: KokoroSynthesizer, whisper: Any, language: str) -> None:
    assert language in kokoro_voice.languages
    text = SENTENCES[language]
    pcm = b"".join(kokoro_voice.synthesize(text, language))
    heard = transcribe(whisper, resample(pcm, kokoro_voice.sample_rate, 16000), language)
    said = spoken(text, language)  # Hangul left out, digits as words, simplified script (as bench/voices.py)
    assert said and edit_distance(said, spoken(heard, language)) / len(said) <= MAX_CER[language], heard
