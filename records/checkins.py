"""Residents registered for check-in calls: name and phone numbers sealed, masked copies for lists."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select

from dialog.applications.application_fields import mask_phone

from .applications import mask_name
from .checkin_models import CheckinCall, CheckinResident
from .checkin_windows import Window
from .models import utcnow
from .store import Records

LANGUAGES = ("ko", "en", "zh", "vi", "ja")


def _digits(phone: str) -> str:
    return "".join(c for c in phone if c.isdigit() or c == "+")


def masked_phone(phone: str) -> str:
    digits = _digits(phone)
    return mask_phone(digits) if len(digits) >= 7 else "***"


@dataclass(frozen=True)
class Resident:
    """A resident as the dialer needs them (opened: real name and numbers — never log this)."""

    id: int
    name: str
    phone: str
    language: str
    windows: tuple[Window, ...]
    contact_name: str
    contact_phone: str
    consent: bool
    active: bool

    def __repr__(self) -> str:
        name = mask_name(self.name) if self.name else ""
        return f"Resident({self.id}, {name!r}, {masked_phone(self.phone)!r}, {self.language!r})"

    def masked(self) -> dict[str, Any]:
        return {"id": self.id, "name": mask_name(self.name) if self.name else "", "phone": masked_phone(self.phone),
                "language": self.language, "windows": [w.to_dict() for w in self.windows],
                "contact_name": mask_name(self.contact_name) if self.contact_name else "",
                "contact_phone": masked_phone(self.contact_phone) if self.contact_phone else "",
                "consent": self.consent, "active": self.active}

    def revealed(self) -> dict[str, Any]:
        return {**self.masked(), "name": self.name, "phone": self.phone, "contact_name": self.contact_name,
                "contact_phone": self.contact_phone}


@dataclass(frozen=True)
class Registration:
    """What staff enter for a resident (validated here, whatever the entry point)."""

    name: str
    phone: str
    language: str
    windows: tuple[Window, ...]
    contact_name: str = ""
    contact_phone: str = ""
    consent: bool = False

    def __post_init__(self) -> None:
        if not self.consent:
            raise ValueError("check-in calls need the resident's consent")
        if not self.name.strip():
            raise ValueError("a name is needed")
        if len(_digits(self.phone)) < 7:
            raise ValueError("a phone number (or SIP address digits) is needed")
        if self.language not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}")
        if not self.windows:
            raise ValueError("at least one preferred time window is needed")


class ResidentStore:
    def __init__(self, records: Records) -> None:
        self.records = records

    def _open(self, row: CheckinResident) -> Resident:
        secret = self.records.sealer.open(row.sealed)
        windows = tuple(Window.from_dict(w) for w in json.loads(row.windows))
        return Resident(row.id, secret["name"], secret["phone"], row.language, windows, secret["contact_name"],
                        secret["contact_phone"], row.consent, row.active)

    def _write(self, row: CheckinResident, reg: Registration) -> None:
        row.sealed = self.records.sealer.seal({"name": reg.name, "phone": reg.phone, "contact_name": reg.contact_name,
                                               "contact_phone": reg.contact_phone})
        row.name_masked = mask_name(reg.name.strip())
        row.phone_masked = masked_phone(reg.phone)
        row.contact_masked = masked_phone(reg.contact_phone) if reg.contact_phone else ""
        row.language = reg.language
        row.windows = json.dumps([w.to_dict() for w in reg.windows])
        row.consent = reg.consent
        row.updated_at = utcnow()

    def register(self, reg: Registration, staff_id: int = 0) -> Resident:
        with self.records.session.begin() as session:
            row = CheckinResident(active=True, created_by=staff_id, sealed="")
            self._write(row, reg)
            session.add(row)
            session.flush()
            return self._open(row)

    def get(self, resident_id: int) -> Resident | None:
        with self.records.session() as session:
            row = session.get(CheckinResident, resident_id)
            return None if row is None else self._open(row)

    def list(self, active_only: bool = False) -> list[Resident]:
        query = select(CheckinResident).order_by(CheckinResident.id)
        if active_only:
            query = query.where(CheckinResident.active.is_(True))
        with self.records.session() as session:
            return [self._open(r) for r in session.scalars(query)]

    def update(self, resident_id: int, reg: Registration) -> Resident | None:
        with self.records.session.begin() as session:
            row = session.get(CheckinResident, resident_id)
            if row is None:
                return None
            self._write(row, reg)
            return self._open(row)

    def retire(self, resident_id: int) -> Resident | None:
        """No more calls (a planned call not yet tried is dropped); name and numbers are erased (the call
        history stays, redacted)."""
        with self.records.session.begin() as session:
            row = session.get(CheckinResident, resident_id)
            if row is None:
                return None
            session.execute(delete(CheckinCall).where(CheckinCall.resident_id == resident_id,
                                                      CheckinCall.state == "pending", CheckinCall.tries == 0))
            row.active = False
            row.sealed = self.records.sealer.seal({"name": "", "phone": "", "contact_name": "", "contact_phone": ""})
            row.phone_masked = row.contact_masked = ""
            row.updated_at = utcnow()
            return self._open(row)


__all__ = ["LANGUAGES", "Registration", "Resident", "ResidentStore", "masked_phone"]
