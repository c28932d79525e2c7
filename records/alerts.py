"""Residents' alert subscriptions, stored: who opted in to hear about new programmes, and what was sent.

A subscription holds a channel (SMS, KakaoTalk-style messenger, webhook), an address and the few facts
needed to match (a simple profile, checked by the gateway's ``AlertService``); address and facts
are sealed, and only a masked address is kept in the clear. The opt-out code is given once; only its
hash is stored. The address is confirmed first: ``SubscriptionStore.add`` makes a short numeric code
(its salted hash is stored, never the code) that the resident reads back (``SubscriptionStore.confirm``)
within ``CONFIRM_SECONDS`` and ``CONFIRM_TRIES`` tries (the clock is injected); until then the
subscription is not among the active, confirmed ones. ``record_sent`` keeps at most one alert per
subscription and programme.

Sending codes and alerts, their texts and the matching of profiles to a new programme are the
gateway's (``voice_gateway.resident_alerts``, ``voice_gateway.notifiers``).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from malbeot_core.notify import mask_address

from .models import AlertSent, AlertSubscription
from .store import Records

#: a confirmation code works this long (seconds) …
CONFIRM_SECONDS = 600.0
#: … and for this many wrong tries; then the resident subscribes again
CONFIRM_TRIES = 5
CONFIRM_DIGITS = 6


class Confirmation(Enum):
    """How reading back a confirmation code went."""

    CONFIRMED = "confirmed"
    ALREADY = "already_confirmed"
    WRONG = "wrong_code"
    EXPIRED = "expired"
    TOO_MANY = "too_many_tries"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class NewSubscription:
    """A subscription just added, with its two codes (neither is stored: only their hashes)."""

    id: int
    #: shown once to the resident
    opt_out_code: str
    #: to be sent to the address and read back
    confirm_code: str


@dataclass(frozen=True)
class OpenSubscription:
    """An active, confirmed subscription with its sealed address and profile opened."""

    id: int
    channel: str
    address: str
    profile: dict[str, Any]
    language: str

    def __repr__(self) -> str:
        return f"OpenSubscription({self.id}, {self.channel!r}, {mask_address(self.address)!r}, {self.language!r})"


def _hash(code: str) -> str:
    return hashlib.sha256(code.encode("utf-8")).hexdigest()


def _code_hash(salt: str, code: str) -> str:
    return f"{salt}${hashlib.sha256(f'{salt}:{code}'.encode()).hexdigest()}"


def _code_matches(stored: str, code: str) -> bool:
    salt, _, _ = stored.partition("$")
    return bool(stored) and hmac.compare_digest(_code_hash(salt, code), stored)


class SubscriptionStore:
    def __init__(self, records: Records, clock: Callable[[], float] = time.time) -> None:
        self.records = records
        #: UNIX seconds now (injected in tests)
        self.clock = clock

    def _erase(self, row: AlertSubscription) -> None:
        row.active = False
        row.sealed = self.records.sealer.seal({"address": "", "profile": {}})

    def add(self, channel: str, address: str, profile: dict[str, Any], language: str = "ko") -> NewSubscription:
        """Store an unconfirmed subscription; its confirmation code works for ``CONFIRM_SECONDS``."""
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
        return NewSubscription(sub_id, code, confirm_code)

    def erase_unsent(self, sub_id: int) -> None:
        """Keep nothing of a subscription whose confirmation code never left."""
        with self.records.session.begin() as session:
            unsent = session.get(AlertSubscription, sub_id)
            if unsent is not None:
                self._erase(unsent)
                unsent.confirm_hash = ""

    def confirm(self, sub_id: int, code: str) -> tuple[Confirmation, int]:
        """Read back the code made at :meth:`add`; returns the outcome and the tries left."""
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
        """Deactivate the subscription with this opt-out code and erase its address and facts."""
        with self.records.session.begin() as session:
            row = session.scalar(select(AlertSubscription).where(AlertSubscription.opt_out_hash == _hash(code)))
            if row is None or not row.active:
                return False
            self._erase(row)  # nothing kept after opting out
        return True

    def listed(self) -> list[dict[str, Any]]:
        """Every subscription for staff (addresses masked)."""
        with self.records.session() as session:
            return [{"id": r.id, "channel": r.channel, "address": r.address_masked, "language": r.language,
                     "active": r.active, "confirmed": r.confirmed} for r in session.scalars(select(AlertSubscription))]

    def active_confirmed(self) -> Iterator[OpenSubscription]:
        """The active, confirmed subscriptions, each opened as it is reached."""
        with self.records.session() as session:
            rows = [(r.id, r.channel, r.sealed, r.language) for r in session.scalars(
                select(AlertSubscription).where(AlertSubscription.active.is_(True),
                                                AlertSubscription.confirmed.is_(True)))]
        for sub_id, channel, sealed, language in rows:
            opened = self.records.sealer.open(sealed)
            yield OpenSubscription(sub_id, channel, opened["address"], opened["profile"], language)

    def record_sent(self, sub_id: int, programme_id: str) -> bool:
        """Note that subscription ``sub_id`` was alerted about ``programme_id``; False when it already was."""
        try:
            with self.records.session.begin() as session:
                session.add(AlertSent(subscription_id=sub_id, programme_id=programme_id))
        except IntegrityError:
            return False
        return True


__all__ = ["CONFIRM_DIGITS", "CONFIRM_SECONDS", "CONFIRM_TRIES", "Confirmation", "NewSubscription",
           "OpenSubscription", "SubscriptionStore"]
