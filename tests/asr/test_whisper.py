"""faster-whisper on real recordings: English telephone prompts, Korean speech at 16 and 8 kHz."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import pytest

from asr.metrics import cer, word_recall
from asr.whisper import WhisperTranscriber
from malbeot_core.audio import resample
from malbeot_core.settings import DEFAULT_LANGUAGES
from tests.asr.asr_clips import Clip

pytestmark = pytest.mark.slow

ENGLISH = ["cannot-complete-as-dialed", "check-number-dial-again", "conf-onlyperson"]


@pytest.mark.parametrize("name", ENGLISH)
def test_english_telephone_prompts(
    whisper: WhisperTranscriber, asterisk_clip: Callable[[str], Clip], name: str
) -> None:
    clip = asterisk_clip(name)  # 8 kHz recordings, resampled to 16 kHz
    result = whisper.transcribe(clip.pcm, languages=DEFAULT_LANGUAGES)
    assert result.language == "en"
    assert word_recall(clip.text, result.text) >= 0.8, (clip.text, result.text)


def test_restricted_language_id_picks_english(
    whisper: WhisperTranscriber, asterisk_clip: Callable[[str], Clip]
) -> None:
    clip = asterisk_clip("check-number-dial-again")
    language, probability = whisper.detect_language(clip.pcm, ("ko", "en"))
    assert language == "en"
    assert probability > 0.5


def test_identify_then_transcribe_encodes_once(
    whisper: WhisperTranscriber, asterisk_clip: Callable[[str], Clip]
) -> None:
    clip = asterisk_clip("agent-pass")
    before = whisper.encodes
    result = whisper.transcribe(clip.pcm, languages=("ko", "en"))
    assert result.language == "en"
    assert whisper.encodes - before == 1  # the language-ID window is reused for decoding


def test_silence_does_not_run_the_model(whisper: WhisperTranscriber) -> None:
    before = whisper.encodes
    assert whisper.transcribe(bytes(16000 * 4), languages=("ko",)).text == ""
    assert whisper.encodes == before


def test_thread_safe_under_concurrent_calls(
    whisper: WhisperTranscriber, asterisk_clip: Callable[[str], Clip]
) -> None:
    import concurrent.futures

    clips = [asterisk_clip("auth-thankyou"), asterisk_clip("vm-goodbye")]
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda c: whisper.transcribe(c.pcm, language="en"), clips))
    for clip, result in zip(clips, results, strict=True):
        assert word_recall(clip.text, result.text) == 1.0, result.text


@pytest.mark.shared_data
def test_korean_cer_16k(whisper: WhisperTranscriber, korean_clips: list[Clip], record_property: Callable) -> None:
    cers, seconds = [], []
    for clip in korean_clips:
        started = time.perf_counter()
        result = whisper.transcribe(clip.pcm, languages=DEFAULT_LANGUAGES)
        seconds.append(time.perf_counter() - started)
        assert result.language == "ko", (clip.name, result)
        cers.append(cer(clip.text, result.text))
    mean = statistics.mean(cers)
    record_property("korean_cer_16k", round(mean, 3))
    record_property("seconds_per_call", round(statistics.mean(seconds), 2))
    print(f"Korean CER 16 kHz: {mean:.3f} over {len(cers)} clips; {statistics.mean(seconds):.2f} s a call")
    assert mean <= 0.2, list(zip(cers, [c.text for c in korean_clips], strict=True))


@pytest.mark.shared_data
def test_korean_cer_through_8k(
    whisper: WhisperTranscriber, korean_clips: list[Clip], record_property: Callable
) -> None:
    """Telephone bandwidth: each clip is downsampled to 8 kHz and back up to 16 kHz."""
    cers = []
    for clip in korean_clips:
        narrow = resample(resample(clip.pcm, 16000, 8000), 8000, 16000)
        result = whisper.transcribe(narrow, language="ko")
        cers.append(cer(clip.text, result.text))
    mean = statistics.mean(cers)
    record_property("korean_cer_8k", round(mean, 3))
    print(f"Korean CER via 8 kHz: {mean:.3f} over {len(cers)} clips")
    assert mean <= 0.25, cers
