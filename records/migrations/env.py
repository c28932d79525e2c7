"""Alembic environment: the URL comes from the Alembic config (``records.db.alembic_config``,
or ``sqlalchemy.url`` / ``MALBEOT_RECORDS_URL`` when run from the ``alembic`` command line)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool, text

import records.checkin_models  # noqa: F401 (its tables belong to the metadata)
from records.config import RecordsConfig
from records.models import Base

config = context.config
url = config.get_main_option("sqlalchemy.url") or RecordsConfig.from_env(need_key=False).url
target_metadata = Base.metadata
#: PostgreSQL advisory lock held while migrating: replicas starting together migrate one at a time
#: (the second waits, then finds the schema current). Any fixed 64-bit number; this is "malbeot".
MIGRATION_LOCK = 0x6D616C62656F74


def run_offline() -> None:
    context.configure(url=url, target_metadata=target_metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    section = dict(config.get_section(config.config_ini_section) or {})
    section["sqlalchemy.url"] = url
    connectable = engine_from_config(section, prefix="sqlalchemy.", poolclass=pool.NullPool)
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            if connection.dialect.name == "postgresql":
                # released with the transaction (PostgreSQL runs all the DDL in it)
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
