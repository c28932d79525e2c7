"""Language codes as callers send them ("ko", "ko-KR", "zh_CN") reduced to what translators key on."""

from __future__ import annotations


def normalise(code: str) -> str:
    """Lower-case BCP-47-ish form: ``"zh_Hant"`` → ``"zh-hant"``."""
    return code.strip().replace("_", "-").lower()


def primary(code: str) -> str:
    """The primary language subtag: ``"ko-KR"`` → ``"ko"``."""
    return normalise(code).split("-", 1)[0]


def same(a: str, b: str) -> bool:
    return primary(a) == primary(b)


def lookup(table: dict[str, str], code: str) -> str | None:
    """``table[code]`` trying the full normalised code first, then its primary subtag."""
    code = normalise(code)
    return table.get(code) or table.get(primary(code))
