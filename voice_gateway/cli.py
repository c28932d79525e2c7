"""Command line: ``python -m voice_gateway serve``, ``wyoming`` and ``models list|verify|fetch``."""

from __future__ import annotations

import dataclasses

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn
from rich.table import Table

from malbeot_core import models as model_lock
from malbeot_core.errors import MalbeotError

app = typer.Typer(help="Malbeot voice gateway", no_args_is_help=True)
models_app = typer.Typer(help="Models pinned in models.lock", no_args_is_help=True)
app.add_typer(models_app, name="models")
console = Console()


@app.command()
def serve(
    host: str = typer.Option(None, help="listen address (default 127.0.0.1 or MALBEOT_HOST)"),
    port: int = typer.Option(None, help="port (default 8080 or MALBEOT_PORT)"),
) -> None:
    """Start the voice gateway on its embedded defaults (SQLite catalogue, packaged models)."""
    import uvicorn

    from .app import create_app
    from .config import GatewayConfig
    from .embedded import WS_MAX_SIZE

    config = GatewayConfig.from_env()
    config = dataclasses.replace(config, host=host or config.host, port=port or config.port)
    console.print(f"Malbeot gateway on http://{config.host}:{config.port}  (call websocket: /v1/call)")
    uvicorn.run(create_app(config), host=config.host, port=config.port, log_level="info", ws_max_size=WS_MAX_SIZE)


@app.command("wyoming")
def wyoming_server(
    uri: str = typer.Option("tcp://127.0.0.1:10300", help="where to listen: tcp://HOST:PORT, unix://PATH or stdio://"),
) -> None:
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
        raise typer.Exit(2) from exc
    if config.preload:
        server.context.services.warm()
    if not uri.startswith("stdio"):
        console.print(f"Malbeot Wyoming server on {uri}  (asr, tts, handle; languages {', '.join(config.languages)})")
    asyncio.run(server.run())


@models_app.command("list")
def list_models() -> None:
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


@models_app.command()
def verify(name: list[str] = typer.Argument(None, help="models to verify (default: all available)")) -> None:
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
    raise typer.Exit(1 if failed else 0)


@models_app.command()
def fetch(name: str) -> None:
    """Download a model from its upstream hub at the pinned revision and verify it (needs internet)."""
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}")) as bar:
        task = bar.add_task(f"fetch {name}", total=None)

        def progress(path: str, done: int, total: int) -> None:
            bar.update(task, total=total, completed=done, description=f"fetch {name} {path}")

        try:
            path = model_lock.fetch(name, progress)
        except MalbeotError as exc:
            console.print(f"[red]{exc.code}[/red]: {exc.message}")
            raise typer.Exit(1) from exc
    console.print(f"[green]ok[/green] {name}: {path}")
