"""Frames that travel between pipeline stages, consumed with ``match``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .audio import AudioChunk
from .settings import CallSettings

#: what a keypad digit asks for on a phone call (the start notice names the menu)
KeypadMeaning = Literal["repeat", "slower", "person"]
KEYPAD_MENU: dict[str, KeypadMeaning] = {"1": "repeat", "2": "slower", "0": "person"}


@dataclass(frozen=True, slots=True)
class SpeechStarted:
    at: float  # audio time, seconds


@dataclass(frozen=True, slots=True)
class SpeechEnded:
    at: float


@dataclass(frozen=True, slots=True)
class PartialTranscript:
    text: str
    language: str
    at: float


@dataclass(frozen=True, slots=True)
class FinalTranscript:
    text: str
    language: str
    start: float
    end: float
    #: wall-clock seconds spent recognising after the end of speech
    asr_seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class TextInput:
    """A typed question (the web page's text alternative to speech)."""

    text: str
    language: str


@dataclass(frozen=True, slots=True)
class Keypad:
    """A keypad digit from the menu (:data:`KEYPAD_MENU`): it reaches the dialog as what it asks
    for, never as words for the intent rules to parse (nor as an answer to a question in progress)."""

    digit: str
    meaning: KeypadMeaning
    #: the call's language (the answer's, when nothing was said yet)
    language: str


@dataclass(frozen=True, slots=True)
class ProgrammeHit:
    id: str
    name: str
    score: float
    how_to_apply: str = ""


@dataclass(frozen=True, slots=True)
class Emergency:
    """A danger answer's facts: what kind, which numbers to show, and what was said (redacted)."""

    kind: str  # "medical", "suicide", "abuse", "fire", "crime"
    numbers: tuple[str, ...]
    #: the caller's words, already redacted (for the staff alert)
    said: str = ""
    #: the leading sentence that barge-in and silence must not cut (it holds the number)
    protected: str = ""


@dataclass(frozen=True, slots=True)
class BenefitAnswer:
    text: str
    language: str
    intent: str
    programmes: tuple[ProgrammeHit, ...] = ()
    #: speaking-rate factor for synthesis (1.0 normal, <1 slower)
    rate: float = 1.0
    #: the answer ends the conversation (goodbye) or hands it to a person
    action: str = ""
    #: an application's receipt number, to be shown (the text speaks it)
    receipt: str = ""
    #: set on a danger answer (intent "danger_*", action "handoff_urgent")
    emergency: Emergency | None = None
    #: the text was machine-translated (run-time MT where no human-written text exists)
    machine_translated: bool = False


@dataclass(frozen=True, slots=True)
class SpeechAudio:
    chunk: AudioChunk
    sentence: str
    index: int  # sentence number within the answer
    last: bool = False


@dataclass(frozen=True, slots=True)
class ReplyDone:
    """All audio of one answer has been produced."""

    sentences: int


@dataclass(frozen=True, slots=True)
class BargeIn:
    at: float


@dataclass(frozen=True, slots=True)
class StageFailed:
    code: str
    stage: str
    message: str
    recoverable: bool = True


@dataclass(frozen=True, slots=True)
class EndOfTurn:
    """The caller ended the turn explicitly (push-to-talk released, kiosk button)."""

    at: float


@dataclass(frozen=True, slots=True)
class CallerLanguage:
    """The language the caller is answered in from now on, as the dialog decided it (a turn heard or
    typed in another language, "in English please"). The dialog yields it before the first answer
    in that language; translation, synthesis and the channel's own prompts follow it. It is the
    call's language as an event, not a setting a stage writes for others to read."""

    language: str


@dataclass(frozen=True, slots=True)
class SettingsChanged:
    """The call's settings from here on (a mid-call ``config``). It enters at the head of the
    pipeline and every stage that reads settings takes the new ones as it passes."""

    settings: CallSettings


@dataclass(frozen=True, slots=True)
class NoInput:
    """The caller has been silent for ``seconds`` of audio time."""

    seconds: float


@dataclass(frozen=True, slots=True)
class Listening:
    """The call is no longer busy (no reply awaited or playing, no danger number protected): the
    caller's silence counts from here. The channel feeds it at the head of the pipeline when a
    reply has played out; the ASR stage restarts its no-input count at the audio time it arrives,
    so ``NoInput`` means the same on every channel: silence while nothing was being said to the
    caller."""


Event = (
    AudioChunk
    | EndOfTurn
    | SpeechStarted
    | SpeechEnded
    | PartialTranscript
    | FinalTranscript
    | TextInput
    | Keypad
    | BenefitAnswer
    | SpeechAudio
    | ReplyDone
    | BargeIn
    | StageFailed
    | NoInput
    | Listening
    | CallerLanguage
    | SettingsChanged
)

__all__ = [
    "KEYPAD_MENU",
    "AudioChunk",
    "BargeIn",
    "BenefitAnswer",
    "CallerLanguage",
    "Emergency",
    "EndOfTurn",
    "Event",
    "FinalTranscript",
    "Keypad",
    "KeypadMeaning",
    "Listening",
    "NoInput",
    "PartialTranscript",
    "ProgrammeHit",
    "ReplyDone",
    "SettingsChanged",
    "SpeechAudio",
    "SpeechEnded",
    "SpeechStarted",
    "StageFailed",
    "TextInput",
    "field",
]
