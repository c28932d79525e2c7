"""Speech detectors on a real recording and on silence."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from asr.vad import SileroVad, SpeechDetector, create_detector, detectors, frame_bytes
from malbeot_core.errors import BadAudio, NotFound
from tests.asr.asr_clips import Clip

#: the product's detectors (tests may register fakes of their own in the same registry)
PRODUCT_DETECTORS = ["silero", "webrtc"]


@pytest.fixture(params=PRODUCT_DETECTORS)
def detector(request: pytest.FixtureRequest) -> SpeechDetector:
    return create_detector(request.param)


def probabilities(detector: SpeechDetector, pcm: bytes) -> list[float]:
    n = frame_bytes(detector)
    return [detector.probability(pcm[i : i + n]) for i in range(0, len(pcm) - n + 1, n)]


def test_registry_knows_both() -> None:
    assert set(PRODUCT_DETECTORS) <= set(detectors.names())
    with pytest.raises(NotFound):
        create_detector("nonsense")


def test_speech_is_detected_and_silence_is_not(
    detector: SpeechDetector, asterisk_clip: Callable[[str], Clip]
) -> None:
    clip = asterisk_clip("cannot-complete-as-dialed")
    silence = bytes(16000 * 2)
    probs = np.array(probabilities(detector, silence + clip.pcm + silence))
    frames_per_second = 1 / detector.frame_seconds
    lead = int(frames_per_second)  # frames of the leading second of silence
    assert probs[:lead].max() < 0.5
    speech = probs[lead + int(0.3 * frames_per_second) : lead + int(2.0 * frames_per_second)]
    assert (speech >= 0.5).mean() > 0.8
    assert probs[-int(0.5 * frames_per_second) :].max() < 0.5


def test_wrong_frame_size_is_bad_audio(detector: SpeechDetector) -> None:
    with pytest.raises(BadAudio):
        detector.probability(bytes(frame_bytes(detector) - 2))


def test_reset_gives_the_same_answers_again(detector: SpeechDetector, asterisk_clip: Callable[[str], Clip]) -> None:
    pcm = asterisk_clip("auth-thankyou").pcm
    first = probabilities(detector, pcm)
    detector.reset()
    assert probabilities(detector, pcm) == pytest.approx(first, abs=1e-6)


def test_silero_batch_equals_streaming(asterisk_clip: Callable[[str], Clip]) -> None:
    pcm = asterisk_clip("auth-thankyou").pcm
    vad = SileroVad()
    streamed = probabilities(vad, pcm)
    vad.reset()
    assert vad.probabilities(pcm).tolist() == pytest.approx(streamed, abs=1e-5)


def test_webrtc_aggressiveness_is_checked() -> None:
    with pytest.raises(ValueError):
        create_detector("webrtc", aggressiveness=7)
