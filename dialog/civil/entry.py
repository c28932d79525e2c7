"""One civil-service entry: a thing residents ask the 120 line about that is not a benefit.

Facts are fields, not prose: where it is done (codes in ``vocab.WHERE``), the department, office
hours, what to bring (``vocab.BRING``), fees (``Fee``), the online service (``vocab.ONLINE``) and
its link, a phone number, and the public source the facts were taken from. Answers are composed
from these fields in every language (``dialog.civil.compose``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from dialog.civil.vocab import BRING, FEE_FOR, LANGUAGES, ONLINE, WHERE

KIND = "civil"
#: topics an entry belongs to (the kind of civil matter)
TOPICS = (
    "certificate",
    "residence",
    "passport",
    "waste",
    "fines",
    "tax",
    "classes",
    "booking",
    "lost",
    "noise",
    "foreigner",
    "general",
)
_ID = re.compile(r"^[A-Za-z0-9_.\-]{1,100}$")
_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass(frozen=True, slots=True)
class Fee:
    """A fee in won (``won_max`` > ``won``: a range); ``for_`` says when it applies (``vocab.FEE_FOR``)."""

    won: int
    for_: str = "any"
    won_max: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"won": self.won, "for": self.for_, "won_max": self.won_max}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Fee:
        return cls(int(data["won"]), str(data.get("for", "any")), int(data.get("won_max", 0)))


@dataclass(frozen=True, slots=True)
class CivilEntry:
    id: str
    #: name per language; "ko" is required
    names: Mapping[str, str]
    topic: str
    #: where it is done, best first (``vocab.WHERE`` codes)
    where: tuple[str, ...] = ()
    #: the district department that handles it ("청소행정과"), Korean and English
    department_ko: str = ""
    department_en: str = ""
    #: office hours on weekdays ("09:00", "18:00"); empty: not an office matter
    opens: str = ""
    closes: str = ""
    #: the online service works at any hour
    online_always: bool = False
    #: what to bring (``vocab.BRING`` codes)
    bring: tuple[str, ...] = ()
    fees: tuple[Fee, ...] = ()
    #: the named online service (``vocab.ONLINE`` code) and its link
    online: str = ""
    url: str = ""
    phone: str = ""
    #: one short extra fact per language (deadline, rule), optional
    notes: Mapping[str, str] = field(default_factory=dict)
    #: what residents call it, per language (search only)
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: where the facts come from (a name and a URL)
    source: str = ""
    source_url: str = ""
    #: a community-centre class that can be signed up for on the call (``dialog.applications.application_flow``)
    sign_up: bool = False
    retired: bool = False
    kind: str = KIND

    def __post_init__(self) -> None:
        problems = validate(self)
        if problems:
            raise ValueError(f"civil entry {self.id!r}: {'; '.join(problems)}")

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names.get("en") or self.names["ko"]

    def note(self, language: str) -> str:
        """The note in ``language`` only (an answer never mixes languages)."""
        return self.notes.get(language, "")

    def search_texts(self) -> list[str]:
        """Every name and alias in every language."""
        out = [n for n in self.names.values() if n]
        for words in self.aliases.values():
            out.extend(w for w in words if w)
        return out

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "fees":
                data[f.name] = [fee.to_dict() for fee in value]
            elif f.name == "aliases":
                data[f.name] = {k: list(v) for k, v in value.items()}
            elif isinstance(value, Mapping):
                data[f.name] = dict(value)
            elif isinstance(value, tuple):
                data[f.name] = list(value)
            else:
                data[f.name] = value
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CivilEntry:
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"civil entry {data.get('id')!r}: unknown keys {sorted(unknown)}")
        values: dict[str, Any] = dict(data)
        for name in ("where", "bring"):
            values[name] = tuple(values.get(name, ()))
        values["fees"] = tuple(Fee.from_dict(f) for f in values.get("fees", ()))
        values["names"] = dict(values.get("names", {}))
        values["notes"] = dict(values.get("notes", {}))
        values["aliases"] = {k: tuple(v) for k, v in dict(values.get("aliases", {})).items()}
        for name in ("online_always", "sign_up", "retired"):
            values[name] = bool(values.get(name, False))
        values.setdefault("kind", KIND)
        return cls(**values)


def validate(entry: CivilEntry) -> list[str]:
    """What is wrong with an entry (empty: nothing)."""
    problems: list[str] = []
    if not _ID.match(entry.id):
        problems.append("id must be 1-100 letters, digits, '_', '.', '-'")
    if not entry.names.get("ko"):
        problems.append("a Korean name is required")
    if entry.topic not in TOPICS:
        problems.append(f"topic must be one of {TOPICS}")
    if entry.kind != KIND:
        problems.append(f"kind must be {KIND!r}")
    bad_langs = (set(entry.names) | set(entry.notes) | set(entry.aliases)) - set(LANGUAGES)
    if bad_langs:
        problems.append(f"languages must be among {LANGUAGES}")
    for code in entry.where:
        if code not in WHERE:
            problems.append(f"unknown place {code!r} (one of {sorted(WHERE)})")
    for code in entry.bring:
        if code not in BRING:
            problems.append(f"unknown thing to bring {code!r} (one of {sorted(BRING)})")
    for fee in entry.fees:
        if fee.for_ not in FEE_FOR:
            problems.append(f"unknown fee kind {fee.for_!r} (one of {sorted(FEE_FOR)})")
        if fee.won < 0 or fee.won_max < 0 or (fee.won_max and fee.won_max < fee.won):
            problems.append("fees are whole won, won_max >= won")
    if entry.online not in ONLINE:
        problems.append(f"unknown online service {entry.online!r} (one of {sorted(ONLINE)})")
    if bool(entry.opens) != bool(entry.closes) or any(t and not _HHMM.match(t) for t in (entry.opens, entry.closes)):
        problems.append("opens and closes are both HH:MM or both empty")
    return problems


__all__ = ["KIND", "TOPICS", "CivilEntry", "Fee", "validate"]
