"""Chinese (Mandarin) text → IPA that Kokoro can speak: numbers read out, pinyin, then IPA with tones.

1. digits become Chinese numerals (``1600`` → 一千六百, a phone number ``1600-1004`` digit by digit,
   ``50%`` → 百分之五十); Hangul (a Korean programme name beside its Chinese gloss) is left out;
2. ``pypinyin`` (MIT, pure Python, with its phrase dictionary) gives the toned pinyin of each
   character, with the tone sandhi of 一, 不 and third tones;
3. each pinyin syllable becomes IPA in Kokoro's vocabulary, written the way Kokoro's own Chinese
   front end (misaki) writes it: ``zh`` → ꭧ, ``z`` → ʦ, ``j`` → ʨ, aspiration ʰ, and the tone as an
   arrow after the syllable (1 →, 2 ↗, 3 ↓, 4 ↘, neutral none).

eSpeak NG's Debian ``cmn`` voice has no Chinese dictionary (it spells characters in English), so it
cannot serve as the front end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: every symbol this module may write (a subset of Kokoro v1.0's vocab.json)
KOKORO_SYMBOLS = frozenset("aeijklmnopstuwxyfɕəɚɛɤɥɹɻʂʈʊʦʨʰŋꭧ→↓↗↘ ,.!?;:")

TONES = {"1": "→", "2": "↗", "3": "↓", "4": "↘", "5": ""}

INITIALS = {"b": "p", "p": "pʰ", "m": "m", "f": "f", "d": "t", "t": "tʰ", "n": "n", "l": "l", "g": "k",
            "k": "kʰ", "h": "x", "j": "ʨ", "q": "ʨʰ", "x": "ɕ", "zh": "ꭧ", "ch": "ꭧʰ", "sh": "ʂ", "r": "ɻ",
            "z": "ʦ", "c": "ʦʰ", "s": "s"}
FINALS = {"a": "a", "o": "wo", "e": "ɤ", "ai": "ai", "ei": "ei", "ao": "au", "ou": "ou", "an": "an", "en": "ən",
          "ang": "aŋ", "eng": "əŋ", "ong": "ʊŋ", "er": "ɚ", "i": "i", "ia": "ja", "ie": "je", "iao": "jau",
          "iu": "jou", "ian": "jɛn", "in": "in", "iang": "jaŋ", "ing": "iŋ", "iong": "jʊŋ", "u": "u",
          "ua": "wa", "uo": "wo", "uai": "wai", "ui": "wei", "uan": "wan", "un": "wən", "uang": "waŋ",
          "ueng": "wəŋ", "v": "y", "ve": "ɥe", "van": "ɥɛn", "vn": "yn", "ue": "ɥe", "io": "jo", "m": "m",
          "n": "n", "ng": "ŋ", "ê": "e", "yo": "jo"}
#: syllables spelled with y/w and no other initial
ZERO = {"yi": "i", "ya": "ja", "ye": "je", "yao": "jau", "you": "jou", "yan": "jɛn", "yin": "in",
        "yang": "jaŋ", "ying": "iŋ", "yong": "jʊŋ", "yu": "y", "yue": "ɥe", "yuan": "ɥɛn", "yun": "yn",
        "yo": "jo", "wu": "u", "wa": "wa", "wo": "wo", "wai": "wai", "wei": "wei", "wan": "wan", "wen": "wən",
        "wang": "waŋ", "weng": "wəŋ"}

_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]+")
_PUNCT = {"，": ",", "、": ",", "。": ".", "！": "!", "？": "?", "；": ";", "：": ":", "（": ",", "）": ",",
          "(": ",", ")": ",", "“": "", "”": "", "「": "", "」": "", "《": "", "》": "", "·": ",", "~": "到",
          "～": "到", "-": ",", "—": ",", "/": ","}
_DIGITS = "零一二三四五六七八九"


@dataclass(frozen=True)
class ZhStyle:
    """Variants measured on the tuning half."""

    #: write the tone arrows (False: toneless syllables)
    tones: bool = True


def number_words(n: int) -> str:
    """0 ≤ n < 10¹² → Chinese numerals as said (1600 → 一千六百, 12 → 十二, 105 → 一百零五)."""
    if n == 0:
        return "零"
    if n >= 10**8:
        return number_words(n // 10**8) + "亿" + _below(n % 10**8, 10**8)
    if n >= 10**4:
        return number_words(n // 10**4) + "万" + _below(n % 10**4, 10**4)
    out, zero = "", False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit % 10
        if d:
            out += ("零" if zero and out else "") + _DIGITS[d] + name
            zero = False
        elif out:
            zero = True
    return out[1:] if out.startswith("一十") else out


def _below(rest: int, unit: int) -> str:
    if rest == 0:
        return ""
    return ("零" if rest < unit // 10 else "") + number_words(rest)


def read_numbers(text: str) -> str:
    """Digits → Chinese words: phone-like runs (with - or ≥ 5 digits) digit by digit, others as numbers."""

    def phone(m: re.Match[str]) -> str:
        return "，".join("".join(_DIGITS[int(d)] for d in part) for part in m.group(0).split("-"))

    text = re.sub(r"\d+(?:-\d+)+|\d{5,}(?![\d,])", phone, text)
    text = re.sub(r"(\d+(?:\.\d+)?)%", lambda m: "百分之" + m.group(1), text)

    def number(m: re.Match[str]) -> str:
        whole, _, frac = m.group(0).replace(",", "").partition(".")
        return number_words(int(whole)) + ("点" + "".join(_DIGITS[int(d)] for d in frac) if frac else "")

    return re.sub(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", number, text)


def syllable_ipa(pinyin: str, style: ZhStyle = ZhStyle()) -> str:
    """A toned pinyin syllable (``"zhong1"``, ``"lv4"``, ``"men5"``) → IPA with its tone arrow."""
    tone = pinyin[-1] if pinyin[-1] in TONES else "5"
    body = pinyin.rstrip("12345").replace("ü", "v")
    if body in ZERO:
        ipa = ZERO[body]
    else:
        initial = next((i for i in ("zh", "ch", "sh") if body.startswith(i)), body[:1] if body[:1] in INITIALS else "")
        final = body[len(initial):]
        if initial in ("j", "q", "x") and final.startswith("u"):
            final = "v" + final[1:]
        if final == "i" and initial in ("z", "c", "s"):
            vowel = "ɹ"
        elif final == "i" and initial in ("zh", "ch", "sh", "r"):
            vowel = "ɻ"
        elif final == "o" and initial not in ("b", "p", "m", "f"):
            vowel = "o"
        else:
            vowel = FINALS.get(final, final)
        ipa = INITIALS.get(initial, "") + vowel
    return ipa + (TONES[tone] if style.tones else "")


class ChinesePhonemizer:
    """``phonemizer(text) -> IPA`` for Mandarin (pypinyin loads its dictionary on first use)."""

    def __init__(self, style: ZhStyle = ZhStyle()) -> None:
        self.style = style

    def __call__(self, text: str) -> str:
        from pypinyin import Style, lazy_pinyin

        text = read_numbers(_HANGUL.sub("", text))
        text = "".join(_PUNCT.get(ch, ch) for ch in text)
        out: list[str] = []
        for piece in lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True, tone_sandhi=True):
            if re.fullmatch(r"[a-zü]+[1-5]", piece):
                out.append(syllable_ipa(piece, self.style))
            else:  # punctuation and anything pypinyin could not read: keep pauses only
                pauses = "".join(ch if ch in ",.!?;:" else " " for ch in piece)
                out.append(f" {pauses.strip()} " if pauses.strip() else " ")
        ipa = "".join(out)
        ipa = re.sub(r"\s*([,.!?;:])\s*", r"\1 ", ipa)
        ipa = re.sub(r"([,.!?;:] )+(?=[,.!?;:])", "", ipa)
        return " ".join("".join(ch for ch in ipa if ch in KOKORO_SYMBOLS).split()).lstrip(",.;: ")
