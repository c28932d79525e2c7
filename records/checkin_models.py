"""Tables of the check-in calls: residents who agreed to them, the calls planned, and each try.

Name and phone numbers (the resident's and the contact person's) are sealed (``records.crypto``);
masked copies are kept for lists. A ``CheckinCall`` row is one planned call and its state machine
(``pending`` → ``dialing`` → ``retry`` … → ``done``); each try is a ``CheckinAttempt``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, Id, utcnow


class CheckinResident(Base):
    __tablename__ = "checkin_residents"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    #: sealed {"name", "phone", "contact_name", "contact_phone"}
    sealed: Mapped[str] = mapped_column(Text, nullable=False)
    name_masked: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    phone_masked: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    contact_masked: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    language: Mapped[str] = mapped_column(String(8), nullable=False, default="ko")
    #: JSON list of {"days": ["mon", …], "start": "HH:MM", "end": "HH:MM"} (Asia/Seoul)
    windows: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    consent: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    created_by: Mapped[int] = mapped_column(Id, nullable=False, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, default=utcnow)


class CheckinCall(Base):
    """One planned call. At most one per resident and due time, and at most one open (not ``done``) per
    resident: two schedulers cannot plan it twice, nor plan the one after it twice (migration 0008)."""

    __tablename__ = "checkin_calls"
    __table_args__ = (
        UniqueConstraint("resident_id", "due_at"),
        Index("uq_checkin_calls_one_open", "resident_id", unique=True,
              sqlite_where=text("state != 'done'"), postgresql_where=text("state != 'done'")),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    resident_id: Mapped[int] = mapped_column(Id, ForeignKey("checkin_residents.id"), nullable=False, index=True)
    due_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    #: pending | dialing | retry | done
    state: Mapped[str] = mapped_column(String(12), nullable=False, default="pending", index=True)
    next_try_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    tries: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    #: who holds the call while it is being dialled (a random token per claim) and since when
    claim: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    #: well | not_well | danger | no_answer | failed (set when done)
    outcome: Mapped[str] = mapped_column(String(12), nullable=False, default="")
    #: redacted transcript: JSON list of {"speaker": "malbeot"|"resident", "text"}
    transcript: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    summary: Mapped[str] = mapped_column(Text, nullable=False, default="")
    alerted: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class CheckinAttempt(Base):
    """One try of a planned call: when it was placed and how it went."""

    __tablename__ = "checkin_attempts"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    call_id: Mapped[int] = mapped_column(Id, ForeignKey("checkin_calls.id"), nullable=False, index=True)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    #: answered | busy | no_answer | declined | failed | interrupted ("" while dialling)
    result: Mapped[str] = mapped_column(String(12), nullable=False, default="")
    detail: Mapped[str] = mapped_column(String(200), nullable=False, default="")


__all__ = ["CheckinAttempt", "CheckinCall", "CheckinResident"]
