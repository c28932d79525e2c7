"""A real Wyoming server on a free loopback port, and a ``wyoming`` library client to talk to it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from wyoming.client import AsyncTcpClient
from wyoming.event import Event

from voice_gateway.embedded import free_port
from voice_gateway.services import Services
from voice_gateway.wyoming import WyomingServer

#: a reply slower than this fails the test instead of hanging it (real models on a busy 2-core machine)
READ_TIMEOUT = 300.0

Served = Callable[[Services], AbstractAsyncContextManager[AsyncTcpClient]]


@asynccontextmanager
async def listening(services: Services) -> AsyncIterator[Callable[[], AsyncTcpClient]]:
    """Start a server for ``services`` on a free port; yield a factory of clients for it; stop it."""
    port = free_port()
    server = WyomingServer(services, f"tcp://127.0.0.1:{port}")
    await server.start()
    try:
        yield lambda: AsyncTcpClient("127.0.0.1", port, connect_timeout=10, read_timeout=READ_TIMEOUT)
    finally:
        await server.stop()


@asynccontextmanager
async def served(services: Services) -> AsyncIterator[AsyncTcpClient]:
    """Start a server for ``services`` on a free port; yield a client connected to it; stop both."""
    async with listening(services) as connect, connect() as client:
        yield client


async def reply(client: AsyncTcpClient) -> Event:
    event = await client.read_event()
    assert event is not None, "the server closed the connection"
    return event


async def replies_until(client: AsyncTcpClient, last_type: str) -> list[Event]:
    """Events up to and including the first of type ``last_type`` (or an error)."""
    events: list[Event] = []
    while True:
        event = await reply(client)
        events.append(event)
        if event.type in (last_type, "error"):
            return events
