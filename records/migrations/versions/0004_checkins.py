"""Check-in calls: residents, planned calls (state machine) and their tries.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "checkin_residents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("sealed", sa.Text, nullable=False),
        sa.Column("name_masked", sa.String(200), nullable=False),
        sa.Column("phone_masked", sa.String(40), nullable=False),
        sa.Column("contact_masked", sa.String(40), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("windows", sa.Text, nullable=False),
        sa.Column("consent", sa.Boolean, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_by", sa.Integer, nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
    )
    op.create_table(
        "checkin_calls",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("resident_id", sa.Integer, sa.ForeignKey("checkin_residents.id"), nullable=False, index=True),
        sa.Column("due_at", _TS, nullable=False),
        sa.Column("state", sa.String(12), nullable=False, index=True),
        sa.Column("next_try_at", _TS, nullable=False),
        sa.Column("tries", sa.Integer, nullable=False),
        sa.Column("claim", sa.String(40), nullable=False),
        sa.Column("claimed_at", _TS, nullable=True),
        sa.Column("outcome", sa.String(12), nullable=False),
        sa.Column("transcript", sa.Text, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("alerted", sa.Boolean, nullable=False),
        sa.Column("finished_at", _TS, nullable=True),
        sa.UniqueConstraint("resident_id", "due_at"),
    )
    op.create_table(
        "checkin_attempts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("call_id", sa.Integer, sa.ForeignKey("checkin_calls.id"), nullable=False, index=True),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("started_at", _TS, nullable=False),
        sa.Column("ended_at", _TS, nullable=True),
        sa.Column("result", sa.String(12), nullable=False),
        sa.Column("detail", sa.String(200), nullable=False),
    )


def downgrade() -> None:
    for table in ("checkin_attempts", "checkin_calls", "checkin_residents"):
        op.drop_table(table)
