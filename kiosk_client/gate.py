"""Local voice activity gating: only speech (with a little pre-roll) leaves the kiosk.

The microphone is closed while the kiosk's own speaker plays and for a short tail after it
(half duplex), so the reply coming back through the room is never sent as a question.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from asr.vad import SpeechDetector, frame_bytes

from .config import AudioSettings

FRAME_SECONDS = 0.02  # the microphone frames the gate takes: 20 ms of 16 kHz 16-bit mono


@dataclass
class GateStats:
    frames_in: int = 0
    frames_sent: int = 0
    frames_muted: int = 0  #: frames dropped because the speaker was playing (or in its tail)
    turns: int = 0  #: times the gate opened on speech


class SpeechGate:
    """Takes every microphone frame; ``push`` answers the frames to send now (often none)."""

    def __init__(self, detector: SpeechDetector, settings: AudioSettings, threshold: float = 0.5) -> None:
        self.detector = detector
        self.settings = settings
        self.threshold = threshold
        self._detector_bytes = frame_bytes(detector)
        self._pending = bytearray()
        self._speech = False
        # pre_roll seconds before the speech began, plus the speech heard before the gate opened
        before = round(settings.pre_roll / FRAME_SECONDS) + max(0, round(settings.min_speech / FRAME_SECONDS) - 1)
        self._pre_roll: deque[bytes] = deque(maxlen=max(1, before))
        self._min_speech = max(1, round(settings.min_speech / FRAME_SECONDS))  # all counted in frames
        self._end_silence = max(1, round(settings.end_silence / FRAME_SECONDS))
        self._tail = round(settings.echo_tail / FRAME_SECONDS)
        self._open = False
        self._speech_run = 0
        self._silence_run = 0
        self._muted_for = 0
        self.stats = GateStats()

    @property
    def is_open(self) -> bool:
        return self._open

    def _hear(self, frame: bytes) -> bool:
        """Whether the latest whole detector frame (20 ms webrtc, 32 ms Silero) held speech."""
        self._pending.extend(frame)
        while len(self._pending) >= self._detector_bytes:
            chunk = bytes(self._pending[: self._detector_bytes])
            del self._pending[: self._detector_bytes]
            self._speech = self.detector.probability(chunk) >= self.threshold
        return self._speech

    def push(self, frame: bytes, *, speaker_busy: bool = False) -> list[bytes]:
        self.stats.frames_in += 1
        if speaker_busy:
            self._muted_for = self._tail
        elif self._muted_for > 0:
            self._muted_for -= 1
            self._close()
            self.stats.frames_muted += 1
            return []
        if speaker_busy:
            self._close()
            self.stats.frames_muted += 1
            return []
        speech = self._hear(frame)
        if self._open:
            self._silence_run = 0 if speech else self._silence_run + 1
            if self._silence_run >= self._end_silence:
                self._open = False  # the turn is over; listening again
                self._speech_run = 0
            self.stats.frames_sent += 1
            return [frame]
        self._speech_run = self._speech_run + 1 if speech else 0
        if self._speech_run < self._min_speech:
            self._pre_roll.append(frame)
            return []
        out = [*self._pre_roll, frame]
        self._pre_roll.clear()
        self._open = True
        self._silence_run = 0
        self.stats.turns += 1
        self.stats.frames_sent += len(out)
        return out

    def _close(self) -> None:
        """Back to listening: nothing buffered from before (it may be the kiosk's own voice)."""
        self._open = False
        self._speech_run = 0
        self._silence_run = 0
        self._pre_roll.clear()
        self._pending.clear()
        self._speech = False
