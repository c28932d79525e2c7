"""Alerts to residents who opted in: a newly registered programme that may suit them.

A resident opts in with a channel (SMS, KakaoTalk-style messenger, webhook), an address and the
few facts needed to match (``dialog.eligibility.profile.profile_from_simple``); the subscription is
stored sealed (``records.alerts.SubscriptionStore``). The address is confirmed first: a short
numeric code is sent to it through the notifier and the resident reads it back
(``AlertService.confirm``) within ``records.alerts.CONFIRM_SECONDS`` and ``CONFIRM_TRIES`` tries;
until then no alert goes to it (so nobody can sign a stranger's number up). When staff register a
programme, every active, confirmed subscription whose profile does not fail the programme's
conditions gets one alert (at most one per subscription and programme), through a ``Notifier``
adapter (``voice_gateway.notifiers``).
"""

from __future__ import annotations

from typing import Any

from dialog.catalogue.programmes import Programme
from dialog.eligibility.assess import Verdict, assess
from dialog.eligibility.profile import profile_from_simple
from malbeot_core.errors import BackendFailed
from malbeot_core.notify import Alert, Notifier
from records.alerts import Confirmation, SubscriptionStore

from .notifiers import alert_text, confirm_text

CHANNELS = ("sms", "kakao", "webhook", "log")


class AlertService:
    def __init__(self, store: SubscriptionStore, notifier: Notifier) -> None:
        self.store = store
        self.notifier = notifier

    def subscribe(self, channel: str, address: str, profile: dict[str, Any], language: str = "ko") -> tuple[int, str]:
        """Opt in; returns the subscription id and the opt-out code (shown once).

        A confirmation code is sent to ``address``; alerts start once :meth:`confirm` has it back.
        """
        if channel not in CHANNELS:
            raise ValueError(f"unknown channel {channel!r}")
        profile_from_simple(profile)  # validate now, not when a programme arrives
        added = self.store.add(channel, address, profile, language)
        try:
            self.notifier.send(Alert(channel, address, language, confirm_text(added.confirm_code, language), "",
                                     "confirm"))
        except Exception as exc:
            self.store.erase_unsent(added.id)  # nothing kept for a code that never left
            raise BackendFailed(f"the confirmation code could not be sent via {channel}", stage="alerts") from exc
        return added.id, added.opt_out_code

    def confirm(self, sub_id: int, code: str) -> tuple[Confirmation, int]:
        """Read back the code sent at :meth:`subscribe`; returns the outcome and the tries left."""
        return self.store.confirm(sub_id, code)

    def opt_out(self, code: str) -> bool:
        return self.store.opt_out(code)

    def subscriptions(self) -> list[dict[str, Any]]:
        return self.store.listed()

    def programme_registered(self, programme: Programme) -> int:
        """Alert every opted-in, confirmed resident the programme may suit; returns how many were alerted."""
        sent = 0
        for sub in self.store.active_confirmed():
            if assess(programme, profile_from_simple(sub.profile)).verdict is Verdict.FAILS:
                continue
            if not self.store.record_sent(sub.id, programme.id):
                continue  # already alerted about this programme
            self.notifier.send(Alert(sub.channel, sub.address, sub.language, alert_text(programme, sub.language),
                                     programme.id))
            sent += 1
        return sent


__all__ = ["CHANNELS", "AlertService"]
