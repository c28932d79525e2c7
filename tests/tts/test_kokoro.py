"""The Kokoro backend on the real packaged model: Korean heard back by whisper, deterministic output."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from asr.metrics import cer
from malbeot_core.audio import resample
from malbeot_core.errors import ModelHashMismatch, ModelMissing
from tests.tts.test_tts_backends import transcribe
from tts.ko_readout import read_out
from tts.kokoro import MAX_PHONEMES, KokoroSynthesizer, KokoroVoice, _chunks

pytestmark = pytest.mark.slow

#: real answers of the dialog (sample catalogue), with a number, a phone number and an age
SENTENCES = [
    "기초연금은 만 65세 이상 어르신 가운데 소득과 재산이 적은 분께 매달 연금을 드립니다.",
    "주소지 행정복지센터에 신청하세요.",
    "문의는 1577-1000입니다.",
]
#: the CER measured for these sentences is 0.21 (the output and greedy whisper are deterministic);
#: the margin covers onnxruntime or CPU differences between machines
MAX_CER = 0.30


def test_korean_is_heard_back(kokoro_voice: KokoroSynthesizer, whisper: Any) -> None:
    text = " ".join(SENTENCES)
    pcm = b"".join(kokoro_voice.synthesize(text, "ko"))
    heard = transcribe(whisper, resample(pcm, kokoro_voice.sample_rate, 16000), "ko")
    assert cer(read_out(text), read_out(heard)) < MAX_CER, heard


def test_output_is_deterministic(kokoro_voice: KokoroSynthesizer) -> None:
    first = b"".join(kokoro_voice.synthesize(SENTENCES[1], "ko"))
    assert first == b"".join(kokoro_voice.synthesize(SENTENCES[1], "ko"))


def test_phonemes_are_in_the_models_vocabulary(kokoro_voice: KokoroSynthesizer) -> None:
    ipa = kokoro_voice.phonemes(" ".join(SENTENCES), "ko")
    assert ipa and set(ipa) <= kokoro_voice.symbols
    assert kokoro_voice.voice_name("ko") == "jm_kumo"


def test_sentences_are_streamed_with_a_pause_between(kokoro_voice: KokoroSynthesizer) -> None:
    chunks = list(kokoro_voice.synthesize(f"{SENTENCES[1]} {SENTENCES[1]}", "ko"))
    assert len(chunks) == 3  # speech, the sentence pause, speech
    pause = np.frombuffer(chunks[1], dtype="<i2")
    assert pause.size == int(0.25 * kokoro_voice.sample_rate) and not pause.any()


def test_long_phoneme_strings_are_cut_at_spaces() -> None:
    ipa = " ".join(["annjʌŋhasejo"] * 100)
    pieces = _chunks(ipa)
    assert len(pieces) > 1 and all(len(p) <= MAX_PHONEMES for p in pieces)
    assert " ".join(pieces) == ipa


def test_unknown_voice_is_refused() -> None:
    with pytest.raises(ModelMissing, match="jf_nobody"):
        KokoroSynthesizer(voices={"ko": KokoroVoice("jf_nobody")})


def test_a_corrupt_model_is_refused_before_loading(tmp_path: Path) -> None:
    from malbeot_core.models import resolve

    source = resolve("kokoro-82m-v1.0-int8")
    for name in ("vocab.json", "voices_ja.npz"):
        (tmp_path / name).symlink_to(source / name)
    (tmp_path / "kokoro-v1.0.int8.onnx").write_bytes(b"not a model")
    with pytest.raises(ModelHashMismatch):
        KokoroSynthesizer(model_dir=tmp_path)
