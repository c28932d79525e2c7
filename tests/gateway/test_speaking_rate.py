"""ASR → dialog → translation → TTS composed as a call composes them (``voice_gateway.session``), with
model-free backends that implement the real protocols: what reaches the synthesizer.

The speaking rate is decided once, by the dialog, and carried by the answer: a normal call is spoken
at 1.0, an elderly call at the configured elderly rate, and "천천히 말해 주세요" slows the call to the
slow rate exactly once (a stage multiplying the answer's rate by a call rate again would give 0.64).
"""

from __future__ import annotations

import asyncio

from dialog.manager import slower_than
from malbeot_core.events import BenefitAnswer, EndOfTurn, Event, ReplyDone, StageFailed
from tests.gateway.pipeline_fakes import FakeBackends, fake_services, tone_chunks
from voice_gateway.config import GatewayConfig
from voice_gateway.options import CallOptions
from voice_gateway.session import CallSession

SLOWER = "천천히 말해 주세요"


class Caller:
    """Speaks turns into a real call session and collects what the pipeline answers."""

    def __init__(self, backends: FakeBackends, options: CallOptions) -> None:
        self.backends = backends
        self.session = CallSession(backends.services, backends.services.config, options)
        self.events = self.session.pipeline.events()
        self.at = 0.0

    async def say(self, text: str) -> tuple[BenefitAnswer, list[tuple[str, str, float]]]:
        """One spoken turn heard as ``text``: its answer and the synthesizer calls it caused."""
        self.backends.transcriber.text = text
        before = len(self.backends.voice.calls)
        for chunk in tone_chunks(0.6, self.at):
            await self.session.feed(chunk)
        self.at += 0.6
        await self.session.feed(EndOfTurn(self.at))
        answer: BenefitAnswer | None = None
        seen: list[Event] = []
        async with asyncio.timeout(30):  # a guard against a hang, not a speed check
            async for event in self.events:
                seen.append(event)
                assert not isinstance(event, StageFailed), event
                if isinstance(event, BenefitAnswer):
                    answer = event
                if isinstance(event, ReplyDone):
                    break
        assert answer is not None, seen
        return answer, self.backends.voice.calls[before:]


async def call(options: CallOptions, *turns: str) -> list[tuple[BenefitAnswer, list[tuple[str, str, float]]]]:
    backends = fake_services()
    caller = Caller(backends, options)
    caller.session.start()
    try:
        return [await caller.say(turn) for turn in turns]
    finally:
        await caller.session.aclose()


def spoken(calls: list[tuple[str, str, float]]) -> str:
    return "".join(text for text, _, _ in calls).replace(" ", "")


async def test_a_normal_korean_call_is_spoken_at_rate_one_then_slower_once() -> None:
    (first, first_calls), (slow, slow_calls) = await call(CallOptions(language="ko"), "기초연금 알려 주세요", SLOWER)
    manager = fake_services().dialog
    assert first.language == "ko" and first.rate == 1.0
    assert first_calls and {(lang, rate) for _, lang, rate in first_calls} == {("ko", 1.0)}
    assert spoken(first_calls) == first.text.replace(" ", "")
    assert slow.intent == "slower" and slow.text.startswith("네, 천천히")
    assert slow.rate == manager.slow_rate
    assert {(lang, rate) for _, lang, rate in slow_calls} == {("ko", manager.slow_rate)}  # 0.8, not 0.64
    assert spoken(slow_calls) == slow.text.replace(" ", "")


async def test_an_elderly_call_is_spoken_at_the_elderly_rate_and_slower_steps_down_without_squaring() -> None:
    options = CallOptions(language="ko", elderly=True)
    (first, first_calls), (slow, slow_calls) = await call(options, "기초연금 알려 주세요", SLOWER)
    manager = fake_services().dialog
    expected = slower_than(manager.elderly_rate)  # one rung slower (0.75), not squared (0.64)
    assert expected < manager.elderly_rate and expected != manager.elderly_rate * manager.slow_rate
    assert manager.elderly_rate < 1.0
    assert first.rate == manager.elderly_rate
    assert {(lang, rate) for _, lang, rate in first_calls} == {("ko", manager.elderly_rate)}  # 0.8, not 0.64
    assert spoken(first_calls) == first.text.replace(" ", "")
    assert slow.intent == "slower" and slow.rate == expected
    assert {(lang, rate) for _, lang, rate in slow_calls} == {("ko", expected)}


async def test_elderly_mode_switched_on_mid_call_slows_the_next_answer() -> None:
    backends = fake_services()
    caller = Caller(backends, CallOptions(language="ko"))
    caller.session.start()
    try:
        _, before = await caller.say("기초연금 알려 주세요")
        await caller.session.reconfigure(CallOptions(language="ko", elderly=True))
        _, after = await caller.say("노인 일자리 알려 주세요")
    finally:
        await caller.session.aclose()
    assert {rate for _, _, rate in before} == {1.0}
    assert {rate for _, _, rate in after} == {backends.dialog.elderly_rate}


def test_the_elderly_rate_is_the_dialogs_alone() -> None:
    """No call setting holds a speaking rate the TTS stage could apply a second time."""
    session_settings = CallSession(fake_services().services, GatewayConfig(), CallOptions(elderly=True)).settings
    assert not hasattr(session_settings, "rate")
