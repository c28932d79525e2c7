"""One silence policy for every channel: when a call stops being busy (its reply has played out at
the caller, a typed turn has been answered), the conversation feeds ``Listening`` so the caller's
silence counts from there; while busy, ``NoInput`` is not the caller's silence."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from malbeot_core.audio import AudioChunk
from malbeot_core.events import Event, Listening
from voice_gateway.config import GatewayConfig
from voice_gateway.conversation import Conversation
from voice_gateway.metrics import Metrics
from voice_gateway.options import CallOptions


@dataclass
class Line:
    """A transport whose playback the test switches on and off."""

    sounding: bool = False
    events: list[str] = field(default_factory=list)

    @property
    def reply_format(self) -> tuple[int, str]:
        return 16000, "pcm16"

    async def send_event(self, message: dict[str, Any]) -> None:
        self.events.append(message["type"])

    async def send_audio(self, chunk: AudioChunk) -> None:
        return None

    async def clear(self) -> None:
        self.sounding = False

    async def close(self, code: int, reason: str = "") -> None:
        return None

    def playing(self) -> bool:
        return self.sounding

    async def drain(self) -> None:
        self.sounding = False


@dataclass
class Session:
    fed: list[Event] = field(default_factory=list)
    call_id: str = "c0ffee"

    async def feed(self, event: Event) -> None:
        self.fed.append(event)


@dataclass
class State:
    config: GatewayConfig = field(default_factory=GatewayConfig)
    metrics: Metrics = field(default_factory=Metrics)
    services: None = None


def call() -> tuple[Conversation, Line, Session]:
    line, session = Line(), Session()
    return Conversation(session, State(), CallOptions(), line), line, session  # type: ignore[arg-type]


async def settle() -> None:
    await asyncio.sleep(0.08)  # eight polls


async def test_listening_is_fed_once_each_time_a_reply_has_played_out() -> None:
    conversation, line, session = call()
    watch = asyncio.create_task(conversation.listen_watch(poll=0.01))
    try:
        await settle()
        assert session.fed == [], "a call that was never busy has nothing to restart"
        line.sounding = True
        await settle()
        assert session.fed == [], "silence while the reply plays is not the caller's"
        line.sounding = False
        await settle()
        assert session.fed == [Listening()]
        conversation.turn_taken()  # a typed question: its answer is awaited
        await settle()
        assert session.fed == [Listening()]
        line.sounding = True
        conversation._awaiting_reply = False  # the reply came (ReplyDone) and still plays
        await settle()
        line.sounding = False
        await settle()
        assert session.fed == [Listening(), Listening()]
    finally:
        watch.cancel()


async def test_no_input_while_busy_is_not_the_callers_silence() -> None:
    conversation, line, _ = call()
    line.sounding = True
    assert await conversation.on_no_input(10.0) is False
    assert line.events == [], "no no_input event while the reply plays"
    line.sounding = False
    assert await conversation.on_no_input(10.0) is False
    assert line.events == ["no_input"]
