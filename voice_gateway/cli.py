"""Command line: ``python -m voice_gateway serve``, ``wyoming`` and ``models list|verify|fetch``.

argparse, like every other command of the project (``python -m records``, ``python -m kiosk_client``,
``bench/*.py``): one CLI library. ``main(argv)`` returns the exit status."""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Sequence

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn
from rich.table import Table

from malbeot_core import models as model_lock
from malbeot_core.errors import MalbeotError

console = Console()


def serve(host: str | None, port: int | None) -> int:
    """Start the voice gateway on its embedded defaults (SQLite catalogue, packaged models)."""
    import uvicorn

    from .app import create_app
    from .config import GatewayConfig
    from .embedded import WS_MAX_SIZE

    config = GatewayConfig.from_env()
    config = dataclasses.replace(config, host=host or config.host, port=port or config.port)
    console.print(f"Malbeot gateway on http://{config.host}:{config.port}  (call websocket: /v1/call)")
    uvicorn.run(create_app(config), host=config.host, port=config.port, log_level="info", ws_max_size=WS_MAX_SIZE)
    return 0


def wyoming_server(uri: str) -> int:
    """Serve the ASR, the voices and the benefit dialog over the Wyoming protocol (Home Assistant, satellites)."""
    import asyncio

    from .config import GatewayConfig
    from .logs import setup_logging
    from .services import Services
    from .wyoming import WyomingServer

    config = GatewayConfig.from_env()
    setup_logging(config.log_level)  # to standard error (standard output carries stdio:// events)
    try:
        server = WyomingServer(Services(config), uri)
    except MalbeotError as exc:
        console.print(f"[red]{exc.code}[/red]: {exc.message}")
        return 2
    if config.preload:
        server.context.services.warm()
    if not uri.startswith("stdio"):
        console.print(f"Malbeot Wyoming server on {uri}  (asr, tts, handle; languages {', '.join(config.languages)})")
    asyncio.run(server.run())
    return 0


def list_models() -> int:
    """List every model in models.lock and whether it is available here."""
    table = Table("name", "kind", "backend", "licence", "languages", "size MB", "packaged in", "here")
    for entry in model_lock.load_lock().values():
        try:
            model_lock.resolve(entry.name)
            here = "[green]yes[/green]"
        except MalbeotError as exc:
            here = f"[red]{exc.code}[/red]"
        table.add_row(
            entry.name, entry.kind, entry.backend, entry.licence[:40], ", ".join(entry.languages)[:30],
            f"{entry.size / 1e6:.0f}", ", ".join(entry.packaged) or "-", here,
        )
    console.print(table)
    return 0


def verify(name: Sequence[str]) -> int:
    """Check every file's sha256 against models.lock."""
    entries = model_lock.load_lock()
    failed = False
    for model_name in name or list(entries):
        try:
            path = model_lock.resolve(model_name)
            console.print(f"[green]ok[/green] {model_name}: {path}")
        except MalbeotError as exc:
            failed = failed or exc.code != "model_missing" or bool(name)
            console.print(f"[red]{exc.code}[/red] {model_name}: {exc.message}")
    return 1 if failed else 0


def fetch(name: str) -> int:
    """Download a model from its upstream hub at the pinned revision and verify it (needs internet)."""
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}")) as bar:
        task = bar.add_task(f"fetch {name}", total=None)

        def progress(path: str, done: int, total: int) -> None:
            bar.update(task, total=total, completed=done, description=f"fetch {name} {path}")

        try:
            path = model_lock.fetch(name, progress)
        except MalbeotError as exc:
            console.print(f"[red]{exc.code}[/red]: {exc.message}")
            return 1
    console.print(f"[green]ok[/green] {name}: {path}")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m voice_gateway", description="Malbeot voice gateway")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = commands.add_parser("serve", help="start the voice gateway on its embedded defaults (SQLite catalogue, "
                              "packaged models)")
    run.add_argument("--host", help="listen address (default 127.0.0.1 or MALBEOT_HOST)")
    run.add_argument("--port", type=int, help="port (default 8080 or MALBEOT_PORT)")
    wyoming = commands.add_parser("wyoming", help="serve the ASR, the voices and the benefit dialog over the "
                                  "Wyoming protocol (Home Assistant, satellites)")
    wyoming.add_argument("--uri", default="tcp://127.0.0.1:10300",
                         help="where to listen: tcp://HOST:PORT, unix://PATH or stdio://")
    models = commands.add_parser("models", help="models pinned in models.lock")
    model_commands = models.add_subparsers(dest="models_command", required=True, metavar="COMMAND")
    model_commands.add_parser("list", help="list every model in models.lock and whether it is available here")
    check = model_commands.add_parser("verify", help="check every file's sha256 against models.lock")
    check.add_argument("name", nargs="*", help="models to verify (default: all available)")
    get = model_commands.add_parser("fetch", help="download a model from its upstream hub at the pinned revision "
                                    "and verify it (needs internet)")
    get.add_argument("name")
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the exit status (bad usage: 2, from argparse)."""
    args = parser().parse_args(argv)
    match args.command, getattr(args, "models_command", None):
        case "serve", _:
            return serve(args.host, args.port)
        case "wyoming", _:
            return wyoming_server(args.uri)
        case "models", "list":
            return list_models()
        case "models", "verify":
            return verify(args.name)
        case "models", "fetch":
            return fetch(args.name)
    raise AssertionError(args)  # argparse accepts only the commands above
