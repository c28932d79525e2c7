"""Check-in storage: migrations 0004 and 0008 both ways, preferred-time windows (Asia/Seoul), the SDP offer."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from records.checkin_windows import Window, next_due
from records.db import alembic_config, migrate
from voice_gateway.channels import sdp

CHECKIN_TABLES = {"checkin_residents", "checkin_calls", "checkin_attempts"}


def test_migration_0004_adds_and_removes_only_the_check_in_tables(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    migrate(url, "0003")  # the revision before check-ins
    before = set(inspect(create_engine(url)).get_table_names())
    migrate(url, "0004")
    assert set(inspect(create_engine(url)).get_table_names()) == before | CHECKIN_TABLES
    command.downgrade(alembic_config(url), "0003")
    assert set(inspect(create_engine(url)).get_table_names()) == before


def _call(conn: object, call_id: int, due: str, state: str) -> None:
    conn.execute(text(  # type: ignore[attr-defined]
        "INSERT INTO checkin_calls (id, resident_id, due_at, state, next_try_at, tries, claim, outcome, transcript, "
        "summary, alerted) VALUES (:id, 1, :due, :state, :due, 0, '', '', '[]', '', 0)"),
        {"id": call_id, "due": due, "state": state})


def test_migration_0008_allows_one_open_call_per_resident_and_closes_doubles(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    migrate(url, "0007")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO checkin_residents (id, sealed, name_masked, phone_masked, contact_masked, "
                          "language, windows, consent, active, created_by, created_at, updated_at) VALUES "
                          "(1, 's', '', '', '', 'ko', '[]', 1, 1, 0, '2026-03-01', '2026-03-01')"))
        _call(conn, 1, "2026-03-02 01:00:00", "done")
        _call(conn, 2, "2026-03-05 01:00:00", "pending")  # planned by one scheduler …
        _call(conn, 3, "2026-03-09 01:00:00", "pending")  # … and the next one by another (the race)
    migrate(url, "0008")
    with engine.begin() as conn:
        rows = conn.execute(text("SELECT id, state, outcome FROM checkin_calls ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [(1, "done", ""), (2, "pending", ""), (3, "done", "failed")]
    with pytest.raises(IntegrityError), engine.begin() as conn:
        _call(conn, 4, "2026-03-12 01:00:00", "retry")  # a second open call is refused
    with engine.begin() as conn:
        _call(conn, 5, "2026-03-12 01:00:00", "done")  # closed calls are not limited
    command.downgrade(alembic_config(url), "0007")
    with engine.begin() as conn:
        _call(conn, 6, "2026-03-16 01:00:00", "pending")  # without the index: allowed again


MON_10_SEOUL = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # Monday 10:00 in Seoul


@pytest.mark.parametrize(("now", "after", "expected"), [
    (datetime(2026, 3, 1, 20, 0, tzinfo=UTC), None, MON_10_SEOUL),  # Monday 05:00 Seoul: today's window
    (datetime(2026, 3, 2, 2, 0, tzinfo=UTC), None, MON_10_SEOUL),  # 11:00 Seoul: the window is still open
    (datetime(2026, 3, 2, 2, 0, tzinfo=UTC), MON_10_SEOUL, datetime(2026, 3, 5, 1, 0, tzinfo=UTC)),  # done: Thu
    (datetime(2026, 3, 2, 2, 31, tzinfo=UTC), None, datetime(2026, 3, 5, 1, 0, tzinfo=UTC)),  # 11:31: over
    (datetime(2026, 3, 5, 16, 0, tzinfo=UTC), None, datetime(2026, 3, 9, 1, 0, tzinfo=UTC)),  # Fri 01:00 → Mon
])
def test_next_due_is_the_next_window_start_in_seoul(now: datetime, after: datetime | None,
                                                    expected: datetime) -> None:
    windows = [Window.from_dict({"days": ["mon", "thu"], "start": "10:00", "end": "11:30"})]
    assert next_due(windows, now, after) == expected


def test_every_day_when_no_days_are_given_and_the_earliest_window_wins() -> None:
    windows = [Window.from_dict({"start": "18:00", "end": "19:00"}),
               Window.from_dict({"start": "09:00", "end": "10:00"})]
    sunday_noon_seoul = datetime(2026, 3, 1, 3, 0, tzinfo=UTC)
    assert next_due(windows, sunday_noon_seoul) == datetime(2026, 3, 1, 9, 0, tzinfo=UTC)  # 18:00 Seoul, Sunday


def test_our_offer_is_read_back_as_pcmu_first_with_telephone_events() -> None:
    offer = sdp.parse_offer(sdp.offer("10.0.0.5", 40002, 7))
    assert (offer.address, offer.port, offer.formats) == ("10.0.0.5", 40002, [0, 8, 101])
    assert offer.codec().name == "PCMU" and offer.telephone_event() == 101
