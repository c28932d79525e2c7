"""Normal forms for comparing what a voice said with what whisper heard back, per language
(``tests/lang/test_flows_heard_back.py``, ``bench/heard_digits.py``).

Both sides go through the same normal form before they are compared:

- Hangul is left out (the zh/vi/ja voices have no reading for it: a Korean programme or place name
  is heard by its gloss only), punctuation and spaces are dropped, letters lower-cased, NFC;
- **zh**: whisper's traditional characters made simplified (``zhconv``), digits read as Chinese
  words on both sides (whisper writes "5678" or "五六七八" for the same sound);
- **ja**: ASCII and full-width digits become kanji digits, ゼロ/ぜろ/零/〇 one digit (zero);
- **vi**: digits become Vietnamese digit words on both sides; :func:`toneless` also drops the five
  tone marks (the Vietnamese voice speaks no tones, so whisper guesses them).

:func:`digit_run` turns a text into the digits it says, in order (for phone tails and receipts).
:func:`unlooped` drops the repetition loop whisper can fall into when it decodes greedily: a sentence
written again right after itself is kept once (the checker's artefact, not what the voice said).
"""

from __future__ import annotations

import re
import unicodedata

from asr.metrics import edit_distance

_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s*")
_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]+")
_NOT_WORD = re.compile(r"[^\w]", re.UNICODE)
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_JA_DIGITS = "〇一二三四五六七八九"
_ZH_DIGITS = "零一二三四五六七八九"
_VI_DIGIT_WORDS = {"khong": 0, "mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "lam": 5,
                   "sau": 6, "bay": 7, "tam": 8, "chin": 9}


def toneless(text: str) -> str:
    """Vietnamese without its five tone marks (vowel shapes â ă ê ô ơ ư and đ kept)."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))


def _folded(text: str) -> str:
    """No diacritics at all, đ → d (for reading Vietnamese digit words whatever tone was heard)."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normal(text: str, language: str, tones: bool = True) -> str:
    """The form CER and key words are counted on (see the module's docstring)."""
    text = unicodedata.normalize("NFKC", _HANGUL.sub(" ", text)) if language != "ko" else text
    if language == "zh":
        from zhconv import convert

        from tts.zh_ipa import read_numbers

        text = convert(read_numbers(text), "zh-cn")
    elif language == "ja":
        text = re.sub(r"ゼロ|ぜろ|零", "〇", text)
        text = re.sub(r"\d", lambda m: _JA_DIGITS[int(m.group(0))], text)
    elif language == "vi":
        from tts.vi_ipa import read_digits

        text = read_digits(text)
        if not tones:
            text = toneless(text)
    text = unicodedata.normalize("NFC", text).lower()
    return _NOT_WORD.sub("", text)


def cer(said: str, heard: str, language: str, tones: bool = True) -> float:
    ref, hyp = normal(said, language, tones), normal(heard, language, tones)
    return edit_distance(ref, hyp) / max(1, len(ref))


def digit_run(text: str, language: str) -> str:
    """The digits a text says, in order, "|" where a word that is not a digit comes between them
    ("尾号是五六七八" → "|5678", "năm sáu bảy tám" → "5678", "261205の108,264" → "261205108264":
    spaces, punctuation and の join groups; so "119" is found only where it is said as 1-1-9)."""
    text = unicodedata.normalize("NFKC", text)
    if language == "vi":
        tokens = re.findall(r"\d|[^\W\d_]+", _folded(text))
        out = [t if t.isdigit() else str(_VI_DIGIT_WORDS[t]) if t in _VI_DIGIT_WORDS else "|" for t in tokens]
    else:
        if language in ("zh", "ja"):
            text = re.sub(r"ゼロ|ぜろ|〇|零", "0", text)
            text = "".join(str(_ZH_DIGITS.index(c)) if c in _ZH_DIGITS else c for c in text)
        out = [c if c.isdigit() else "" if (c.isspace() or c == "の" or _NOT_WORD.match(c)) else "|" for c in text]
    return re.sub(r"\|+", "|", "".join(out))


__all__ = ["cer", "digit_run", "normal", "toneless"]


def unlooped(text: str) -> str:
    """``text`` with each run of one sentence repeated back to back kept once.

    Greedy decoding without the sampled fallback (which the heard-back checks leave out so that a
    run is reproducible) can loop on one sentence until the window ends ("So, that is the best way
    to get to the point. So, that is the best way ..."; seen on the Vietnamese receipt with 3 LSB
    of dither, 2026-12-07). Sentences are compared without punctuation, spaces or case.
    """
    kept: list[str] = []
    last = None
    for sentence in _SENTENCE_END.split(text):
        key = _NOT_WORD.sub("", sentence).lower()
        if not key:
            continue
        if key != last:
            kept.append(sentence.strip())
        last = key
    return " ".join(kept)
