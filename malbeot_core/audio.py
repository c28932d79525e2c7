"""Audio formats and conversions done at the channel edge.

Inside the pipeline all audio is :data:`INTERNAL` (16 kHz, 16-bit signed little-endian, mono).
Channels convert carrier audio (8 kHz mu-law, 8 kHz slin, 16 kHz PCM...) with the helpers here.
"""

from __future__ import annotations

import io
import wave
from dataclasses import dataclass

import numpy as np

from .errors import BadAudio, UnsupportedRate

SUPPORTED_RATES = (8000, 16000)


@dataclass(frozen=True, slots=True)
class AudioFormat:
    rate: int
    width: int = 2  # bytes per sample
    channels: int = 1

    @property
    def bytes_per_second(self) -> int:
        return self.rate * self.width * self.channels

    def duration(self, nbytes: int) -> float:
        return nbytes / self.bytes_per_second


INTERNAL = AudioFormat(16000, 2, 1)
TELEPHONY_PCM = AudioFormat(8000, 2, 1)


@dataclass(frozen=True, slots=True)
class AudioChunk:
    """A piece of PCM audio; ``start`` is its position in the stream's audio time (seconds)."""

    pcm: bytes
    fmt: AudioFormat = INTERNAL
    start: float = 0.0

    @property
    def duration(self) -> float:
        return self.fmt.duration(len(self.pcm))

    @property
    def end(self) -> float:
        return self.start + self.duration

    def samples(self) -> np.ndarray:
        """int16 samples (mono only)."""
        return np.frombuffer(self.pcm, dtype="<i2")

    def float32(self) -> np.ndarray:
        return self.samples().astype(np.float32) / 32768.0


def check_rate(rate: int) -> int:
    if rate not in SUPPORTED_RATES:
        raise UnsupportedRate(
            f"sample rate {rate} Hz is not supported; use one of {', '.join(map(str, SUPPORTED_RATES))}",
            stage="edge",
        )
    return rate


def check_pcm16(frame: bytes) -> None:
    if len(frame) % 2:
        raise BadAudio(
            f"a 16-bit PCM frame must have an even number of bytes, got {len(frame)}", stage="edge"
        )


def resample(pcm: bytes, src_rate: int, dst_rate: int) -> bytes:
    """Resample 16-bit mono PCM with a high-quality polyphase filter (soxr)."""
    if src_rate == dst_rate or not pcm:
        return pcm
    import soxr

    x = np.frombuffer(pcm, dtype="<i2")
    y = soxr.resample(x, src_rate, dst_rate, quality="HQ")
    return np.asarray(y, dtype="<i2").tobytes()


class StreamResampler:
    """Streaming resampler that keeps filter state between frames (no clicks at frame joins).

    Quality "LQ" delays the stream by ~24 ms (HQ by ~96 ms): the live edge favours latency;
    telephone audio is band-limited to 4 kHz anyway, well inside LQ's passband.
    """

    def __init__(self, src_rate: int, dst_rate: int, quality: str = "LQ") -> None:
        self.src_rate = src_rate
        self.dst_rate = dst_rate
        self._rs = None
        if src_rate != dst_rate:
            import soxr

            self._rs = soxr.ResampleStream(src_rate, dst_rate, 1, dtype="int16", quality=quality)

    def process(self, pcm: bytes, last: bool = False) -> bytes:
        if self._rs is None:
            return pcm
        x = np.frombuffer(pcm, dtype="<i2")
        return np.asarray(self._rs.resample_chunk(x, last=last), dtype="<i2").tobytes()


class HalfRate:
    """16 kHz → 8 kHz for the phone wire: a causal low-pass FIR (95 taps, Kaiser window, cut-off
    3.8 kHz) that keeps its history between chunks, then every other sample of the stream.

    Causal, so nothing waits for future audio: each chunk gives exactly its share of output samples
    (a streaming soxr resampler held back the last ~40 ms of every chunk until more audio or the end
    came, which at a sentence end means until the next sentence is synthesised); the whole stream is
    delayed by the filter's 47 samples (~3 ms). Resampling each chunk on its own instead put a
    transient at every join (~50 dB down, a tick every 100 ms on the phone).
    """

    TAPS = 95
    CUTOFF_HZ = 3800.0

    def __init__(self) -> None:
        n = np.arange(self.TAPS) - (self.TAPS - 1) / 2
        band = 2 * self.CUTOFF_HZ / 16000
        taps = band * np.sinc(band * n) * np.kaiser(self.TAPS, 8.0)
        self._taps = taps / taps.sum()
        self._history = np.zeros(self.TAPS - 1)
        self._odd = False  # the stream so far has an odd number of samples

    def process(self, pcm: bytes) -> bytes:
        x = np.frombuffer(pcm, dtype="<i2").astype(np.float64)
        if not len(x):
            return b""
        buf = np.concatenate([self._history, x])
        y = np.convolve(buf, self._taps, mode="valid")  # one output per input sample
        self._history = buf[-(self.TAPS - 1):]
        kept = y[1 if self._odd else 0 :: 2]
        self._odd = (self._odd + len(x)) % 2 == 1
        return np.clip(np.rint(kept), -32768, 32767).astype("<i2").tobytes()

    def tail(self) -> bytes:
        """The filter's last samples (the stream's end pushed through with silence)."""
        return self.process(bytes(2 * (self.TAPS // 2)))


# --- G.711 mu-law / A-law (ITU-T G.711), vectorised ----------------------------------------

_MU_BIAS = 0x84
_MU_CLIP = 32635


def _mulaw_decode_table() -> np.ndarray:
    u = ~np.arange(256, dtype=np.int32) & 0xFF
    sign = u & 0x80
    exponent = (u >> 4) & 0x07
    mantissa = u & 0x0F
    magnitude = (((mantissa << 3) + _MU_BIAS) << exponent) - _MU_BIAS
    return np.where(sign != 0, -magnitude, magnitude).astype(np.int16)


def _alaw_decode_table() -> np.ndarray:
    a = np.arange(256, dtype=np.int32) ^ 0x55
    sign = a & 0x80
    exponent = (a >> 4) & 0x07
    mantissa = a & 0x0F
    magnitude = np.where(
        exponent == 0, (mantissa << 4) + 8, ((mantissa << 4) + 0x108) << np.maximum(exponent - 1, 0)
    )
    return np.where(sign != 0, magnitude, -magnitude).astype(np.int16)


_MULAW_TABLE = _mulaw_decode_table()
_ALAW_TABLE = _alaw_decode_table()


def mulaw_to_pcm16(data: bytes) -> bytes:
    return _MULAW_TABLE[np.frombuffer(data, dtype=np.uint8)].astype("<i2").tobytes()


def alaw_to_pcm16(data: bytes) -> bytes:
    return _ALAW_TABLE[np.frombuffer(data, dtype=np.uint8)].astype("<i2").tobytes()


def pcm16_to_mulaw(pcm: bytes) -> bytes:
    x = np.frombuffer(pcm, dtype="<i2").astype(np.int32)
    sign = np.where(x < 0, 0x80, 0)
    mag = np.minimum(np.abs(x), _MU_CLIP) + _MU_BIAS
    exponent = np.floor(np.log2(mag)).astype(np.int32) - 7
    exponent = np.clip(exponent, 0, 7)
    mantissa = (mag >> (exponent + 3)) & 0x0F
    return (~(sign | (exponent << 4) | mantissa) & 0xFF).astype(np.uint8).tobytes()


def pcm16_to_alaw(pcm: bytes) -> bytes:
    x = np.frombuffer(pcm, dtype="<i2").astype(np.int32)
    sign = np.where(x >= 0, 0x80, 0)
    mag = np.minimum(np.abs(x), 32767) >> 3  # 13-bit magnitude
    exponent = np.where(mag < 32, 0, np.floor(np.log2(np.maximum(mag, 1))).astype(np.int32) - 4)
    exponent = np.clip(exponent, 0, 7)
    mantissa = np.where(exponent == 0, mag >> 1, mag >> exponent) & 0x0F
    return ((sign | (exponent << 4) | mantissa) ^ 0x55).astype(np.uint8).tobytes()


# --- containers -----------------------------------------------------------------------------


def wav_bytes(pcm: bytes, fmt: AudioFormat = INTERNAL) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(fmt.channels)
        w.setsampwidth(fmt.width)
        w.setframerate(fmt.rate)
        w.writeframes(pcm)
    return buf.getvalue()


def decode_audio_file(data: bytes, target: AudioFormat = INTERNAL) -> bytes:
    """Decode a WAV/FLAC/OGG file (bytes) to mono 16-bit PCM at ``target.rate``."""
    import soundfile as sf

    try:
        samples, rate = sf.read(io.BytesIO(data), dtype="int16", always_2d=True)
    except Exception as exc:  # soundfile raises several types for bad input
        raise BadAudio(f"cannot decode audio file: {exc}", stage="edge") from exc
    if samples.size == 0:
        raise BadAudio("the audio file holds no samples", stage="edge")
    mono = samples.astype(np.int32).mean(axis=1).astype("<i2")
    return resample(mono.tobytes(), int(rate), target.rate)
