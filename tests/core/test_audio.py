"""Edge audio conversions: G.711 mu-law/A-law, resampling, containers, frame checks."""

from __future__ import annotations

import numpy as np
import pytest

from malbeot_core.audio import (
    INTERNAL,
    AudioChunk,
    AudioFormat,
    HalfRate,
    StreamResampler,
    alaw_to_pcm16,
    check_pcm16,
    check_rate,
    decode_audio_file,
    mulaw_to_pcm16,
    pcm16_to_alaw,
    pcm16_to_mulaw,
    resample,
    wav_bytes,
)
from malbeot_core.errors import BadAudio, UnsupportedRate


def tone(freq: float, seconds: float, rate: int, amp: float = 0.5) -> bytes:
    t = np.arange(int(seconds * rate)) / rate
    return (np.sin(2 * np.pi * freq * t) * amp * 32767).astype("<i2").tobytes()


def dominant_freq(pcm: bytes, rate: int) -> float:
    x = np.frombuffer(pcm, dtype="<i2").astype(np.float64)
    spectrum = np.abs(np.fft.rfft(x))
    return float(np.fft.rfftfreq(len(x), 1 / rate)[np.argmax(spectrum)])


def test_format_durations() -> None:
    assert AudioFormat(16000, 2, 1) == INTERNAL
    assert INTERNAL.bytes_per_second == 32000
    chunk = AudioChunk(b"\x00\x00" * 320, INTERNAL, start=1.0)
    assert chunk.duration == pytest.approx(0.02)
    assert chunk.end == pytest.approx(1.02)


def test_mulaw_known_values() -> None:
    # G.711: 0xFF and 0x7F decode to 0; 0x00 is the most negative, 0x80 the most positive
    decoded = np.frombuffer(mulaw_to_pcm16(bytes([0xFF, 0x7F, 0x00, 0x80])), dtype="<i2")
    assert decoded.tolist() == [0, 0, -32124, 32124]


@pytest.mark.parametrize(("encode", "decode"), [(pcm16_to_mulaw, mulaw_to_pcm16), (pcm16_to_alaw, alaw_to_pcm16)])
def test_g711_roundtrip_error_is_small(encode, decode) -> None:  # type: ignore[no-untyped-def]
    pcm = tone(440, 0.1, 8000)
    coded = encode(pcm)
    assert len(coded) == len(pcm) // 2
    back = np.frombuffer(decode(coded), dtype="<i2").astype(np.float64)
    orig = np.frombuffer(pcm, dtype="<i2").astype(np.float64)
    snr = 10 * np.log10(np.sum(orig**2) / np.sum((orig - back) ** 2))
    assert snr > 30  # G.711 gives ~38 dB on a loud tone


def test_g711_decode_of_encode_is_identity_on_codes() -> None:
    codes = bytes(range(256))
    assert pcm16_to_mulaw(mulaw_to_pcm16(codes)) == bytes(c if c != 0x7F else 0xFF for c in codes)
    assert pcm16_to_alaw(alaw_to_pcm16(codes)) == codes


def test_resample_keeps_pitch_and_length() -> None:
    pcm8 = tone(300, 1.0, 8000)
    pcm16 = resample(pcm8, 8000, 16000)
    assert len(pcm16) == pytest.approx(2 * len(pcm8), rel=0.01)
    assert dominant_freq(pcm16, 16000) == pytest.approx(300, abs=2)
    assert resample(pcm16, 16000, 16000) is pcm16


def test_stream_resampler_matches_whole_signal() -> None:
    pcm8 = tone(500, 0.5, 8000)
    rs = StreamResampler(8000, 16000)
    frames = [pcm8[i : i + 320] for i in range(0, len(pcm8), 320)]
    out = b"".join(rs.process(f) for f in frames) + rs.process(b"", last=True)
    assert len(out) == pytest.approx(2 * len(pcm8), rel=0.02)
    assert dominant_freq(out, 16000) == pytest.approx(500, abs=3)


def test_frame_checks() -> None:
    assert check_rate(8000) == 8000
    with pytest.raises(UnsupportedRate):
        check_rate(44100)
    with pytest.raises(BadAudio):
        check_pcm16(b"\x00\x01\x02")


def test_decode_wav_resamples_and_downmixes() -> None:
    stereo = np.stack([np.frombuffer(tone(200, 0.5, 8000), dtype="<i2")] * 2, axis=1)
    import io

    import soundfile as sf

    buf = io.BytesIO()
    sf.write(buf, stereo, 8000, format="WAV", subtype="PCM_16")
    pcm = decode_audio_file(buf.getvalue())
    assert len(pcm) == pytest.approx(16000 * 0.5 * 2, rel=0.02)
    assert dominant_freq(pcm, 16000) == pytest.approx(200, abs=3)
    assert decode_audio_file(wav_bytes(tone(100, 0.2, 16000)))[:4] != b""


def test_decode_garbage_is_bad_audio() -> None:
    with pytest.raises(BadAudio):
        decode_audio_file(b"this is not audio at all")


@pytest.mark.parametrize(("freq", "low_db", "high_db"),
                         [(300.0, -0.5, 0.5), (1000.0, -0.5, 0.5), (3400.0, -0.5, 0.5), (4300.0, -300.0, -60.0),
                          (6000.0, -300.0, -60.0)])
def test_half_rate_keeps_the_phone_band_and_stops_what_would_fold_into_it(freq: float, low_db: float,
                                                                          high_db: float) -> None:
    pcm = tone(freq, 1.0, 16000)
    filt = HalfRate()
    out = np.frombuffer(filt.process(pcm) + filt.tail(), dtype="<i2").astype(np.float64)[100:-100]
    gain = 20 * np.log10(max(float(out.std()), 1e-9) / np.frombuffer(pcm, dtype="<i2").std())
    assert low_db <= gain <= high_db, gain
    if freq < 4000:
        assert dominant_freq(np.rint(out).astype("<i2").tobytes(), 8000) == pytest.approx(freq, abs=2)


def test_half_rate_is_one_stream_whatever_the_chunks() -> None:
    pcm = tone(440.0, 0.5, 16000) + tone(1250.0, 0.5, 16000)
    whole = HalfRate().process(pcm)
    filt = HalfRate()
    parts = b"".join(filt.process(pcm[i : i + 3202]) for i in range(0, len(pcm), 3202))  # odd sample counts
    assert parts == whole and len(whole) == len(pcm) // 2
