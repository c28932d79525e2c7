"""Alerts to residents who opted in: a newly registered programme that may suit them.

A resident opts in with a channel (SMS, KakaoTalk-style messenger, webhook), an address and the
few facts needed to match (``dialog.profile.profile_from_simple``); address and facts are sealed.
They get an opt-out code (only its hash is stored). When staff register a programme, every
active subscription whose profile does not fail the programme's conditions gets one alert
(at most one per subscription and programme), through a ``Notifier`` adapter: ``LogNotifier``
(the default: logs a masked line) or ``WebhookNotifier`` (POSTs JSON to a URL, e.g. an SMS or
messenger gateway).
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass
from typing import Any, Protocol

import httpx
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from dialog.catalogue import Programme
from dialog.eligibility import Verdict, assess
from dialog.profile import profile_from_simple

from .models import AlertSent, AlertSubscription
from .store import Records

log = logging.getLogger("malbeot.alerts")
CHANNELS = ("sms", "kakao", "webhook", "log")


@dataclass(frozen=True)
class Alert:
    channel: str
    address: str
    language: str
    text: str
    programme_id: str

    def __repr__(self) -> str:
        return f"Alert({self.channel!r}, {mask_address(self.address)!r}, {self.programme_id!r})"


class Notifier(Protocol):
    def send(self, alert: Alert) -> None: ...


def mask_address(address: str) -> str:
    digits = [c for c in address if c.isdigit()]
    if len(digits) >= 8:
        return f"***{''.join(digits[-4:])}"
    return address[:2] + "***" if address else ""


class LogNotifier:
    """The default adapter: writes a masked line to the log (nothing leaves the machine)."""

    def __init__(self) -> None:
        self.sent: list[Alert] = []

    def send(self, alert: Alert) -> None:
        self.sent.append(alert)
        log.info("alert via %s to %s: programme %s", alert.channel, mask_address(alert.address), alert.programme_id)


class WebhookNotifier:
    """POSTs ``{"channel", "to", "language", "text", "programme_id"}`` to a gateway URL."""

    def __init__(self, url: str, client: httpx.Client | None = None, timeout: float = 5.0) -> None:
        self.url = url
        self.client = client or httpx.Client(timeout=timeout)

    def send(self, alert: Alert) -> None:
        reply = self.client.post(self.url, json={"channel": alert.channel, "to": alert.address,
                                                 "language": alert.language, "text": alert.text,
                                                 "programme_id": alert.programme_id})
        reply.raise_for_status()


def create_notifier(spec: str) -> Notifier:
    """``"log"`` (default) or ``"webhook:https://gateway.example/send"`` (``MALBEOT_NOTIFIER``)."""
    if not spec or spec == "log":
        return LogNotifier()
    if spec.startswith("webhook:"):
        return WebhookNotifier(spec.removeprefix("webhook:"))
    raise ValueError(f"unknown notifier {spec!r}: use 'log' or 'webhook:URL'")


def _hash(code: str) -> str:
    return hashlib.sha256(code.encode("utf-8")).hexdigest()


def alert_text(programme: Programme, language: str) -> str:
    name = programme.text("name", language)
    if language == "ko":
        return (f"[말벗] 새로 등록된 '{name}'을(를) 받으실 수 있을지 몰라요. 자격은 행정복지센터에서 최종 확인해요. "
                f"문의 129. 알림을 그만 받으시려면 해지 코드로 해지해 주세요.")
    return (f"[Malbeot] A new programme, '{name}', may suit you. The district office decides on eligibility. "
            f"Questions: 129. Use your opt-out code to stop these alerts.")


class AlertService:
    def __init__(self, records: Records, notifier: Notifier) -> None:
        self.records = records
        self.notifier = notifier

    def subscribe(self, channel: str, address: str, profile: dict[str, Any], language: str = "ko") -> tuple[int, str]:
        """Opt in; returns the subscription id and the opt-out code (shown once)."""
        if channel not in CHANNELS:
            raise ValueError(f"unknown channel {channel!r}")
        profile_from_simple(profile)  # validate now, not when a programme arrives
        code = secrets.token_urlsafe(12)
        with self.records.session.begin() as session:
            row = AlertSubscription(channel=channel, sealed=self.records.sealer.seal({"address": address,
                                                                                      "profile": profile}),
                                    address_masked=mask_address(address), language=language,
                                    opt_out_hash=_hash(code), active=True)
            session.add(row)
            session.flush()
            sub_id = row.id
        return sub_id, code

    def opt_out(self, code: str) -> bool:
        with self.records.session.begin() as session:
            row = session.scalar(select(AlertSubscription).where(AlertSubscription.opt_out_hash == _hash(code)))
            if row is None or not row.active:
                return False
            row.active = False
            row.sealed = self.records.sealer.seal({"address": "", "profile": {}})  # nothing kept after opting out
        return True

    def subscriptions(self) -> list[dict[str, Any]]:
        with self.records.session() as session:
            return [{"id": r.id, "channel": r.channel, "address": r.address_masked, "language": r.language,
                     "active": r.active} for r in session.scalars(select(AlertSubscription))]

    def programme_registered(self, programme: Programme) -> int:
        """Alert every opted-in resident the programme may suit; returns how many were alerted."""
        with self.records.session() as session:
            rows = list(session.scalars(select(AlertSubscription).where(AlertSubscription.active.is_(True))))
        sent = 0
        for row in rows:
            opened = self.records.sealer.open(row.sealed)
            if assess(programme, profile_from_simple(opened["profile"])).verdict is Verdict.FAILS:
                continue
            try:
                with self.records.session.begin() as session:
                    session.add(AlertSent(subscription_id=row.id, programme_id=programme.id))
            except IntegrityError:
                continue  # already alerted about this programme
            self.notifier.send(Alert(row.channel, opened["address"], row.language,
                                     alert_text(programme, row.language), programme.id))
            sent += 1
        return sent


__all__ = ["CHANNELS", "Alert", "AlertService", "LogNotifier", "Notifier", "WebhookNotifier", "alert_text",
           "create_notifier", "mask_address"]
