"""One real gateway (real models) with every channel on — call websocket, Twilio-format stream,
AudioSocket, SIP — shared by the fuzz tests, and a capture of every log line it writes."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
import websockets

from voice_gateway.channels.config import PhoneConfig
from voice_gateway.config import GatewayConfig
from voice_gateway.embedded import LiveGateway, free_port, serve
from voice_gateway.services import Services

#: planted personal numbers: none of these digit strings may reach a log line
PLANTED = ["900101-1234567", "9001011234567", "010-9876-5432", "01098765432", "010 9876 5,432",
           "750,102-2,345,678", "공일공 구팔칠육 오사삼이"]
SECRETS = ["1234567", "9876-5432", "98765432", "9876 5,432", "2,345,678", "구팔칠육 오사삼이"]


@dataclasses.dataclass
class FuzzGateway:
    live: LiveGateway
    audiosocket_port: int
    sip_port: int
    lines: list[str]

    @property
    def twilio_url(self) -> str:
        return self.live.ws_url.replace("/v1/call", "/v1/twilio")

    def healthy(self) -> bool:
        with urllib.request.urlopen(f"{self.live.url}/healthz", timeout=10) as response:
            return bool(response.status == 200)

    def leaked(self) -> list[str]:
        return [line for line in self.lines if any(secret in line for secret in SECRETS)]

    def metrics(self) -> str:
        with urllib.request.urlopen(f"{self.live.url}/metrics", timeout=10) as response:
            return str(response.read().decode())

    def answers_a_question(self) -> bool:
        """A well-formed call (typed question, no speech synthesis) still gets its answer."""

        async def call() -> bool:
            async with websockets.connect(f"{self.live.ws_url}?tts=0&language=en") as ws:
                await ws.send(json.dumps({"type": "text", "text": "How do I apply for the basic pension?"}))
                async with asyncio.timeout(60):
                    while True:
                        message = await ws.recv()
                        if isinstance(message, str) and json.loads(message)["type"] == "answer":
                            return bool(json.loads(message)["text"])

        return asyncio.run(call())


class _Capture(logging.Handler):
    def __init__(self, lines: list[str]) -> None:
        super().__init__(logging.DEBUG)
        self.lines = lines
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture(scope="module")
def fuzz_gateway(real_services: Services) -> Iterator[FuzzGateway]:
    lines: list[str] = []
    capture = _Capture(lines)
    phone = PhoneConfig(audiosocket_port=free_port(), sip_port=free_port(), language="en")
    config = GatewayConfig(port=free_port(), phone=phone, idle_timeout=20.0)
    gen = serve(config, real_services)
    live = next(gen)
    # after uvicorn configured its loggers (it replaces their handlers): capture everything
    loggers = [logging.getLogger(n) for n in ("", "uvicorn", "uvicorn.error", "uvicorn.access", "malbeot")]
    for lg in loggers:
        lg.addHandler(capture)
    try:
        yield FuzzGateway(live, phone.audiosocket_port, phone.sip_port, lines)
    finally:
        for lg in loggers:
            lg.removeHandler(capture)
        for _ in gen:
            pass


def jsonable(value: Any) -> str:
    """JSON text Python's encoder allows (NaN and Infinity included, as the carrier might send them)."""
    return json.dumps(value, ensure_ascii=False)
