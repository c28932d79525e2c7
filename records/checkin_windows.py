"""When a resident likes to be called: weekday and time windows in Asia/Seoul, and the next due time.

A window is ``{"days": ["mon", "wed"], "start": "09:00", "end": "11:30"}``; an empty ``days`` means
every day. A planned call is due at a window's start; a window already begun is still used while it
lasts (a scheduler started at 09:40 places the 09:00–11:30 call at once), a window that has ended
is not (a scheduler that was down for a day does not ring at a time the resident did not choose).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

SEOUL = ZoneInfo("Asia/Seoul")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Window:
    days: tuple[int, ...]  # 0 = Monday
    start: time
    end: time

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Window:
        days = data.get("days") or list(DAYS)
        try:
            numbers = tuple(sorted({DAYS.index(str(d).lower()[:3]) for d in days}))
            start, end = time.fromisoformat(str(data["start"])), time.fromisoformat(str(data["end"]))
        except (KeyError, ValueError) as exc:
            raise ValueError(f"bad time window {data!r}: days are mon…sun, start/end HH:MM") from exc
        if end <= start:
            raise ValueError(f"time window {data!r} ends before it starts")
        return cls(numbers, start, end)

    def to_dict(self) -> dict[str, Any]:
        return {"days": [DAYS[d] for d in self.days], "start": self.start.strftime("%H:%M"),
                "end": self.end.strftime("%H:%M")}


def utc(moment: datetime) -> datetime:
    """An aware UTC datetime (SQLite hands naive ones back: they were stored as UTC)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def next_due(windows: list[Window], now: datetime, after: datetime | None = None) -> datetime | None:
    """The start (UTC) of the earliest window that has not ended by ``now`` and starts after ``after``."""
    local_now = utc(now).astimezone(SEOUL)
    best: datetime | None = None
    for offset in range(-1, 9):
        day = local_now.date() + timedelta(days=offset)
        for window in windows:
            if day.weekday() not in window.days:
                continue
            start = datetime.combine(day, window.start, SEOUL).astimezone(UTC)
            end = datetime.combine(day, window.end, SEOUL).astimezone(UTC)
            if end <= utc(now) or (after is not None and start <= utc(after)):
                continue
            if best is None or start < best:
                best = start
    return best


__all__ = ["DAYS", "SEOUL", "Window", "next_due", "utc"]
