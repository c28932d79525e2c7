"""A small asyncio SIP phone for the latency benchmark: INVITE (PCMU + telephone events), ACK, RTP in
real time both ways, BYE. It times exactly when its last speech packet left and when the first reply
packet arrived, which SIPp (used by the tests as the independent peer) does not report."""

from __future__ import annotations

import asyncio
import os
import struct
import time
from collections.abc import Callable
from typing import Any, cast

FRAME = 160  # 20 ms of 8 kHz μ-law
SILENCE = b"\xff" * FRAME


class _Inbox(asyncio.DatagramProtocol):
    def __init__(self) -> None:
        self.items: asyncio.Queue[bytes] = asyncio.Queue()
        self.transport: asyncio.DatagramTransport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.DatagramTransport, transport)

    def datagram_received(self, data: bytes, addr: Any) -> None:
        self.items.put_nowait(data)


class _Ear(_Inbox):
    def __init__(self) -> None:
        super().__init__()
        self.heard: list[tuple[float, bytes]] = []

    def datagram_received(self, data: bytes, addr: Any) -> None:
        self.heard.append((time.perf_counter(), data[12:]))


class SipCaller:
    def __init__(self, server_port: int, host: str = "127.0.0.1") -> None:
        self.server = (host, server_port)
        self.call_id = f"bench-{os.urandom(6).hex()}"
        self.heard: list[tuple[float, bytes]] = []
        self._seq = 0
        self._ts = 0
        self._to = ""
        self._media: tuple[str, int] = ("", 0)

    def _request(self, method: str, cseq: int, body: str = "") -> bytes:
        sip_port = self._sip.transport.get_extra_info("sockname")[1] if self._sip.transport else 0
        lines = [
            f"{method} sip:malbeot@{self.server[0]}:{self.server[1]} SIP/2.0",
            f"Via: SIP/2.0/UDP 127.0.0.1:{sip_port};branch=z9hG4bK{os.urandom(5).hex()}",
            f"From: <sip:bench@127.0.0.1:{sip_port}>;tag=bench", f"To: {self._to or f'<sip:malbeot@{self.server[0]}>'}",
            f"Call-ID: {self.call_id}", f"CSeq: {cseq} {method}", f"Contact: <sip:bench@127.0.0.1:{sip_port}>",
            "Max-Forwards: 70",
        ] + (["Content-Type: application/sdp"] if body else []) + [f"Content-Length: {len(body)}"]
        return ("\r\n".join(lines) + "\r\n\r\n" + body).encode()

    async def _final(self, timeout: float = 10.0) -> str:
        while True:
            text = (await asyncio.wait_for(self._sip.items.get(), timeout)).decode()
            if not text.startswith("SIP/2.0 1"):
                return text

    async def __aenter__(self) -> SipCaller:
        loop = asyncio.get_running_loop()
        _, self._sip = await loop.create_datagram_endpoint(_Inbox, local_addr=("127.0.0.1", 0))
        _, self._ear = await loop.create_datagram_endpoint(_Ear, local_addr=("127.0.0.1", 0))
        self.heard = self._ear.heard
        rtp_port = self._ear.transport.get_extra_info("sockname")[1] if self._ear.transport else 0
        offer = (f"v=0\r\no=bench 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                 f"m=audio {rtp_port} RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n")
        self._send(self._request("INVITE", 1, offer))
        ok = await self._final()
        if not ok.startswith("SIP/2.0 200"):
            raise RuntimeError(ok.split("\r\n")[0])
        headers = dict(line.split(":", 1) for line in ok.split("\r\n\r\n")[0].split("\r\n")[1:])
        self._to = headers["To"].strip()
        port = next(int(line.split()[1]) for line in ok.split("\r\n") if line.startswith("m=audio"))
        self._media = (self.server[0], port)
        self._send(self._request("ACK", 1))
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._send(self._request("BYE", 2))
        try:
            await self._final(3.0)
        except TimeoutError:
            pass
        finally:
            for endpoint in (self._sip, self._ear):
                if endpoint.transport is not None:
                    endpoint.transport.close()

    def _send(self, data: bytes) -> None:
        assert self._sip.transport is not None
        self._sip.transport.sendto(data, self.server)

    def _rtp(self, payload: bytes) -> None:
        packet = struct.pack("!BBHII", 0x80, 0, self._seq & 0xFFFF, self._ts & 0xFFFFFFFF, 0xBE7C) + payload
        self._seq += 1
        self._ts += len(payload)
        assert self._ear.transport is not None
        self._ear.transport.sendto(packet, self._media)

    async def speak(self, mulaw: bytes) -> float:
        """Send ``mulaw`` in real time; returns when its last packet left (perf_counter)."""
        start = time.perf_counter()
        for n, i in enumerate(range(0, len(mulaw), FRAME)):
            self._rtp(mulaw[i : i + FRAME].ljust(FRAME, b"\xff"))
            await asyncio.sleep(max(0.0, start + (n + 1) * 0.02 - time.perf_counter()))
        return time.perf_counter()

    async def silence_until(self, done: Callable[[], bool], timeout: float) -> bool:
        """Keep sending silence (a phone never stops sending) until ``done()`` or ``timeout``."""
        start = time.perf_counter()
        n = 0
        while not done():
            if time.perf_counter() - start > timeout:
                return False
            self._rtp(SILENCE)
            n += 1
            await asyncio.sleep(max(0.0, start + n * 0.02 - time.perf_counter()))
        return True
