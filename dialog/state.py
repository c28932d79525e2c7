"""What the dialog remembers during one call (``DialogState``), and the language codes it keeps."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from dialog.applications.application_flow import ApplicationState
from dialog.call_language import CallLanguage
from dialog.eligibility.check_flow import CheckState
from dialog.eligibility.profile import ResidentProfile
from dialog.places.facilities import FacilityState
from malbeot_core.events import BenefitAnswer, ProgrammeHit


@dataclass
class DialogState:
    """What the dialog remembers during one call (mutated by ``respond``)."""

    #: the language answers are given in (see the notes of ``dialog.manager``)
    language: str = "ko"
    #: the caller chose ``language`` explicitly; speech-recognised language no longer changes it
    locked: bool = False
    last_answer: BenefitAnswer | None = None
    #: programmes of the last answer that found some, best first
    last_programmes: tuple[ProgrammeHit, ...] = ()
    #: the last answer presented programmes, so "yes" means "tell me more"
    offered_details: bool = False
    #: the call is in elderly mode (the stage copies it from the call's settings before each turn)
    elderly: bool = False
    #: how many times the caller asked for slower speech (holds for the rest of the call)
    slower: int = 0
    turns: int = 0
    #: identifies the conversation (the idempotency key of its applications)
    conversation_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    #: what the caller told us for eligibility checks (only after consent; forgotten with the state)
    profile: ResidentProfile = field(default_factory=ResidentProfile)
    #: an eligibility check in progress
    check: CheckState | None = None
    #: a voice application in progress (or just submitted)
    application: ApplicationState | None = None
    #: the programme the last advice offered to apply for ("yes" starts the application)
    offered_application: str = ""
    #: a "nearest facility" question waiting for the caller's dong
    facility: FacilityState | None = None
    #: the question that a clarifying question ("연금을 찾으세요, 돌봄 서비스를 찾으세요?") was about
    pending_question: str = ""
    #: the call's chosen and detected language (``language`` and ``locked`` follow it)
    call: CallLanguage = field(default_factory=CallLanguage)

    def __post_init__(self) -> None:
        self.call.current = self.language
        if self.locked and not self.call.chosen:
            self.call.choose(self.language, self.language)


def normalise_language(code: str | None) -> str:
    """``"ko-KR"`` → ``"ko"``; empty → ``"ko"``."""
    if not code:
        return "ko"
    return code.replace("_", "-").split("-")[0].lower()


__all__ = ["DialogState", "normalise_language"]
