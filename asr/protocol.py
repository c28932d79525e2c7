"""What a speech recogniser offers the pipeline: one blocking call per utterance."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from malbeot_core.audio import INTERNAL, check_pcm16
from malbeot_core.errors import BadAudio, UnknownLanguage


@dataclass(frozen=True, slots=True)
class Transcript:
    text: str
    language: str
    #: confidence of the language pick (1.0 when the language was given)
    language_probability: float
    #: seconds of audio transcribed
    duration: float


class Transcriber(Protocol):
    name: str

    def transcribe(
        self, pcm: bytes, language: str | None = None, languages: Sequence[str] = ()
    ) -> Transcript:
        """Recognise ``pcm`` (16 kHz int16 mono). Blocking.

        With ``language=None`` the language is identified first, restricted to ``languages``
        when that is not empty, and the audio is then transcribed in it.
        """
        ...

    def detect_language(self, pcm: bytes, languages: Sequence[str] = ()) -> tuple[str, float]:
        """The most probable language of ``pcm`` among ``languages`` (all when empty), with its probability."""
        ...


def check_input(pcm: bytes, stage: str = "asr") -> float:
    """Validate an utterance for a transcriber and return its duration in seconds."""
    try:
        check_pcm16(pcm)
    except BadAudio as exc:
        raise BadAudio(exc.message, stage=stage) from exc
    return INTERNAL.duration(len(pcm))


def pick_language(
    probabilities: Sequence[tuple[str, float]], languages: Sequence[str] = ()
) -> tuple[str, float]:
    """The best (language, probability) among ``languages`` (any when empty)."""
    allowed = set(languages)
    candidates = [(lang, p) for lang, p in probabilities if not allowed or lang in allowed]
    if not candidates:
        raise UnknownLanguage(
            f"none of the languages {sorted(allowed)} is known to the recogniser", stage="asr"
        )
    return max(candidates, key=lambda lp: lp[1])
