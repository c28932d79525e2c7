"""Notifier adapters and the texts of residents' alerts.

``LogNotifier`` (the default: logs a masked line, nothing leaves the machine) or ``WebhookNotifier``
(POSTs JSON to a URL, e.g. an SMS or messenger gateway), chosen by ``MALBEOT_NOTIFIER``
(``create_notifier``). The ``Alert`` and the ``Notifier`` protocol are in ``malbeot_core.notify``, so
that the records stores (safety alerts) can take a notifier without importing the gateway.
"""

from __future__ import annotations

import logging

import httpx

from dialog.catalogue.programmes import Programme
from malbeot_core.notify import Alert, Notifier, mask_address
from malbeot_core.service_settings import service_settings
from records.alerts import CONFIRM_SECONDS

log = logging.getLogger("malbeot.alerts")


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


def configured_notifier() -> Notifier:
    """The notifier ``MALBEOT_NOTIFIER`` names (the records hub's, made on first use)."""
    return create_notifier(service_settings().notifier)


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


__all__ = ["Alert", "LogNotifier", "Notifier", "WebhookNotifier", "alert_text", "configured_notifier",
           "confirm_text", "create_notifier", "mask_address"]
