"""Audio kept for cutting utterances out of a call's stream, addressed by audio time."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from malbeot_core.audio import INTERNAL, AudioChunk

RATE = INTERNAL.rate
WIDTH = INTERNAL.width


@dataclass
class AudioBuffer:
    """Audio kept for cutting utterances, addressed by audio time."""

    origin: float | None = None  # audio time of sample 0 of the stream
    first: int = 0  # sample index of data[0]
    data: bytearray = field(default_factory=bytearray)

    @property
    def end_sample(self) -> int:
        return self.first + len(self.data) // WIDTH

    def end_time(self) -> float:
        return (self.origin or 0.0) + self.end_sample / RATE

    def append(self, chunk: AudioChunk) -> None:
        if self.origin is None:
            self.origin = chunk.start
        self.data += chunk.pcm

    def sample_at(self, t: float) -> int:
        return round((t - (self.origin or 0.0)) * RATE)

    def slice(self, start: float, end: float) -> bytes:
        a = max(self.sample_at(start), self.first) - self.first
        b = min(self.sample_at(end), self.end_sample) - self.first
        return bytes(self.data[a * WIDTH : b * WIDTH]) if b > a else b""

    def keep_from(self, t: float, slack: float = 1.0) -> None:
        """Drop audio before ``t`` (in steps of at least ``slack`` seconds, to avoid churn)."""
        drop = math.floor((t - (self.origin or 0.0)) * RATE) - self.first
        if drop >= slack * RATE:
            drop = min(drop, len(self.data) // WIDTH)
            del self.data[: drop * WIDTH]
            self.first += drop


__all__ = ["AudioBuffer"]
