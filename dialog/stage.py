"""The dialog pipeline stage: transcripts and typed questions in, ``BenefitAnswer`` out."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

from dialog.manager import DialogManager, DialogState
from malbeot_core.errors import BackendFailed, MalbeotError
from malbeot_core.events import (
    BenefitAnswer,
    CallerLanguage,
    Event,
    FinalTranscript,
    Keypad,
    SettingsChanged,
    TextInput,
)
from malbeot_core.settings import CallSettings
from malbeot_core.stage import failure_event


class DialogStage:
    """Passes every event through; after each ``FinalTranscript``, ``TextInput`` or ``Keypad`` it also
    yields the answer (computed in a worker thread). A failure becomes a recoverable ``StageFailed``
    event and the stage goes on with the next utterance.

    Before each answer the dialog learns whether the call is in elderly mode (``settings.elderly``;
    a mid-call ``config`` sends new settings as ``SettingsChanged``); the answer carries the speaking
    rate the dialog chose (``BenefitAnswer.rate``), which the settings do not hold. When the language the caller is
    answered in changes (a turn in another language, "in English please"), a ``CallerLanguage``
    event goes out before the answer: translation, synthesis and the channel follow it.
    """

    name = "dialog"

    def __init__(self, manager: DialogManager, settings: CallSettings) -> None:
        self.manager = manager
        self.settings = settings
        self.state = DialogState(
            language=settings.language or settings.start_language,
            locked=False,
            elderly=settings.elderly,
        )
        #: the language the stages after this one were last told (they start from the settings)
        self.told = self.state.language

    async def run(self, inbox: AsyncIterator[Event]) -> AsyncIterator[Event]:
        async for event in inbox:
            yield event
            match event:
                case FinalTranscript(text=text, language=language) | TextInput(text=text, language=language):
                    if text.strip():
                        for out in await self._respond(text, language):
                            yield out
                case Keypad(meaning=meaning):
                    for out in await self._answer(lambda: self.manager.keypad(meaning, self.state)):
                        yield out
                case SettingsChanged(settings=settings):
                    self.settings = settings
                case _:
                    pass

    async def _respond(self, text: str, language: str) -> list[Event]:
        return await self._answer(lambda: self.manager.respond(text, language, self.state))

    async def _answer(self, compute: Callable[[], BenefitAnswer]) -> list[Event]:
        """The answer, after a ``CallerLanguage`` when the dialog changed the caller's language."""
        self.state.elderly = self.settings.elderly
        try:
            answer = await asyncio.to_thread(compute)
        except Exception as exc:  # reported as a recoverable event; the call goes on
            detail = str(exc) if isinstance(exc, MalbeotError) else f"{type(exc).__name__}: {exc}"
            return [failure_event(BackendFailed(f"dialog failed: {detail}", stage=self.name), self.name)]
        if self.state.language == self.told:
            return [answer]
        self.told = self.state.language
        return [CallerLanguage(self.told), answer]


__all__ = ["DialogStage"]
