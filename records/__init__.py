"""Durable records: voice applications, staff accounts and tokens, staff-managed programmes,
facilities, and alert subscriptions — SQLAlchemy models (SQLite by default, PostgreSQL by
configuration) with Alembic migrations (``records/migrations``).
"""
