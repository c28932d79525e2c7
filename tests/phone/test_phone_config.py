"""Every PhoneConfig field an operator may need can be set from the environment."""

from __future__ import annotations

import pytest

from voice_gateway.channels.config import PhoneConfig


def test_pacing_partials_and_webhook_timeout_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert (PhoneConfig.from_env().pacer_lead, PhoneConfig.from_env().partials) == (0.08, False)
    monkeypatch.setenv("MALBEOT_PHONE_PACER_LEAD", "0.2")
    monkeypatch.setenv("MALBEOT_PHONE_PARTIALS", "1")
    monkeypatch.setenv("MALBEOT_HANDOFF_WEBHOOK_TIMEOUT", "7.5")
    config = PhoneConfig.from_env()
    assert (config.pacer_lead, config.partials, config.webhook_timeout) == (0.2, True, 7.5)
