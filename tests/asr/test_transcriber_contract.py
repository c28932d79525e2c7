"""The Transcriber contract, checked against every registered backend and the scripted fake."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from asr.metrics import word_recall
from asr.protocol import Transcriber
from asr.registry import create_transcriber, transcribers
from malbeot_core.errors import BadAudio
from tests.asr.asr_clips import Clip
from tests.fakes import ScriptedTranscriber

SPEECH_CLIP = "cannot-complete-as-dialed"


@pytest.fixture(params=["scripted", *transcribers.names()])
def transcriber(request: pytest.FixtureRequest, asterisk_clip: Callable[[str], Clip]) -> Transcriber:
    name: str = request.param
    if name == "scripted":
        return ScriptedTranscriber(text=asterisk_clip(SPEECH_CLIP).text, spoken_language="en")
    if name == "faster-whisper":
        whisper: Transcriber = request.getfixturevalue("whisper")  # one model per session
        return whisper
    if name == "ray":  # the Ray Serve deployment on a local cluster (model_workers/)
        remote: Transcriber = request.getfixturevalue("ray_transcriber")
        return remote
    return create_transcriber(name)


@pytest.fixture(scope="module")
def speech(asterisk_clip: Callable[[str], Clip]) -> Clip:
    return asterisk_clip(SPEECH_CLIP)


def test_has_a_name(transcriber: Transcriber) -> None:
    assert isinstance(transcriber.name, str)
    assert transcriber.name


def test_silence_gives_empty_text(transcriber: Transcriber) -> None:
    result = transcriber.transcribe(bytes(2 * 16000 * 2), languages=("ko", "en"))
    assert result.text == ""
    assert result.duration == pytest.approx(2.0)


def test_faint_noise_gives_empty_text(transcriber: Transcriber) -> None:
    noise = (np.random.default_rng(7).standard_normal(16000 * 2) * 30).astype("<i2").tobytes()
    assert transcriber.transcribe(noise, language="en").text == ""


def test_empty_audio_gives_empty_text(transcriber: Transcriber) -> None:
    assert transcriber.transcribe(b"", language="ko").text == ""


def test_speech_gives_its_words(transcriber: Transcriber, speech: Clip) -> None:
    result = transcriber.transcribe(speech.pcm, language="en")
    assert word_recall(speech.text, result.text) >= 0.8, result.text
    assert result.language == "en"
    assert result.language_probability == 1.0
    assert result.duration == pytest.approx(speech.seconds)


def test_language_identified_within_the_allowed_list(transcriber: Transcriber, speech: Clip) -> None:
    result = transcriber.transcribe(speech.pcm, languages=("ko", "en"))
    assert result.language == "en"
    assert 0.0 < result.language_probability <= 1.0
    assert word_recall(speech.text, result.text) >= 0.8, result.text


def test_language_restriction_is_honoured_even_when_wrong(transcriber: Transcriber, speech: Clip) -> None:
    language, probability = transcriber.detect_language(speech.pcm, ("ko", "ja"))
    assert language in ("ko", "ja")
    assert 0.0 <= probability <= 1.0


def test_detect_language_unrestricted(transcriber: Transcriber, speech: Clip) -> None:
    assert transcriber.detect_language(speech.pcm, ())[0] == "en"


@pytest.mark.parametrize("call", ["transcribe", "detect_language"])
def test_odd_byte_count_is_bad_audio(transcriber: Transcriber, call: str) -> None:
    with pytest.raises(BadAudio):
        if call == "transcribe":
            transcriber.transcribe(b"\x00" * 3201, language="en")
        else:
            transcriber.detect_language(b"\x00" * 3201, ("en",))
