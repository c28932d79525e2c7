"""One check-in call on a phone line: the check-in flow takes the dialog's place in the pipeline
(recognition → check-in flow, which consults the dialog → translation → speech), and the call starts
with the greeting by name instead of the service notice."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from malbeot_core.errors import BackendFailed, MalbeotError
from malbeot_core.events import Event, FinalTranscript, Keypad, TextInput
from malbeot_core.settings import CallSettings
from malbeot_core.stage import failure_event

from ..channels.handoff import Outcome as HandoffOutcome
from ..channels.phone import PhoneCallInfo, PhoneConversation, PhoneLine
from ..options import CallOptions
from ..state import GatewayState
from .flow import CheckinFlow


class CheckinStage:
    """Passes every event through; each recognised answer goes to the flow, whose reply follows."""

    name = "dialog"

    def __init__(self, flow: CheckinFlow, settings: CallSettings) -> None:
        self.flow = flow
        self.settings = settings

    async def run(self, inbox: AsyncIterator[Event]) -> AsyncIterator[Event]:
        async for event in inbox:
            yield event
            match event:
                case FinalTranscript(text=text, language=language) | TextInput(text=text, language=language):
                    if not text.strip():
                        continue
                    try:
                        reply = await asyncio.to_thread(self.flow.hear, text, language)
                    except Exception as exc:  # a recoverable event: the call goes on
                        detail = str(exc) if isinstance(exc, MalbeotError) else f"{type(exc).__name__}: {exc}"
                        yield failure_event(BackendFailed(f"check-in flow failed: {detail}", stage=self.name),
                                            self.name)
                        continue
                    if reply is not None:
                        yield reply  # it carries its own speaking rate
                case Keypad(meaning=meaning):
                    yield self.flow.keypad(meaning)
                case _:
                    pass


class CheckinConversation(PhoneConversation):
    def __init__(self, state: GatewayState, line: PhoneLine, info: PhoneCallInfo,
                 outcomes: dict[str, HandoffOutcome], flow: CheckinFlow) -> None:
        options = CallOptions().updated(
            {"rate": 8000, "encoding": line.reply_encoding, "reply_rate": 8000, "language": flow.language,
             "elderly": 1}, state.config.languages)
        self.flow = flow
        super().__init__(state, options, line, info, outcomes, lambda settings: CheckinStage(flow, settings))

    async def start(self) -> None:
        """Start the pipeline and greet the resident by name (it says a computer is calling)."""
        self.session.start()
        await self.session.say(self.flow.greeting())


__all__ = ["CheckinConversation", "CheckinStage"]
