"""Korean text → IPA that Kokoro can speak: read-out, standard pronunciation rules, jamo, IPA.

1. :func:`tts.ko_readout.read_out` writes digits and symbols as words;
2. the standard pronunciation rules (표준 발음법: liaison, nasalisation, tensing, palatalisation,
   ㄴ-insertion ...) of the g2pk rule set (``ko-speech-tools[g2p]`` with ``mecab-ko``) turn the
   spelling into what is said, as conjoining jamo;
3. each jamo becomes IPA written only with symbols in Kokoro's phoneme vocabulary
   (:data:`KOKORO_SYMBOLS` is checked against the model's ``vocab.json`` by the tests): the
   lenis stops ㄱ ㄷ ㅂ ㅈ are voiced between voiced sounds, ㄹ is a flap between vowels and [l]
   in a coda or doubled, ㅅ/ㅆ are [ɕ] before [i] and [j].

The choices for sounds Kokoro has no symbol for (the tense consonants ㄲ ㄸ ㅃ ㅆ ㅉ, and which
vowel symbols read best) are an :class:`IpaStyle`; the default is the one chosen by round-trip
measurement (bench/voices.py).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from .ko_readout import read_out

#: every symbol this module may write (a subset of Kokoro v1.0's vocab.json)
KOKORO_SYMBOLS = frozenset("abdehijklmnopstuwɐɕɛɡɨɯɰʌʔʥʨʰːŋɾɲɸ ,.!?;:")

# conjoining jamo (U+1100 initials, U+1161 vowels, U+11A8 finals), as the pronunciation rules write them
_INITIAL_FIRST, _VOWEL_FIRST, _FINAL_FIRST = 0x1100, 0x1161, 0x11A8
INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
FINALS = "ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
#: a syllable-final consonant as it is said (the seven codas)
CODA = {"ㄱ": "ㄱ", "ㄲ": "ㄱ", "ㄳ": "ㄱ", "ㄺ": "ㄱ", "ㅋ": "ㄱ", "ㄴ": "ㄴ", "ㄵ": "ㄴ", "ㄶ": "ㄴ", "ㄷ": "ㄷ",
        "ㅅ": "ㄷ", "ㅆ": "ㄷ", "ㅈ": "ㄷ", "ㅊ": "ㄷ", "ㅌ": "ㄷ", "ㅎ": "ㄷ", "ㄹ": "ㄹ", "ㄼ": "ㄹ", "ㄽ": "ㄹ",
        "ㄾ": "ㄹ", "ㅀ": "ㄹ", "ㄻ": "ㅁ", "ㅁ": "ㅁ", "ㅂ": "ㅂ", "ㄿ": "ㅂ", "ㅄ": "ㅂ", "ㅍ": "ㅂ", "ㅇ": "ㅇ"}
_VOICED_END = set("aeiouɛɯʌɐɨmnŋlɾ")
_PAUSE = ",.!?;:"


@dataclass(frozen=True)
class IpaStyle:
    """How the sounds without an exact Kokoro symbol are written."""

    #: written before a tense consonant (ㄲ ㄸ ㅃ ㅆ ㅉ): "ʔ" (a glottal catch) or "" (plain)
    tense_mark: str = ""
    #: the aspiration mark after ㅋ ㅌ ㅍ ㅊ ("ʰ", or "" for plain voiceless)
    aspiration: str = "ʰ"
    eo: str = "ʌ"  # ㅓ
    eu: str = "ɯ"  # ㅡ
    ae: str = "ɛ"  # ㅐ (merged with ㅔ in today's Seoul speech)
    e: str = "e"  # ㅔ
    #: ㄱ ㄷ ㅂ ㅈ between voiced sounds are written voiced (ɡ d b ʥ)
    voice_lenis: bool = True
    #: ... also at the start of a word after a voiced sound ("난임 부부" [nanim bubu]); False keeps
    #: them voiceless there, as at the start of a phrase
    voice_across_words: bool = True
    #: a coda stop (ㄱ ㄷ ㅂ) is written; "" drops it (unreleased stops are barely heard)
    coda_stops: bool = True

    def vowel(self, jamo: str) -> str:
        simple = {"ㅏ": "a", "ㅐ": self.ae, "ㅓ": self.eo, "ㅔ": self.e, "ㅗ": "o", "ㅜ": "u", "ㅡ": self.eu,
                  "ㅣ": "i", "ㅚ": "we", "ㅟ": "wi", "ㅢ": "ɰi"}
        if jamo in simple:
            return simple[jamo]
        glide, base = {"ㅑ": ("j", "ㅏ"), "ㅒ": ("j", "ㅐ"), "ㅕ": ("j", "ㅓ"), "ㅖ": ("j", "ㅔ"), "ㅛ": ("j", "ㅗ"),
                       "ㅠ": ("j", "ㅜ"), "ㅘ": ("w", "ㅏ"), "ㅙ": ("w", "ㅐ"), "ㅝ": ("w", "ㅓ"),
                       "ㅞ": ("w", "ㅔ")}[jamo]
        return glide + simple[base]


DEFAULT_STYLE = IpaStyle()


def jamo_to_ipa(jamo: str, style: IpaStyle = DEFAULT_STYLE) -> str:
    """Pronounced Korean as conjoining jamo (and spaces/punctuation) → IPA in Kokoro's symbols."""
    out: list[str] = []
    units = _units(jamo)
    for i, (kind, value) in enumerate(units):
        if kind == "sep":
            out.append(value)
            continue
        if kind == "vowel":
            before = units[i - 1] if i > 0 else ("sep", "")
            after_consonant = before[0] == "initial" and before[1] != "ㅇ"
            # ㅢ after a consonant is said [i] (희망 [히망], 무늬 [무니])
            out.append("i" if value == "ㅢ" and after_consonant else style.vowel(value))
            continue
        if kind == "final":
            out.append(_coda(value, style))
            continue
        following = _next_vowel(units, i)
        previous = _previous_sound(out, style.voice_across_words)
        out.append(_onset(value, previous, following, style))
    ipa = "".join(out)
    return " ".join(ipa.split())


def _units(jamo: str) -> list[tuple[str, str]]:
    units: list[tuple[str, str]] = []
    for ch in jamo:
        code = ord(ch)
        if _INITIAL_FIRST <= code < _INITIAL_FIRST + 19:
            units.append(("initial", INITIALS[code - _INITIAL_FIRST]))
        elif _VOWEL_FIRST <= code < _VOWEL_FIRST + 21:
            units.append(("vowel", VOWELS[code - _VOWEL_FIRST]))
        elif _FINAL_FIRST <= code < _FINAL_FIRST + 27:
            units.append(("final", FINALS[code - _FINAL_FIRST]))
        elif ch in _PAUSE:
            units.append(("sep", ch))
        elif ch.isspace():
            units.append(("sep", " "))
        # anything else (Latin left over, symbols) is not spoken
    return units


def _previous_sound(out: list[str], across_words: bool = True) -> str:
    """The last written IPA symbol within the phrase ("" after a pause or at the start, and after a
    space unless ``across_words``)."""
    text = "".join(out)
    if not across_words and text.endswith(" "):
        return ""
    text = text.rstrip(" ")
    return "" if not text or text[-1] in _PAUSE else text[-1]


def _next_vowel(units: list[tuple[str, str]], i: int) -> str:
    return units[i + 1][1] if i + 1 < len(units) and units[i + 1][0] == "vowel" else ""


def _onset(consonant: str, previous: str, vowel: str, style: IpaStyle) -> str:
    voiced = style.voice_lenis and previous in _VOICED_END
    palatal = vowel in ("ㅣ", "ㅑ", "ㅕ", "ㅛ", "ㅠ", "ㅒ", "ㅖ", "ㅟ")
    asp, tense = style.aspiration, style.tense_mark
    match consonant:
        case "ㅇ":
            return ""
        case "ㄱ":
            return "ɡ" if voiced else "k"
        case "ㄷ":
            return "d" if voiced else "t"
        case "ㅂ":
            return "b" if voiced else "p"
        case "ㅈ":
            return "ʥ" if voiced else "ʨ"
        case "ㄲ":
            return tense + "k"
        case "ㄸ":
            return tense + "t"
        case "ㅃ":
            return tense + "p"
        case "ㅉ":
            return tense + "ʨ"
        case "ㅋ":
            return "k" + asp
        case "ㅌ":
            return "t" + asp
        case "ㅍ":
            return "p" + asp
        case "ㅊ":
            return "ʨ" + asp
        case "ㅅ":
            return "ɕ" if palatal and vowel != "ㅟ" else "s"
        case "ㅆ":
            return tense + ("ɕ" if palatal and vowel != "ㅟ" else "s")
        case "ㅎ":
            return "h"
        case "ㅁ":
            return "m"
        case "ㄴ":
            return "n"
        case "ㄹ":
            return "l" if previous == "l" else "ɾ"
    return ""


def _coda(final: str, style: IpaStyle) -> str:
    coda = CODA.get(final, "")
    stop = {"ㄱ": "k", "ㄷ": "t", "ㅂ": "p"}.get(coda)
    if stop is not None:
        return stop if style.coda_stops else ""
    return {"ㄴ": "n", "ㄹ": "l", "ㅁ": "m", "ㅇ": "ŋ"}.get(coda, "")


class KoreanPhonemizer:
    """``phonemizer(text) -> IPA``: the whole Korean front end. Thread-safe; mecab loads on first use."""

    def __init__(self, style: IpaStyle = DEFAULT_STYLE) -> None:
        self.style = style
        self._g2p: Any = None
        self._lock = threading.Lock()

    def pronounce(self, text: str) -> str:
        """Korean text → pronounced form as conjoining jamo (after the read-out of numbers)."""
        spoken = read_out(text)
        with self._lock:
            if self._g2p is None:
                from ko_speech_tools import G2p

                self._g2p = G2p()
            return str(self._g2p(spoken, to_syl=False))

    def __call__(self, text: str) -> str:
        return jamo_to_ipa(self.pronounce(text), self.style)
