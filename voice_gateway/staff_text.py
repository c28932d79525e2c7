"""Text that staff type into the catalogue (programme names, summaries, facility names …), checked.

Whatever staff register is read to callers and shown on kiosks, so it must be plain text: no
control characters (C0/C1), no invisible format characters (zero-width joiners, bidi overrides,
BOM, soft hyphen …), no surrogates or private-use characters, no line/paragraph separators, and
it is stored in Unicode NFC (so "가" typed as two jamo matches the same name typed as one
syllable). Single-line fields (names, ids, tags, contacts) refuse newlines; long fields
(summaries, targets, support, how to apply) allow ``\\n``. Each field has a length limit.

The refused characters are also written into the OpenAPI document as a ``pattern``, so clients
(and schemathesis) know what is accepted; the check itself raises a ``ValueError`` that names
the field's problem and the code point, which FastAPI turns into a 422 ``bad_message``.
"""

from __future__ import annotations

import functools
import sys
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, Field

#: general categories refused anywhere: control, format, surrogate, private use, line/paragraph separator
REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})

NAME_MAX = 200
LINE_MAX = 500
LONG_MAX = 4000


@functools.cache
def _refused_ranges() -> tuple[tuple[int, int], ...]:
    ranges: list[tuple[int, int]] = []
    for cp in range(sys.maxunicode + 1):
        if unicodedata.category(chr(cp)) in REFUSED_CATEGORIES:
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    return tuple(ranges)


def _escape(cp: int) -> str:
    # beyond the BMP: the character itself (ECMA-262 and Python spell such escapes differently)
    return f"\\u{cp:04x}" if cp <= 0xFFFF else chr(cp)


@functools.cache
def pattern(multiline: bool) -> str:
    """A regular expression matching exactly the text :func:`check` accepts (before NFC), lone
    surrogates aside (``check`` refuses them too; no UTF-8 text has them)."""
    parts = []
    ranges: list[tuple[int, int]] = []
    for lo, hi in _refused_ranges():  # surrogates cannot be written in a pattern (nor sent as UTF-8)
        if lo <= 0xDFFF and hi >= 0xD800:
            ranges += [r for r in ((lo, 0xD7FF), (0xE000, hi)) if r[0] <= r[1]]
        else:
            ranges.append((lo, hi))
    for lo, hi in ranges:
        if multiline and lo <= 0x0A <= hi:  # let "\n" through
            if lo < 0x0A:
                parts.append(_escape(lo) if lo == 0x09 else f"{_escape(lo)}-{_escape(0x09)}")
            if hi > 0x0A:
                parts.append(f"{_escape(0x0B)}-{_escape(hi)}")
            continue
        parts.append(_escape(lo) if lo == hi else f"{_escape(lo)}-{_escape(hi)}")
    return f"^[^{''.join(parts)}]*$"


def check(text: str, *, multiline: bool = False) -> str:
    """``text`` in NFC, or ``ValueError`` naming the first refused character."""
    for index, char in enumerate(text):
        if char == "\n" and multiline:
            continue
        category = unicodedata.category(char)
        if category in REFUSED_CATEGORIES:
            what = "a line break" if char in "\r\n" else f"an invisible or control character ({category})"
            raise ValueError(f"contains {what}: U+{ord(char):04X} at position {index}; use plain text")
    return unicodedata.normalize("NFC", text)


def _line(text: str) -> str:
    return check(text)


def _long(text: str) -> str:
    return check(text, multiline=True)


#: a name or other one-line text (1–200 characters)
Name = Annotated[str, Field(min_length=1, max_length=NAME_MAX, json_schema_extra={"pattern": pattern(False)}),
                 AfterValidator(_line)]
#: an optional one-line text (0–500 characters): agency, contact, URL, tags …
Line = Annotated[str, Field(max_length=LINE_MAX, json_schema_extra={"pattern": pattern(False)}),
                 AfterValidator(_line)]
#: a short one-line label such as a tag or district (1–100 characters)
Tag = Annotated[str, Field(min_length=1, max_length=100, json_schema_extra={"pattern": pattern(False)}),
                AfterValidator(_line)]
#: a longer text that may have line breaks (0–4000 characters): summaries, conditions, how to apply
Long = Annotated[str, Field(max_length=LONG_MAX, json_schema_extra={"pattern": pattern(True)}),
                 AfterValidator(_long)]

__all__ = ["LINE_MAX", "LONG_MAX", "NAME_MAX", "Line", "Long", "Name", "Tag", "check", "pattern"]
