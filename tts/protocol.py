"""The ``Synthesizer`` protocol: blocking text-to-speech that streams int16 PCM chunks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol, runtime_checkable

from malbeot_core.errors import UnknownLanguage

#: speaking-rate factors outside this range are clamped (0.5 = half speed, 2.0 = double)
MIN_RATE = 0.5
MAX_RATE = 2.0


@runtime_checkable
class Synthesizer(Protocol):
    """Text to speech for a set of languages.

    Contract (tests/tts/test_tts_contract.py):

    - ``synthesize`` is blocking (drive it in a worker thread) and yields 16-bit signed
      little-endian mono PCM at :attr:`sample_rate`, in one or more chunks;
    - ``rate`` is a speaking-rate factor: 1.0 normal, below 1 slower (0.7-0.85 is the slow
      mode for elderly callers), so a lower rate gives longer audio;
    - a language outside :attr:`languages` raises :class:`malbeot_core.errors.UnknownLanguage`
      when ``synthesize`` is called;
    - empty or blank text yields nothing;
    - a backend failure raises :class:`malbeot_core.errors.BackendFailed` chained from its cause;
    - closing the generator early stops the work (the caller barged in);
    - one instance may be used from several threads at once.
    """

    name: str
    languages: frozenset[str]
    sample_rate: int

    def synthesize(self, text: str, language: str, rate: float = 1.0) -> Iterator[bytes]: ...


def require_language(synth: Synthesizer, language: str) -> None:
    """Raise :class:`UnknownLanguage` unless ``synth`` speaks ``language``."""
    if language not in synth.languages:
        raise UnknownLanguage(
            f"the {synth.name} voice does not speak {language!r}; it speaks {', '.join(sorted(synth.languages))}",
            stage="tts",
        )


def clamp_rate(rate: float) -> float:
    """A usable speaking-rate factor (non-positive or absurd values are clamped)."""
    if rate != rate:  # NaN
        return 1.0
    return min(MAX_RATE, max(MIN_RATE, rate))
