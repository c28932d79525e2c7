"""``kiosk_client live`` and ``kiosk_client url``: both read the one kiosk configuration file."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from pathlib import Path
from typing import NoReturn

from .config import KioskConfig, load_config
from .failures import EXIT_BAD_INPUT, EXIT_CALL_FAILED, KioskFailure

PROG = "kiosk_client"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{PROG}: {message} (see --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Run a kiosk from its configuration file (docs/kiosk_client.md).")
    sub = parser.add_subparsers(dest="command", required=True)
    live = sub.add_parser("live", help="listen on the microphone, answer on the speaker")
    url = sub.add_parser("url", help="print the kiosk page address (for chromium --kiosk)")
    for p in (live, url):
        p.add_argument("--config", type=Path, default=Path("kiosk.toml"), help="the kiosk's TOML file")
    live.add_argument("--list-devices", action="store_true", help="list the sound devices and exit")
    return parser


async def _live(config: KioskConfig) -> None:
    from .audio_io import SoundDeviceIO
    from .live import LiveKiosk

    audio = SoundDeviceIO(config.audio.input, config.audio.output)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    kiosk = LiveKiosk(config, audio, say=lambda line: print(line, flush=True))
    print(f"kiosk {config.kiosk}: gateway {config.call_url}, VAD {config.audio.vad}", flush=True)
    try:
        await kiosk.run(stop)
    finally:
        audio.close()


def kiosk_command(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "live" and args.list_devices:
            import sounddevice

            print(sounddevice.query_devices())
            return 0
        config = load_config(args.config)
        if args.command == "url":
            print(config.page_url())
            return 0
        asyncio.run(_live(config))
    except KioskFailure as failure:
        print(f"{PROG}: {failure.message}", file=sys.stderr)
        return failure.exit_status
    except OSError as exc:  # the sound device failed while running
        print(f"{PROG}: the microphone or speaker failed: {exc}", file=sys.stderr)
        return EXIT_CALL_FAILED
    return 0
