"""The dialog pipeline stage: transcripts and typed questions in, ``BenefitAnswer`` out."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

from dialog.manager import DialogManager, DialogState
from malbeot_core.errors import BackendFailed, MalbeotError
from malbeot_core.events import BenefitAnswer, Event, FinalTranscript, Keypad, TextInput
from malbeot_core.settings import CallSettings
from malbeot_core.stage import failure_event


class DialogStage:
    """Passes every event through; after each ``FinalTranscript``, ``TextInput`` or ``Keypad`` it also
    yields the answer (computed in a worker thread). A failure becomes a recoverable ``StageFailed``
    event and the stage goes on with the next utterance.

    Before each answer the dialog learns whether the call is in elderly mode (``settings.elderly``,
    which a mid-call ``config`` may change); the answer carries the speaking rate the dialog chose
    (``BenefitAnswer.rate``), which the settings do not hold. After each answer
    ``settings.last_language`` follows the dialog (the language the caller wants to be answered in).
    """

    name = "dialog"

    def __init__(self, manager: DialogManager, settings: CallSettings) -> None:
        self.manager = manager
        self.settings = settings
        self.state = DialogState(
            language=settings.language or settings.last_language,
            locked=False,
            elderly=settings.elderly,
        )

    async def run(self, inbox: AsyncIterator[Event]) -> AsyncIterator[Event]:
        async for event in inbox:
            yield event
            match event:
                case FinalTranscript(text=text, language=language) | TextInput(text=text, language=language):
                    if text.strip():
                        yield await self._respond(text, language)
                case Keypad(meaning=meaning):
                    yield await self._answer(lambda: self.manager.keypad(meaning, self.state))
                case _:
                    pass

    async def _respond(self, text: str, language: str) -> Event:
        return await self._answer(lambda: self.manager.respond(text, language, self.state))

    async def _answer(self, compute: Callable[[], BenefitAnswer]) -> Event:
        self.state.elderly = self.settings.elderly
        try:
            answer = await asyncio.to_thread(compute)
        except Exception as exc:  # reported as a recoverable event; the call goes on
            detail = str(exc) if isinstance(exc, MalbeotError) else f"{type(exc).__name__}: {exc}"
            return failure_event(BackendFailed(f"dialog failed: {detail}", stage=self.name), self.name)
        self.settings.last_language = self.state.language
        return answer


__all__ = ["DialogStage"]
