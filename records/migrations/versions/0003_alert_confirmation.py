"""Alert subscriptions are confirmed: a code sent to the address is read back before alerts go to it.

Subscriptions made before this revision were never confirmed, so they stay silent until the
resident subscribes again (and confirms).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("alert_subscriptions") as batch:
        batch.add_column(sa.Column("confirmed", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("confirm_hash", sa.String(100), nullable=False, server_default=""))
        batch.add_column(sa.Column("confirm_expires", sa.Float, nullable=False, server_default="0"))
        batch.add_column(sa.Column("confirm_tries", sa.Integer, nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("alert_subscriptions") as batch:
        batch.drop_column("confirm_tries")
        batch.drop_column("confirm_expires")
        batch.drop_column("confirm_hash")
        batch.drop_column("confirmed")
