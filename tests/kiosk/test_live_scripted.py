"""``kiosk_client live`` against a small scripted call server (no models): what goes up the line, the
reply on the speaker, the privacy hang-up after ``idle``, and reconnection when the server goes away."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from websockets.asyncio.server import Server, ServerConnection, serve

from kiosk_client.config import AudioSettings, KioskConfig
from kiosk_client.live import CONNECTED, LOST, OFFLINE_SPEECH, RECONNECTED, WIPED, LiveKiosk
from malbeot_core.installed import asterisk_recording
from tests.asr.asr_clips import read_pcm16k
from tests.kiosk.recorded_room import RecordedRoom
from voice_gateway.embedded import free_port

SPEECH = read_pcm16k(asterisk_recording("vm-goodbye.wav"))
TONE = (np.sin(np.arange(16000) * 2 * np.pi * 440 / 16000) * 12000).astype("<i2").tobytes()  # 1 s reply


def silence(seconds: float) -> bytes:
    return b"\x00" * (round(seconds * 16000) * 2)


@dataclass
class ScriptedGateway:
    """Answers once per call, when 0.5 s of audio has come up: a transcript, an answer, one second of tone."""

    port: int = field(default_factory=free_port)
    paths: list[str] = field(default_factory=list)
    received: list[bytearray] = field(default_factory=list)  # audio per call
    server: Server | None = None

    async def handle(self, ws: ServerConnection) -> None:
        self.paths.append(ws.request.path if ws.request else "")
        audio = bytearray()
        self.received.append(audio)
        answered = False
        async for message in ws:
            if not isinstance(message, bytes):
                continue
            audio.extend(message)
            if len(audio) >= 16000 and not answered:
                answered = True
                for event in ({"type": "final_transcript", "text": "goodbye", "language": "en"},
                              {"type": "answer", "text": "Goodbye!", "language": "en"},
                              {"type": "audio_start", "rate": 16000, "encoding": "pcm16", "index": 0}):
                    await ws.send(json.dumps(event))
                await ws.send(TONE)
                await ws.send(json.dumps({"type": "audio_end", "sentences": 1}))

    async def start(self) -> None:
        self.server = await serve(self.handle, "127.0.0.1", self.port)

    async def stop(self) -> None:
        assert self.server is not None
        self.server.close()
        await self.server.wait_closed()


async def until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


def make_kiosk(gateway: ScriptedGateway, room: RecordedRoom, lines: list[str], idle: float = 90) -> LiveKiosk:
    config = KioskConfig(gateway=f"http://127.0.0.1:{gateway.port}", kiosk="k1", language="ko", idle=idle,
                         audio=AudioSettings(pre_roll=0.3, end_silence=1.0, echo_tail=0.4))
    return LiveKiosk(config, room, say=lines.append, backoff=(0.1, 0.2))


async def test_only_speech_goes_up_and_the_reply_is_played() -> None:
    gateway = ScriptedGateway()
    await gateway.start()
    room = RecordedRoom(pace=4.0)  # four times real time: no model on the other side
    room.say(silence(3.0) + SPEECH + silence(6.0))
    lines: list[str] = []
    kiosk = make_kiosk(gateway, room, lines)
    stop = asyncio.Event()
    task = asyncio.create_task(kiosk.run(stop))
    await until(lambda: not room.saying, 30, "the room to finish")
    stop.set()
    await asyncio.wait_for(task, 5)
    await gateway.stop()

    assert lines == [CONNECTED, "you: goodbye (en)", "malbeot: Goodbye!"]
    path = gateway.paths[0]
    assert path.startswith("/v1/call?") and "rate=16000" in path and "reply_rate=16000" in path
    assert "language=ko" in path and "elderly=0" in path
    sent = bytes(gateway.received[0])
    # the speech with its pre-roll and end-of-turn tail; none of the 3 s before nor most of the 6 s after
    assert len(SPEECH) * 0.8 <= len(sent) <= len(SPEECH) + (0.3 + 0.12 + 1.0 + 0.1) * 32000
    assert bytes(room.speaker) == TONE and kiosk.state.turns[0].reply_seconds == 1.0
    assert room.echo_heard > 0.8 and len(kiosk.state.turns) == 1  # the tone came back but was not sent


async def test_idle_hangs_up_so_the_gateway_forgets_then_a_fresh_call() -> None:
    gateway = ScriptedGateway()
    await gateway.start()
    room = RecordedRoom(pace=2.0)
    room.say(silence(0.5) + SPEECH)
    lines: list[str] = []
    kiosk = make_kiosk(gateway, room, lines, idle=2)
    stop = asyncio.Event()
    task = asyncio.create_task(kiosk.run(stop))
    await until(lambda: kiosk.state.connections == 2, 30, "the fresh call")
    stop.set()
    await asyncio.wait_for(task, 5)
    await gateway.stop()
    assert lines == [CONNECTED, "you: goodbye (en)", "malbeot: Goodbye!", WIPED, CONNECTED]
    assert kiosk.state.wipes == 1 and kiosk.state.losses == 0 and len(gateway.paths) == 2


async def test_the_server_going_away_is_said_once_and_the_kiosk_reconnects() -> None:
    gateway = ScriptedGateway()
    await gateway.start()
    room = RecordedRoom(pace=4.0)
    lines: list[str] = []
    kiosk = make_kiosk(gateway, room, lines)
    stop = asyncio.Event()
    task = asyncio.create_task(kiosk.run(stop))
    await until(lambda: kiosk.state.connections == 1, 10, "the first call")
    await gateway.stop()
    await until(lambda: LOST in lines, 10, "the loss to be said")
    room.say(silence(0.3) + SPEECH)  # someone speaks while the gateway is down
    await until(lambda: not room.saying, 10, "the speech")
    await asyncio.sleep(0.5)  # several refused attempts
    await gateway.start()
    await until(lambda: kiosk.state.connections == 2, 10, "the reconnection")
    room.say(silence(0.3) + SPEECH + silence(2.0))
    await until(lambda: len(kiosk.state.turns) == 1 and not room.saying, 30, "the answer after reconnecting")
    stop.set()
    await asyncio.wait_for(task, 5)
    await gateway.stop()
    assert lines == [CONNECTED, LOST, OFFLINE_SPEECH, RECONNECTED, "you: goodbye (en)", "malbeot: Goodbye!"]
    assert kiosk.state.losses == 1 and gateway.received[0] == bytearray()  # nothing queued from offline


class BrokenMicrophone(RecordedRoom):
    async def read_frame(self) -> bytes:
        if self._n >= 10:
            raise OSError("the USB microphone was unplugged")
        return await super().read_frame()


async def test_a_failing_microphone_ends_the_kiosk_with_its_error() -> None:
    gateway = ScriptedGateway()
    await gateway.start()
    kiosk = make_kiosk(gateway, BrokenMicrophone(), [])
    try:
        await asyncio.wait_for(kiosk.run(asyncio.Event()), 10)
    except OSError as exc:
        assert "unplugged" in str(exc)
    else:
        raise AssertionError("the kiosk went on without its microphone")
    finally:
        await gateway.stop()
