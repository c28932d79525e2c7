"""At most one open check-in call per resident (a partial unique index on ``checkin_calls``).

Two schedulers over one database (a restart racing an instance still running, or two replicas) could
each plan a resident's next call: the second read the first's new call as the last one (and planned
the call after it) but not as open. The index makes the database refuse the second open call;
``CallQueue.plan`` reads its snapshot in one statement and takes a refusal as "already planned".
Open calls already doubled (the earliest kept) are closed as ``failed`` before the index is made.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

OPEN = sa.text("state != 'done'")


def upgrade() -> None:
    op.execute(
        "UPDATE checkin_calls SET state = 'done', outcome = 'failed', "
        "summary = 'planned twice; closed by migration 0008' "
        "WHERE state != 'done' AND id NOT IN "
        "(SELECT keep FROM (SELECT MIN(id) AS keep FROM checkin_calls WHERE state != 'done' GROUP BY resident_id) k)"
    )
    op.create_index("uq_checkin_calls_one_open", "checkin_calls", ["resident_id"], unique=True,
                    sqlite_where=OPEN, postgresql_where=OPEN)


def downgrade() -> None:
    op.drop_index("uq_checkin_calls_one_open", table_name="checkin_calls")
