"""The sentence, written by the project, that tells a caller the next part was translated by machine."""

from __future__ import annotations

from collections.abc import Mapping

MACHINE_NOTICE: Mapping[str, str] = {
    "ko": "다음 안내는 기계 번역입니다.",
    "en": "The next part was translated by machine.",
    "zh": "以下内容是机器翻译。",
    "vi": "Phần sau đây được dịch bằng máy.",
    "ja": "次の案内は機械翻訳です。",
}


def machine_notice(language: str) -> str:
    """The notice in ``language`` ("" when none is written)."""
    return MACHINE_NOTICE.get(language.split("-")[0].lower(), "")


__all__ = ["MACHINE_NOTICE", "machine_notice"]
