"""Audio formats and conversions done at the channel edge.

The caller's audio is :data:`INTERNAL` inside the pipeline (16 kHz, 16-bit signed little-endian,
mono); reply audio stays at the voice's own rate (``AudioChunk.fmt``) until the channel edge
resamples it once to the wire's (:class:`CausalResampler`). Channels convert carrier audio (8 kHz
mu-law, 8 kHz slin, 16 kHz PCM...) with the helpers here.
"""

from __future__ import annotations

import functools
import io
import math
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


class CausalResampler:
    """Reply audio from the voice's rate to the wire's (24 kHz → 8 kHz...) as one stream: a causal
    polyphase low-pass FIR (Kaiser window, cut-off at 95% of the lower rate's Nyquist frequency;
    5.9 ms long for an 8 kHz wire, 11.9 ms for a 16 kHz one) that keeps its history between chunks.

    On time: output sample ``j`` is the voice's audio at ``j / dst_rate`` seconds into the reply, as
    soxr's is: the filter is centred on that instant rather than ending at it, so the wire's audio
    starts when the voice's does and a reply of ``n`` samples gives ``ceil(n * dst_rate / src_rate)``
    in all, the last ones from :meth:`tail`. Each output reads the filter's second half past its
    instant (:attr:`lookahead`: ~3 ms of the voice for an 8 kHz wire, ~6 ms for 16 kHz), so the last
    ``lookahead`` of every chunk comes out with the next chunk or at the reply's end. That is no
    longer a wait than with a filter that ends at its output's instant, which puts the whole stream
    that much late instead: it did, and whisper hears a reply shifted by 3 ms or more differently (a
    Japanese receipt number with an extra digit).

    A streaming soxr resampler holds back 20-55 ms of every chunk until more audio or the end comes,
    which at a sentence end means until the next sentence is synthesised; resampling each chunk on its
    own instead put a transient at every join (a tick at every chunk on the phone). For an 8 kHz wire
    it is flat to 3.4 kHz and ≥ 60 dB down from 4.3 kHz (16 kHz → 8 kHz: 95 taps, as the 16 → 8 kHz
    filter was).
    """

    def __init__(self, src_rate: int, dst_rate: int) -> None:
        self.src_rate = src_rate
        self.dst_rate = dst_rate
        self._up, self._down, self._centre, self._taps = _polyphase(src_rate, dst_rate)
        self._history = np.zeros(self._taps.shape[1] - 1)  # silence before the reply
        self._seen = 0  # input samples so far
        self._made = 0  # output samples so far

    def process(self, pcm: bytes) -> bytes:
        """Every output sample the audio so far gives (all but the chunk's last :attr:`lookahead`)."""
        return self._run(np.frombuffer(pcm, dtype="<i2").astype(np.float64))

    def _run(self, x: np.ndarray, limit: int | None = None) -> bytes:
        if not len(x):
            return b""
        width = self._taps.shape[1]
        buf = np.concatenate([self._history, x])
        first = self._seen - (width - 1)  # stream index of buf[0]
        self._seen += len(x)
        self._history = buf[len(buf) - (width - 1) :]
        # output j is the filter (upsampled by up) centred on input j * down / up: it reads input
        # (j * down + centre) // up and the width - 1 before it; every output whose inputs have arrived
        end = max(self._made, (self._seen * self._up - 1 - self._centre) // self._down + 1)
        if limit is not None:
            end = min(end, limit)
        at = np.arange(self._made, end) * self._down + self._centre
        self._made = end
        windows = np.lib.stride_tricks.sliding_window_view(buf, width)[at // self._up - first - (width - 1)]
        y = np.einsum("ij,ij->i", windows, self._taps[at % self._up])
        return np.clip(np.rint(y), -32768, 32767).astype("<i2").tobytes()

    @property
    def lookahead(self) -> float:
        """Seconds of the voice each output sample waits for past its own instant (half the filter)."""
        return self._centre / self._up / self.src_rate

    def tail(self) -> bytes:
        """The end of the reply: the outputs still owed (up to the reply's last instant), the voice's
        audio pushed through with silence. The stream ends here."""
        owed = -(-self._seen * self._up // self._down)  # ceil(seen * up / down): all of the reply
        if owed <= self._made:
            return b""
        needed = ((owed - 1) * self._down + self._centre) // self._up + 1  # input samples they read
        return self._run(np.zeros(max(1, needed - self._seen)), limit=owed)


@functools.lru_cache(maxsize=16)
def _polyphase(src_rate: int, dst_rate: int) -> tuple[int, int, int, np.ndarray]:
    """(up, down, centre, taps): the filter runs at ``src_rate * up``, of odd length, with its centre
    at tap ``centre``; ``taps[p]`` is its phase ``p``, oldest input first, summing to 1."""
    g = math.gcd(src_rate, dst_rate)
    up, down = dst_rate // g, src_rate // g
    low = min(src_rate, dst_rate)
    # input samples each output reads: 5.9 ms of the voice for an 8 kHz wire, 11.9 ms for 16 kHz (the
    # transition band as narrow, in Hz, as the 8 kHz filter's is in its band)
    width = math.ceil(95 * src_rate / 16000 * max(1.0, low / 8000))
    length = width * up - (1 - width * up % 2)  # odd: its centre is a sample of the upsampled stream
    centre = (length - 1) // 2
    n = np.arange(length) - centre
    band = 0.95 * low / (src_rate * up)
    h = np.zeros(width * up)  # the filter, a zero after it where its length is one short of width * up
    h[:length] = band * np.sinc(band * n) * np.kaiser(length, 8.0)
    taps = h.reshape(width, up).T[:, ::-1]  # taps[p, k] = h[p + (width - 1 - k) * up]
    taps = np.ascontiguousarray(taps / taps.sum(axis=1, keepdims=True))
    taps.flags.writeable = False  # shared by every resampler of the pair
    return up, down, centre, taps


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
