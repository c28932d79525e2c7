"""The check-in stage in a call's pipeline: events pass through, each recognised answer is followed by
the flow's reply, and a failing dialog becomes a recoverable event (the call goes on)."""

from __future__ import annotations

from collections.abc import AsyncIterator

from dialog.manager import DialogState
from malbeot_core.events import BenefitAnswer, Event, FinalTranscript, SpeechStarted, StageFailed
from malbeot_core.settings import CallSettings
from voice_gateway.checkin.call import CheckinStage
from voice_gateway.checkin.flow import QUESTION, CheckinFlow

from .test_flow import FakeDialog


class BrokenDialog:
    def respond(self, text: str, language: str, state: DialogState) -> BenefitAnswer:
        raise RuntimeError("index unavailable")


async def _events(*events: Event) -> AsyncIterator[Event]:
    for event in events:
        yield event


async def test_answers_follow_transcripts_and_other_events_pass_through() -> None:
    flow = CheckinFlow(FakeDialog(), "김영순", "ko")
    flow.greeting()
    stage = CheckinStage(flow, CallSettings())
    heard = FinalTranscript("네 잘 지내요", "ko", 0.0, 1.0)
    out = [e async for e in stage.run(_events(SpeechStarted(0.0), heard, FinalTranscript(" ", "ko", 1.0, 1.2)))]
    assert out[:2] == [SpeechStarted(0.0), heard]
    assert isinstance(out[2], BenefitAnswer) and out[2].intent == QUESTION and "식사" in out[2].text
    assert len(out) == 4 and isinstance(out[3], FinalTranscript)  # an empty recognition gets no reply


async def test_a_failing_dialog_is_a_recoverable_failure() -> None:
    flow = CheckinFlow(BrokenDialog(), "김영순", "ko")
    flow.greeting()
    out = [e async for e in CheckinStage(flow, CallSettings()).run(_events(FinalTranscript("네", "ko", 0, 1)))]
    failed = out[-1]
    assert isinstance(failed, StageFailed) and failed.recoverable and "index unavailable" in failed.message
