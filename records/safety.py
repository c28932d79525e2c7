"""Safety alerts: a caller in danger is stored for district staff and sent through the notifier
(a ``malbeot_core.notify.Notifier``: the gateway gives the records hub its concrete one).

Only redacted words reach this module's callers' logs, the database and the notifier: ``raise_alert``
redacts again (whatever it is given) before storing or sending. Staff list alerts (newest first,
unacknowledged first when asked) and acknowledge them with their name and the time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from malbeot_core.notify import Alert, Notifier
from malbeot_core.redact import redact
from malbeot_core.service_settings import service_settings

from .models import SafetyAlert, utcnow
from .store import Records

log = logging.getLogger("malbeot.safety")

#: where staff alerts go (an address for the notifier adapter: a staff phone, a messenger room…)


@dataclass(frozen=True, slots=True)
class SafetyAlertView:
    id: int
    kind: str
    language: str
    text: str
    numbers: tuple[str, ...]
    call_id: str
    channel: str
    created_at: datetime
    acknowledged_at: datetime | None
    acknowledged_by: str | None

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "kind": self.kind, "language": self.language, "text": self.text,
                "numbers": list(self.numbers), "call_id": self.call_id, "channel": self.channel,
                "created_at": self.created_at.isoformat(),
                "acknowledged_at": self.acknowledged_at.isoformat() if self.acknowledged_at else None,
                "acknowledged_by": self.acknowledged_by}


def _utc(moment: datetime | None) -> datetime | None:
    """SQLite gives times back without their zone: they were stored in UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def _view(row: SafetyAlert) -> SafetyAlertView:
    created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=UTC)
    return SafetyAlertView(row.id, row.kind, row.language, row.text, tuple(n for n in row.numbers.split(",") if n),
                           row.call_id, row.channel, created, _utc(row.acknowledged_at), row.acknowledged_by)


def staff_text(kind: str, numbers: tuple[str, ...], said: str, call_id: str, channel: str) -> str:
    return (f"[말벗 긴급/URGENT] {kind} ({', '.join(numbers)}) call {call_id} via {channel}: {redact(said)}")


class SafetyAlerts:
    def __init__(self, records: Records, notifier: Notifier, clock: Callable[[], datetime] = utcnow,
                 staff_address: str | None = None) -> None:
        self.records = records
        self.notifier = notifier
        self.clock = clock
        self.staff_address = staff_address if staff_address is not None else service_settings().staff_alert_to

    def raise_alert(self, kind: str, language: str, said: str, numbers: tuple[str, ...], call_id: str,
                    channel: str) -> int:
        """Store the alert and tell staff through the notifier; returns the alert id."""
        text = redact(said)
        with self.records.session.begin() as session:
            row = SafetyAlert(kind=kind, language=language, text=text, numbers=",".join(numbers), call_id=call_id,
                              channel=channel, created_at=self.clock())
            session.add(row)
            session.flush()
            alert_id = row.id
        log.warning("safety alert %d: %s on call %s (%s)", alert_id, kind, call_id, channel)
        self.notifier.send(Alert("staff", self.staff_address, language,
                                 staff_text(kind, numbers, text, call_id, channel), f"danger_{kind}"))
        return alert_id

    def list(self, *, unacknowledged: bool = False, limit: int = 100) -> list[SafetyAlertView]:
        query = select(SafetyAlert).order_by(SafetyAlert.id.desc()).limit(limit)
        if unacknowledged:
            query = query.where(SafetyAlert.acknowledged_at.is_(None))
        with self.records.session() as session:
            return [_view(row) for row in session.scalars(query)]

    def acknowledge(self, alert_id: int, by: str) -> SafetyAlertView | None:
        """Mark an alert seen (the first acknowledgement is kept); None when there is no such alert."""
        with self.records.session.begin() as session:
            row = session.get(SafetyAlert, alert_id)
            if row is None:
                return None
            if row.acknowledged_at is None:
                row.acknowledged_at = self.clock()
                row.acknowledged_by = by
            return _view(row)


__all__ = ["SafetyAlertView", "SafetyAlerts", "staff_text"]
