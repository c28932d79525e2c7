"""The ASR stage with the real whisper model on real recordings (slow)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from asr.metrics import word_recall
from asr.protocol import Transcriber
from asr.segmenter import SegmenterConfig
from asr.stage import AsrStage
from asr.vad import create_detector
from malbeot_core.events import FinalTranscript, PartialTranscript, SpeechEnded, SpeechStarted
from malbeot_core.settings import CallSettings
from tests.asr.asr_clips import Clip
from tests.asr.asr_stage_harness import chunks, collect, quiet


@pytest.mark.slow
@pytest.mark.parametrize("vad", ["silero", "webrtc"])
async def test_real_recording_streamed_in_20ms_chunks(
    vad: str, whisper: Transcriber, asterisk_clip: Callable[[str], Clip]
) -> None:
    clip = asterisk_clip("conf-onlyperson")
    settings = CallSettings(languages=("ko", "en", "zh", "vi", "ja"))
    stage = AsrStage(whisper, lambda: create_detector(vad), settings, SegmenterConfig(), partial_interval=1.0)
    audio = quiet(1.0) + clip.pcm + quiet(1.5)
    out = await collect(stage, chunks(audio, start=3.0))
    kinds = [type(e) for e in out]
    assert kinds[0] is SpeechStarted
    assert set(kinds[1:-2]) <= {PartialTranscript}
    assert kinds[-2:] == [SpeechEnded, FinalTranscript]
    started, ended, final = out[0], out[-2], out[-1]
    assert isinstance(started, SpeechStarted)
    assert isinstance(ended, SpeechEnded)
    assert isinstance(final, FinalTranscript)
    assert started.at == pytest.approx(4.0, abs=0.3)
    assert ended.at == pytest.approx(4.0 + clip.seconds, abs=0.5)
    assert (final.start, final.end) == (started.at, ended.at)
    assert final.language == "en"
    assert word_recall(clip.text, final.text) >= 0.8, final.text
    assert final.asr_seconds > 0


@pytest.mark.slow
async def test_real_recording_with_fixed_config_in_elderly_mode(
    whisper: Transcriber, asterisk_clip: Callable[[str], Clip]
) -> None:
    clip = asterisk_clip("auth-thankyou")
    settings = CallSettings(language="en", elderly=True)
    config = replace(SegmenterConfig(), elderly_end_silence=1.2)
    stage = AsrStage(whisper, lambda: create_detector("silero"), settings, config, partial_interval=None)
    out = await collect(stage, chunks(quiet(0.5) + clip.pcm + quiet(1.5)))
    assert [type(e) for e in out] == [SpeechStarted, SpeechEnded, FinalTranscript]
    final = out[-1]
    assert isinstance(final, FinalTranscript)
    assert word_recall(clip.text, final.text) == 1.0, final.text
