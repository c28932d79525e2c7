"""The language of typed text, told from its script (typed turns get the language speech would).

A pure function, no model: letters are counted by script and the largest group wins:

- Hangul → ``ko``; kana (with or without Han characters) → ``ja``; Han characters alone → ``zh``;
- Latin letters → ``vi`` when any letter has a shape or mark English and its loanwords do not use
  (ă â đ ê ô ơ ư, a dot below, a hook above, a tilde on a vowel: ạ ả ẫ ữ), else ``en`` ("café",
  "résumé" stay English: an acute or grave accent alone does not tell).

Digits, punctuation and emoji do not count. The answer is restricted to ``allowed`` (the call's
configured languages): a language outside it, or text whose letters tell nothing, gives ``None``
so the caller falls back to what it knew before.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

#: letters of Vietnamese that English text does not use (lower case, after NFD: base letters)
_VIETNAMESE_LETTERS = frozenset("đ")
#: combining marks that tell Vietnamese: circumflex, breve, horn, dot below, hook above
_VIETNAMESE_MARKS = frozenset("\u0302\u0306\u031b\u0323\u0309")
_TILDE = "\u0303"
_VOWELS = frozenset("aeiouy")


def _script(ch: str) -> str | None:
    code = ord(ch)
    if 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return "hangul"
    if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9D:
        return "kana"
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF:
        return "han"
    if ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN"):
        return "latin"
    return None


def _vietnamese(letter: str) -> bool:
    decomposed = unicodedata.normalize("NFD", letter.lower())
    base, marks = decomposed[0], decomposed[1:]
    if base in _VIETNAMESE_LETTERS or any(mark in _VIETNAMESE_MARKS for mark in marks):
        return True
    return _TILDE in marks and base in _VOWELS


def text_language(text: str, allowed: Iterable[str]) -> str | None:
    """The language ``text`` is written in, among ``allowed``; ``None`` when its letters do not tell."""
    counts = {"hangul": 0, "kana": 0, "han": 0, "latin": 0}
    vietnamese = False
    for ch in unicodedata.normalize("NFC", text):
        script = _script(ch)
        if script is None:
            continue
        counts[script] += 1
        if script == "latin" and not vietnamese:
            vietnamese = _vietnamese(ch)
    scores = {
        "ko": counts["hangul"],
        "ja": counts["kana"] + counts["han"] if counts["kana"] else 0,
        "zh": counts["han"] if not counts["kana"] else 0,
        "vi" if vietnamese else "en": counts["latin"],
    }
    best = max(scores, key=lambda lang: scores[lang])
    if scores[best] == 0:
        return None
    offered = {code.split("-")[0].lower() for code in allowed}
    return best if best in offered else None


__all__ = ["text_language"]
