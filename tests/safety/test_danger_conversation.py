"""The call core with a danger answer (fakes for the pipeline, the wire and the alert store).

The conversation must not stop playback of the number's sentence for the caller's speech, must tell
the wire to stop only once that sentence has played, must alert staff, and must not end the call
for silence after a danger.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from malbeot_core.audio import INTERNAL, AudioChunk
from malbeot_core.events import (
    BargeIn,
    BenefitAnswer,
    Emergency,
    Event,
    NoInput,
    ReplyDone,
    SpeechAudio,
    SpeechStarted,
)
from voice_gateway.config import GatewayConfig
from voice_gateway.conversation import Conversation, settle_alerts
from voice_gateway.danger_guard import SLACK_SECONDS
from voice_gateway.metrics import Metrics
from voice_gateway.options import CallOptions

FIRST = "지금 바로 일일구에 전화하세요, 일일구예요."
DANGER = BenefitAnswer(f"{FIRST} 지금 사람과 연결해 드릴게요.", "ko", "danger_medical", action="handoff_urgent",
                       emergency=Emergency("medical", ("119",), "쓰러졌어요", FIRST))
ORDINARY = BenefitAnswer("기초연금은 매달 받는 연금이에요. 더 알려 드릴까요?", "ko", "find_benefit")


def audio(index: int, seconds: float, sentence: str = FIRST) -> SpeechAudio:
    return SpeechAudio(AudioChunk(b"\x00\x00" * int(INTERNAL.rate * seconds), INTERNAL, 0.0), sentence, index)


class Clock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Wire:
    """A transport that records what the conversation did, with the clock time of each action."""

    clock: Clock
    log: list[tuple[str, float]] = field(default_factory=list)
    #: clock time at which the audio sent so far has played
    play_end: float = 0.0

    @property
    def reply_format(self) -> tuple[int, str]:
        return 16000, "pcm16"

    async def send_event(self, message: dict[str, Any]) -> None:
        self.log.append((f"event:{message['type']}", self.clock.now))

    async def send_audio(self, chunk: AudioChunk) -> None:
        self.play_end = max(self.play_end, self.clock.now) + chunk.duration

    async def clear(self) -> None:
        self.log.append(("clear", self.clock.now))
        self.play_end = self.clock.now

    async def close(self, code: int, reason: str = "") -> None:
        self.log.append(("close", self.clock.now))

    def playing(self) -> bool:
        return self.clock.now < self.play_end

    async def drain(self) -> None:
        self.clock.now = max(self.clock.now, self.play_end)


@dataclass
class Alerts:
    raised: list[tuple[Any, ...]] = field(default_factory=list)

    def raise_alert(self, *args: Any) -> int:
        self.raised.append(args)
        return len(self.raised)


@dataclass
class Records:
    safety: Alerts = field(default_factory=Alerts)


@dataclass
class FakeServices:
    records: Records = field(default_factory=Records)


@dataclass
class FakeState:
    config: GatewayConfig = field(default_factory=GatewayConfig)
    services: FakeServices = field(default_factory=FakeServices)
    metrics: Metrics = field(default_factory=Metrics)


class Script:
    """A pipeline that plays back a list of events (the clock moves as a test says)."""

    def __init__(self, events: list[Event | float], clock: Clock) -> None:
        self.items = events
        self.clock = clock

    async def events(self) -> AsyncIterator[Event]:
        for item in self.items:
            if isinstance(item, float):
                self.clock.now += item  # time passes between events
            else:
                yield item


@dataclass
class FakeSession:
    pipeline: Script
    call_id: str = "c0ffee"

    async def aclose(self) -> None:
        return None


def conversation(events: list[Event | float]) -> tuple[Conversation, Wire, FakeState, list[float]]:
    clock = Clock()
    wire = Wire(clock)
    state = FakeState()
    call = Conversation(FakeSession(Script(events, clock)), state, CallOptions(), wire)  # type: ignore[arg-type]
    call.guard.clock = clock
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock.now += seconds

    call.sleep = sleep  # type: ignore[assignment]
    return call, wire, state, slept


async def test_speech_over_the_number_waits_until_it_has_played() -> None:
    call, wire, state, slept = conversation([
        DANGER, audio(0, 1.0), audio(0, 1.0), audio(1, 1.5, "지금 사람과 연결해 드릴게요."), 0.5,
        SpeechStarted(3.0), BargeIn(3.0),
    ])
    await call.run_events()
    await settle_alerts()
    started = 50.0
    # speech 0.5 s into the 2 s sentence: no clear until the sentence (and the slack) has played
    assert slept and abs(sum(slept) - (2.0 + SLACK_SECONDS - 0.5)) < 1e-6
    clear_at = next(t for what, t in wire.log if what == "clear")
    assert clear_at >= started + 2.0
    assert ("event:barge_in", clear_at) in wire.log
    assert state.services.records.safety.raised == [("medical", "ko", "쓰러졌어요", ("119",), "c0ffee", "web")]


async def test_speech_while_the_number_is_still_being_sent_does_not_stop_it() -> None:
    call, wire, _, _ = conversation([DANGER, audio(0, 1.0), SpeechStarted(1.2), audio(0, 1.0)])
    await call.run_events()
    assert not [what for what, _ in wire.log if what in ("clear", "event:barge_in")]
    assert wire.play_end == 52.0  # both chunks of the number's sentence stay queued


async def test_an_ordinary_answer_stops_at_once() -> None:
    call, wire, _, slept = conversation([ORDINARY, audio(0, 2.0, "기초연금은 매달 받는 연금이에요."), 0.5,
                                         SpeechStarted(1.0)])
    await call.run_events()
    assert not slept and ("clear", 50.5) in wire.log


async def test_silence_after_a_danger_never_ends_the_call() -> None:
    call, wire, _, _ = conversation([DANGER, audio(0, 1.0), ReplyDone(2), 10.0, NoInput(10.0), 10.0,
                                     NoInput(20.0), 10.0, NoInput(30.0)])
    await call.run_events()
    assert call.closing is None
    assert [what for what, _ in wire.log].count("event:no_input") >= 2


async def test_silence_without_danger_still_ends_the_call() -> None:
    call, _, _, _ = conversation([ORDINARY, ReplyDone(1), 10.0, NoInput(10.0), 10.0, NoInput(20.0)])
    call.options = CallOptions(tts=False)
    await call.run_events()
    assert call.closing is not None and call.closing.reason == "silence"


async def test_a_caller_who_hangs_up_as_the_answer_goes_out_still_reaches_staff() -> None:
    call, wire, state, _ = conversation([DANGER, audio(0, 1.0)])

    async def hung_up(message: dict[str, Any]) -> None:
        raise ConnectionResetError("the caller hung up")

    wire.send_event = hung_up  # type: ignore[method-assign]
    with pytest.raises(ConnectionResetError):
        await call.run_events()
    await settle_alerts()
    assert state.services.records.safety.raised == [("medical", "ko", "쓰러졌어요", ("119",), "c0ffee", "web")]
