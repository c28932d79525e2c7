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
        self._pre_roll: deque[bytes] = deque(maxlen=max(1, round(settings.pre_roll / FRAME_SECONDS)))
        self._open = False
        self._speech_run = 0.0
        self._silence_run = 0.0
        self._muted_for = 0.0
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
            self._muted_for = self.settings.echo_tail
        elif self._muted_for > 0:
            self._muted_for -= FRAME_SECONDS
        if speaker_busy or self._muted_for > 0:
            self._close()
            self.stats.frames_muted += 1
            return []
        speech = self._hear(frame)
        if self._open:
            self._silence_run = 0.0 if speech else self._silence_run + FRAME_SECONDS
            if self._silence_run >= self.settings.end_silence:
                self._close()
            self.stats.frames_sent += 1
            return [frame]
        self._speech_run = self._speech_run + FRAME_SECONDS if speech else 0.0
        if self._speech_run + 1e-9 < self.settings.min_speech:
            self._pre_roll.append(frame)
            return []
        out = [*self._pre_roll, frame]
        self._pre_roll.clear()
        self._open = True
        self._silence_run = 0.0
        self.stats.turns += 1
        self.stats.frames_sent += len(out)
        return out

    def _close(self) -> None:
        """Back to listening: nothing buffered from before (it may be the kiosk's own voice)."""
        self._open = False
        self._speech_run = 0.0
        self._silence_run = 0.0
        self._pre_roll.clear()
        self._pending.clear()
        self._speech = False
