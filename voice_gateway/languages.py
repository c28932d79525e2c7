"""What serves each language, part by part: human-written, templated, machine-translated or missing.

``summary`` (for ``GET /healthz``, loading nothing) lists per language which parts of what
Malbeot says come from text people wrote, from the project's templates over structured catalogue
fields, from a machine-translation model, or not at all (answered in English, or said to exist only
in Korean). ``report`` (for ``GET /v1/staff/languages``) adds what is missing item by item, so a
missing translation is visible to staff and never silently English.

Parts:

- ``fixed_sentences``: the dialog's fixed sentences (hand-off, goodbye, not found, prompts ...);
- ``phone_prompts``: what a phone channel says by itself (start notice, silence prompt, goodbye);
- ``danger_answers``: the emergency numbers said to a caller in danger;
- ``programme_answers``: what a programme is, who it is for, amount, how and where to apply,
  phone, office hours;
- ``programme_names``: programme names (ko, en) or the Korean name with a gloss (zh, vi, ja);
- ``programme_details``: the catalogue's free text beyond the structured fields (detailed
  conditions, documents): Korean, English where written; other callers are told it is Korean-only
  and offered the Danuri helpline (1577-1366) or a person;
- ``conversations``: eligibility checks, voice applications and facility questions: written (ko, en),
  templated (zh, vi, ja: ``dialog.templates.flows``, every phrase present), else missing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from translate.protocol import Translator

Source = Literal["human_written", "templated", "machine_translated", "missing"]
SOURCES: tuple[Source, ...] = ("human_written", "templated", "machine_translated", "missing")
PARTS = (
    "fixed_sentences",
    "phone_prompts",
    "danger_answers",
    "programme_answers",
    "programme_names",
    "programme_details",
    "conversations",
)
#: languages whose conversations and free text are written by people
WRITTEN = ("ko", "en")


def _fixed_missing(language: str) -> list[str]:
    from dialog.answers import _FIXED
    from dialog.templates.phrases import FIXED

    return sorted(k for k, texts in _FIXED.items() if language not in texts and language not in FIXED.get(k, {}))


def _prompts_missing(language: str) -> list[str]:
    from .channels.phone_prompts import PROMPTS

    return sorted(k for k, texts in PROMPTS.items() if language not in texts)


def _conversations_missing(language: str) -> list[str]:
    """The conversation phrases (``table:key``) not written in ``language`` (zh, vi, ja)."""
    from dialog.templates.flows import TABLES

    return sorted(f"{table}:{key}" for table, rows in TABLES.items() for key, texts in rows.items()
                  if language not in texts)


def _mt(translator: Translator | None, source: str, target: str) -> bool:
    return translator is not None and translator.supports(source, target) and source != target


def parts(language: str, translator: Translator | None) -> dict[str, Source]:
    """Where each part said in ``language`` comes from."""
    from dialog.safety.replies import LANGUAGES as DANGER_LANGUAGES
    from dialog.templates import TEMPLATE_LANGUAGES

    written = language in WRITTEN
    templated = language in TEMPLATE_LANGUAGES
    fallback: Source = "machine_translated" if _mt(translator, "en", language) else "missing"
    return {
        "fixed_sentences": "human_written" if not _fixed_missing(language) else fallback,
        "phone_prompts": "human_written" if not _prompts_missing(language) else fallback,
        "danger_answers": "human_written" if language in DANGER_LANGUAGES else fallback,
        "programme_answers": "human_written" if written else "templated" if templated else fallback,
        "programme_names": "human_written" if written else "templated" if templated else fallback,
        # the answer says this text is Korean-only; a translator is not asked for it
        "programme_details": "human_written" if written else "missing",
        "conversations": "human_written" if written
        else "templated" if templated and not _conversations_missing(language) else fallback,
    }


def summary(languages: Iterable[str], translator: Translator | None) -> dict[str, dict[str, list[str]]]:
    """Per language: the parts by where they come from (``GET /healthz``; loads nothing)."""
    out: dict[str, dict[str, list[str]]] = {}
    for language in languages:
        found = parts(language, translator)
        out[language] = {source: [p for p in PARTS if found[p] == source] for source in SOURCES}
    return out


def report(languages: Iterable[str], translator: Translator | None, programmes: Iterable[Any]) -> dict[str, Any]:
    """The staff coverage report: per language, each part's source and what is missing, item by item."""
    from dialog.templates.glosses import gloss

    live = [p for p in programmes if not p.retired]
    out: dict[str, Any] = {}
    for language in languages:
        missing: dict[str, list[str]] = {
            "fixed_sentences": _fixed_missing(language),
            "phone_prompts": _prompts_missing(language),
        }
        if language == "en":
            missing["programme_names"] = sorted(p.id for p in live if not p.name_en)
            missing["programme_details"] = sorted(p.id for p in live if not (p.summary_en and p.how_to_apply_en))
        elif language != "ko":
            missing["programme_names"] = sorted(p.id for p in live if not gloss(p.id, language))
            missing["programme_details"] = sorted(p.id for p in live)  # Korean-only free text, said so
        if language not in WRITTEN:
            missing["conversations"] = _conversations_missing(language)
        out[language] = {
            "parts": parts(language, translator),
            "programmes": len(live),
            "missing": {k: v for k, v in missing.items() if v},
        }
    return {
        "languages": out,
        "notes": {
            "programme_names": "without a gloss a name is said in Korean with its kind of support",
            "programme_details": "said to be Korean-only; the caller is offered 다누리콜센터 1577-1366 or a person",
            "conversations": "checks, applications and facility answers: zh/vi/ja from the project's templates; "
                             "a phrase missing here is listed by table and key",
        },
    }


__all__ = ["PARTS", "SOURCES", "parts", "report", "summary"]
