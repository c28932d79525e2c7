"""Programmes registered, edited and retired by staff.

The catalogue (SQLite, possibly in memory) serves the dialog; the records database keeps what
staff did — the owner and the programme as JSON — so staff programmes survive a restart
(``restore_into`` puts them back into a fresh catalogue).
"""

from __future__ import annotations

import json
from dataclasses import replace

from sqlalchemy import select

from dialog.catalogue.programmes import Catalogue, Programme

from .models import ManagedProgramme, utcnow
from .staff import Member
from .store import Records
from .sync import bump


class NotOwner(Exception):
    """A staff member editing a programme they do not own."""


class ProgrammeRegistry:
    def __init__(self, records: Records, catalogue: Catalogue) -> None:
        self.records = records
        self.catalogue = catalogue

    def owner_of(self, programme_id: str) -> int | None:
        with self.records.session() as session:
            row = session.get(ManagedProgramme, programme_id)
            return None if row is None else row.owner_id

    def can_edit(self, member: Member, programme_id: str) -> bool:
        return member.is_admin or self.owner_of(programme_id) == member.id

    def create(self, programme: Programme, owner: Member) -> Programme:
        if self.catalogue.find(programme.id) is not None:
            raise ValueError(f"programme {programme.id!r} already exists")
        programme = replace(programme, source=programme.source or f"staff:{owner.id}", retired=False)
        with self.records.session.begin() as session:
            session.add(ManagedProgramme(programme_id=programme.id, owner_id=owner.id,
                                         data=json.dumps(programme.to_dict(), ensure_ascii=False), retired=False))
            bump(session)  # other replicas reload within MALBEOT_SYNC_SECONDS
        self.catalogue.add(programme)
        return programme

    def update(self, programme: Programme, actor: Member) -> Programme:
        if not self.can_edit(actor, programme.id):
            raise NotOwner(programme.id)
        with self.records.session.begin() as session:
            row = session.get(ManagedProgramme, programme.id)
            data = json.dumps(programme.to_dict(), ensure_ascii=False)
            if row is None:  # an admin taking over a catalogue programme
                session.add(ManagedProgramme(programme_id=programme.id, owner_id=actor.id, data=data,
                                             retired=programme.retired))
            else:
                row.data, row.retired, row.updated_at = data, programme.retired, utcnow()
            bump(session)
        self.catalogue.upsert(programme)
        return programme

    def retire(self, programme_id: str, actor: Member) -> Programme:
        current = self.catalogue.get(programme_id)
        return self.update(replace(current, retired=True), actor)

    def managed(self, owner: Member | None = None) -> list[Programme]:
        query = select(ManagedProgramme).order_by(ManagedProgramme.programme_id)
        if owner is not None:
            query = query.where(ManagedProgramme.owner_id == owner.id)
        with self.records.session() as session:
            return [Programme.from_dict(json.loads(r.data)) for r in session.scalars(query)]

    def restore_into(self, catalogue: Catalogue | None = None) -> int:
        target = catalogue or self.catalogue
        return target.upsert_many(self.managed())


__all__ = ["NotOwner", "ProgrammeRegistry"]
