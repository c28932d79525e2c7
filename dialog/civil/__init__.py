"""Civil services beside the benefit catalogue: what residents ask the 120 line that is not a benefit.

``entry`` (the typed entry), ``vocab`` (the phrases answers are composed from, five languages),
``knowledge`` (the in-memory knowledge base and its files), ``search`` (one search over civil
entries and benefit programmes), ``compose`` (answers from fields), ``followup`` (fee, hours,
online, what to bring, where) and ``desk`` (the dialog hook).
"""

from __future__ import annotations

from dialog.civil.entry import KIND, CivilEntry, Fee
from dialog.civil.knowledge import CivilKnowledge, read_entries

__all__ = ["KIND", "CivilEntry", "CivilKnowledge", "Fee", "read_entries"]
