"""Kiosk client: ``python -m kiosk_client question.wav --url ws://127.0.0.1:8080/v1/call``.

``python -m kiosk_client live --config kiosk.toml`` runs a microphone/speaker kiosk;
``python -m kiosk_client url --config kiosk.toml`` prints the kiosk page address for Chromium.

Streams the file as a caller would, prints the conversation and writes the spoken reply to a WAV.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import NoReturn

from malbeot_core.audio import AudioFormat, wav_bytes

from .client import CallResult, stream_call
from .failures import (
    EXIT_BAD_INPUT,
    EXIT_CALL_FAILED,
    CallFailed,
    KioskFailure,
    call_failure,
    check_url,
    closed_failure,
    read_audio,
    write_reply,
)

PROG = "kiosk_client"

EPILOG = f"""\
exit status:
  0  the gateway answered (the reply audio, if any, is written to --reply)
  {EXIT_CALL_FAILED}  the call failed: gateway unreachable (refused, unknown host, no answer in time), the
     websocket refused, the connection dropped or closed, or a fatal error before any answer
  {EXIT_BAD_INPUT}  bad command line or files: unknown option, a question file that is missing,
     unreadable or not audio, a reply file that cannot be written, a URL that is not ws:// or wss://
Every failure is reported as one line on standard error, starting with "{PROG}:".
"""


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0 seconds: {text!r}")
    return value


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line instead of the usage block
        self.exit(EXIT_BAD_INPUT, f"{PROG}: {message} (see --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description=__doc__, epilog=EPILOG,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("audio", type=Path, help="WAV/FLAC/OGG file with the question")
    parser.add_argument("--url", default="ws://127.0.0.1:8080/v1/call", help="the gateway's call websocket")
    parser.add_argument("--rate", type=int, default=16000, choices=(8000, 16000))
    parser.add_argument("--language", default="auto")
    parser.add_argument("--elderly", action="store_true")
    parser.add_argument("--reply", type=Path, default=Path("reply.wav"), help="where the spoken reply is written")
    parser.add_argument("--timeout", type=_seconds, default=60.0, help="seconds to wait for the reply (default 60)")
    return parser


def _print_conversation(result: CallResult) -> None:
    for received in result.events:
        event = received.event
        match event.get("type"):
            case "final_transcript":
                print(f"[{received.at:6.2f}s] you: {event['text']} ({event['language']})")
            case "answer":
                print(f"[{received.at:6.2f}s] malbeot: {event['text']}")
            case "error":
                print(f"[{received.at:6.2f}s] error {event['code']}: {event['message']}")


def _check_answered(result: CallResult, url: str, timeout: float) -> None:
    """``CallFailed`` when the call ended without an answer (fatal error, closed or dropped, timed out)."""
    if result.of_type("answer"):
        return
    fatal = next((e for e in result.of_type("error") if e.get("fatal")), None)
    if fatal is not None:
        raise CallFailed(f"the gateway ended the call: {fatal.get('code')}: {fatal.get('message')}")
    if result.timed_out or result.close_code is None:
        raise CallFailed(f"no answer from the gateway at {url} within {timeout:g} s")
    raise closed_failure(result.close_code, url)


def run(args: argparse.Namespace) -> None:
    check_url(args.url)
    pcm = read_audio(args.audio, args.rate)
    params = {"language": args.language, "elderly": "1" if args.elderly else "0"}
    try:
        result = asyncio.run(stream_call(args.url, pcm, args.rate, params=params, timeout=args.timeout))
    except Exception as exc:
        failure = call_failure(exc, args.url)
        if failure is None:
            raise
        raise failure from exc
    _print_conversation(result)
    _check_answered(result, args.url, args.timeout)
    if result.reply_audio:
        write_reply(args.reply, wav_bytes(bytes(result.reply_audio), AudioFormat(result.reply_rate)))
        print(f"reply audio: {args.reply}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in ("live", "url"):
        from .commands import kiosk_command

        return kiosk_command(argv)
    args = _parser().parse_args(argv)
    try:
        run(args)
    except KioskFailure as failure:
        print(f"{PROG}: {failure.message}", file=sys.stderr)
        return failure.exit_status
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
