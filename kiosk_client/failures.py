"""What can go wrong for the kiosk command, said in one line, with the exit status it ends with.

Two kinds, two exit statuses (``python -m kiosk_client --help`` lists them):

* ``BadInput`` (exit 2): the command line or its files — a missing, unreadable or non-audio question
  file, a reply path that cannot be written, a URL that is not a ``ws://``/``wss://`` address.
* ``CallFailed`` (exit 1): the call itself — the gateway cannot be reached (refused, unknown host,
  no answer), refuses the websocket, drops or closes the connection, or ends the call with a fatal
  error before answering.
"""

from __future__ import annotations

import errno
import socket
from pathlib import Path
from urllib.parse import urlsplit

from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus, InvalidURI

from malbeot_core.audio import AudioFormat, decode_audio_file
from malbeot_core.errors import BadAudio, MalbeotError

EXIT_CALL_FAILED = 1
EXIT_BAD_INPUT = 2


class KioskFailure(MalbeotError):
    """A failure of the kiosk command; ``message`` is the one line printed after ``kiosk_client:``."""

    code = "kiosk_failure"
    exit_status = EXIT_CALL_FAILED

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()), stage="kiosk_client")


class BadInput(KioskFailure):
    code = "kiosk_bad_input"
    exit_status = EXIT_BAD_INPUT


class CallFailed(KioskFailure):
    code = "kiosk_call_failed"
    exit_status = EXIT_CALL_FAILED


def _why(exc: OSError) -> str:
    """An OS error in a few plain words ("no such file", "permission denied")."""
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "it is a folder, not a file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno is not None and exc.strerror:
        return exc.strerror[0].lower() + exc.strerror[1:]
    return str(exc) or type(exc).__name__


def read_audio(path: Path, rate: int) -> bytes:
    """The question file as 16-bit PCM at ``rate``; ``BadInput`` if it cannot be read or is not audio."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"cannot read {path}: {_why(exc)}") from exc
    if not data:
        raise BadInput(f"cannot use {path}: the file is empty")
    try:
        return decode_audio_file(data, AudioFormat(rate))
    except BadAudio as exc:
        detail = "it holds no samples" if "no samples" in exc.message else "not a WAV, FLAC or OGG audio file"
        raise BadInput(f"cannot use {path}: {detail}") from exc


def write_reply(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise BadInput(f"cannot write the reply to {path}: {_why(exc)}") from exc


def check_url(url: str) -> None:
    """``BadInput`` unless ``url`` is a ``ws://`` or ``wss://`` address with a host (and a valid port)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise BadInput(f"bad gateway URL {url!r}: {exc}") from exc
    if parts.scheme not in ("ws", "wss") or not parts.hostname:
        raise BadInput(f"bad gateway URL {url!r}: expected ws://HOST:PORT/v1/call (or wss://)")
    if port == 0:
        raise BadInput(f"bad gateway URL {url!r}: port 0")


def call_failure(exc: BaseException, url: str) -> KioskFailure | None:
    """The one-line failure for an exception raised while calling the gateway; None for a programming error."""
    where = _address(url)
    match exc:
        case InvalidURI():
            return BadInput(f"bad gateway URL {url!r}: {exc}")
        case InvalidStatus():
            status = exc.response.status_code
            return CallFailed(f"the server at {url} refused the call: HTTP {status} (is the path /v1/call?)")
        case InvalidHandshake():
            return CallFailed(f"the server at {where} closed the connection before the call was set up "
                              "(is it a Malbeot gateway?)")
        case ConnectionClosed():
            return closed_failure(exc.rcvd.code if exc.rcvd is not None else 1006, url)
        case TimeoutError():
            return CallFailed(f"the gateway at {where} did not answer in time")
        case socket.gaierror():
            return CallFailed(f"cannot find the gateway host {urlsplit(url).hostname!r}: {exc.strerror}")
        case ConnectionRefusedError():
            return CallFailed(f"cannot connect to the gateway at {where}: connection refused (is it running?)")
        case OSError() if exc.errno in (errno.ECONNRESET, errno.EPIPE, errno.ECONNABORTED):
            return closed_failure(1006, url)
        case OSError():
            return CallFailed(f"cannot connect to the gateway at {where}: {_why(exc)}")
    return None


def closed_failure(code: int, url: str) -> CallFailed:
    if code == 1006:
        return CallFailed(f"the connection to the gateway at {_address(url)} dropped during the call")
    return CallFailed(f"the gateway at {_address(url)} closed the call before answering (close code {code})")


def _address(url: str) -> str:
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = None
    port = port or (443 if parts.scheme == "wss" else 80)
    return f"{parts.hostname}:{port}"


__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_CALL_FAILED",
    "BadInput",
    "CallFailed",
    "KioskFailure",
    "call_failure",
    "check_url",
    "closed_failure",
    "read_audio",
    "write_reply",
]
