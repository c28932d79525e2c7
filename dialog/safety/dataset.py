"""The labelled set of danger and ordinary utterances (``data/utterances.jsonl``) and its split.

Each line: ``{"text", "language", "label"}`` with ``label`` one of the danger kinds or ``"none"``.
The split is deterministic: within each (label, language) group, in file order, the 1st, 3rd, 5th…
utterance is in the *tuning* half and the 2nd, 4th… in the *held-out* half. The classifier's
examples and its threshold come from the tuning half only; the held-out half is only measured.

A line may instead carry ``"split": "tune"``: written only to learn from (more ways of saying a
danger, more near-misses), it is in the tuning half and is not counted in the alternation, so
adding such lines never moves an existing line from one half to the other.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data" / "utterances.jsonl"
TUNE, HELDOUT = "tune", "heldout"
ORDINARY = "none"


@dataclass(frozen=True, slots=True)
class Labelled:
    text: str
    language: str
    #: a ``DangerKind`` value, or ``"none"``
    label: str
    split: str

    @property
    def danger(self) -> bool:
        return self.label != ORDINARY


def load(path: Path = DATA) -> list[Labelled]:
    rows: list[Labelled] = []
    seen: Counter[tuple[str, str]] = Counter()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        item = json.loads(line)
        try:
            text, language, label = str(item["text"]), str(item["language"]), str(item["label"])
        except KeyError as exc:
            raise ValueError(f"{path}:{number}: missing {exc}") from exc
        if "split" in item:
            if item["split"] != TUNE:
                raise ValueError(f"{path}:{number}: only tuning lines may name their half, not {item['split']!r}")
            rows.append(Labelled(text, language, label, TUNE))
            continue
        group = (label, language)
        split = TUNE if seen[group] % 2 == 0 else HELDOUT
        seen[group] += 1
        rows.append(Labelled(text, language, label, split))
    return rows


def split(rows: list[Labelled], name: str) -> list[Labelled]:
    return [r for r in rows if r.split == name]


__all__ = ["DATA", "HELDOUT", "ORDINARY", "TUNE", "Labelled", "load", "split"]
