"""Edge audio conversions: G.711 mu-law/A-law, resampling, containers, frame checks."""

from __future__ import annotations

import numpy as np
import pytest

from malbeot_core.audio import (
    INTERNAL,
    AudioChunk,
    AudioFormat,
    CausalResampler,
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


#: the voices' rates (eSpeak NG and the Ray voices 16 kHz, Piper 22.05 kHz, Kokoro 24 kHz) → the wires'
PAIRS = [(16000, 8000), (22050, 8000), (24000, 8000), (22050, 16000), (24000, 16000)]


@pytest.mark.parametrize(("src", "dst"), PAIRS)
@pytest.mark.parametrize(("band", "low_db", "high_db"),
                         [(300 / 4000, -0.5, 0.5), (1000 / 4000, -0.5, 0.5), (3400 / 4000, -0.5, 0.5),
                          (4300 / 4000, -300.0, -60.0), (6000 / 4000, -300.0, -60.0)])
def test_reply_resampler_keeps_the_wire_band_and_stops_what_would_fold_into_it(
        src: int, dst: int, band: float, low_db: float, high_db: float) -> None:
    """``band``: the tone over the wire's Nyquist frequency (an 8 kHz wire: 300 Hz ... 6 kHz), kept
    below the voice's own."""
    freq = min(band * dst / 2, 0.45 * src)
    pcm = tone(freq, 1.0, src)
    filt = CausalResampler(src, dst)
    edge = 100 + int(2 * filt.lookahead * dst)  # past the reply's two ends
    out = np.frombuffer(filt.process(pcm) + filt.tail(), dtype="<i2").astype(np.float64)[edge:-edge]
    gain = 20 * np.log10(max(float(out.std()), 1e-9) / np.frombuffer(pcm, dtype="<i2").std())
    assert low_db <= gain <= high_db, gain
    if band < 1:
        assert dominant_freq(np.rint(out).astype("<i2").tobytes(), dst) == pytest.approx(freq, abs=2)


@pytest.mark.parametrize(("src", "dst"), PAIRS)
def test_reply_resampler_is_one_stream_whatever_the_chunks(src: int, dst: int) -> None:
    pcm = tone(440.0, 0.5, src) + tone(1250.0, 0.5, src)
    one = CausalResampler(src, dst)
    whole = one.process(pcm) + one.tail()
    filt = CausalResampler(src, dst)
    step = 2 * (src // 50 + 1)  # 20 ms and a sample: odd sample counts, joins at every phase
    pieces = [pcm[i : i + step] for i in range(0, len(pcm), step)]
    parts = [filt.process(piece) for piece in pieces]
    end = filt.tail()
    assert b"".join(parts) + end == whole
    # nothing waits for more than the filter's second half: the first piece gives its share less
    # the lookahead, every later one its whole share, the tail the lookahead
    shares = [len(piece) // 2 * dst / src for piece in pieces]
    owed = one.lookahead * dst
    assert abs(len(parts[0]) // 2 - (shares[0] - owed)) <= 1
    assert all(abs(len(out) // 2 - share) <= 1 for out, share in zip(parts[1:], shares[1:], strict=True))
    assert abs(len(end) // 2 - owed) <= 1
    assert len(whole) // 2 == -(-len(pcm) // 2 * dst // src)  # every instant of the reply, once


@pytest.mark.parametrize(("src", "dst"), PAIRS)
def test_reply_resampler_gives_the_tone_itself_on_time(src: int, dst: int) -> None:
    """Checked against the tone made at the wire's rate, not against another resampler: output
    sample j is the voice at j / dst seconds, from the reply's start to its end (the tail)."""
    filt = CausalResampler(src, dst)
    out = np.frombuffer(filt.process(tone(440.0, 1.0, src)) + filt.tail(), dtype="<i2").astype(np.float64)
    assert len(out) == dst
    expected = np.sin(2 * np.pi * 440.0 * np.arange(len(out)) / dst) * 0.5 * 32767
    settled = slice(int(0.01 * dst), -int(0.01 * dst))  # away from the tone's abrupt start and end
    assert float(np.abs(out - expected)[settled].max()) <= 4  # of 16383
    assert filt.lookahead < (0.004 if dst == 8000 else 0.007)  # the 16 kHz wire's filter is twice as long


@pytest.mark.parametrize(("src", "dst"), PAIRS)
@pytest.mark.parametrize("at", [0.0005, 0.25, 0.4985])
def test_reply_resampler_puts_a_click_where_the_voice_made_it(src: int, dst: int, at: float) -> None:
    """A click at the reply's first millisecond, in its middle and at its last: on the wire at the
    same instant, whole (nothing of it lost off either end), whatever the chunks. The filter that
    gave the newest instant put every click ~3 ms (8 kHz wire) or ~6 ms (16 kHz) late, which shifted
    all of a reply's speech: whisper heard a Japanese receipt number with an extra digit."""
    x = np.zeros(int(0.5 * src))
    x[round(at * src)] = 20000.0
    pcm = x.astype("<i2").tobytes()
    filt = CausalResampler(src, dst)
    step = 2 * (src // 50 + 1)
    out = b"".join(filt.process(pcm[i : i + step]) for i in range(0, len(pcm), step)) + filt.tail()
    y = np.frombuffer(out, dtype="<i2").astype(np.float64)
    assert len(y) == -(-len(x) * dst // src)
    assert int(np.argmax(y)) == pytest.approx(at * dst, abs=1)
    # all of the click's energy comes out: the share of it in the filter's band (0.95 of the wire's,
    # or of the voice's where that is lower), in dst / src as many samples
    band = 0.95 * min(src, dst) / src
    assert float((y**2).sum()) == pytest.approx(20000.0**2 * band * dst / src, rel=0.03)


@pytest.mark.parametrize(("src", "dst"), PAIRS)
def test_reply_resampler_in_pieces_gives_what_soxr_gives_the_whole_reply(src: int, dst: int) -> None:
    """Speech-like audio inside the wire's band, resampled in 20 ms pieces, is what soxr (the replies'
    resampler before, per sentence) made of it in one piece: same length, same instants, same level."""
    rng = np.random.default_rng(7)
    t = np.arange(int(0.8 * src)) / src
    top = 0.8 * min(src, dst) / 2
    x = sum(np.sin(2 * np.pi * f * t + rng.uniform(0, 2 * np.pi)) * 2500 for f in (180.0, 950.0, 2100.0, top))
    x = x * np.hanning(len(t))
    pcm = np.rint(x).astype("<i2").tobytes()
    filt = CausalResampler(src, dst)
    step = 2 * (src // 50)
    out = b"".join(filt.process(pcm[i : i + step]) for i in range(0, len(pcm), step)) + filt.tail()
    y = np.frombuffer(out, dtype="<i2").astype(np.float64)
    reference = np.frombuffer(resample(pcm, src, dst), dtype="<i2").astype(np.float64)
    assert abs(len(y) - len(reference)) <= 1
    n = min(len(y), len(reference))
    assert float(np.abs(y[:n] - reference[:n]).max()) <= 8  # of ~10000
