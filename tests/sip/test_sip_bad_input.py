"""Bad input at the SIP endpoint: datagrams that are not SIP, requests it cannot serve, an offer with
no G.711, and an RTP flood on one call while another call (SIPp, real models) is answered normally."""

from __future__ import annotations

import os
import socket
import struct
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from malbeot_core.audio import mulaw_to_pcm16
from tests.phone.phone_audio import mulaw, synthesized_8k, transcribe_8k
from voice_gateway.services import Services

from .conftest import SipGateway, needs_sipp
from .sipp import RtpRecorder, hang_up, pause, play, rtp_pcap, run_sipp, scenario

pytestmark = [pytest.mark.slow]


class RawPhone:
    """A bare UDP socket speaking SIP by hand, to send what no real phone would."""

    def __init__(self, server_port: int) -> None:
        self.server = ("127.0.0.1", server_port)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(5)
        self.port = self.sock.getsockname()[1]

    def send(self, data: bytes) -> None:
        self.sock.sendto(data, self.server)

    def replies(self, until: int, limit: int = 5) -> list[str]:
        """Responses until one with status ``until`` (or ``limit`` of them)."""
        got: list[str] = []
        while len(got) < limit:
            text = self.sock.recv(65535).decode()
            got.append(text)
            if text.startswith(f"SIP/2.0 {until} "):
                break
        return got

    def request(self, method: str, call_id: str, *, cseq: int = 1, body: str = "", to_tag: str = "",
                content_type: str = "application/sdp", length: int | None = None) -> bytes:
        lines = [
            f"{method} sip:malbeot@127.0.0.1:{self.server[1]} SIP/2.0",
            f"Via: SIP/2.0/UDP 127.0.0.1:{self.port};branch=z9hG4bK{os.urandom(4).hex()}",
            f"From: <sip:tester@127.0.0.1:{self.port}>;tag=t1",
            f"To: <sip:malbeot@127.0.0.1:{self.server[1]}>" + (f";tag={to_tag}" if to_tag else ""),
            f"Call-ID: {call_id}", f"CSeq: {cseq} {method}", f"Contact: <sip:tester@127.0.0.1:{self.port}>",
            "Max-Forwards: 70",
        ]
        if body:
            lines.append(f"Content-Type: {content_type}")
        lines.append(f"Content-Length: {len(body) if length is None else length}")
        return ("\r\n".join(lines) + "\r\n\r\n" + body).encode()

    def close(self) -> None:
        self.sock.close()


PCMU_AND_EVENTS = "a=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000"


def offer(port: int, formats: str = "0 101", rtpmaps: str = PCMU_AND_EVENTS) -> str:
    return (f"v=0\r\no=t 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            f"m=audio {port} RTP/AVP {formats}\r\n{rtpmaps}\r\n")


def status(reply: str) -> int:
    return int(reply.split(" ", 2)[1])


def header(reply: str, name: str) -> str:
    prefix = name.lower() + ":"
    return next(line.split(":", 1)[1].strip() for line in reply.split("\r\n") if line.lower().startswith(prefix))


def test_datagrams_that_are_not_sip_and_requests_it_cannot_serve(sip_gateway: Callable[..., SipGateway]) -> None:
    gw = sip_gateway(notice=False)
    phone = RawPhone(gw.sip_port)
    try:
        for junk in (b"\x00\xff\x13garbage", b"HELLO WORLD\r\n\r\n", b"INVITE sip:x SIP/2.0\r\nVia: nothing\r\n\r\n",
                     b"OPTIONS sip:x SIP/2.0\r\n" + b"X-Pad: " + b"a" * 20000 + b"\r\n\r\n", b"\r\n\r\n"):
            phone.send(junk)  # dropped and counted: no reply, no harm
        phone.send(phone.request("OPTIONS", "opt-1"))
        reply = phone.replies(200)[-1]
        assert status(reply) == 200 and "INVITE" in header(reply, "Allow"), reply
        # an offer with no G.711 codec: 100 Trying, then 488 with a reason
        phone.send(phone.request("INVITE", "gsm-1", body=offer(40000, "3", "a=rtpmap:3 GSM/8000")))
        replies = phone.replies(488)
        assert [status(r) for r in replies] == [100, 488], replies
        assert "G.711" in header(replies[-1], "Warning")
        # the INVITE retransmitted: the same final answer again
        phone.send(phone.request("INVITE", "gsm-1", body=offer(40000, "3", "a=rtpmap:3 GSM/8000")))
        assert status(phone.replies(488)[-1]) == 488
        # a body shorter than its Content-Length, a BYE for no call, a method nobody defined
        phone.send(phone.request("INVITE", "short-1", body=offer(40000), length=9999))
        phone.send(phone.request("BYE", "nobody-1"))
        assert status(phone.replies(481)[-1]) == 481
        phone.send(phone.request("FROBNICATE", "frob-1"))
        assert status(phone.replies(501)[-1]) == 501
        phone.send(phone.request("REGISTER", "reg-1"))
        assert status(phone.replies(405)[-1]) == 405
    finally:
        phone.close()
    metrics = _metrics(gw)
    assert 'malbeot_errors_total{code="bad_message",stage="sip"}' in metrics
    assert 'malbeot_errors_total{code="bad_audio",stage="sip"}' in metrics  # the GSM-only offer


def _metrics(gw: SipGateway) -> str:
    import urllib.request

    with urllib.request.urlopen(f"{gw.live.url}/metrics", timeout=5) as reply:
        return str(reply.read().decode())


def _flood(port: int, seconds: float, stop: threading.Event, sent: list[int]) -> None:
    """Valid-looking audio with a rival SSRC, a payload type never negotiated, and runts, as fast as we can."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        kinds = [struct.pack("!BBHII", 0x80, 0, 1, 1, 0xBAD) + b"\x00" * 160,
                 struct.pack("!BBHII", 0x80, 96, 1, 1, 0xBAD) + b"\x00" * 160, b"\x80\x00"]
        deadline = time.time() + seconds
        n = 0
        while time.time() < deadline and not stop.is_set():
            sock.sendto(kinds[n % 3], ("127.0.0.1", port))
            n += 1
            if n % 200 == 0:
                time.sleep(0.01)  # about 20,000 packets a second: 400 times a call's rate
        sent.append(n)


@needs_sipp
def test_rtp_flood_on_one_call_while_another_is_answered(
    sip_gateway: Callable[..., SipGateway], real_services: Services, tmp_path: Path
) -> None:
    gw = sip_gateway(notice=False)
    phone = RawPhone(gw.sip_port)
    stop = threading.Event()
    sent: list[int] = []
    try:
        # call B, by hand: answered; its RTP port (from our SDP answer) is flooded
        phone.send(phone.request("INVITE", "flood-1", body=offer(40000)))
        ok = phone.replies(200)[-1]
        assert status(ok) == 200, ok
        rtp_port = int(next(line.split()[1] for line in ok.split("\r\n") if line.startswith("m=audio")))
        to_tag = header(ok, "To").split("tag=")[1]
        phone.send(phone.request("ACK", "flood-1", to_tag=to_tag))
        flood = threading.Thread(target=_flood, args=(rtp_port, 40.0, stop, sent), daemon=True)
        flood.start()
        # call A, from SIPp, meanwhile: a benefit question answered as usual
        question = synthesized_8k("Is there a pension for seniors over sixty five?")
        pcap = rtp_pcap(b"\xff" * 1600 + mulaw(question) + b"\xff" * 16000, tmp_path / "question.pcap")
        recorder = RtpRecorder()
        try:
            run = run_sipp(scenario(port=recorder.port, steps=play(pcap) + pause(25000) + hang_up()),
                           gw.sip_port, tmp_path)
        finally:
            recorder.close()
            stop.set()
            flood.join(5)
        assert run.passed, run.output
        heard = transcribe_8k(real_services, mulaw_to_pcm16(recorder.payload(0))).lower()
        assert "pension" in heard, heard
        assert sent and sent[0] > 50000, sent
        # call B survived the flood: its BYE is answered 200 (a dialog that no longer existed gets 481)
        phone.send(phone.request("BYE", "flood-1", cseq=2, to_tag=to_tag))
        assert status(phone.replies(200)[-1]) == 200
    finally:
        stop.set()
        phone.close()
