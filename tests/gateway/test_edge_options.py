"""Channel edge conversion and call options (no models)."""

from __future__ import annotations

import numpy as np
import pytest

from malbeot_core.audio import (
    INTERNAL,
    AudioChunk,
    AudioFormat,
    CausalResampler,
    mulaw_to_pcm16,
    pcm16_to_mulaw,
    resample,
)
from malbeot_core.errors import BadAudio, FrameTooLarge, ProtocolViolation, UnknownLanguage, UnsupportedRate
from voice_gateway.edge import InboundAudio, OutboundAudio
from voice_gateway.options import CallOptions

LANGS = ("ko", "en", "zh", "vi", "ja")


def tone(rate: int, seconds: float, freq: float = 400.0) -> bytes:
    t = np.arange(int(rate * seconds)) / rate
    return (np.sin(2 * np.pi * freq * t) * 8000).astype("<i2").tobytes()


def test_inbound_8k_pcm_becomes_16k_with_running_time() -> None:
    edge = InboundAudio(8000, "pcm16")
    pcm = tone(8000, 0.2)
    chunks = [edge.convert(pcm[i : i + 320]) for i in range(0, len(pcm), 320)]
    assert all(c.fmt == INTERNAL for c in chunks)
    assert chunks[1].start == pytest.approx(0.02)
    assert edge.audio_time == pytest.approx(0.2)
    total = sum(len(c.pcm) for c in chunks)
    delay_bytes = 2 * len(pcm) - total  # the streaming resampler's filter delay, at 16 kHz
    assert 0 <= delay_bytes <= 0.03 * INTERNAL.bytes_per_second


def test_inbound_mulaw() -> None:
    edge = InboundAudio(8000, "mulaw")
    mulaw = pcm16_to_mulaw(tone(8000, 0.1))
    chunk = edge.convert(mulaw)
    assert edge.audio_time == pytest.approx(0.1)
    assert len(chunk.pcm) % 2 == 0


def test_inbound_rejects_bad_frames() -> None:
    edge = InboundAudio(16000, "pcm16", max_frame_bytes=1000)
    with pytest.raises(BadAudio):
        edge.convert(b"\x01\x02\x03")
    with pytest.raises(FrameTooLarge):
        edge.convert(b"\x00" * 1002)
    assert edge.audio_time == 0  # nothing counted from rejected frames
    with pytest.raises(UnsupportedRate):
        InboundAudio(11025, "pcm16")
    with pytest.raises(BadAudio):
        InboundAudio(8000, "opus")


def test_outbound_frames_to_8k_mulaw() -> None:
    out = OutboundAudio(8000, "mulaw", frame_ms=20)
    frames = out.frames(AudioChunk(tone(16000, 0.1), INTERNAL))
    assert all(len(f) == 160 for f in frames[:-1])
    # all but the filter's second half (~3 ms) at once; that at the reply's end: 100 ms in all
    owed = 800 - len(b"".join(frames))
    assert owed == pytest.approx(CausalResampler(16000, 8000).lookahead * 8000, abs=1)
    decoded = np.frombuffer(mulaw_to_pcm16(b"".join(frames + out.flush())), dtype="<i2")
    assert len(decoded) == 800


@pytest.mark.parametrize("encoding", ["mulaw", "pcm16"])
def test_reply_audio_is_filtered_across_chunk_joins(encoding: str) -> None:
    """The same reply sent as 100 ms chunks or as one gives the same wire audio: no tick at a join."""
    reply = tone(16000, 1.0, 440.0)
    whole, chunked = OutboundAudio(8000, encoding, frame_ms=20), OutboundAudio(8000, encoding, frame_ms=20)
    one = b"".join(whole.frames(AudioChunk(reply, INTERNAL)) + whole.flush())
    parts = [f for i in range(0, len(reply), 3200) for f in chunked.frames(AudioChunk(reply[i : i + 3200], INTERNAL))]
    assert b"".join(parts + chunked.flush()) == one
    stateless = OutboundAudio(8000, encoding, frame_ms=20)  # each chunk on its own, as before
    joined = b"".join(f for i in range(0, len(reply), 3200)
                      for f in (stateless.frames(AudioChunk(reply[i : i + 3200], INTERNAL)) + stateless.flush()))
    assert joined != one


@pytest.mark.parametrize("voice_rate", [24000, 22050])
def test_a_voice_in_20ms_pieces_reaches_the_phone_resampled_once_as_one_stream(voice_rate: int) -> None:
    """Kokoro's 24 kHz (Piper's 22.05 kHz) straight to an 8 kHz wire, as a cached sentence comes: in
    20 ms pieces. One filter runs across every join: the wire gets what the whole tone gives, and
    that is the tone itself at 8 kHz (on time, a second of it) within 2 of 8000; each piece resampled
    on its own was off by ~2700 at the joins."""
    reply, fmt, step = tone(voice_rate, 1.0, 440.0), AudioFormat(voice_rate), 2 * voice_rate // 50
    pieces = [reply[i : i + step] for i in range(0, len(reply), step)]
    whole = OutboundAudio(8000, "pcm16", frame_ms=20, whole_frames=True)
    one = b"".join(whole.frames(AudioChunk(reply, fmt)) + whole.flush())
    edge = OutboundAudio(8000, "pcm16", frame_ms=20, whole_frames=True)
    wire = b"".join([f for piece in pieces for f in edge.frames(AudioChunk(piece, fmt))] + edge.flush())
    assert wire == one

    def off(pcm: bytes, late: float) -> float:
        """Largest distance from the tone made at 8 kHz, away from the reply's two ends."""
        heard = np.frombuffer(pcm, dtype="<i2").astype(np.float64)[160:8000 - 160]
        t = np.arange(160, 160 + len(heard)) / 8000 - late
        return float(np.abs(heard - np.sin(2 * np.pi * 440.0 * t) * 8000).max())

    assert len(wire) == 2 * 8000
    assert off(wire, 0.0) <= 2
    assert off(b"".join(resample(piece, voice_rate, 8000) for piece in pieces), 0.0) > 1000


@pytest.mark.parametrize(("encoding", "silence"), [("mulaw", b"\xff"), ("alaw", b"\xd5"), ("pcm16", b"\x00\x00")])
def test_phone_frames_are_whole_across_chunks(encoding: str, silence: bytes) -> None:
    out = OutboundAudio(8000, encoding, frame_ms=20, whole_frames=True)
    step = out.frame_bytes
    sent: list[bytes] = []
    for seconds in (0.013, 0.05, 0.021):  # 104 + 400 + 168 samples at 8 kHz: 672 = 4 frames + 32
        sent += out.frames(AudioChunk(tone(16000, seconds), INTERNAL))
    assert [len(f) for f in sent] == [step] * 4  # the short ends waited for more audio
    [last] = out.flush()  # 32 samples held + the filter's last 47, then silence
    assert len(last) == step
    assert last[79 * len(silence) :] == silence * 81 and last[: 32 * len(silence)] != silence * 32
    assert out.flush() == []
    out.frames(AudioChunk(tone(16000, 0.013), INTERNAL))
    out.drop()  # a barge-in: the held piece is not played later
    assert out.flush() == []


def test_options_from_query_and_messages() -> None:
    opts = CallOptions().updated({"rate": "8000", "encoding": "mulaw", "tts": "0", "language": "en"}, LANGS)
    assert (opts.rate, opts.reply_rate, opts.encoding, opts.tts, opts.language) == (8000, 8000, "mulaw", False, "en")
    assert CallOptions().updated({"rate": 8000, "reply_rate": 16000}, LANGS).reply_rate == 16000
    assert CallOptions().updated({"elderly": True}, LANGS).elderly
    with pytest.raises(UnsupportedRate):
        CallOptions().updated({"rate": "44100"}, LANGS)
    with pytest.raises(ProtocolViolation):
        CallOptions().updated({"rate": "fast"}, LANGS)
    with pytest.raises(UnknownLanguage):
        CallOptions().updated({"language": "fr"}, LANGS)
