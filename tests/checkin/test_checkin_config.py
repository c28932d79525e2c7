"""Turning check-in calls on: settings from the environment, and a clear error without the SIP endpoint."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from voice_gateway.app import create_app
from voice_gateway.checkin.config import CheckinConfig
from voice_gateway.config import GatewayConfig
from voice_gateway.services import Services


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MALBEOT_CHECKIN", raising=False)
    assert CheckinConfig.from_env() is None
    assert GatewayConfig.from_env().checkin is None
    monkeypatch.setenv("MALBEOT_CHECKIN", "1")
    monkeypatch.setenv("MALBEOT_CHECKIN_MAX_TRIES", "5")
    monkeypatch.setenv("MALBEOT_CHECKIN_RETRY_SECONDS", "120")
    monkeypatch.setenv("MALBEOT_CHECKIN_SIP_TRUNK", "10.0.0.1:5060")
    config = GatewayConfig.from_env().checkin
    assert config is not None
    assert (config.max_tries, config.retry_spacing, config.sip_trunk) == (5, 120.0, "10.0.0.1:5060")
    assert config.lease.total_seconds() == config.max_call_seconds + 60


def test_check_in_calls_without_the_sip_endpoint_refuse_to_start() -> None:
    config = GatewayConfig(preload=False, checkin=CheckinConfig())
    with pytest.raises(ValueError, match="MALBEOT_SIP_PORT"), TestClient(create_app(config, Services(config))):
        pass


def test_the_sip_dialer_calls_sip_uris_directly_and_numbers_through_the_trunk() -> None:
    from malbeot_core.errors import ProtocolViolation
    from voice_gateway.channels.sip import SipServer
    from voice_gateway.checkin.sip_dialer import SipDialer
    from voice_gateway.state import GatewayState

    config = GatewayConfig(preload=False)
    state = GatewayState(config, Services(config))
    server = SipServer(state, {})
    assert SipDialer(server, state).target("sip:home@10.0.0.9:5070") == "sip:home@10.0.0.9:5070"
    assert SipDialer(server, state, trunk="10.0.0.1:5060").target("010-2345-6789") == "sip:01023456789@10.0.0.1:5060"
    with pytest.raises(ProtocolViolation, match="SIP_TRUNK") as refused:
        SipDialer(server, state).target("010-2345-6789")
    assert "2345" not in str(refused.value)
