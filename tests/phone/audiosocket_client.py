"""An Asterisk-side AudioSocket test client written from the protocol definition
(Asterisk res_audiosocket): 1-byte kind, 2-byte big-endian length, payload."""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from dataclasses import dataclass, field

HANGUP, UUID, DTMF, SLIN, ERROR = 0x00, 0x01, 0x03, 0x10, 0xFF
FRAME = 320  # 20 ms of 8 kHz signed linear


def message(kind: int, payload: bytes = b"") -> bytes:
    return bytes([kind]) + len(payload).to_bytes(2, "big") + payload


@dataclass
class Received:
    audio: list[tuple[float, bytes]] = field(default_factory=list)
    hangup_at: float | None = None
    closed_at: float | None = None
    kinds: list[int] = field(default_factory=list)

    def pcm(self, since: float = 0.0) -> bytes:
        return b"".join(data for at, data in self.audio if at >= since)


class AsteriskPeer:
    def __init__(self, port: int, call_uuid: uuid.UUID | None = None) -> None:
        self.port = port
        self.uuid = call_uuid or uuid.uuid4()
        self.got = Received()
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self._task: asyncio.Task[None] | None = None

    async def connect(self, send_uuid: bool = True) -> AsteriskPeer:
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        if send_uuid:
            await self.raw(message(UUID, self.uuid.bytes))
        self._task = asyncio.create_task(self._receive())
        return self

    async def raw(self, data: bytes) -> None:
        assert self.writer is not None
        self.writer.write(data)
        await self.writer.drain()

    async def _receive(self) -> None:
        assert self.reader is not None
        try:
            while True:
                header = await self.reader.readexactly(3)
                payload = await self.reader.readexactly(int.from_bytes(header[1:], "big"))
                self.got.kinds.append(header[0])
                if header[0] == SLIN:
                    self.got.audio.append((time.perf_counter(), payload))
                elif header[0] == HANGUP:
                    self.got.hangup_at = time.perf_counter()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            self.got.closed_at = time.perf_counter()

    async def speak(self, pcm8k: bytes) -> float:
        start = time.perf_counter()
        for i in range(0, len(pcm8k), FRAME):
            await self.raw(message(SLIN, pcm8k[i : i + FRAME]))
            await asyncio.sleep(max(0.0, start + (i // FRAME + 1) * 0.02 - time.perf_counter()))
        return start

    async def silence_until(self, predicate: object, timeout: float) -> bool:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if predicate():  # type: ignore[operator]
                return True
            if self.got.closed_at is not None:
                break
            with contextlib.suppress(ConnectionError):
                await self.speak(b"\x00" * FRAME * 5)
        return bool(predicate())  # type: ignore[operator]

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(BaseException):
                await self._task
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(Exception):
                await self.writer.wait_closed()
