"""eSpeak NG as a subprocess: robotic but always available, for every configured language.

``espeak-ng -v VOICE -s WPM --stdout`` writes a WAV stream (22 050 Hz) as it speaks; the stream is
read in pieces and converted to 16 kHz on the fly, so the first audio leaves before the whole text
is spoken. eSpeak's Mandarin and Japanese voices are poor (Japanese reads little more than kana);
they are kept only as a last-resort fallback when no better voice is installed.
"""

from __future__ import annotations

import contextlib
import shutil
import struct
import subprocess
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import IO

from malbeot_core.audio import INTERNAL, StreamResampler
from malbeot_core.errors import BackendFailed, ModelMissing

from .protocol import clamp_rate, require_language

#: Malbeot language → eSpeak NG voice
DEFAULT_VOICES: Mapping[str, str] = {
    "ko": "ko",
    "en": "en-us",
    "vi": "vi",
    "zh": "cmn",  # Mandarin; poor quality, last resort
    "ja": "ja",  # poor quality (kana only), last resort
}
#: languages whose eSpeak voice is only a last resort
POOR_VOICES = frozenset({"zh", "ja"})

INSTALL_HINT = "apt-get install espeak-ng"


@dataclass(frozen=True, slots=True)
class WavHeader:
    rate: int
    channels: int
    width: int


def read_wav_header(stream: IO[bytes]) -> WavHeader:
    """Read a RIFF/WAVE header up to the start of the ``data`` chunk.

    Streaming writers (eSpeak's ``--stdout``) put placeholder sizes in the header, so the
    ``data`` size is ignored: the samples run to the end of the stream.
    """
    riff = _read_exact(stream, 12)
    if riff[:4] != b"RIFF" or riff[8:12] != b"WAVE":
        raise BackendFailed(f"espeak-ng did not write a WAV stream (starts with {riff[:12]!r})", stage="tts")
    header: WavHeader | None = None
    while True:
        chunk_id, size = struct.unpack("<4sI", _read_exact(stream, 8))
        if chunk_id == b"data":
            if header is None:
                raise BackendFailed("WAV stream has data before its fmt chunk", stage="tts")
            return header
        body = _read_exact(stream, size + (size & 1))
        if chunk_id == b"fmt ":
            fmt_tag, channels, rate, _, _, bits = struct.unpack("<HHIIHH", body[:16])
            if fmt_tag != 1 or bits != 16:
                raise BackendFailed(f"unexpected WAV format tag={fmt_tag} bits={bits}", stage="tts")
            header = WavHeader(rate=rate, channels=channels, width=bits // 8)


def _read_exact(stream: IO[bytes], n: int) -> bytes:
    data = stream.read(n)
    if len(data) != n:
        raise BackendFailed(f"WAV stream ended early ({len(data)} of {n} header bytes)", stage="tts")
    return data


class EspeakSynthesizer:
    """Always-available fallback voice for ko, en, vi (and, poorly, zh and ja)."""

    name = "espeak"
    sample_rate = INTERNAL.rate

    def __init__(
        self,
        voices: Mapping[str, str] | None = None,
        wpm: int = 160,
        binary: str = "espeak-ng",
        chunk_seconds: float = 0.25,
    ) -> None:
        path = shutil.which(binary)
        if path is None:
            raise ModelMissing(
                f"the {binary!r} program is not installed; run `{INSTALL_HINT}`", stage="tts"
            )
        self.binary = path
        self.voices = dict(voices if voices is not None else DEFAULT_VOICES)
        self.languages = frozenset(self.voices)
        self.wpm = wpm
        self.chunk_seconds = chunk_seconds

    def words_per_minute(self, rate: float) -> int:
        return max(80, min(450, round(self.wpm * clamp_rate(rate))))

    def voice_name(self, language: str) -> str:
        return self.voices.get(language, language)

    def synthesize(self, text: str, language: str, rate: float = 1.0) -> Iterator[bytes]:
        require_language(self, language)
        return self._stream(text.strip(), self.voices[language], self.words_per_minute(rate))

    def _stream(self, text: str, voice: str, wpm: int) -> Iterator[bytes]:
        if not text:
            return
        command = [self.binary, "-v", voice, "-s", str(wpm), "-b", "1", "--stdout"]
        try:
            proc = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
            )
        except OSError as exc:
            raise BackendFailed(f"cannot run {self.binary} ({exc}); run `{INSTALL_HINT}`", stage="tts") from exc
        assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
        # the text goes in from another thread so a long text cannot deadlock against a full stdout pipe
        writer = threading.Thread(target=_feed, args=(proc.stdin, text.encode("utf-8")), daemon=True)
        writer.start()
        try:
            try:
                header = read_wav_header(proc.stdout)
            except BackendFailed:
                _check_exit(proc, voice)  # no audio at all: the exit status explains (an unknown voice...)
                raise
            yield from self._read_audio(proc.stdout, header)
            _check_exit(proc, voice)
        finally:
            if proc.poll() is None:  # closed early (barge-in): stop speaking
                proc.kill()
            proc.wait()
            writer.join()
            proc.stdout.close()
            proc.stderr.close()

    def _read_audio(self, stdout: IO[bytes], header: WavHeader) -> Iterator[bytes]:
        if header.channels != 1:
            raise BackendFailed(f"espeak-ng wrote {header.channels} channels, expected mono", stage="tts")
        resampler = StreamResampler(header.rate, self.sample_rate)
        block = max(2, int(header.rate * self.chunk_seconds) * 2)
        carry = b""
        while data := stdout.read(block):
            data = carry + data
            cut = len(data) - (len(data) % 2)
            carry = data[cut:]
            if pcm := resampler.process(data[:cut]):
                yield pcm
        if pcm := resampler.process(b"", last=True):
            yield pcm


def _check_exit(proc: subprocess.Popen[bytes], voice: str) -> None:
    if proc.wait() != 0:
        assert proc.stderr is not None
        message = proc.stderr.read().decode("utf-8", "replace").strip()
        raise BackendFailed(f"espeak-ng (voice {voice}) exited with {proc.returncode}: {message}", stage="tts")


def _feed(stdin: IO[bytes], data: bytes) -> None:
    # a broken pipe means espeak ended (killed on barge-in, or failed: its exit status tells why)
    with contextlib.suppress(BrokenPipeError):
        try:
            stdin.write(data)
        finally:
            stdin.close()
