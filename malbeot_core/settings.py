"""Per-call settings given to the stages of one call, frozen. The call's options make them; a
mid-call ``config`` makes new ones, which reach every stage as a ``SettingsChanged`` event in order
with the rest of the call (a ``config`` then a typed question: the question is answered under the
new settings). No stage writes them for another to read: what a stage decides travels as an event
(the caller's language: ``CallerLanguage``; the speaking rate: ``BenefitAnswer.rate``)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_LANGUAGES = ("ko", "en", "zh", "vi", "ja")


@dataclass(frozen=True, slots=True)
class CallSettings:
    #: languages speech recognition may pick from (language identification is restricted to these)
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    #: fixed language for the call, or None to detect per turn
    language: str | None = None
    #: elderly mode: longer end-of-turn silence and no-input timeouts, and slower answers (the dialog
    #: decides the speaking rate and each answer carries it: ``BenefitAnswer.rate``)
    elderly: bool = False
    #: the language the call starts in, before the dialog has decided one (the line's language on a
    #: phone; the fixed language when there is one); afterwards it travels as ``CallerLanguage``
    start_language: str = "ko"
    #: partial transcripts while the caller speaks (read by the ASR stage as it goes)
    partials: bool = True
    #: answers are spoken (False: text-only, as a typed web call asks with ``tts=0``)
    speak: bool = True
