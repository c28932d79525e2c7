"""Twilio-format media streams driven by a spec-following carrier client: notice, DTMF, marks,
hand-off, bad input. Real gateway, real voices; no speech recognition needed here."""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx

from phone_peers.twilio_carrier import TwilioCarrier

from .conftest import PhoneGateway, Webhook


async def test_notice_plays_in_real_time_and_keypad_zero_hands_off(
    phone_gateway: Callable[..., PhoneGateway], webhook: Webhook
) -> None:
    gw = phone_gateway(handoff_webhook=webhook.url, transfer_target="+82215550100")
    async with TwilioCarrier(gw.twilio_url, call_sid="CA" + "5" * 32) as carrier:
        assert await carrier.silence_until(lambda: len(carrier.heard.media) >= 50, 30), "no notice audio"
        first = carrier.heard.media[0][0]
        # paced: 50 frames (1 s of audio) take about a second to arrive, not a burst
        assert carrier.heard.media[49][0] - first > 0.8
        assert all(len(data) == 160 for _, data in carrier.heard.media[:49])
        await carrier.dtmf("1")  # hear that again: the notice is cleared and restarts
        assert await carrier.silence_until(lambda: bool(carrier.heard.clears), 5)
        await carrier.dtmf("0")  # a person
        assert await carrier.silence_until(lambda: carrier.heard.closed_at is not None, 60), "not transferred"
    # the hand-off sentence played to its end (its mark acknowledged) before the stream closed
    assert carrier.heard.marks, "no mark acknowledged"
    assert carrier.heard.close_code == 1000
    assert webhook.event.wait(5)
    summary = webhook.received[0]
    assert summary["channel"] == "twilio" and summary["reason"] == "keypad"
    assert summary["carrier"]["call_sid"] == "CA" + "5" * 32
    assert summary["keypad"] == ["1", "0"]
    async with httpx.AsyncClient() as client:
        after = await client.post(gw.live.url + "/v1/twilio/after-stream", data={"CallSid": "CA" + "5" * 32})
        assert "<Dial>+82215550100</Dial>" in after.text
        outcome = (await client.get(gw.live.url + "/v1/phone/outcome/CA" + "5" * 32)).json()
        assert outcome["action"] == "transfer"
    _ = time
