"""The kiosk's local VAD gate: only speech (with its pre-roll and an end-of-turn tail) is sent, and
nothing is sent while the kiosk's own speaker plays or just after it (half duplex)."""

from __future__ import annotations

import numpy as np
import pytest

from asr.vad import WebRtcVad
from kiosk_client.config import AudioSettings
from kiosk_client.gate import SpeechGate
from malbeot_core.installed import asterisk_recording
from tests.asr.asr_clips import read_pcm16k

FRAME = 640  # bytes in 20 ms


class LoudnessDetector:
    """A SpeechDetector that calls a frame speech when it is loud: exact, so the timing can be checked."""

    def __init__(self, frame_seconds: float = 0.02) -> None:
        self.frame_seconds = frame_seconds
        self.calls = 0

    def probability(self, frame_pcm: bytes) -> float:
        self.calls += 1
        return 1.0 if np.abs(np.frombuffer(frame_pcm, "<i2").astype(np.int32)).mean() > 1000 else 0.0

    def reset(self) -> None:
        pass


def frame(level: int, tag: int = 0) -> bytes:
    """20 ms at ``level``; ``tag`` in the first sample tells frames apart."""
    samples = np.full(320, level, "<i2")
    samples[0] = tag
    return samples.tobytes()


SETTINGS = AudioSettings(pre_roll=0.1, min_speech=0.06, end_silence=0.2, echo_tail=0.1)


def run(gate: SpeechGate, frames: list[bytes], busy: set[int] = frozenset()) -> list[bytes]:  # type: ignore[assignment]
    sent: list[bytes] = []
    for i, f in enumerate(frames):
        sent += gate.push(f, speaker_busy=i in busy)
    return sent


def test_silence_is_never_sent() -> None:
    gate = SpeechGate(LoudnessDetector(), SETTINGS)
    assert run(gate, [frame(0)] * 200) == [] and gate.stats.turns == 0


def test_speech_goes_with_its_pre_roll_and_an_end_of_turn_tail() -> None:
    gate = SpeechGate(LoudnessDetector(), SETTINGS)
    frames = [frame(0, i) for i in range(20)] + [frame(5000, 100 + i) for i in range(25)]
    frames += [frame(0, 200 + i) for i in range(30)]
    sent = run(gate, frames)
    # opens on the 3rd speech frame (60 ms) with 5 frames (100 ms) before it: from frame 15 (pre-roll
    # of 5 = 2 quiet + the first 2 speech ones ... up to the opening frame), to 10 quiet frames after
    assert sent[0] == frames[15] and frames.index(sent[-1]) == 45 + 9
    assert sent == frames[15:55]
    assert gate.stats.turns == 1 and not gate.is_open


def test_a_click_shorter_than_min_speech_is_not_sent() -> None:
    gate = SpeechGate(LoudnessDetector(), SETTINGS)
    assert run(gate, [frame(0)] * 10 + [frame(5000)] * 2 + [frame(0)] * 10 + [frame(5000)] + [frame(0)] * 10) == []


def test_nothing_is_sent_while_the_speaker_plays_nor_in_its_tail() -> None:
    gate = SpeechGate(LoudnessDetector(), SETTINGS)
    echo = [frame(8000, 300 + i) for i in range(50)]  # the kiosk's own voice coming back, loud
    frames = echo + [frame(8000, 400 + i) for i in range(5)] + [frame(0)] * 20
    sent = run(gate, frames, busy=set(range(50)))
    # the 5 loud frames right after playback ends are inside the 100 ms echo tail: muted too
    assert sent == [] and gate.stats.frames_muted == 55 and gate.stats.turns == 0


def test_speech_after_the_tail_is_sent_without_any_echo_in_its_pre_roll() -> None:
    gate = SpeechGate(LoudnessDetector(), SETTINGS)
    frames = [frame(8000, 1)] * 30 + [frame(0, 2)] * 10 + [frame(5000, 3)] * 10 + [frame(0, 4)] * 20
    sent = run(gate, frames, busy=set(range(30)))
    tags = {int(np.frombuffer(f, "<i2")[0]) for f in sent}
    assert tags == {2, 3, 4} and gate.stats.turns == 1


def test_the_gate_closes_if_playback_starts_mid_turn() -> None:
    gate = SpeechGate(LoudnessDetector(), SETTINGS)
    sent = run(gate, [frame(5000, 1)] * 10 + [frame(5000, 2)] * 10, busy=set(range(10, 20)))
    assert {int(np.frombuffer(f, "<i2")[0]) for f in sent} == {1} and not gate.is_open


def test_detector_frames_of_another_length_silero_32ms() -> None:
    detector = LoudnessDetector(frame_seconds=512 / 16000)
    gate = SpeechGate(detector, SETTINGS)
    sent = run(gate, [frame(0)] * 20 + [frame(5000)] * 30 + [frame(0)] * 30)
    assert detector.calls == 80 * 320 // 512 and gate.stats.turns == 1 and 30 <= len(sent) <= 30 + 5 + 12


@pytest.mark.parametrize("name", ["vm-goodbye", "hello-world"])
def test_a_real_recording_with_webrtc_vad(name: str) -> None:
    """A real telephone recording between two seconds of silence on each side: the speech goes, the
    silence does not (beyond the pre-roll and the end-of-turn tail)."""
    speech = read_pcm16k(asterisk_recording(f"{name}.wav"))
    speech = speech[: len(speech) // FRAME * FRAME]
    silence = b"\x00" * 32000 * 2
    pcm = silence + speech + silence
    settings = AudioSettings(pre_roll=0.3, min_speech=0.12, end_silence=0.8)
    gate = SpeechGate(WebRtcVad(2), settings)
    sent = b"".join(run(gate, [pcm[i : i + FRAME] for i in range(0, len(pcm), FRAME)]))
    start = pcm.find(sent[:FRAME * 20])
    assert gate.stats.turns >= 1
    assert 2 * 32000 - 0.3 * 32000 - FRAME <= start <= 2 * 32000 + 0.3 * 32000  # opens near the speech
    assert len(speech) * 0.8 <= len(sent) <= len(speech) + (0.3 + 0.8 + 0.1) * 32000 * gate.stats.turns
