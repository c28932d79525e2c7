"""The tables (SQLAlchemy 2 declarative). Schema changes go through Alembic (``records/migrations``)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


#: row ids: BIGINT on PostgreSQL (ids are never near 2**31 here, but an id in a URL may be anything up
#: to 2**63 and must be "not found", not an error); INTEGER on SQLite, where only INTEGER PRIMARY KEY
#: autoincrements (and is 64-bit anyway)
Id = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    pass


class Application(Base):
    """One submitted application. Field values are sealed (encrypted); a masked copy is kept for lists."""

    __tablename__ = "applications"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    receipt: Mapped[str] = mapped_column(String(32), unique=True, nullable=False)
    #: one application per key: a repeated "submit" or a retried request returns the stored receipt
    idempotency_key: Mapped[str] = mapped_column(String(200), unique=True, nullable=False)
    conversation_id: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    programme_id: Mapped[str] = mapped_column(String(100), nullable=False, index=True)
    programme_name: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    language: Mapped[str] = mapped_column(String(8), nullable=False, default="ko")
    #: JSON object of masked field values (safe to show and export)
    masked_fields: Mapped[str] = mapped_column(Text, nullable=False, default="{}")
    #: Fernet token of the JSON object of field values
    sealed_fields: Mapped[str] = mapped_column(Text, nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="received")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, default=utcnow)


class StaffMember(Base):
    __tablename__ = "staff_members"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    #: "staff" (their own programmes and applications) or "admin" (everything, and staff accounts)
    role: Mapped[str] = mapped_column(String(20), nullable=False, default="staff")
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, default=utcnow)


class StaffToken(Base):
    """An API token; only its SHA-256 is stored (tokens are 256-bit random, so a plain hash suffices)."""

    __tablename__ = "staff_tokens"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    staff_id: Mapped[int] = mapped_column(Id, ForeignKey("staff_members.id"), nullable=False, index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    revoked: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, default=utcnow)


class ManagedProgramme(Base):
    """A programme registered or edited by staff (the catalogue row is rebuilt from ``data`` at start-up)."""

    __tablename__ = "managed_programmes"

    programme_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    owner_id: Mapped[int] = mapped_column(Id, ForeignKey("staff_members.id"), nullable=False, index=True)
    #: ``Programme.to_dict()`` as JSON
    data: Mapped[str] = mapped_column(Text, nullable=False)
    retired: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, default=utcnow)


class ManagedCivilEntry(Base):
    """A civil-service entry registered or edited by staff (put back into the knowledge base at start-up)."""

    __tablename__ = "managed_civil_entries"

    entry_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    owner_id: Mapped[int] = mapped_column(Id, ForeignKey("staff_members.id"), nullable=False, index=True)
    #: ``CivilEntry.to_dict()`` as JSON
    data: Mapped[str] = mapped_column(Text, nullable=False)
    retired: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, default=utcnow)


class Place(Base):
    """A dong or district centroid that callers name ("사직동")."""

    __tablename__ = "places"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    district: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    lat: Mapped[float] = mapped_column(Float, nullable=False)
    lon: Mapped[float] = mapped_column(Float, nullable=False)


class Facility(Base):
    """Community centres, shelters, libraries … with coordinates."""

    __tablename__ = "facilities"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    name_ko: Mapped[str] = mapped_column(String(300), nullable=False)
    name_en: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    district: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    dong: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    address_ko: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    lat: Mapped[float] = mapped_column(Float, nullable=False)
    lon: Mapped[float] = mapped_column(Float, nullable=False)


class AlertSubscription(Base):
    """A resident who opted in to hear about new programmes that may suit them."""

    __tablename__ = "alert_subscriptions"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    #: "sms", "kakao", "webhook", "log" — which notifier adapter delivers
    channel: Mapped[str] = mapped_column(String(20), nullable=False)
    #: sealed {"address": …, "profile": …}
    sealed: Mapped[str] = mapped_column(Text, nullable=False)
    address_masked: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    language: Mapped[str] = mapped_column(String(8), nullable=False, default="ko")
    #: SHA-256 of the opt-out code given to the resident
    opt_out_hash: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    #: the resident read back the code sent to the address (no alert goes to an unconfirmed address)
    confirmed: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    #: SHA-256 of a salt and the confirmation code sent (empty once confirmed or given up)
    confirm_hash: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    #: when the code stops working (UNIX seconds)
    confirm_expires: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    #: wrong codes tried so far
    confirm_tries: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, default=utcnow)


class AlertSent(Base):
    """One alert per subscription and programme, at most."""

    __tablename__ = "alerts_sent"
    __table_args__ = (UniqueConstraint("subscription_id", "programme_id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    subscription_id: Mapped[int] = mapped_column(Id, ForeignKey("alert_subscriptions.id"), nullable=False)
    programme_id: Mapped[str] = mapped_column(String(100), nullable=False)
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, default=utcnow)


class SafetyAlert(Base):
    """A caller in danger, for district staff to see and acknowledge (the words are stored redacted)."""

    __tablename__ = "safety_alerts"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    #: "medical", "suicide", "abuse", "fire", "crime"
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    language: Mapped[str] = mapped_column(String(8), nullable=False, default="ko")
    #: what the caller said, redacted (malbeot_core.redact)
    text: Mapped[str] = mapped_column(Text, nullable=False, default="")
    numbers: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    call_id: Mapped[str] = mapped_column(String(100), nullable=False, default="", index=True)
    channel: Mapped[str] = mapped_column(String(20), nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, default=utcnow)
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    acknowledged_by: Mapped[str | None] = mapped_column(String(200), nullable=True)


class PassageVector(Base):
    """The embedding of one catalogue passage, so that a second replica (or a restart) does not embed it
    again. Keyed by the embedder's name and the SHA-256 of the passage text: an edited passage gets a
    new row, and a stale one is never used. The vector is float32 bytes, searched in memory; where the
    server has pgvector, migration 0007 adds an ``embedding vector`` column (not mapped here: SQLite and
    Debian's PostgreSQL 15 lack it) that ``records.vectors.PassageVectors`` fills and ranks with."""

    __tablename__ = "passage_vectors"

    model: Mapped[str] = mapped_column(String(200), primary_key=True)
    text_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    dim: Mapped[int] = mapped_column(Integer, nullable=False)
    vector: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, default=utcnow)


class SyncMark(Base):
    """One counter per shared thing (``catalogue``): bumped by every staff edit, polled by replicas."""

    __tablename__ = "sync_marks"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, default=utcnow)


__all__ = [
    "AlertSent",
    "AlertSubscription",
    "Application",
    "Base",
    "Facility",
    "Id",
    "ManagedProgramme",
    "PassageVector",
    "Place",
    "SafetyAlert",
    "StaffMember",
    "StaffToken",
    "SyncMark",
    "utcnow",
]
