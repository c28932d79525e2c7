"""The civil-services knowledge base: entries in memory, from the sample, import files and staff.

``CivilKnowledge`` is a small thread-safe id → entry map. It is filled at start-up from the
project's sample (``sample_civil.json``), then from district files (``MALBEOT_CIVIL_IMPORT``:
JSON ``{"entries": [...]}``, a JSON list, or JSON Lines, in the sample's format), then from what
staff registered through the staff API (kept in the records database, ``records.civil``).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from dialog.civil.entry import CivilEntry
from malbeot_core.errors import NotFound


def read_entries(path: str | Path | None = None) -> list[CivilEntry]:
    """Entries from a JSON or JSON Lines file (the sample when ``path`` is None)."""
    if path is None:
        text = resources.files("dialog.civil").joinpath("sample_civil.json").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return parse_entries(text)


def parse_entries(text: str) -> list[CivilEntry]:
    stripped = text.strip()
    records: list[Mapping[str, Any]]
    if not stripped:
        return []
    try:
        data = json.loads(stripped)
    except json.JSONDecodeError:  # JSON Lines: one entry a line
        records = [json.loads(line) for line in stripped.splitlines() if line.strip()]
    else:
        records = (
            data["entries"]
            if isinstance(data, dict) and "entries" in data
            else ([data] if isinstance(data, dict) else data)
        )
    return [CivilEntry.from_dict(r) for r in records]


class CivilKnowledge:
    def __init__(self, entries: Iterable[CivilEntry] = ()) -> None:
        self._lock = threading.Lock()
        self._entries: dict[str, CivilEntry] = {}
        self.upsert_many(entries)

    @classmethod
    def sample(cls, imports: Iterable[str | Path] = ()) -> CivilKnowledge:
        knowledge = cls(read_entries())
        for path in imports:
            knowledge.upsert_many(read_entries(path))
        return knowledge

    def upsert_many(self, entries: Iterable[CivilEntry]) -> int:
        n = 0
        with self._lock:
            for entry in entries:
                self._entries[entry.id] = entry
                n += 1
        return n

    def upsert(self, entry: CivilEntry) -> None:
        self.upsert_many([entry])

    def find(self, entry_id: str) -> CivilEntry | None:
        with self._lock:
            return self._entries.get(entry_id)

    def get(self, entry_id: str) -> CivilEntry:
        found = self.find(entry_id)
        if found is None:
            raise NotFound(f"no civil entry {entry_id!r}", stage="dialog")
        return found

    def all(self) -> list[CivilEntry]:
        with self._lock:
            return sorted(self._entries.values(), key=lambda e: e.id)

    def active(self) -> list[CivilEntry]:
        return [e for e in self.all() if not e.retired]

    def __contains__(self, entry_id: object) -> bool:
        with self._lock:
            return entry_id in self._entries

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)


__all__ = ["CivilKnowledge", "parse_entries", "read_entries"]
