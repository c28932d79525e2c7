"""The Wyoming server: ``tcp://HOST:PORT`` (loopback by default), ``unix://PATH`` or ``stdio://``."""

from __future__ import annotations

import asyncio
from urllib.parse import urlparse

from wyoming.server import AsyncServer

from malbeot_core.errors import MalbeotError

from ..services import Services
from .handler import MalbeotEventHandler, WyomingContext
from .limits import WyomingLimits

DEFAULT_URI = "tcp://127.0.0.1:10300"


def check_uri(uri: str) -> str:
    """A URI the server can listen on, or a clear :class:`MalbeotError`."""
    parsed = urlparse(uri)
    if parsed.scheme == "tcp" and (parsed.hostname is None or parsed.port is None):
        raise MalbeotError(f"{uri!r}: a tcp URI needs a host and a port (tcp://127.0.0.1:10300)", code="bad_uri")
    if parsed.scheme not in ("tcp", "unix", "stdio"):
        raise MalbeotError(f"{uri!r}: use tcp://HOST:PORT, unix://PATH or stdio://", code="bad_uri")
    return uri


class WyomingServer:
    """Serves Malbeot's ASR, voices and dialog to Wyoming clients, many connections at once."""

    def __init__(self, services: Services, uri: str = DEFAULT_URI, limits: WyomingLimits | None = None) -> None:
        self.uri = check_uri(uri)
        self.context = WyomingContext(services, limits or WyomingLimits())
        self._server = AsyncServer.from_uri(uri)

    def _handler(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> MalbeotEventHandler:
        return MalbeotEventHandler(reader, writer, self.context)

    async def start(self) -> None:
        """Listen without blocking (tcp and unix)."""
        await self._server.start(self._handler)

    async def run(self) -> None:
        """Listen until stopped (SIGTERM stops it)."""
        await self._server.run(self._handler)

    async def stop(self) -> None:
        await self._server.stop()
