"""Migration 0005 adds and removes only the staff civil-entry table."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, inspect

from records.db import alembic_config, migrate


def test_migration_0005_adds_and_removes_only_the_civil_entry_table(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    migrate(url, "0004")
    before = set(inspect(create_engine(url)).get_table_names())
    migrate(url, "0005")
    assert set(inspect(create_engine(url)).get_table_names()) == before | {"managed_civil_entries"}
    command.downgrade(alembic_config(url), "0004")
    assert set(inspect(create_engine(url)).get_table_names()) == before
