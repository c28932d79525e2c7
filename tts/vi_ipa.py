"""Vietnamese text → IPA that Kokoro can speak: eSpeak NG's Vietnamese phonemes mapped to Kokoro's symbols.

eSpeak NG (Debian ``espeak-ng``, run as a separate program like :mod:`tts.espeak`) writes the
phonemes of Vietnamese text with ``-q -v vi --ipa``: IPA with stress marks and the tone of each
syllable as a digit (or ``ɜ``) after its vowel — 1 and 7 ngang, 2 huyền, ɜ sắc, 4 hỏi, 5 ngã,
6 nặng. They are rewritten with symbols in Kokoro's vocabulary: ɗ → d, ɓ → b, the dental mark
dropped, eSpeak's ``y`` (ư) → ɯ, ʐ → z, and each tone as one of Kokoro's tone arrows (→ ↗ ↓ ↘, as its own
Chinese front end writes tones) or left out (:class:`ViStyle`). Hangul (a Korean programme name
beside its Vietnamese gloss) is left out; eSpeak reads digits as Vietnamese words itself.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field

from malbeot_core.errors import BackendFailed, ModelMissing

#: every symbol this module may write (a subset of Kokoro v1.0's vocab.json)
KOKORO_SYMBOLS = frozenset("abcdefhijklmnopqrstuvwxzæðŋɐɔəɛɡɣɤɯɲʂʃʧʤʒʔθχβɹʊɪʌʰˈˌː→↓↗↘ ,.!?;:")

#: eSpeak NG's Vietnamese tone marks → Kokoro tone arrows (ngang level, huyền low falling, sắc
#: rising, hỏi dipping, ngã broken rising, nặng low falling-glottalised)
DEFAULT_TONES: Mapping[str, str] = {"1": "→", "7": "→", "2": "↘", "ɜ": "↗", "4": "↓", "5": "↗", "6": "↓"}
_REPLACE = {"ɗ": "d", "ʐ": "z", "ɓ": "b", "y": "ɯ", "ʈ": "t", "g": "ɡ", "ʷ": "w", "ɜ": "ɜ", "ɨ": "ɯ", "ɘ": "ə"}
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]+")
_PAUSE = re.compile(r"\s*[,;:.!?()\[\]（）“”\"«»–—/]+\s*")


_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def read_numbers(text: str) -> str:
    """Phone-like digit runs (with ``-``, or 5 digits and more) → Vietnamese digit words, one by one, the way
    a phone number is said ("1577-6635" → "một năm bảy bảy, sáu sáu ba năm"); other numbers are left to eSpeak."""

    def phone(m: re.Match[str]) -> str:
        return ", ".join(" ".join(_DIGITS[int(d)] for d in part) for part in m.group(0).split("-"))

    return re.sub(r"\d+(?:-\d+)+|\d{5,}", phone, text)


def read_digits(text: str) -> str:
    """Every digit → its Vietnamese word ("12" → "một hai"; for comparing transcripts)."""
    return re.sub(r"\d", lambda m: f" {_DIGITS[int(m.group(0))]} ", text)


@dataclass(frozen=True)
class ViStyle:
    """Variants measured on the tuning half."""

    tones: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_TONES))
    #: move the tone arrow from after the vowel to the end of the syllable
    tone_at_end: bool = False
    #: keep eSpeak's stress marks ˈ ˌ
    stress: bool = False


#: the style Kokoro speaks Vietnamese with, chosen on the tuning half (16 sentences, jm_kumo): without the
#: tone arrows whisper heard it better (CER 0.44) than with them (0.51) — Kokoro's Japanese voices do not
#: carry the arrows as Vietnamese tones, and the toneless syllables are at least clear
KOKORO_STYLE = ViStyle(tones={})


def espeak_to_kokoro(phonemes: str, style: ViStyle = ViStyle()) -> str:
    """One eSpeak ``--ipa`` line (Vietnamese) → IPA in Kokoro's symbols, tones as arrows."""
    text = phonemes.replace("\u032a", "").replace("\u0361", "")
    text = re.sub(r"\([a-z]+\)", "", text)  # eSpeak's language-switch marks "(en)"
    out: list[str] = []
    for word in text.split():
        syllable = ""
        for ch in word:
            if ch in style.tones or ch in "1234567ɜ":
                syllable += style.tones.get(ch, "") if not style.tone_at_end else f"\0{style.tones.get(ch, '')}\0"
                continue
            if ch in "ˈˌ" and not style.stress:
                continue
            syllable += _REPLACE.get(ch, ch)
        if style.tone_at_end:  # a tone moves after its syllable's final consonant (one of Vietnamese's codas)
            syllable = re.sub(r"\0([^\0]*)\0([mnŋɲpckjw]|t(?!ʃ))?(?![aeiouəɛɔɐɤɯːɪʊ])", r"\2\1", syllable)
            syllable = syllable.replace("\0", "")
        out.append(syllable)
    return " ".join(w for w in ("".join(ch for ch in w if ch in KOKORO_SYMBOLS) for w in out) if w)


class VietnamesePhonemizer:
    """``phonemizer(text) -> IPA`` for Vietnamese through eSpeak NG's ``--ipa`` output."""

    def __init__(self, style: ViStyle = ViStyle(), binary: str = "espeak-ng") -> None:
        path = shutil.which(binary)
        if path is None:
            raise ModelMissing(f"the {binary!r} program is not installed; run `apt-get install espeak-ng`", stage="tts")
        self.binary = path
        self.style = style

    def __call__(self, text: str) -> str:
        text = read_numbers(_HANGUL.sub("", text))
        parts = [p for p in re.split(r"(\s*[,;:.!?()（）\[\]“”\"–—/]+\s*)", text) if p.strip()]
        out: list[str] = []
        for part in parts:
            if _PAUSE.fullmatch(part):
                mark = next((ch for ch in part if ch in ",;:.!?"), ",")
                if out and out[-1] not in ",;:.!?":
                    out.append(mark)
                continue
            ipa = espeak_to_kokoro(self._espeak(part), self.style)
            if ipa:
                if out:
                    out.append(" ")
                out.append(ipa)
        return "".join(out).strip(" ,;:")

    def _espeak(self, text: str) -> str:
        try:
            done = subprocess.run([self.binary, "-q", "-v", "vi", "--ipa"], input=text.encode("utf-8"),
                                  capture_output=True, timeout=30, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise BackendFailed(f"espeak-ng --ipa failed: {exc}", stage="tts") from exc
        if done.returncode != 0:
            raise BackendFailed(f"espeak-ng --ipa exited with {done.returncode}", stage="tts")
        return " ".join(done.stdout.decode("utf-8", "replace").split())
