"""Keeping the number of a danger answer audible: barge-in and silence do not cut its first sentence.

A danger answer (``BenefitAnswer.emergency`` set) opens a guard. The first sentence's audio (index 0;
the TTS stage never splits it) is timed as it is sent: it plays from the moment its first chunk goes
out for as long as its audio lasts. Until then the caller's speech does not stop the reply; a
barge-in that comes meanwhile takes effect when the sentence has played (``remaining``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

#: a little more than the audio itself: the caller's player starts a moment after the first chunk arrives
SLACK_SECONDS = 0.3


@dataclass
class DangerGuard:
    clock: Callable[[], float]
    active: bool = False
    #: clock time the first sentence's first chunk was sent
    started: float | None = None
    seconds: float = 0.0
    #: the whole first sentence has been sent
    complete: bool = False
    _log: list[str] = field(default_factory=list, repr=False)

    def open(self) -> None:
        self.active, self.started, self.seconds, self.complete = True, None, 0.0, False

    def close(self) -> None:
        self.active = False

    def audio(self, index: int, seconds: float) -> None:
        """A reply chunk of sentence ``index`` was sent to the caller."""
        if not self.active:
            return
        if index == 0 and not self.complete:
            if self.started is None:
                self.started = self.clock()
            self.seconds += seconds
        elif index > 0:
            self.complete = True

    def sentence_done(self) -> None:
        """Nothing more of the first sentence will come (the reply ended or moved on)."""
        if self.active:
            self.complete = True

    def remaining(self) -> float:
        """Seconds until the first sentence has played (inf while it is still being sent; 0 when done)."""
        if not self.active:
            return 0.0
        if not self.complete:
            return math.inf
        if self.started is None:
            return 0.0  # no audio (text-only call)
        left = self.started + self.seconds + SLACK_SECONDS - self.clock()
        if left <= 0:
            self.active = False
            return 0.0
        return left

    def protecting(self) -> bool:
        return self.remaining() > 0


__all__ = ["SLACK_SECONDS", "DangerGuard"]
