"""Pure pieces of the SIP channel: message parsing and responses, SDP offer/answer, RTP packets,
RFC 4733 telephone events, the flood limiter, SIP INFO digits and REFER progress."""

from __future__ import annotations

import socket

import pytest

from malbeot_core.errors import BackendFailed, BadAudio, ProtocolViolation
from voice_gateway.channels import sdp
from voice_gateway.channels.rtp import DtmfDetector, RtpPacket, RtpSender, parse_rtp, parse_telephone_event
from voice_gateway.channels.sip_dialog import info_digit, sipfrag_status
from voice_gateway.channels.sip_media import RtpPorts, TokenBucket
from voice_gateway.channels.sip_message import canonical, host_port, parse, response, tag_of, uri_of
from voice_gateway.channels.twilio import call_options

INVITE = (
    b"INVITE sip:malbeot@10.0.0.5 SIP/2.0\r\n"
    b"Via: SIP/2.0/UDP 10.0.0.9:5060;branch=z9hG4bKa\r\n"
    b"v: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKb\r\n"
    b'f: "Kim" <sip:kim@10.0.0.1>;tag=abc\r\n'
    b"t: <sip:malbeot@10.0.0.5>\r\n"
    b"i: call-1\r\n"
    b"CSeq: 7 INVITE\r\n"
    b"m: <sip:kim@10.0.0.1:5062;transport=udp>\r\n"
    b"Subject: a folded\r\n  header\r\n"
    b"c: application/sdp\r\n"
    b"l: 4\r\n\r\n"
    b"v=0\r\nextra"
)


def test_parse_keeps_repeated_headers_reads_compact_forms_and_cuts_the_body() -> None:
    msg = parse(INVITE)
    assert msg.method == "INVITE" and msg.uri == "sip:malbeot@10.0.0.5"
    assert msg.all("Via") == ["SIP/2.0/UDP 10.0.0.9:5060;branch=z9hG4bKa", "SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKb"]
    assert msg.call_id == "call-1" and msg.cseq == (7, "INVITE")
    assert msg.get("Subject") == "a folded header"
    assert msg.body == b"v=0\r"
    assert uri_of(msg.get("Contact")) == "sip:kim@10.0.0.1:5062;transport=udp"
    assert host_port(uri_of(msg.get("Contact"))) == ("10.0.0.1", 5062)
    assert tag_of(msg.get("From")) == "abc" and tag_of(msg.get("To")) == ""
    assert canonical("call-id") == "Call-ID" and canonical("CSEQ") == "CSeq" and canonical("x-my-thing") == "X-My-Thing"


def test_response_copies_every_via_and_tags_the_to_field_once() -> None:
    msg = parse(INVITE)
    ok = response(msg, 200, to_tag="zz")
    text = ok.encode().decode()
    assert text.startswith("SIP/2.0 200 OK\r\n")
    assert text.count("Via: ") == 2 and "To: <sip:malbeot@10.0.0.5>;tag=zz" in text
    assert "Content-Length: 0\r\n\r\n" in text
    assert "tag=" not in response(msg, 100, to_tag="zz").get("To")  # 100 Trying carries no tag
    again = parse(response(msg, 200, to_tag="zz").encode())
    assert again.status == 200 and again.call_id == "call-1"


@pytest.mark.parametrize("junk", [
    b"", b"\r\n\r\n", b"HELLO\r\n\r\n", b"\xff\xfe\r\n\r\n", b"SIP/2.0 200 OK\r\nVia: x\r\n\r\n",
    b"INVITE sip:a SIP/2.0\r\nVia: v\r\nFrom: f\r\nTo: t\r\nCall-ID: c\r\nCSeq: x INVITE\r\n\r\n",
    b"INVITE sip:a SIP/2.0\r\nno colon here\r\n\r\n", b"OPTIONS sip:a SIP/2.0\r\n" + b"X: " + b"a" * 17000,
])
def test_what_is_not_a_sip_message_is_refused(junk: bytes) -> None:
    with pytest.raises(ProtocolViolation):
        parse(junk)


OFFER = (b"v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
         b"m=audio 49170 RTP/AVP 18 8 0 101\r\nc=IN IP4 192.0.2.7\r\na=rtpmap:18 G729/8000\r\n"
         b"a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=sendrecv\r\n"
         b"m=video 49172 RTP/AVP 96\r\n")


def test_offer_picks_the_callers_first_g711_and_the_telephone_event_type() -> None:
    offer = sdp.parse_offer(OFFER)
    assert (offer.address, offer.port) == ("192.0.2.7", 49170)  # the media-level c= line wins
    assert offer.codec() == sdp.Codec("PCMA", 8, "alaw")  # 8 (static, no rtpmap) before 0
    body, codec, event = sdp.answer(offer, "198.51.100.2", 30000, 42)
    text = body.decode()
    assert codec.payload_type == 8 and event == 101
    assert "m=audio 30000 RTP/AVP 8 101\r\n" in text and "c=IN IP4 198.51.100.2" in text
    assert "a=rtpmap:8 PCMA/8000" in text and "a=sendrecv" in text and "m=video" not in text


def test_offers_without_g711_or_without_audio_are_refused() -> None:
    gsm = b"v=0\r\nc=IN IP4 192.0.2.1\r\nm=audio 4000 RTP/AVP 3\r\na=rtpmap:3 GSM/8000\r\n"
    with pytest.raises(BadAudio):
        sdp.parse_offer(gsm).codec()
    wideband = b"v=0\r\nc=IN IP4 192.0.2.1\r\nm=audio 4000 RTP/AVP 96\r\na=rtpmap:96 PCMU/16000\r\n"
    with pytest.raises(BadAudio):
        sdp.parse_offer(wideband).codec()
    with pytest.raises(BadAudio):
        sdp.parse_offer(b"v=0\r\nc=IN IP4 192.0.2.1\r\nm=video 4000 RTP/AVP 96\r\n")
    with pytest.raises(ProtocolViolation):
        sdp.parse_offer(b"v=0\r\nm=audio 4000 RTP/AVP 0\r\n")  # no address


def test_rtp_round_trip_and_header_variants() -> None:
    packet = RtpPacket(0, 65535, 4294967200, 0xDEADBEEF, b"\x7f" * 160, marker=True)
    assert parse_rtp(packet.encode()) == packet
    # one CSRC, a one-word header extension and 3 bytes of padding around a 2-byte payload
    raw = bytes([0xB1, 0x08]) + (5).to_bytes(2, "big") + (9).to_bytes(4, "big") + (7).to_bytes(4, "big")
    raw += b"CSRC" + b"\xbe\xde\x00\x01" + b"EXT!" + b"ok" + b"\x00\x00\x03"
    parsed = parse_rtp(raw)
    assert parsed.payload == b"ok" and parsed.payload_type == 8 and parsed.sequence == 5
    for bad in (b"\x80\x00", b"\x40" + b"\x00" * 15, bytes([0x8F]) + b"\x00" * 13):
        with pytest.raises(BadAudio):
            parse_rtp(bad)


def test_sender_numbers_packets_and_marks_talkspurts() -> None:
    sender = RtpSender(0)
    first, second = parse_rtp(sender.packet(b"\xff" * 160)), parse_rtp(sender.packet(b"\xff" * 160))
    assert first.marker and not second.marker
    assert (second.sequence - first.sequence) & 0xFFFF == 1 and (second.timestamp - first.timestamp) % 2**32 == 160
    sender.talkspurt()
    assert parse_rtp(sender.packet(b"\xff" * 160)).marker


def _event(digit: int, end: bool, duration: int, timestamp: int = 800) -> RtpPacket:
    payload = bytes([digit, (0x80 if end else 0) | 10]) + duration.to_bytes(2, "big")
    return RtpPacket(101, 0, timestamp, 1, payload)


def test_one_digit_per_key_press_however_many_packets_carry_it() -> None:
    detector = DtmfDetector()
    press = [_event(0, False, 160), _event(0, False, 320), _event(0, True, 480), _event(0, True, 480),
             _event(0, True, 480)]
    assert [detector.feed(p) for p in press] == ["0", None, None, None, None]
    assert detector.feed(_event(11, False, 160, timestamp=2400)) == "#"  # the next press
    assert detector.feed(_event(16, False, 160, timestamp=4000)) is None  # flash: not a digit
    assert parse_telephone_event(_event(5, True, 480).payload).end
    with pytest.raises(BadAudio):
        parse_telephone_event(b"\x05")


def test_token_bucket_allows_the_rate_and_drops_the_flood() -> None:
    now = [0.0]
    bucket = TokenBucket(rate=50, burst=5, clock=lambda: now[0])
    assert sum(bucket.take() for _ in range(100)) == 5  # a burst of 100 at once: 5 pass
    now[0] += 1.0
    assert sum(bucket.take() for _ in range(100)) == 5  # refilled, but capped at the burst
    passed = 0
    for _ in range(500):  # 40 per second, under the rate, evenly: all pass
        now[0] += 0.025
        passed += bucket.take()
    assert passed == 500


def test_info_digits_and_refer_progress() -> None:
    def msg(content_type: str, body: str, event: str = "") -> bytes:
        head = ("INFO sip:a SIP/2.0\r\nVia: v\r\nFrom: f\r\nTo: t\r\nCall-ID: c\r\nCSeq: 2 INFO\r\n"
                f"Content-Type: {content_type}\r\n" + (f"Event: {event}\r\n" if event else ""))
        return (head + f"Content-Length: {len(body)}\r\n\r\n{body}").encode()

    assert info_digit(parse(msg("application/dtmf-relay", "Signal=0\r\nDuration=160\r\n"))) == "0"
    assert info_digit(parse(msg("application/dtmf", "*"))) == "*"
    assert info_digit(parse(msg("text/plain", "Signal=1"))) == ""
    assert sipfrag_status(parse(msg("message/sipfrag", "SIP/2.0 200 OK\r\n", "refer"))) == 200
    assert sipfrag_status(parse(msg("message/sipfrag", "SIP/2.0 100 Trying", "refer;id=3"))) == 100
    assert sipfrag_status(parse(msg("message/sipfrag", "SIP/2.0 200 OK", "presence"))) == 0


def test_twilio_format_streams_may_be_alaw() -> None:
    start = {"mediaFormat": {"encoding": "audio/x-alaw", "sampleRate": 8000, "channels": 1}}
    assert call_options(start, ("ko", "en")).encoding == "alaw"
    start["mediaFormat"]["encoding"] = "audio/x-mulaw"
    assert call_options(start, ("ko", "en")).encoding == "mulaw"
    start["mediaFormat"]["encoding"] = "audio/x-l16"
    with pytest.raises(BadAudio):
        call_options(start, ("ko", "en"))


async def test_rtp_ports_come_from_the_configured_range_skipping_busy_ones() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:  # a free even/odd pair to work in
        probe.bind(("127.0.0.1", 0))
        base = probe.getsockname()[1] & ~1
    ports = RtpPorts.parse(f"{base}-{base + 3}")
    assert ports.candidates() == [base, base + 2] and ports.candidates() == [base + 2, base]  # turn by turn
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as busy:
        try:
            busy.bind(("127.0.0.1", base))
        except OSError:
            pytest.skip(f"port {base} was taken meanwhile")
        first = await ports.bind("127.0.0.1")
        try:
            assert first.port == base + 2  # base is busy: skipped
            with pytest.raises(BackendFailed):  # both taken now: the call gets 503
                await ports.bind("127.0.0.1")
        finally:
            first.close()
    assert RtpPorts.parse("").candidates() == [0]
    for bad in ("10000", "a-b", "2000-1000", "0-10"):
        with pytest.raises(ValueError):
            RtpPorts.parse(bad)
