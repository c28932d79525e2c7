"""What one Wyoming request may hold, and how the server checks a language it is asked for."""

from __future__ import annotations

from dataclasses import dataclass

from malbeot_core.errors import UnknownLanguage


@dataclass(frozen=True)
class WyomingLimits:
    #: seconds of audio one ``transcribe`` request may stream (a voice command, not a lecture)
    max_audio_seconds: float = 60.0
    #: characters one ``synthesize`` request may ask for (an assistant's answer, several sentences)
    max_synth_chars: int = 2000
    #: characters of one ``transcript`` given to the dialog
    max_handle_chars: int = 1000
    #: sample rates accepted from a client (the audio is resampled to 16 kHz)
    min_rate: int = 8000
    max_rate: int = 48000


def language_code(code: str) -> str:
    """``"ko-KR"`` / ``"ko_KR"`` → ``"ko"``."""
    return code.replace("_", "-").split("-")[0].strip().lower()


def offered_language(code: str | None, languages: tuple[str, ...], stage: str) -> str | None:
    """The configured language a client named (None when it named none), or :class:`UnknownLanguage`."""
    if code is None or not code.strip() or code == "auto":
        return None
    language = language_code(code)
    if language not in languages:
        raise UnknownLanguage(f"language {code!r} is not offered; use one of {', '.join(languages)}", stage=stage)
    return language
