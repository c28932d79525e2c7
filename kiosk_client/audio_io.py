"""The kiosk's microphone and speaker behind one small protocol, and its PortAudio implementation."""

from __future__ import annotations

import asyncio
import threading
from typing import Any, Protocol

from .failures import BadInput

RATE = 16000
FRAME_BYTES = RATE // 50 * 2  # 20 ms of 16-bit mono


class AudioIO(Protocol):
    """16 kHz 16-bit mono microphone frames in, reply audio out."""

    async def read_frame(self) -> bytes:
        """The next 20 ms of microphone audio (waits for it)."""
        ...

    def play(self, pcm: bytes) -> None:
        """Queue ``pcm`` (16 kHz 16-bit mono) on the speaker; returns at once."""
        ...

    def playing(self) -> bool:
        """Whether the speaker still has audio to play."""
        ...

    def close(self) -> None: ...


class SoundDeviceIO:
    """Microphone and speaker through PortAudio (``sounddevice``; Debian ``libportaudio2``)."""

    def __init__(self, input_device: str | int | None = None, output_device: str | int | None = None) -> None:
        try:
            import sounddevice
        except OSError as exc:  # the PortAudio library itself is missing
            raise BadInput(f"cannot use the sound card: {exc} (install libportaudio2)") from None
        self._sd: Any = sounddevice
        self._loop = asyncio.get_running_loop()
        self._frames: asyncio.Queue[bytes] = asyncio.Queue(maxsize=500)
        self._captured = bytearray()
        self._out = bytearray()
        self._lock = threading.Lock()
        try:
            self._input = sounddevice.RawInputStream(
                samplerate=RATE, channels=1, dtype="int16", blocksize=FRAME_BYTES // 2,
                device=input_device, callback=self._on_input)
            self._output = sounddevice.RawOutputStream(
                samplerate=RATE, channels=1, dtype="int16", blocksize=FRAME_BYTES // 2,
                device=output_device, callback=self._on_output)
        except (sounddevice.PortAudioError, ValueError) as exc:
            raise BadInput(f"cannot open the microphone or speaker: {exc}") from None
        self._input.start()
        self._output.start()

    def _on_input(self, data: Any, frames: int, time: Any, status: Any) -> None:
        self._loop.call_soon_threadsafe(self._take, bytes(data))

    def _take(self, data: bytes) -> None:
        self._captured.extend(data)
        while len(self._captured) >= FRAME_BYTES:
            frame = bytes(self._captured[:FRAME_BYTES])
            del self._captured[:FRAME_BYTES]
            if self._frames.full():  # the client fell behind: the oldest audio goes
                self._frames.get_nowait()
            self._frames.put_nowait(frame)

    def _on_output(self, out: Any, frames: int, time: Any, status: Any) -> None:
        want = len(out)
        with self._lock:
            chunk = bytes(self._out[:want])
            del self._out[:want]
        out[: len(chunk)] = chunk
        out[len(chunk):] = b"\x00" * (want - len(chunk))

    async def read_frame(self) -> bytes:
        return await self._frames.get()

    def play(self, pcm: bytes) -> None:
        with self._lock:
            self._out.extend(pcm)

    def playing(self) -> bool:
        with self._lock:
            return bool(self._out)

    def close(self) -> None:
        for stream in (self._input, self._output):
            stream.stop()
            stream.close()
