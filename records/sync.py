"""A counter per shared thing (``sync_marks``) so replicas notice staff edits made on another replica.

Every staff edit of the catalogue (programmes, civil entries) bumps ``catalogue`` in the same
transaction as the edit; each replica polls the counter every ``MALBEOT_SYNC_SECONDS`` (5 by
default) and, when it moved, reloads the staff rows and re-indexes (embedding only what changed).
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .models import SyncMark, utcnow
from .store import Records

CATALOGUE = "catalogue"


def bump(session: Session, name: str = CATALOGUE) -> None:
    """Move the counter ``name`` on, inside the caller's transaction."""
    moved = session.execute(
        update(SyncMark).where(SyncMark.name == name).values(version=SyncMark.version + 1, updated_at=utcnow())
    )
    if getattr(moved, "rowcount", 0) == 0:
        try:
            with session.begin_nested():
                session.add(SyncMark(name=name, version=1, updated_at=utcnow()))
        except IntegrityError:  # another replica created it meanwhile
            session.execute(update(SyncMark).where(SyncMark.name == name).values(version=SyncMark.version + 1))


def version(records: Records, name: str = CATALOGUE) -> int:
    with records.session() as session:
        value = session.scalar(select(SyncMark.version).where(SyncMark.name == name))
        return int(value or 0)


__all__ = ["CATALOGUE", "bump", "version"]
