"""Replicas on one database: 64-bit ids on PostgreSQL, stored passage vectors, a catalogue sync mark.

- Every row id and the columns that refer to one become BIGINT on PostgreSQL (SQLite's INTEGER
  PRIMARY KEY is 64-bit already, so SQLite is left as it is).
- ``passage_vectors``: catalogue passage embeddings keyed by embedder and text hash, so a second
  replica (or a restart) loads them instead of embedding the catalogue again.
- ``sync_marks``: a counter bumped by every staff edit of the catalogue; replicas poll it and reload.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)

#: (table, column, has a sequence): every id and every column holding one
_IDS = [
    ("applications", "id", True),
    ("staff_members", "id", True),
    ("staff_tokens", "id", True),
    ("staff_tokens", "staff_id", False),
    ("managed_programmes", "owner_id", False),
    ("managed_civil_entries", "owner_id", False),
    ("alert_subscriptions", "id", True),
    ("alerts_sent", "id", True),
    ("alerts_sent", "subscription_id", False),
    ("safety_alerts", "id", True),
    ("checkin_residents", "id", True),
    ("checkin_residents", "created_by", False),
    ("checkin_calls", "id", True),
    ("checkin_calls", "resident_id", False),
    ("checkin_attempts", "id", True),
    ("checkin_attempts", "call_id", False),
]


def _widen(type_: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column, sequence in _IDS:
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE {type_}")
        if sequence:
            op.execute(f"ALTER SEQUENCE {table}_{column}_seq AS {type_}")


def upgrade() -> None:
    _widen("BIGINT")
    op.create_table(
        "passage_vectors",
        sa.Column("model", sa.String(200), primary_key=True),
        sa.Column("text_hash", sa.String(64), primary_key=True),
        sa.Column("dim", sa.Integer, nullable=False),
        sa.Column("vector", sa.LargeBinary, nullable=False),
        sa.Column("created_at", _TS, nullable=False),
    )
    op.create_table(
        "sync_marks",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("sync_marks")
    op.drop_table("passage_vectors")
    _widen("INTEGER")
