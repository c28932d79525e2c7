"""``TranslateStage``: puts an answer into the caller's language when a translator can.

Catalogue answers are authored in Korean and English and retrieval is cross-lingual, so most
answers need no translation; this stage only acts when the answer's language differs from the
caller's and the translator supports the pair. A failed translation never loses the answer: the
stage reports a ``StageFailed`` and then passes the original answer on.

A translated answer is marked ``machine_translated`` (the ``answer`` event says so) and, the first
time in a call, is preceded by a sentence written by the project in the caller's language saying
that what follows was translated by machine.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator

from malbeot_core.errors import MalbeotError
from malbeot_core.events import BenefitAnswer, CallerLanguage, Event, SettingsChanged, StageFailed
from malbeot_core.settings import CallSettings

from .languages import same
from .notice import machine_notice
from .protocol import Translator


class TranslateStage:
    name = "translate"

    def __init__(self, translator: Translator, settings: CallSettings) -> None:
        self.translator = translator
        self.settings = settings
        #: the caller has been told once that answers are machine-translated
        self.told = False
        #: the caller's language as the dialog announced it (``CallerLanguage``); until then the call's
        #: fixed or start language
        self.target: str | None = None

    def target_language(self) -> str:
        """The caller's language: the one the dialog answers in (its ``CallerLanguage`` events). It
        starts as the call's fixed language, but a typed turn in another language, or "in English
        please", changes it: the answer is not translated back into the page's language."""
        return self.target or self.settings.language or self.settings.start_language

    async def run(self, inbox: AsyncIterator[Event]) -> AsyncIterator[Event]:
        async for event in inbox:
            match event:
                case CallerLanguage(language=language):
                    self.target = language
                    yield event
                case SettingsChanged(settings=settings):
                    self.settings = settings
                    if settings.language:  # a language fixed mid-call is the caller's from now on
                        self.target = None
                    yield event
                case BenefitAnswer():
                    async for out in self._answer(event):
                        yield out
                case _:
                    yield event

    async def _answer(self, answer: BenefitAnswer) -> AsyncIterator[Event]:
        target = self.target_language()
        if same(answer.language, target) or not self.translator.supports(answer.language, target):
            yield answer
            return
        try:
            text = await asyncio.to_thread(self.translator.translate, answer.text, answer.language, target)
        except Exception as exc:  # reported as an event; the untranslated answer still goes out
            code = exc.code if isinstance(exc, MalbeotError) else "backend_failed"
            message = exc.message if isinstance(exc, MalbeotError) else f"{type(exc).__name__}: {exc}"
            yield StageFailed(code, self.name, f"{self.translator.name}: {message}", recoverable=True)
            yield answer
            return
        if not self.told:
            notice = machine_notice(target)
            text = f"{notice} {text}" if notice else text
            self.told = True
        yield dataclasses.replace(answer, text=text, language=target, machine_translated=True)
