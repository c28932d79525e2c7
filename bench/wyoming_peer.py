"""The plain peer for ``turn_latency.py``: wyoming-faster-whisper (PyPI) on Malbeot's own model folder.

The peer runs from its own virtual environment (never a dependency of this repository), as a
subprocess on a free loopback port, with the same faster-whisper "base" folder Malbeot resolves, the
same beam size (1), threads (2) and int8 compute type (what the peer's own default CPU models are).
Its client does what Home Assistant's Assist pipeline does: Transcribe (language) first, then
AudioStart, AudioChunks in real time in 20 ms frames, AudioStop once 0.7 s of silence followed the
speech (the pipeline's end-of-command silence); the figure is end of speech → Transcript event.

    python3.11 -m venv /work/peer-venv && /work/peer-venv/bin/pip install wyoming-faster-whisper
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from wyoming.asr import Transcribe, Transcript
from wyoming.audio import AudioChunk, AudioStart, AudioStop
from wyoming.client import AsyncTcpClient

FRAME_MS = 20
#: silence after the speech before AudioStop, as Home Assistant's voice command segmenter waits
STOP_AFTER_SILENCE = 0.7
WIDTH = 2


@dataclass
class PeerTurn:
    text: str
    to_transcript: float  # seconds from the last speech frame sent to the Transcript event


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def peer_command(python: Path, model_dir: Path, port: int, data_dir: Path, threads: int = 2) -> list[str]:
    return [
        str(python), "-m", "wyoming_faster_whisper", "--uri", f"tcp://127.0.0.1:{port}",
        "--model", str(model_dir), "--data-dir", str(data_dir), "--local-files-only",
        "--stt-library", "faster-whisper", "--device", "cpu", "--compute-type", "int8",
        "--beam-size", "1", "--cpu-threads", str(threads), "--language", "auto",
    ]  # fmt: skip


def peak_rss_mb(pid: int) -> float:
    """Peak resident set size (VmHWM) of a live process, in MB (MiB, as ``ru_maxrss / 1024``)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def stream_turn(
    host: str, port: int, pcm: bytes, rate: int, language: str | None, timeout: float = 90.0
) -> PeerTurn:
    """One utterance as Home Assistant streams it: Transcribe, AudioStart, real-time 20 ms chunks, 0.7 s
    of silence, AudioStop; then wait for the Transcript."""
    step = rate * FRAME_MS // 1000 * WIDTH
    speech = [pcm[i : i + step] for i in range(0, len(pcm), step)]
    silence = [b"\x00" * step] * round(STOP_AFTER_SILENCE * 1000 / FRAME_MS)
    async with AsyncTcpClient(host, port) as client:
        await client.write_event(Transcribe(language=language).event())
        await client.write_event(AudioStart(rate=rate, width=WIDTH, channels=1).event())
        start = time.perf_counter()
        end_of_speech = start
        for i, frame in enumerate(speech + silence):
            await client.write_event(AudioChunk(rate=rate, width=WIDTH, channels=1, audio=frame).event())
            if i == len(speech) - 1:
                end_of_speech = time.perf_counter()
            await asyncio.sleep(max(0.0, start + (i + 1) * FRAME_MS / 1000 - time.perf_counter()))
        await client.write_event(AudioStop().event())
        while True:
            event = await asyncio.wait_for(client.read_event(), timeout)
            if event is None:
                raise ConnectionError("peer closed the connection without a transcript")
            if Transcript.is_type(event.type):
                return PeerTurn(Transcript.from_event(event).text.strip(), time.perf_counter() - end_of_speech)


class WyomingPeer:
    """One wyoming-faster-whisper server process; ``turn`` streams one utterance to it."""

    def __init__(self, python: Path, model_dir: Path, threads: int = 2) -> None:
        self.port = free_port()
        self._tmp = tempfile.TemporaryDirectory(prefix="wyoming-peer-")
        self.log = Path(self._tmp.name) / "peer.log"
        env = {**os.environ, "HF_HUB_OFFLINE": "1"}
        command = peer_command(python, model_dir, self.port, Path(self._tmp.name), threads)
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)

    def wait_ready(self, timeout: float = 180.0) -> float:
        """Block until the server accepts connections (it loads the model first); seconds waited."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if self.process.poll() is not None:
                raise RuntimeError(f"peer exited ({self.process.returncode}): {self.log.read_text()[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return time.perf_counter() - start
            except OSError:
                time.sleep(0.2)
        raise TimeoutError(f"peer not ready in {timeout:.0f} s: {self.log.read_text()[-2000:]}")

    async def turn(self, pcm: bytes, rate: int, language: str | None, timeout: float = 90.0) -> PeerTurn:
        return await stream_turn("127.0.0.1", self.port, pcm, rate, language, timeout)

    def peak_rss_mb(self) -> float:
        return peak_rss_mb(self.process.pid)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._tmp.cleanup()


def side_by_side(rows: list[tuple[str, str, str]], width: int = 34) -> list[str]:
    """A three-column table (what, Malbeot, peer) as aligned text lines."""
    head = [("", "Malbeot", "wyoming-faster-whisper"), *rows]
    return [f"{what:<{width}} {ours:>16}   {theirs:>22}" for what, ours, theirs in head]
