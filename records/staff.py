"""Staff accounts and API tokens (roles "staff" and "admin"); tokens are stored as SHA-256 hashes."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select

from .models import StaffMember, StaffToken
from .store import Records

Role = Literal["staff", "admin"]
ROLES: tuple[Role, ...] = ("staff", "admin")
log = logging.getLogger("malbeot.records")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    """256 random bits, URL-safe, with a prefix that makes leaked tokens easy to spot."""
    return "mbt_" + secrets.token_urlsafe(32)


@dataclass(frozen=True)
class Member:
    id: int
    name: str
    role: Role
    active: bool

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "role": self.role, "active": self.active}


def _member(row: StaffMember) -> Member:
    role: Role = "admin" if row.role == "admin" else "staff"
    return Member(row.id, row.name, role, row.active)


class StaffStore:
    def __init__(self, records: Records) -> None:
        self.records = records

    def create(self, name: str, role: Role = "staff", token: str | None = None) -> tuple[Member, str]:
        """A new member and their first token (shown once; only its hash is kept)."""
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}")
        token = token or new_token()
        with self.records.session.begin() as session:
            row = StaffMember(name=name, role=role, active=True)
            session.add(row)
            session.flush()
            session.add(StaffToken(staff_id=row.id, token_hash=token_hash(token), revoked=False))
            member = _member(row)
        log.info("staff member %s created (%s)", member.id, role)
        return member, token

    def issue_token(self, staff_id: int) -> str:
        token = new_token()
        with self.records.session.begin() as session:
            if session.get(StaffMember, staff_id) is None:
                raise KeyError(staff_id)
            session.add(StaffToken(staff_id=staff_id, token_hash=token_hash(token), revoked=False))
        return token

    def authenticate(self, token: str) -> Member | None:
        if not token:
            return None
        digest = token_hash(token)
        with self.records.session() as session:
            row = session.scalar(select(StaffToken).where(StaffToken.token_hash == digest))
            if row is None or row.revoked or not hmac.compare_digest(row.token_hash, digest):
                return None
            member = session.get(StaffMember, row.staff_id)
            return _member(member) if member is not None and member.active else None

    def get(self, staff_id: int) -> Member | None:
        with self.records.session() as session:
            row = session.get(StaffMember, staff_id)
            return None if row is None else _member(row)

    def list(self) -> list[Member]:
        with self.records.session() as session:
            return [_member(r) for r in session.scalars(select(StaffMember).order_by(StaffMember.id))]

    def deactivate(self, staff_id: int) -> bool:
        with self.records.session.begin() as session:
            row = session.get(StaffMember, staff_id)
            if row is None:
                return False
            row.active = False
            for token in session.scalars(select(StaffToken).where(StaffToken.staff_id == staff_id)):
                token.revoked = True
        return True

    def ensure_admin(self, token: str, name: str = "administrator") -> Member:
        """The admin that ``token`` (e.g. ``MALBEOT_ADMIN_TOKEN``) belongs to, created on first start."""
        found = self.authenticate(token)
        if found is not None:
            return found
        member, _ = self.create(name, "admin", token=token)
        return member


__all__ = ["ROLES", "Member", "Role", "StaffStore", "new_token", "token_hash"]
