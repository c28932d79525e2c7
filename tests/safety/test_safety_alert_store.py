"""The safety-alert store: migration 0002, redaction before storing and sending, acknowledgement."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import inspect

from records.config import RecordsConfig
from records.safety import SafetyAlerts
from records.store import Records
from voice_gateway.notifiers import LogNotifier


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def test_alerts_are_stored_redacted_listed_and_acknowledged_once(records_config: RecordsConfig) -> None:
    records = Records.open(records_config)
    try:
        assert "safety_alerts" in inspect(records.engine).get_table_names()
        notifier = LogNotifier()
        alerts = SafetyAlerts(records, notifier, clock=Clock(), staff_address="010-9999-8888")
        said = "아들이 때려요 제 번호는 010-4821-7735 이에요"
        first = alerts.raise_alert("abuse", "ko", said, ("1577-1389", "112"), "call1", "sip")
        second = alerts.raise_alert("fire", "en", "there's a fire", ("119",), "call2", "web")
        listed = alerts.list()
        assert [a.id for a in listed] == [second, first]  # newest first
        assert "4821" not in listed[1].text and "아들이 때려요" in listed[1].text
        assert listed[1].numbers == ("1577-1389", "112") and listed[1].channel == "sip"
        assert all("4821" not in a.text for a in notifier.sent)
        assert notifier.sent[0].programme_id == "danger_abuse" and notifier.sent[0].channel == "staff"
        assert "address" not in repr(notifier.sent[0]) and "9999" not in repr(notifier.sent[0])

        seen = alerts.acknowledge(first, "Alice")
        assert seen is not None and seen.acknowledged_by == "Alice" and seen.acknowledged_at is not None
        again = alerts.acknowledge(first, "Bob")
        assert again is not None and again.acknowledged_by == "Alice" and again.acknowledged_at == seen.acknowledged_at
        assert [a.id for a in alerts.list(unacknowledged=True)] == [second]
        assert alerts.acknowledge(12345, "Alice") is None
    finally:
        records.close()
