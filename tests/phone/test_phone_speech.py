"""Real speech over the phone channels, end to end with real models: barge-in on the start notice,
a spoken hand-off with its written summary, and a benefit question answered over AudioSocket."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from phone_peers.twilio_carrier import TwilioCarrier
from voice_gateway.services import Services

from .audiosocket_client import DTMF, AsteriskPeer, message
from .conftest import PhoneGateway, Webhook
from .phone_audio import MIN_SPEECH, mulaw, onset, recording_8k, synthesized_8k, transcribe_8k, transcribe_mulaw

pytestmark = pytest.mark.slow

BARGE_IN_LIMIT = 0.2


async def test_caller_interrupts_the_notice_and_asks_for_a_person(
    phone_gateway: Callable[..., PhoneGateway], webhook: Webhook, real_services: Services
) -> None:
    gw = phone_gateway(handoff_webhook=webhook.url, transfer_target="sip:agent@127.0.0.1")
    speech = recording_8k("pbx-transfer.wav")  # a person saying "Transfer", recorded at 8 kHz
    async with TwilioCarrier(gw.twilio_url, custom={"language": "en"}) as carrier:
        assert await carrier.silence_until(lambda: len(carrier.heard.media) >= 40, 30), "no notice"
        sent = await carrier.speak(mulaw(speech))
        assert await carrier.silence_until(lambda: bool(carrier.heard.clears), 10), "notice never cleared"
        detected = sent + onset(speech) + MIN_SPEECH
        latency = carrier.heard.clears[0] - detected
        print(f"barge-in: clear {latency * 1000:.0f} ms after the speech detector's onset window")
        assert latency < BARGE_IN_LIMIT, f"playback stopped {latency * 1000:.0f} ms after detected speech"
        assert await carrier.silence_until(lambda: carrier.heard.closed_at is not None, 90), "not transferred"
    reply = carrier.heard.audio(since=carrier.heard.clears[0])
    assert len(reply) > 8000, "no spoken reply after the barge-in"
    heard = transcribe_mulaw(real_services, reply).lower()
    assert "person" in heard or "connect" in heard, heard
    assert carrier.heard.marks and carrier.heard.close_code == 1000
    assert webhook.event.wait(5)
    summary = webhook.received[0]
    assert summary["reason"] == "caller_asked" and summary["transfer_to"] == "sip:agent@127.0.0.1"
    assert "transfer" in summary["turns"][0]["caller"].lower(), summary


async def test_audiosocket_benefit_question_answered_naming_the_pension(
    phone_gateway: Callable[..., PhoneGateway], real_services: Services
) -> None:
    gw = phone_gateway(notice=False)
    question = synthesized_8k("Is there a pension for seniors over sixty five?")
    peer = await AsteriskPeer(gw.audiosocket_port).connect()
    try:
        await peer.speak(b"\x00" * 3200 + question)
        assert await peer.silence_until(lambda: len(peer.got.audio) >= 250, 90), "no reply audio"  # 5 s
        heard = transcribe_8k(real_services, peer.got.pcm()).lower()
        assert "pension" in heard, heard
        # the caller hangs up in the middle of the reply: the call ends cleanly
        await peer.raw(message(0x00))
        assert await peer.silence_until(lambda: peer.got.closed_at is not None, 10)
    finally:
        await peer.close()
    # the server is still there for the next caller: keypad 0 → hand-off, then AudioSocket hang-up
    peer = await AsteriskPeer(gw.audiosocket_port).connect()
    try:
        await peer.raw(message(DTMF, b"0"))
        assert await peer.silence_until(lambda: peer.got.hangup_at is not None, 60), "no hang-up after hand-off"
        assert peer.got.audio, "the hand-off sentence was not spoken"
    finally:
        await peer.close()
