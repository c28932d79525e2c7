"""Civil-service entries registered, edited and retired by staff.

The knowledge base (in memory) serves the dialog; the records database keeps what staff did —
the owner and the entry as JSON — so staff entries survive a restart (``restore_into``).
"""

from __future__ import annotations

import json
from dataclasses import replace

from sqlalchemy import select

from dialog.civil.entry import CivilEntry
from dialog.civil.knowledge import CivilKnowledge

from .models import ManagedCivilEntry, utcnow
from .programmes import NotOwner
from .staff import Member
from .store import Records
from .sync import bump


class CivilRegistry:
    def __init__(self, records: Records, knowledge: CivilKnowledge) -> None:
        self.records = records
        self.knowledge = knowledge

    def owner_of(self, entry_id: str) -> int | None:
        with self.records.session() as session:
            row = session.get(ManagedCivilEntry, entry_id)
            return None if row is None else row.owner_id

    def can_edit(self, member: Member, entry_id: str) -> bool:
        return member.is_admin or self.owner_of(entry_id) == member.id

    def create(self, entry: CivilEntry, owner: Member) -> CivilEntry:
        if entry.id in self.knowledge or self.owner_of(entry.id) is not None:
            raise ValueError(f"civil entry {entry.id!r} already exists")
        entry = replace(entry, source=entry.source or f"staff:{owner.id}", retired=False)
        with self.records.session.begin() as session:
            session.add(
                ManagedCivilEntry(
                    entry_id=entry.id,
                    owner_id=owner.id,
                    retired=False,
                    data=json.dumps(entry.to_dict(), ensure_ascii=False),
                )
            )
            bump(session)  # other replicas reload within MALBEOT_SYNC_SECONDS
        self.knowledge.upsert(entry)
        return entry

    def update(self, entry: CivilEntry, actor: Member) -> CivilEntry:
        if not self.can_edit(actor, entry.id):
            raise NotOwner(entry.id)
        data = json.dumps(entry.to_dict(), ensure_ascii=False)
        with self.records.session.begin() as session:
            row = session.get(ManagedCivilEntry, entry.id)
            if row is None:  # an admin taking over a sample or imported entry
                session.add(ManagedCivilEntry(entry_id=entry.id, owner_id=actor.id, data=data, retired=entry.retired))
            else:
                row.data, row.retired, row.updated_at = data, entry.retired, utcnow()
            bump(session)
        self.knowledge.upsert(entry)
        return entry

    def retire(self, entry_id: str, actor: Member) -> CivilEntry:
        return self.update(replace(self.knowledge.get(entry_id), retired=True), actor)

    def managed(self, owner: Member | None = None) -> list[CivilEntry]:
        query = select(ManagedCivilEntry).order_by(ManagedCivilEntry.entry_id)
        if owner is not None:
            query = query.where(ManagedCivilEntry.owner_id == owner.id)
        with self.records.session() as session:
            return [CivilEntry.from_dict(json.loads(r.data)) for r in session.scalars(query)]

    def restore_into(self, knowledge: CivilKnowledge | None = None) -> int:
        return (knowledge or self.knowledge).upsert_many(self.managed())


__all__ = ["CivilRegistry"]
