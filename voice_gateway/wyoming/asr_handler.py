"""Speech recognition over Wyoming: ``transcribe``, ``audio-start``, ``audio-chunk``*, ``audio-stop`` → ``transcript``.

The audio of one request is collected (16-bit PCM, mono or stereo, 8–48 kHz; checked at
``audio-start`` and on every chunk), turned into 16 kHz mono and recognised in a worker thread
when ``audio-stop`` arrives. The language is the one ``transcribe`` named, else it is identified
among the configured languages only (the restriction the gateway's calls use). After an error the
rest of that request's audio is dropped quietly until its ``audio-stop``; the connection goes on.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from wyoming.asr import Transcribe, Transcript
from wyoming.audio import AudioChunk, AudioStart

from asr.protocol import Transcriber
from malbeot_core.audio import INTERNAL, resample
from malbeot_core.errors import BadAudio, FrameTooLarge, UnsupportedRate

from .limits import WyomingLimits, offered_language

STAGE = "wyoming-asr"


@dataclass(frozen=True)
class ClientFormat:
    rate: int
    width: int
    channels: int


@dataclass
class AsrRequest:
    """One utterance being received on a connection."""

    limits: WyomingLimits
    languages: tuple[str, ...]
    language: str | None = None
    format: ClientFormat | None = None
    audio: bytearray = field(default_factory=bytearray)
    #: an error was reported for this request: its remaining audio is dropped
    failed: bool = False

    def transcribe(self, event: Transcribe) -> None:
        """A new request: forget any audio before it; check the language it names."""
        self.reset()
        try:
            self.language = offered_language(event.language, self.languages, STAGE)
        except Exception:
            self.failed = True
            raise

    def start(self, event: AudioStart) -> None:
        language = self.language
        self.reset(keep_failure=True)
        self.language = language
        if not self.failed:
            self._guard(lambda: self._set_format(ClientFormat(event.rate, event.width, event.channels)))

    def chunk(self, event: AudioChunk) -> None:
        if self.failed:
            return
        fmt = ClientFormat(event.rate, event.width, event.channels)
        if self.format is None:  # no audio-start: the first chunk says the format
            self._guard(lambda: self._set_format(fmt))
        elif fmt != self.format:
            self._fail(BadAudio(f"audio-chunk format {fmt} differs from audio-start {self.format}", stage=STAGE))
        if len(event.audio) % (fmt.width * fmt.channels):
            self._fail(BadAudio("audio-chunk holds a partial sample frame", stage=STAGE))
        self.audio += event.audio
        if len(self.audio) > self.limits.max_audio_seconds * fmt.rate * fmt.width * fmt.channels:
            self._fail(FrameTooLarge(f"more than {self.limits.max_audio_seconds:.0f} s of audio", stage=STAGE))

    def finish(self) -> tuple[bytes, str | None] | None:
        """At ``audio-stop``: the utterance as 16 kHz mono PCM and its language, or None after an error."""
        try:
            if self.failed:
                return None
            if self.format is None or not self.audio:
                raise BadAudio("audio-stop without any audio", stage=STAGE)
            return to_internal(bytes(self.audio), self.format), self.language
        finally:
            self.reset()

    def reset(self, keep_failure: bool = False) -> None:
        self.format = None
        self.audio = bytearray()
        self.language = None
        if not keep_failure:
            self.failed = False

    def _set_format(self, fmt: ClientFormat) -> None:
        if fmt.width != 2:
            raise BadAudio(f"audio must be 16-bit PCM (width 2), not width {fmt.width}", stage=STAGE)
        if fmt.channels not in (1, 2):
            raise BadAudio(f"audio must be mono or stereo, not {fmt.channels} channels", stage=STAGE)
        if not self.limits.min_rate <= fmt.rate <= self.limits.max_rate:
            raise UnsupportedRate(
                f"sample rate {fmt.rate} Hz is outside {self.limits.min_rate}-{self.limits.max_rate} Hz", stage=STAGE
            )
        self.format = fmt

    def _guard(self, action: Callable[[], None]) -> None:
        try:
            action()
        except Exception:
            self.failed = True
            raise

    def _fail(self, error: Exception) -> None:
        self.failed = True
        self.audio = bytearray()
        raise error


def to_internal(pcm: bytes, fmt: ClientFormat) -> bytes:
    """16-bit PCM at the client's rate and channels → 16 kHz mono."""
    if fmt.channels == 2:
        stereo = np.frombuffer(pcm, dtype="<i2").reshape(-1, 2).astype(np.int32)
        pcm = (stereo.sum(axis=1) // 2).astype("<i2").tobytes()
    return resample(pcm, fmt.rate, INTERNAL.rate) if fmt.rate != INTERNAL.rate else pcm


async def recognise(
    transcriber: Transcriber, pcm: bytes, language: str | None, languages: tuple[str, ...]
) -> Transcript:
    """Recognise one utterance in a worker thread."""
    result = await asyncio.to_thread(transcriber.transcribe, pcm, language, languages)
    return Transcript(text=result.text, language=result.language)
