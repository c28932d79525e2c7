"""Civil-service entries registered or edited by staff.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "managed_civil_entries",
        sa.Column("entry_id", sa.String(100), primary_key=True),
        sa.Column("owner_id", sa.Integer, sa.ForeignKey("staff_members.id"), nullable=False, index=True),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("retired", sa.Boolean, nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("managed_civil_entries")
