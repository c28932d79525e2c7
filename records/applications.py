"""Applications stored exactly once per idempotency key, with their field values sealed.

``ApplicationStore.submit`` is the dialog's ``ApplicationSink``: the first submission with a key
inserts a row and commits (SQLite ``synchronous=FULL``: on disk before the receipt is returned);
any later submission with that key — a repeated "submit", a retried request after a dropped
connection, a race between two workers — returns the stored receipt and writes nothing.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from dialog.applications.application_fields import FIELDS, mask_address, masked
from dialog.applications.application_flow import Receipt, Submission

from .models import Application, utcnow
from .store import Records

log = logging.getLogger("malbeot.records")


def mask_name(name: str) -> str:
    """홍길동 → 홍*동, John Smith → J*** S****."""
    if " " in name:
        return " ".join(w[0] + "*" * (len(w) - 1) for w in name.split())
    if len(name) <= 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def masked_values(values: dict[str, str]) -> dict[str, str]:
    out = masked(values)
    if "name" in out:
        out["name"] = mask_name(out["name"])
    return out


#: Korea has one time zone and no daylight saving: receipts carry the district's date
KST = timezone(timedelta(hours=9), "KST")


def _remasked(stored: dict[str, str]) -> dict[str, str]:
    """Masked fields as stored, with the address masked again: rows stored before the address mask
    covered spelled-out numbers ("Twelve Central Street, Seoul") are shown masked all the same."""
    if "address" in stored:
        return {**stored, "address": mask_address(stored["address"])}
    return stored


def new_receipt(now: datetime | None = None) -> str:
    """``MB-YYMMDD-NNNNNN``, dated in Korean time (``now`` is aware; naive means UTC)."""
    now = now or utcnow()
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    return f"MB-{now.astimezone(KST):%y%m%d}-{secrets.randbelow(1_000_000):06d}"


@dataclass(frozen=True)
class StoredApplication:
    id: int
    receipt: str
    programme_id: str
    programme_name: str
    language: str
    status: str
    created_at: datetime
    masked_fields: dict[str, str]
    #: clear values; present only when asked for (``reveal=True``)
    fields: dict[str, str] | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id, "receipt": self.receipt, "programme_id": self.programme_id,
            "programme_name": self.programme_name, "language": self.language, "status": self.status,
            "created_at": self.created_at.isoformat(), "fields": self.masked_fields,
        }
        if self.fields is not None:
            data["fields"] = self.fields
        return data

    def __repr__(self) -> str:
        return f"StoredApplication({self.receipt!r}, {self.programme_id!r})"


class ApplicationStore:
    def __init__(self, records: Records, clock: Callable[[], datetime] = utcnow) -> None:
        self.records = records
        #: the time receipts and rows are stamped with (injected in tests)
        self.clock = clock

    # -- the dialog's sink ----------------------------------------------------------------------------
    def submit(self, submission: Submission) -> Receipt:
        unknown = set(submission.fields) - set(FIELDS)
        if unknown:
            raise ValueError(f"unknown application fields {sorted(unknown)}")
        for _ in range(5):
            existing = self.find_key(submission.idempotency_key)
            if existing is not None:
                return Receipt(existing, created=False)
            now = self.clock()
            row = Application(
                receipt=new_receipt(now),
                idempotency_key=submission.idempotency_key,
                conversation_id=submission.conversation_id,
                programme_id=submission.programme_id,
                programme_name=submission.programme_name,
                language=submission.language,
                masked_fields=json.dumps(masked_values(submission.fields), ensure_ascii=False),
                sealed_fields=self.records.sealer.seal(submission.fields),
                status="received",
                created_at=now,
            )
            try:
                with self.records.session.begin() as session:
                    session.add(row)
            except IntegrityError:
                continue  # the same key committed by someone else just now (or a receipt collision)
            log.info("application %s stored for %s", row.receipt, submission.programme_id)
            return Receipt(row.receipt, created=True)
        raise RuntimeError("could not store the application (repeated conflicts)")

    def find_key(self, key: str) -> str | None:
        with self.records.session() as session:
            found: str | None = session.scalar(select(Application.receipt).where(Application.idempotency_key == key))
            return found

    # -- reading ------------------------------------------------------------------------------------------
    def _stored(self, row: Application, reveal: bool) -> StoredApplication:
        return StoredApplication(
            id=row.id, receipt=row.receipt, programme_id=row.programme_id, programme_name=row.programme_name,
            language=row.language, status=row.status, created_at=row.created_at,
            masked_fields=_remasked(json.loads(row.masked_fields)),
            fields=self.records.sealer.open(row.sealed_fields) if reveal else None,
        )

    def list(self, programme_ids: Iterable[str] | None = None, reveal: bool = False,
             limit: int = 1000) -> list[StoredApplication]:
        query = select(Application).order_by(Application.id).limit(limit)
        if programme_ids is not None:
            query = query.where(Application.programme_id.in_(list(programme_ids)))
        with self.records.session() as session:
            return [self._stored(row, reveal) for row in session.scalars(query)]

    def get(self, receipt: str, reveal: bool = False) -> StoredApplication | None:
        with self.records.session() as session:
            row = session.scalar(select(Application).where(Application.receipt == receipt))
            return None if row is None else self._stored(row, reveal)

    def count(self) -> int:
        with self.records.session() as session:
            return len(session.scalars(select(Application.id)).all())


def to_csv(applications: Iterable[StoredApplication]) -> str:
    rows = [a.to_dict() for a in applications]
    names = sorted({k for r in rows for k in r["fields"]})
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["receipt", "programme_id", "programme_name", "status", "created_at", *names])
    for r in rows:
        writer.writerow([r["receipt"], r["programme_id"], r["programme_name"], r["status"], r["created_at"],
                         *(r["fields"].get(n, "") for n in names)])
    return out.getvalue()


__all__ = ["ApplicationStore", "StoredApplication", "mask_name", "masked_values", "new_receipt", "to_csv"]
