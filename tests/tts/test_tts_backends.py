"""Backend specifics: eSpeak's WAV stream and subprocess, Piper's intelligibility, Coqui's loading."""

from __future__ import annotations

import io
import re
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from malbeot_core.audio import INTERNAL, resample, wav_bytes
from malbeot_core.errors import BackendFailed, ModelMissing
from tests.tts.tts_tiny_coqui import coqui_import_error
from tts.espeak import DEFAULT_VOICES, EspeakSynthesizer, read_wav_header
from tts.piper import PiperSynthesizer

SAMPLES = {
    "ko": "기초연금은 주민센터에서 신청하실 수 있습니다.",
    "en": "Basic pension applications are accepted at the community centre.",
    "vi": "Bạn có thể nộp đơn tại trung tâm cộng đồng.",
    "zh": "你可以在社区中心申请。",
    "ja": "地域センターで申請できます。",
}


def transcribe(whisper: Any, pcm16k: bytes, language: str) -> str:
    audio = np.frombuffer(pcm16k, dtype="<i2").astype(np.float32) / 32768.0
    segments, _ = whisper.transcribe(audio, language=language, beam_size=1)
    return " ".join(s.text for s in segments).lower()


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


# --- eSpeak NG --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", sorted(DEFAULT_VOICES))
def test_espeak_speaks_every_configured_language(espeak_voice: EspeakSynthesizer, language: str) -> None:
    pcm = b"".join(espeak_voice.synthesize(SAMPLES[language], language))
    assert espeak_voice.sample_rate == INTERNAL.rate
    assert 0.5 < INTERNAL.duration(len(pcm)) < 20


def test_espeak_streams_in_pieces(espeak_voice: EspeakSynthesizer) -> None:
    chunks = list(espeak_voice.synthesize(SAMPLES["ko"] + " " + SAMPLES["ko"], "ko"))
    assert len(chunks) > 4  # the first piece can leave before the whole text is spoken


def test_espeak_english_is_intelligible(espeak_voice: EspeakSynthesizer, whisper: Any) -> None:
    pcm = b"".join(espeak_voice.synthesize(SAMPLES["en"], "en", rate=0.8))
    assert {"community", "pension"} <= words(transcribe(whisper, pcm, "en"))


def test_espeak_missing_program_names_the_install_command() -> None:
    with pytest.raises(ModelMissing, match=r"apt-get install espeak-ng"):
        EspeakSynthesizer(binary="espeak-ng-not-installed")


def test_espeak_unknown_voice_is_a_backend_failure() -> None:
    synth = EspeakSynthesizer(voices={"xx": "qqqzz"})
    with pytest.raises(BackendFailed, match="voice"):
        list(synth.synthesize("hello", "xx"))


def test_espeak_text_starting_with_a_dash_is_spoken_not_parsed(espeak_voice: EspeakSynthesizer) -> None:
    pcm = b"".join(espeak_voice.synthesize("-v xx --help", "en"))
    assert INTERNAL.duration(len(pcm)) > 0.3


def test_read_wav_header_ignores_placeholder_sizes() -> None:
    wav = bytearray(wav_bytes(b"\x01\x00" * 100, INTERNAL))
    wav[4:8] = struct.pack("<I", 0x7FFFF000)  # what a streaming writer puts there
    wav[40:44] = struct.pack("<I", 0x7FFFF000)
    stream = io.BytesIO(bytes(wav))
    header = read_wav_header(stream)
    assert (header.rate, header.channels, header.width) == (16000, 1, 2)
    assert stream.read() == b"\x01\x00" * 100


def test_read_wav_header_rejects_other_data() -> None:
    with pytest.raises(BackendFailed):
        read_wav_header(io.BytesIO(b"not a wav file at all"))


# --- Piper ------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("rate", [1.0, 0.8])
def test_piper_english_is_intelligible(piper_voice: PiperSynthesizer, whisper: Any, rate: float) -> None:
    pcm = resample(b"".join(piper_voice.synthesize(SAMPLES["en"], "en", rate)), piper_voice.sample_rate, 16000)
    heard = words(transcribe(whisper, pcm, "en"))
    # Piper samples its noise afresh each time, so one word in five may be misheard on some runs
    # (CI once heard "basic" as something else); the benefit's name must always come through.
    content = {"basic", "pension", "applications", "accepted", "community"}
    assert "pension" in heard
    assert len(content & heard) >= 4, f"heard {sorted(heard)}"


def test_piper_varies_unless_told_not_to(piper_voice: PiperSynthesizer) -> None:
    text = "Apply at the community centre."
    steady = PiperSynthesizer("piper-en-joe-medium", variation=False)
    assert b"".join(steady.synthesize(text, "en")) == b"".join(steady.synthesize(text, "en"))
    assert b"".join(piper_voice.synthesize(text, "en")) != b"".join(piper_voice.synthesize(text, "en"))


def test_piper_voice_is_english_only(piper_voice: PiperSynthesizer) -> None:
    assert piper_voice.languages == frozenset({"en"})
    assert piper_voice.sample_rate == 22050


# --- Coqui ------------------------------------------------------------------------------------


def test_coqui_folder_without_config_is_reported(tmp_path: Path) -> None:
    from tts.coqui import CoquiSynthesizer

    with pytest.raises(ModelMissing, match=r"config\.json"):
        CoquiSynthesizer(tmp_path, "ko")


def test_coqui_folder_without_checkpoint_is_reported(tmp_path: Path) -> None:
    from tts.coqui import CoquiSynthesizer

    (tmp_path / "config.json").write_text('{"model": "vits"}')
    with pytest.raises(ModelMissing, match="checkpoint"):
        CoquiSynthesizer(tmp_path, "ko")


def test_coqui_unavailable_here_is_reported_clearly(tmp_path: Path) -> None:
    """Where coqui-tts cannot be imported, loading a voice says which modules are missing."""
    if coqui_import_error() is None:
        pytest.skip("not run: coqui-tts imports here (the tiny-model contract tests cover it)")
    from tts.coqui import CoquiSynthesizer

    (tmp_path / "config.json").write_text('{"model": "vits"}')
    (tmp_path / "model.pth").write_bytes(b"")
    with pytest.raises(ModelMissing, match=r"coqui-tts cannot be imported here \(.+\)"):
        CoquiSynthesizer(tmp_path, "ko")


def test_rate_and_language_of_the_tiny_coqui_voice(tiny_coqui_voice: Any) -> None:
    assert tiny_coqui_voice.languages == frozenset({"ko"})
    assert tiny_coqui_voice.sample_rate == 22050


# --- lazy imports -----------------------------------------------------------------------------


def test_importing_the_package_loads_no_model_library() -> None:
    code = (
        "import sys, tts, tts.registry, tts.stage, tts.protocol, tts.sentences\n"
        "heavy = {'torch', 'TTS', 'piper', 'onnxruntime', 'faster_whisper'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)
