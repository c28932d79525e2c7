"""Outbound SIP (the UAC side) against Debian's SIPp as the called phone: answered (ACK, our BYE),
busy (486 acknowledged), and never answered (CANCEL after the ring timeout, 487 acknowledged).
The conversation here is a stand-in that hangs up; the real one runs in test_checkin_e2e.py."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.sip.conftest import needs_sipp
from tests.sip.sipp import RtpRecorder
from voice_gateway.channels.sip import SipServer
from voice_gateway.channels.sip_media import SipLine
from voice_gateway.channels.sip_uac import OutboundDialog, place_call
from voice_gateway.config import GatewayConfig
from voice_gateway.services import Services
from voice_gateway.state import GatewayState

from .sipp_phone import answer, busy, never_answers, pause, ringing, start_phone, takes_bye

pytestmark = [needs_sipp]


@pytest.fixture
async def server() -> AsyncIterator[SipServer]:
    config = GatewayConfig(preload=False)
    sip = SipServer(GatewayState(config, Services(config)), {})
    await sip.start("127.0.0.1", 0)
    yield sip
    await sip.stop()


async def test_an_answered_call_is_acknowledged_and_ended_with_bye(server: SipServer, tmp_path: Path) -> None:
    recorder = RtpRecorder()
    ear = recorder.port
    phone = start_phone(ringing() + pause(300) + answer(ear) + takes_bye(20000), tmp_path)
    seen: list[tuple[str, tuple[str, int]]] = []

    async def converse(dialog: OutboundDialog, line: SipLine) -> str:
        assert dialog.codec is not None
        seen.append((dialog.codec.name, dialog.media))
        await line.write_audio(b"\xff" * 160)  # one packet of μ-law silence to the phone
        await asyncio.sleep(0.2)
        await line.hang_up("done")
        return "done"

    try:
        placed = await place_call(server, phone.uri, converse, ring_seconds=10)
        code, log = await asyncio.to_thread(phone.wait, 30)
    finally:
        phone.stop()
        recorder.close()
    assert placed.result == "answered" and placed.ended == "done", placed
    assert seen == [("PCMU", ("127.0.0.1", ear))]
    assert code == 0, log[-3000:]
    assert "ACK sip:resident@" in log and "BYE sip:resident@" in log
    assert "m=audio" in log and "RTP/AVP 0 8 101" in log  # our offer: PCMU, PCMA, telephone events
    assert recorder.payload_types() == {0}
    assert server.dialogs == {}


@pytest.mark.parametrize(("status", "result"), [
    ("486 Busy Here", "busy"), ("480 Temporarily Unavailable", "no_answer"), ("603 Decline", "declined"),
    ("408 Request Timeout", "no_answer"), ("500 Server Internal Error", "failed"),
])
async def test_failure_answers_are_acknowledged_and_reported(server: SipServer, tmp_path: Path, status: str,
                                                             result: str) -> None:
    phone = start_phone(ringing() + busy(status), tmp_path)

    async def converse(dialog: OutboundDialog, line: SipLine) -> str:
        raise AssertionError("a busy phone has no conversation")

    try:
        placed = await place_call(server, phone.uri, converse, ring_seconds=10)
        code, log = await asyncio.to_thread(phone.wait, 30)
    finally:
        phone.stop()
    assert (placed.result, placed.status) == (result, int(status.split()[0]))
    assert code == 0, log[-3000:]  # the failure answer was acknowledged


async def test_a_phone_that_is_never_answered_is_cancelled_after_the_ring_timeout(server: SipServer,
                                                                                  tmp_path: Path) -> None:
    phone = start_phone(ringing() + never_answers(), tmp_path)

    async def converse(dialog: OutboundDialog, line: SipLine) -> str:
        raise AssertionError("nobody answered")

    loop = asyncio.get_running_loop()
    try:
        started = loop.time()
        placed = await place_call(server, phone.uri, converse, ring_seconds=2)
        took = loop.time() - started
        code, log = await asyncio.to_thread(phone.wait, 30)
    finally:
        phone.stop()
    assert (placed.result, placed.status) == ("no_answer", 487), placed
    assert took >= 2
    assert code == 0, log[-3000:]
    assert "CANCEL sip:" in log


async def test_nobody_at_the_address_fails_after_the_transaction_timeout(server: SipServer) -> None:
    async def converse(dialog: OutboundDialog, line: SipLine) -> str:
        raise AssertionError("nobody there")

    placed = await place_call(server, "sip:01023456789@127.0.0.1:9", converse, ring_seconds=1)
    assert placed.result == "no_answer" and placed.status == 0
