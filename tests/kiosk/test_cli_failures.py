"""The kiosk command as a user runs it: every ordinary failure is one line on stderr and a documented exit status.

Each case runs ``python -m kiosk_client`` as a subprocess against a small local server that misbehaves
in one way (refuses, is not a websocket, drops the line, closes, ends the call with a fatal error).
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from websockets.asyncio.server import ServerConnection, serve

from malbeot_core.audio import AudioFormat, wav_bytes
from voice_gateway.embedded import free_port

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Run:
    status: int
    stdout: str
    stderr: str

    def one_line_failure(self, status: int, *parts: str) -> None:
        lines = self.stderr.splitlines()
        assert self.status == status, (self.status, self.stderr)
        assert "Traceback" not in self.stderr
        assert len(lines) == 1 and lines[0].startswith("kiosk_client: "), self.stderr
        for part in parts:
            assert part in lines[0], (part, lines[0])


async def kiosk(*args: str, cwd: Path) -> Run:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "kiosk_client", *args, cwd=cwd, env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode is not None
    return Run(process.returncode, out.decode(), err.decode())


@pytest.fixture
def question(tmp_path: Path) -> Path:
    path = tmp_path / "question.wav"
    path.write_bytes(wav_bytes(b"\x00\x10" * 1600, AudioFormat(16000)))  # 0.1 s
    return path


Handler = Callable[[ServerConnection], Awaitable[None]]


@pytest.fixture
async def ws_server() -> AsyncIterator[Callable[[Handler], Awaitable[str]]]:
    servers = []

    async def start(handler: Handler) -> str:
        port = free_port()
        servers.append(await serve(handler, "127.0.0.1", port).__aenter__())
        return f"ws://127.0.0.1:{port}/v1/call"

    yield start
    for server in servers:
        server.close()
        await server.wait_closed()


# -- input and command-line problems: exit 2 ----------------------------------------------------------
async def test_a_missing_file(tmp_path: Path) -> None:
    (await kiosk("missing.wav", cwd=tmp_path)).one_line_failure(2, "cannot read missing.wav: no such file")


async def test_a_folder_an_empty_file_and_a_file_that_is_not_audio(tmp_path: Path) -> None:
    (tmp_path / "notes.wav").write_text("this is not audio\n")
    (tmp_path / "empty.wav").write_bytes(b"")
    (await kiosk(str(tmp_path), cwd=tmp_path)).one_line_failure(2, "cannot read", "folder")
    (await kiosk("notes.wav", cwd=tmp_path)).one_line_failure(2, "notes.wav", "not a WAV, FLAC or OGG audio file")
    (await kiosk("empty.wav", cwd=tmp_path)).one_line_failure(2, "empty.wav", "empty")


async def test_bad_urls_and_options(tmp_path: Path, question: Path) -> None:
    for url in ("http://127.0.0.1:8080/v1/call", "127.0.0.1:8080", "ws://:8080/v1/call", "ws://host:99999/"):
        (await kiosk(str(question), "--url", url, cwd=tmp_path)).one_line_failure(2, "bad gateway URL")
    (await kiosk(str(question), "--rate", "44100", cwd=tmp_path)).one_line_failure(2, "--rate", "see --help")
    (await kiosk(cwd=tmp_path)).one_line_failure(2, "audio")


async def test_help_documents_the_exit_statuses(tmp_path: Path) -> None:
    shown = await kiosk("--help", cwd=tmp_path)
    assert shown.status == 0 and "exit status:" in shown.stdout
    assert "1  the call failed" in shown.stdout and "2  bad command line or files" in shown.stdout


# -- the call fails: exit 1 -----------------------------------------------------------------------------
async def test_nothing_listening(tmp_path: Path, question: Path) -> None:
    url = f"ws://127.0.0.1:{free_port()}/v1/call"
    (await kiosk(str(question), "--url", url, cwd=tmp_path)).one_line_failure(1, "connection refused")


async def test_a_server_that_is_not_a_websocket(tmp_path: Path, question: Path) -> None:
    async def hang_up(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.close()

    async def not_found(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        await writer.drain()
        writer.close()

    for handler, expected in ((hang_up, "before the call was set up"), (not_found, "HTTP 404")):
        port = free_port()
        server = await asyncio.start_server(handler, "127.0.0.1", port)
        async with server:
            run = await kiosk(str(question), "--url", f"ws://127.0.0.1:{port}/v1/call", cwd=tmp_path)
        run.one_line_failure(1, expected)


async def test_the_connection_drops_or_closes_during_the_call(
    tmp_path: Path, question: Path, ws_server: Callable[[Handler], Awaitable[str]]
) -> None:
    async def drop(ws: ServerConnection) -> None:
        await ws.recv()
        ws.transport.abort()  # no close frame: the line is cut

    async def close_1011(ws: ServerConnection) -> None:
        await ws.recv()
        await ws.close(1011, "internal error")

    dropped = await kiosk(str(question), "--url", await ws_server(drop), cwd=tmp_path)
    dropped.one_line_failure(1, "dropped during the call")
    closed = await kiosk(str(question), "--url", await ws_server(close_1011), cwd=tmp_path)
    closed.one_line_failure(1, "closed the call before answering", "1011")


async def test_a_fatal_error_and_no_answer_in_time(
    tmp_path: Path, question: Path, ws_server: Callable[[Handler], Awaitable[str]]
) -> None:
    async def refuse(ws: ServerConnection) -> None:
        await ws.send(json.dumps({"type": "error", "code": "unknown_language", "stage": "edge",
                                  "message": "language 'xx' is not configured", "fatal": True}))
        await ws.close(1008)

    async def silent(ws: ServerConnection) -> None:
        async for _ in ws:
            pass

    fatal = await kiosk(str(question), "--url", await ws_server(refuse), "--language", "xx", cwd=tmp_path)
    fatal.one_line_failure(1, "the gateway ended the call: unknown_language")
    assert "error unknown_language" in fatal.stdout  # the conversation as printed still shows it
    quiet = await kiosk(str(question), "--url", await ws_server(silent), "--timeout", "0.5", cwd=tmp_path)
    quiet.one_line_failure(1, "no answer from the gateway", "0.5 s")


# -- and a call that works still works ------------------------------------------------------------------
async def test_an_answered_call_prints_it_and_writes_the_reply(
    tmp_path: Path, question: Path, ws_server: Callable[[Handler], Awaitable[str]]
) -> None:
    async def answer(ws: ServerConnection) -> None:
        await ws.recv()
        await ws.send(json.dumps({"type": "answer", "text": "안녕하세요", "language": "ko"}))
        await ws.send(json.dumps({"type": "audio_start", "rate": 16000}))
        await ws.send(b"\x01\x00" * 800)
        await ws.send(json.dumps({"type": "audio_end", "sentences": 1}))
        async for _ in ws:
            pass

    reply = tmp_path / "out.wav"
    run = await kiosk(str(question), "--url", await ws_server(answer), "--reply", str(reply), cwd=tmp_path)
    assert run.status == 0 and run.stderr == "", run.stderr
    assert "malbeot: 안녕하세요" in run.stdout and reply.stat().st_size > 1600
    (tmp_path / "locked").mkdir()
    unwritable = await kiosk(str(question), "--url", await ws_server(answer), "--reply", str(tmp_path / "locked"),
                             cwd=tmp_path)
    unwritable.one_line_failure(2, "cannot write the reply")
