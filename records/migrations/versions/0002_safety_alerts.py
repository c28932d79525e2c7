"""Safety alerts: callers in danger, for staff to see and acknowledge.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "safety_alerts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("numbers", sa.String(100), nullable=False),
        sa.Column("call_id", sa.String(100), nullable=False, index=True),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("acknowledged_at", _TS, nullable=True),
        sa.Column("acknowledged_by", sa.String(200), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("safety_alerts")
