"""Notifier adapters: the log default and the webhook (against a real HTTP transport, in process)."""

from __future__ import annotations

import json
import logging

import httpx
import pytest

from voice_gateway.notifiers import Alert, LogNotifier, WebhookNotifier, create_notifier

ALERT = Alert("sms", "010-5555-1234", "ko", "[말벗] 새 지원", "JN-1")


def test_log_notifier_masks_the_address(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    notifier = LogNotifier()
    notifier.send(ALERT)
    assert notifier.sent == [ALERT]
    text = caplog.text
    assert "***1234" in text and "5555" not in text


def test_webhook_notifier_posts_json() -> None:
    seen: list[dict[str, str]] = []

    def gateway(request: httpx.Request) -> httpx.Response:
        seen.append(json.loads(request.content))
        return httpx.Response(202)

    notifier = WebhookNotifier("http://sms-gateway.invalid/send", client=httpx.Client(transport=httpx.MockTransport(
        gateway)))
    notifier.send(ALERT)
    assert seen == [{"channel": "sms", "to": "010-5555-1234", "language": "ko", "text": "[말벗] 새 지원",
                     "programme_id": "JN-1", "kind": "programme"}]


def test_webhook_failures_are_raised() -> None:
    failing = WebhookNotifier("http://x.invalid/", client=httpx.Client(transport=httpx.MockTransport(
        lambda r: httpx.Response(500))))
    with pytest.raises(httpx.HTTPStatusError):
        failing.send(ALERT)


def test_notifier_configuration() -> None:
    assert isinstance(create_notifier("log"), LogNotifier) and isinstance(create_notifier(""), LogNotifier)
    hook = create_notifier("webhook:https://gateway.example/send")
    assert isinstance(hook, WebhookNotifier) and hook.url == "https://gateway.example/send"
    with pytest.raises(ValueError, match="unknown notifier"):
        create_notifier("carrier-pigeon")
