"""The microphone/speaker kiosk: local VAD, half-duplex playback, reconnection through gateway restarts.

One task reads the microphone all the time and passes each frame through the ``SpeechGate``; what the
gate lets out goes up the call websocket when one is open. Another keeps a call open: it connects,
plays reply audio as it arrives, prints the conversation and status, and after a lost connection
reconnects with backoff, saying so. After ``idle`` seconds without anyone the call is hung up (the
gateway forgets the conversation) and a fresh one starts.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import websockets

from asr.vad import SileroVad, SpeechDetector, WebRtcVad

from .audio_io import RATE, AudioIO
from .config import KioskConfig
from .gate import SpeechGate

BACKOFF = (0.5, 1.0, 2.0, 4.0, 8.0)

CONNECTED = "연결되었습니다. 말씀하세요. / Connected. Please speak."
LOST = "연결이 끊겼습니다. 다시 연결하는 중… / Connection lost. Reconnecting…"
RECONNECTED = "다시 연결되었습니다. / Reconnected."
WIPED = "처음으로 돌아갑니다 (대화 내용 지움). / Starting over (conversation cleared)."
OFFLINE_SPEECH = ("아직 연결되지 않았습니다. 잠시 후 다시 말씀해 주세요. "
                  "/ Not connected yet: please speak again shortly.")


def make_detector(config: KioskConfig) -> SpeechDetector:
    if config.audio.vad == "silero":
        return SileroVad()
    return WebRtcVad(config.audio.aggressiveness)


@dataclass
class Turn:
    question: str = ""
    language: str = ""
    answer: str = ""
    reply_seconds: float = 0.0


@dataclass
class LiveState:
    connections: int = 0
    losses: int = 0
    wipes: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    status: list[str] = field(default_factory=list)


class LiveKiosk:
    def __init__(self, config: KioskConfig, audio: AudioIO, *, detector: SpeechDetector | None = None,
                 say: Callable[[str], None] = print, backoff: Sequence[float] = BACKOFF,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.config = config
        self.audio = audio
        self.gate = SpeechGate(detector or make_detector(config), config.audio, config.audio.threshold)
        self._say = say
        self.backoff = tuple(backoff)
        self.clock = clock
        self.state = LiveState()
        self._ws: Any = None
        self._last_activity = clock()
        self._turns_in_call = 0
        self._wipe = False
        self._warned_offline = False

    def say(self, line: str) -> None:
        self.state.status.append(line)
        self._say(line)

    @property
    def url(self) -> str:
        query = {"rate": str(RATE), "encoding": "pcm16", "reply_rate": str(RATE), **self.config.call_params()}
        return f"{self.config.call_url}?{urlencode(query)}"

    async def run(self, stop: asyncio.Event) -> None:
        microphone = asyncio.create_task(self._listen(stop))
        microphone.add_done_callback(lambda _: stop.set())  # a failed microphone ends the kiosk
        try:
            await self._keep_connected(stop)
        finally:
            microphone.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await microphone  # re-raises the microphone's failure, if it failed

    async def _listen(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            frame = await self.audio.read_frame()
            busy = self.audio.playing()
            if busy:
                self._last_activity = self.clock()
            was_open = self.gate.is_open
            out = self.gate.push(frame, speaker_busy=busy)
            if out:
                self._last_activity = self.clock()
            ws = self._ws
            if ws is None:
                if out and not was_open and not self._warned_offline:
                    self._warned_offline = True
                    self.say(OFFLINE_SPEECH)
                continue
            for chunk in out:
                with contextlib.suppress(websockets.ConnectionClosed):
                    await ws.send(chunk)
            if self._turns_in_call and self.clock() - self._last_activity > self.config.idle:
                self._wipe = True
                with contextlib.suppress(websockets.ConnectionClosed):
                    await ws.close()

    async def _keep_connected(self, stop: asyncio.Event) -> None:
        failures = 0
        lost = False
        while not stop.is_set():
            try:
                async with websockets.connect(self.url, max_size=1 << 22, open_timeout=10) as ws:
                    failures = 0
                    self.state.connections += 1
                    self.say(RECONNECTED if lost else CONNECTED)
                    lost = False
                    await self._call(ws, stop)
            except (OSError, TimeoutError, websockets.WebSocketException):
                pass  # refused, dropped or closed: reconnect below
            if stop.is_set():
                break
            if self._wipe:
                self._wipe = False
                self.state.wipes += 1
                self.say(WIPED)
                continue
            if not lost:
                lost = True
                self.state.losses += 1
                self.say(LOST)
            delay = self.backoff[min(failures, len(self.backoff) - 1)]
            failures += 1
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), delay)

    async def _call(self, ws: Any, stop: asyncio.Event) -> None:
        self._turns_in_call = 0
        self._warned_offline = False
        self._ws = ws
        stopper = asyncio.create_task(stop.wait())
        try:
            while True:
                receive = asyncio.create_task(ws.recv())
                done, _ = await asyncio.wait({receive, stopper}, return_when=asyncio.FIRST_COMPLETED)
                if stopper in done:
                    receive.cancel()
                    with contextlib.suppress(websockets.ConnectionClosed):
                        await ws.send(json.dumps({"type": "stop"}))
                    return
                self._handle(receive.result())
        finally:
            self._ws = None
            stopper.cancel()

    def _handle(self, message: str | bytes) -> None:
        if isinstance(message, bytes):
            self.audio.play(message)
            if self.state.turns:
                self.state.turns[-1].reply_seconds += len(message) / 2 / RATE
            return
        event = json.loads(message)
        self.state.events.append(event)
        match event.get("type"):
            case "final_transcript":
                self._turns_in_call += 1
                self.state.turns.append(Turn(event.get("text", ""), event.get("language", "")))
                self.say(f"you: {event.get('text', '')} ({event.get('language', '')})")
            case "answer":
                if not self.state.turns or self.state.turns[-1].answer:
                    self.state.turns.append(Turn())
                self.state.turns[-1].answer = event.get("text", "")
                self.say(f"malbeot: {event.get('text', '')}")
            case "error":
                self.say(f"error {event.get('code')}: {event.get('message')}")
