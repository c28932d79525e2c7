"""Alerts to residents who opted in: a newly registered programme that may suit them.

A resident opts in with a channel (SMS, KakaoTalk-style messenger, webhook), an address and the
few facts needed to match (``dialog.eligibility.profile.profile_from_simple``); address and facts are sealed.
They get an opt-out code (only its hash is stored). The address is confirmed first: a short
numeric code is sent to it through the notifier and the resident reads it back
(``AlertService.confirm``) within ``CONFIRM_SECONDS`` and ``CONFIRM_TRIES`` tries; until then no
alert goes to it (so nobody can sign a stranger's number up). The code is never logged; its salted
hash is stored. When staff register a programme, every active, confirmed subscription whose
profile does not fail the programme's conditions gets one alert
(at most one per subscription and programme), through a ``Notifier`` adapter: ``LogNotifier``
(the default: logs a masked line) or ``WebhookNotifier`` (POSTs JSON to a URL, e.g. an SMS or
messenger gateway).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any, Protocol

import httpx
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from dialog.catalogue.programmes import Programme
from dialog.eligibility.assess import Verdict, assess
from dialog.eligibility.profile import profile_from_simple
from malbeot_core.errors import BackendFailed

from .models import AlertSent, AlertSubscription
from .store import Records

log = logging.getLogger("malbeot.alerts")
CHANNELS = ("sms", "kakao", "webhook", "log")
#: a confirmation code works this long (seconds) …
CONFIRM_SECONDS = 600.0
#: … and for this many wrong tries; then the resident subscribes again
CONFIRM_TRIES = 5
CONFIRM_DIGITS = 6


@dataclass(frozen=True)
class Alert:
    channel: str
    address: str
    language: str
    text: str
    programme_id: str
    #: "programme" (a new programme may suit the resident) or "confirm" (the code that confirms the address)
    kind: str = "programme"

    def __repr__(self) -> str:
        return f"Alert({self.channel!r}, {mask_address(self.address)!r}, {self.programme_id!r}, {self.kind!r})"


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
        if alert.kind == "confirm":  # never the code itself
            log.info("confirmation code via %s to %s", alert.channel, mask_address(alert.address))
        else:
            log.info("alert via %s to %s: programme %s", alert.channel, mask_address(alert.address),
                     alert.programme_id)


class WebhookNotifier:
    """POSTs ``{"channel", "to", "language", "text", "programme_id"}`` to a gateway URL."""

    def __init__(self, url: str, client: httpx.Client | None = None, timeout: float = 5.0) -> None:
        self.url = url
        self.client = client or httpx.Client(timeout=timeout)

    def send(self, alert: Alert) -> None:
        reply = self.client.post(self.url, json={"channel": alert.channel, "to": alert.address,
                                                 "language": alert.language, "text": alert.text,
                                                 "programme_id": alert.programme_id, "kind": alert.kind})
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


def confirm_text(code: str, language: str) -> str:
    minutes = int(CONFIRM_SECONDS // 60)
    spaced = " ".join(code)  # read out digit by digit
    if language == "ko":
        return (f"[말벗] 알림 신청 확인 번호는 {spaced} 입니다. {minutes}분 안에 입력해 주세요. "
                f"신청하신 적이 없으면 무시하세요.")
    return (f"[Malbeot] Your alert confirmation code is {spaced}. Enter it within {minutes} minutes. "
            f"If you did not ask for alerts, ignore this message.")


class Confirmation(Enum):
    """How reading back a confirmation code went."""

    CONFIRMED = "confirmed"
    ALREADY = "already_confirmed"
    WRONG = "wrong_code"
    EXPIRED = "expired"
    TOO_MANY = "too_many_tries"
    UNKNOWN = "unknown"


def _code_hash(salt: str, code: str) -> str:
    return f"{salt}${hashlib.sha256(f'{salt}:{code}'.encode()).hexdigest()}"


def _code_matches(stored: str, code: str) -> bool:
    salt, _, _ = stored.partition("$")
    return bool(stored) and hmac.compare_digest(_code_hash(salt, code), stored)


class AlertService:
    def __init__(self, records: Records, notifier: Notifier, clock: Callable[[], float] = time.time) -> None:
        self.records = records
        self.notifier = notifier
        #: UNIX seconds now (injected in tests)
        self.clock = clock

    def subscribe(self, channel: str, address: str, profile: dict[str, Any], language: str = "ko") -> tuple[int, str]:
        """Opt in; returns the subscription id and the opt-out code (shown once).

        A confirmation code is sent to ``address``; alerts start once :meth:`confirm` has it back.
        """
        if channel not in CHANNELS:
            raise ValueError(f"unknown channel {channel!r}")
        profile_from_simple(profile)  # validate now, not when a programme arrives
        code = secrets.token_urlsafe(12)
        confirm_code = f"{secrets.randbelow(10**CONFIRM_DIGITS):0{CONFIRM_DIGITS}d}"
        with self.records.session.begin() as session:
            row = AlertSubscription(channel=channel, sealed=self.records.sealer.seal({"address": address,
                                                                                      "profile": profile}),
                                    address_masked=mask_address(address), language=language,
                                    opt_out_hash=_hash(code), active=True, confirmed=False,
                                    confirm_hash=_code_hash(secrets.token_hex(8), confirm_code),
                                    confirm_expires=self.clock() + CONFIRM_SECONDS, confirm_tries=0)
            session.add(row)
            session.flush()
            sub_id = row.id
        try:
            self.notifier.send(Alert(channel, address, language, confirm_text(confirm_code, language), "", "confirm"))
        except Exception as exc:
            with self.records.session.begin() as session:  # nothing kept for a code that never left
                unsent = session.get(AlertSubscription, sub_id)
                if unsent is not None:
                    unsent.active, unsent.confirm_hash = False, ""
                    unsent.sealed = self.records.sealer.seal({"address": "", "profile": {}})
            raise BackendFailed(f"the confirmation code could not be sent via {channel}", stage="alerts") from exc
        return sub_id, code

    def confirm(self, sub_id: int, code: str) -> tuple[Confirmation, int]:
        """Read back the code sent at :meth:`subscribe`; returns the outcome and the tries left."""
        with self.records.session.begin() as session:
            row = session.get(AlertSubscription, sub_id)
            if row is None or not row.active:
                return Confirmation.UNKNOWN, 0
            if row.confirmed:
                return Confirmation.ALREADY, 0
            if not row.confirm_hash or row.confirm_tries >= CONFIRM_TRIES:
                return Confirmation.TOO_MANY, 0
            if self.clock() >= row.confirm_expires:
                return Confirmation.EXPIRED, 0
            if _code_matches(row.confirm_hash, code):
                row.confirmed, row.confirm_hash = True, ""
                return Confirmation.CONFIRMED, 0
            row.confirm_tries += 1
            left = CONFIRM_TRIES - row.confirm_tries
            if left <= 0:
                row.confirm_hash = ""  # given up: subscribe again for a new code
                return Confirmation.TOO_MANY, 0
            return Confirmation.WRONG, left

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
                     "active": r.active, "confirmed": r.confirmed} for r in session.scalars(select(AlertSubscription))]

    def programme_registered(self, programme: Programme) -> int:
        """Alert every opted-in, confirmed resident the programme may suit; returns how many were alerted."""
        with self.records.session() as session:
            rows = list(session.scalars(select(AlertSubscription).where(AlertSubscription.active.is_(True),
                                                                        AlertSubscription.confirmed.is_(True))))
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


__all__ = ["CHANNELS", "CONFIRM_SECONDS", "CONFIRM_TRIES", "Alert", "AlertService", "Confirmation", "LogNotifier",
           "Notifier", "WebhookNotifier", "alert_text", "confirm_text", "create_notifier", "mask_address"]
