"""The channel edge: carrier audio in, internal 16 kHz PCM out; reply audio (at the voice's rate) in,
carrier audio out."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from malbeot_core.audio import (
    INTERNAL,
    AudioChunk,
    CausalResampler,
    StreamResampler,
    alaw_to_pcm16,
    check_pcm16,
    check_rate,
    mulaw_to_pcm16,
    pcm16_to_alaw,
    pcm16_to_mulaw,
)
from malbeot_core.errors import BadAudio, FrameTooLarge, ProtocolViolation

#: 16-bit signed little-endian PCM, G.711 μ-law, G.711 A-law
ENCODINGS = ("pcm16", "mulaw", "alaw")
#: bytes per sample of each encoding
WIDTH = {"pcm16": 2, "mulaw": 1, "alaw": 1}


def check_encoding(encoding: str) -> str:
    if encoding not in ENCODINGS:
        raise BadAudio(f"unknown audio encoding {encoding!r}; use one of {', '.join(ENCODINGS)}", stage="edge")
    return encoding


@dataclass
class InboundAudio:
    """Converts the caller's frames to internal AudioChunks, keeping the stream's audio time."""

    rate: int = 16000
    encoding: str = "pcm16"
    max_frame_bytes: int = 65536

    def __post_init__(self) -> None:
        check_rate(self.rate)
        check_encoding(self.encoding)
        self._resampler = StreamResampler(self.rate, INTERNAL.rate)
        self._time = 0.0

    @property
    def audio_time(self) -> float:
        return self._time

    def convert(self, frame: bytes) -> AudioChunk:
        if len(frame) > self.max_frame_bytes:
            raise FrameTooLarge(
                f"audio frame of {len(frame)} bytes exceeds the {self.max_frame_bytes}-byte limit", stage="edge"
            )
        if self.encoding == "mulaw":
            pcm = mulaw_to_pcm16(frame)
        elif self.encoding == "alaw":
            pcm = alaw_to_pcm16(frame)
        else:
            check_pcm16(frame)
            pcm = frame
        seconds = len(pcm) / 2 / self.rate
        out = self._resampler.process(pcm)
        chunk = AudioChunk(out, INTERNAL, self._time)
        self._time += seconds
        return chunk


@dataclass
class OutboundAudio:
    """Converts reply audio (at the voice's own rate, ``chunk.fmt``) to the caller's reply format,
    in frames of ``frame_ms``.

    With ``whole_frames`` (phone lines, whose carriers play fixed 20 ms packets) every frame is
    full: the short end of a chunk is held back and goes out in front of the next chunk's audio;
    :meth:`flush` sends what is held at the end of a reply, padded with silence, and :meth:`drop`
    forgets it when the reply is cut off.

    Reply audio is resampled once, from the voice's rate straight to the wire's, by one causal
    filter per reply (``CausalResampler``: the filter runs across chunk and sentence joins, where
    resampling each chunk on its own put a transient at every join, ~50 dB below the signal, a faint
    tick every 100 ms on the phone). The wire's audio is on the reply's own time (as long as the
    chunks' durations, starting when the voice does); the last ~3 ms (16 kHz wire: ~6 ms) of each
    chunk go out with the next one, the reply's at :meth:`flush`, and :meth:`drop` starts the next
    reply afresh. A reply's chunks share one rate (its voice's).
    """

    rate: int = 16000
    encoding: str = "pcm16"
    frame_ms: int = 100
    whole_frames: bool = False
    _held: bytes = field(default=b"", init=False, repr=False)
    _resampler: CausalResampler | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        check_rate(self.rate)
        check_encoding(self.encoding)

    @property
    def frame_bytes(self) -> int:
        return self.rate * self.frame_ms // 1000 * WIDTH[self.encoding]

    def frames(self, chunk: AudioChunk) -> list[bytes]:
        return self._frames(self.encode(self._resample(chunk.pcm, chunk.fmt.rate)))

    def flush(self) -> list[bytes]:
        """The end of a reply: the resampler's last samples and the audio held back, the last frame
        padded with silence ([] when nothing is left)."""
        tail = self._resampler.tail() if self._resampler is not None else b""
        self._resampler = None
        frames = self._frames(self.encode(tail))
        if not self._held:
            return frames
        silence = self.encode(bytes((self.frame_bytes - len(self._held)) // WIDTH[self.encoding] * 2))
        frame, self._held = self._held + silence, b""
        return [*frames, frame]

    def drop(self) -> None:
        """The reply was cut off: forget what is held and start the next reply's filter afresh."""
        self._held = b""
        self._resampler = None

    def _resample(self, pcm: bytes, rate: int) -> bytes:
        if rate == self.rate:
            return pcm
        if self._resampler is None or self._resampler.src_rate != rate:
            self._resampler = CausalResampler(rate, self.rate)
        return self._resampler.process(pcm)

    def _frames(self, data: bytes) -> list[bytes]:
        step = self.frame_bytes
        if self.whole_frames:
            data = self._held + data
            whole = len(data) - len(data) % step
            data, self._held = data[:whole], data[whole:]
        return [data[i : i + step] for i in range(0, len(data), step)]

    def encode(self, pcm: bytes) -> bytes:
        if self.encoding == "mulaw":
            return pcm16_to_mulaw(pcm)
        if self.encoding == "alaw":
            return pcm16_to_alaw(pcm)
        return pcm


def parse_json(raw: str, what: str) -> Any:
    """A JSON text message; anything that is not JSON is a protocol violation.

    ``json.loads`` raises more than ``JSONDecodeError``: ``ValueError`` for an integer of more than
    4300 digits and ``RecursionError`` for deeply nested arrays; both are bad messages, not crashes."""
    try:
        return json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise ProtocolViolation(f"{what} must be JSON ({type(exc).__name__})", stage="edge") from exc

