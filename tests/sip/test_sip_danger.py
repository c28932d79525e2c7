"""A caller in danger on the SIP endpoint (Debian's SIPp, real models): the number is heard back and
the call is referred to a person, marked urgent; staff get an alert from channel "sip"."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from malbeot_core.audio import mulaw_to_pcm16
from tests.phone.phone_audio import mulaw, synthesized_8k, transcribe_8k
from tests.safety.safety_world import safety_world
from voice_gateway.channels.config import PhoneConfig
from voice_gateway.config import GatewayConfig
from voice_gateway.embedded import LiveGateway, free_port
from voice_gateway.services import Services

from .conftest import SipGateway, needs_sipp
from .sipp import RtpRecorder, play, rtp_pcap, run_sipp, scenario, transferred

pytestmark = [pytest.mark.slow, needs_sipp]

SILENCE = b"\xff" * 8000


async def test_sip_caller_in_a_fire_hears_119_and_is_referred_urgently(
    start_gateway: Callable[..., LiveGateway], real_services: Services, tmp_path: Path
) -> None:
    port = free_port()
    phone = dataclasses.replace(PhoneConfig(sip_port=port, language="en"), notice=False,
                                transfer_target="sip:agent@127.0.0.1:5099")
    config = GatewayConfig(port=free_port(), preload=False, phone=phone)
    world = safety_world(real_services, tmp_path, config)
    gw = SipGateway(start_gateway(config, world.services), port)
    said = synthesized_8k("Help, there's a fire in my kitchen!")
    pcap = rtp_pcap(SILENCE[:1600] + mulaw(said) + SILENCE * 2, tmp_path / "fire.pcap")
    recorder = RtpRecorder()
    try:
        run = run_sipp(scenario(port=recorder.port, steps=play(pcap) + transferred()), gw.sip_port, tmp_path)
    finally:
        recorder.close()
    assert run.passed, run.output  # REFER to the agent, NOTIFY, BYE
    assert "Refer-To: <sip:agent@127.0.0.1:5099>" in run.messages
    heard = transcribe_8k(real_services, mulaw_to_pcm16(recorder.payload(0))).lower()
    print(f"reply heard as: {heard!r}")
    digits = re.sub(r"\bone\b", "1", re.sub(r"\bnine\b", "9", re.sub(r"[^a-z0-9 ]", " ", heard)))
    assert "119" in digits.replace(" ", ""), heard
    outcome = gw.outcome(run.call_id)
    assert outcome["action"] == "transfer" and outcome["urgent"] is True and outcome["detail"] == "transferred"
    assert [(a.kind, a.channel) for a in world.hub.safety.list()] == [("fire", "sip")]
