"""pgvector, where the PostgreSQL server has it: ``passage_vectors.embedding`` (type ``vector``).

On PostgreSQL the migration tries ``CREATE EXTENSION IF NOT EXISTS vector`` in a savepoint. Where the
extension is available (e.g. PyPI ``pgserver``'s PostgreSQL 16) the column is added, rows already
stored are filled in later by ``records.vectors.PassageVectors``, and the dense half of programme
search runs in the database. Where it is not (Debian 12's PostgreSQL 15) or on SQLite nothing
changes: vectors stay bytes and are searched in memory. The column has no fixed dimension, so
embedders of any size share it (the search is an exact scan: no ANN index needed at this size).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _has_column(bind: sa.Connection) -> bool:
    query = sa.text("SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
                    "AND table_name = 'passage_vectors' AND column_name = 'embedding'")
    return bind.execute(query).first() is not None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    available = bind.execute(sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")).first()
    if available is None:
        return
    try:
        with bind.begin_nested():  # a refusal (no privilege) must not abort the migration
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS vector"))
    except sa.exc.DBAPIError:
        return
    if not _has_column(bind):
        op.execute("ALTER TABLE passage_vectors ADD COLUMN embedding vector")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql" and _has_column(bind):
        op.drop_column("passage_vectors", "embedding")
