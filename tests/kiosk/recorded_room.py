"""A fake room for tests: a microphone that plays real recordings and hears the kiosk's own speaker."""

from __future__ import annotations

import asyncio
import time

import numpy as np

from kiosk_client.audio_io import FRAME_BYTES, RATE


class RecordedRoom:
    """Implements ``AudioIO``. The microphone says what is queued with ``say`` (then silence), in real
    time (``pace`` 1.0), mixed with the speaker's output coming back ``echo_delay`` seconds later at
    ``echo_gain``. What the kiosk plays is kept in ``speaker``; what the microphone heard in ``heard``."""

    def __init__(self, *, echo_gain: float = 0.7, echo_delay: float = 0.1, pace: float = 1.0) -> None:
        self.echo_gain = echo_gain
        self.pace = pace
        self._script = bytearray()
        self._queue = bytearray()  # queued on the speaker, not yet played
        self._echo = bytearray(b"\x00" * (round(echo_delay * RATE) * 2))
        self.speaker = bytearray()
        self.heard = bytearray()
        self.echo_heard = 0.0  #: seconds of microphone audio that held a loud echo of the speaker
        self._start: float | None = None
        self._n = 0

    def say(self, pcm: bytes) -> None:
        self._script.extend(pcm)

    @property
    def saying(self) -> bool:
        return bool(self._script)

    async def read_frame(self) -> bytes:
        if self._start is None:
            self._start = time.perf_counter()
        self._n += 1
        delay = self._start + self._n * 0.02 / self.pace - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        played = bytes(self._queue[:FRAME_BYTES])
        del self._queue[:FRAME_BYTES]
        self.speaker.extend(played)
        self._echo.extend(played.ljust(FRAME_BYTES, b"\x00"))
        echo = np.frombuffer(bytes(self._echo[:FRAME_BYTES]), "<i2").astype(np.float32) * self.echo_gain
        del self._echo[:FRAME_BYTES]
        voice = np.frombuffer(bytes(self._script[:FRAME_BYTES]).ljust(FRAME_BYTES, b"\x00"), "<i2")
        del self._script[:FRAME_BYTES]
        if np.abs(echo).mean() > 300:
            self.echo_heard += 0.02
        frame = np.clip(voice.astype(np.float32) + echo, -32768, 32767).astype("<i2").tobytes()
        self.heard.extend(frame)
        return frame

    def play(self, pcm: bytes) -> None:
        self._queue.extend(pcm)

    def playing(self) -> bool:
        return bool(self._queue)

    def close(self) -> None:
        pass
