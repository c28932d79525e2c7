"""Check-in storage: migration 0004 both ways, preferred-time windows (Asia/Seoul), the SDP offer."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect

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
