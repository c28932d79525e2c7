"""Civil questions residents ask the 120 line (not benefits), labelled with the civil entry that answers.

Written for issue 20 the way residents speak on the phone: colloquial, approximate, with speech
recognition's spacing (words run together or split), mostly Korean, some English, Chinese,
Vietnamese and Japanese. Each *need* (one thing a resident wants done) is asked several ways and
labelled with the ids of ``dialog/civil/sample_civil.json`` entries that answer it.

Held-out honesty: the split is by need (a need asked in Korean would otherwise teach its English
twin) and deterministic (``sha1(need key)`` even → ``tuning``, odd → ``heldout``). Only the
``tuning`` half may be looked at while changing the civil search; ``heldout`` is reported.
"""

from __future__ import annotations

from typing import Literal

from bench.civil_dev_needs import DEV_NEEDS
from bench.civil_needs import NEEDS, CivilNeed, Half
from bench.civil_needs import en as en
from bench.civil_needs import ja as ja
from bench.civil_needs import ko as ko
from bench.civil_needs import vi as vi
from bench.civil_needs import zh as zh


def civil_queries(
    half: Half | Literal["dev"] | None = None, language: str | None = None
) -> list[tuple[str, str, tuple[str, ...]]]:
    """``(language, question, answer ids)`` of one half (both when None; ``"dev"``: the second tuning
    set) and language (all when None)."""
    needs = DEV_NEEDS if half == "dev" else tuple(n for n in NEEDS if half is None or n.half == half)
    return [
        (lang, text, need.answers)
        for need in needs
        for lang, text in need.asked
        if language is None or lang == language
    ]


__all__ = ["DEV_NEEDS", "NEEDS", "CivilNeed", "Half", "civil_queries"]
