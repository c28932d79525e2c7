"""The language of an utterance from its script (for answering a danger in the words it was said in)."""

from __future__ import annotations

import re

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)


def script_language(text: str) -> str:
    """"ko", "ja", "zh", "vi", "en", or "" when the text says nothing (digits only, empty)."""
    if _HANGUL.search(text):
        return "ko"
    if _KANA.search(text):
        return "ja"
    if _HAN.search(text):
        return "zh"
    if _VIETNAMESE.search(text):
        return "vi"
    if _LATIN.search(text):
        return "en"
    return ""


__all__ = ["script_language"]
