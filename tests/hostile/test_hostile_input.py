"""Hostile values in call options, Twilio media formats and SIP/SDP messages are protocol errors,
never exceptions of other kinds (OverflowError, ValueError, TypeError) that end a call with 1011."""

from __future__ import annotations

import math
from typing import Any

import pytest

from malbeot_core.errors import BadAudio, MalbeotError, ProtocolViolation, UnsupportedRate
from voice_gateway.channels import sdp
from voice_gateway.channels.sip_message import host_port, parse
from voice_gateway.channels.twilio import call_options
from voice_gateway.edge import parse_json
from voice_gateway.metrics import Metrics
from voice_gateway.options import CallOptions

LANGS = ("ko", "en")
NOT_RATES: list[Any] = [
    math.inf, -math.inf, math.nan, 1e400, -1, 0, True, False, "fast", "8000.5", "", [8000], {"hz": 8000},
    None, 10**30, 10**4000, -(10**30), 8000.5, "9" * 5000, "900101-1234567",
]


@pytest.mark.parametrize("value", NOT_RATES, ids=lambda v: repr(v)[:20])
@pytest.mark.parametrize("field", ["rate", "reply_rate"])
def test_a_rate_that_is_not_a_number_is_a_bad_message(field: str, value: Any) -> None:
    with pytest.raises(ProtocolViolation) as caught:
        CallOptions().updated({field: value}, LANGS)
    assert caught.value.code == "bad_message" and caught.value.recoverable
    assert len(caught.value.message) < 200  # a huge value is not echoed back


def test_json_1e400_from_the_wire_is_a_bad_message() -> None:
    message = parse_json('{"type":"config","reply_rate":1e400}', "a control message")
    with pytest.raises(ProtocolViolation):
        CallOptions().updated({k: v for k, v in message.items() if k != "type"}, LANGS)


def test_real_rates_still_work_and_unsupported_ones_stay_unsupported() -> None:
    assert CallOptions().updated({"rate": "8000"}, LANGS).rate == 8000
    assert CallOptions().updated({"rate": 8000.0, "reply_rate": 16000}, LANGS).reply_rate == 16000
    with pytest.raises(UnsupportedRate):
        CallOptions().updated({"rate": 44100}, LANGS)


@pytest.mark.parametrize("raw", ["1" * 5000, "[" * 5000, '{"type": ' + "9" * 4400 + "}", "{", "\ud800"])
def test_json_that_python_cannot_read_is_a_bad_message(raw: str) -> None:
    """json.loads raises ValueError (an integer over 4300 digits) and RecursionError (deep nesting)."""
    with pytest.raises(ProtocolViolation):
        parse_json(raw, "a message")


BAD_FORMATS: list[Any] = [
    "audio/x-mulaw", 8000, [1, 2], True, 1e400,
    {"encoding": "audio/x-mulaw", "sampleRate": "900101-1234567", "channels": 1},
    {"encoding": "audio/x-mulaw", "sampleRate": [8000], "channels": 1},
    {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": "one"},
    {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": math.nan},
    {"encoding": "audio/x-mulaw", "sampleRate": 1e400, "channels": 1},
    {"encoding": "audio/x-mulaw", "sampleRate": {"a": 1}, "channels": None},
    {"encoding": ["audio/x-mulaw"], "sampleRate": 8000, "channels": 1},
    {"encoding": None, "sampleRate": 8000, "channels": 1},
    {"encoding": "audio/x-mulaw", "sampleRate": 10**5000 if False else 10**40, "channels": 1},
]


@pytest.mark.parametrize("fmt", BAD_FORMATS, ids=lambda v: repr(v)[:30])
def test_twilio_media_format_of_any_shape_is_a_clean_protocol_error(fmt: Any) -> None:
    with pytest.raises((ProtocolViolation, BadAudio)) as caught:
        call_options({"streamSid": "MZ1", "mediaFormat": fmt}, LANGS)
    assert "1234567" not in caught.value.message


def test_twilio_good_media_formats_still_start() -> None:
    fmt = {"encoding": "audio/x-alaw", "sampleRate": 8000, "channels": 1}
    assert call_options({"mediaFormat": fmt}, LANGS).encoding == "alaw"
    assert call_options({}, LANGS).encoding == "mulaw"


SIP_HEAD = (
    "INVITE sip:malbeot@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK1\r\n"
    "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:malbeot@127.0.0.1>\r\nCall-ID: c1\r\n"
)


@pytest.mark.parametrize(
    "extra",
    ["CSeq: ² INVITE\r\n", f"CSeq: {'9' * 5000} INVITE\r\n", "CSeq: 99999999999999 INVITE\r\n",
     "CSeq: 1 INVITE\r\nContent-Length: ²\r\n", f"CSeq: 1 INVITE\r\nContent-Length: {'9' * 5000}\r\n"],
)
def test_sip_numbers_that_int_rejects_are_protocol_violations(extra: str) -> None:
    with pytest.raises(ProtocolViolation):
        parse((SIP_HEAD + extra + "\r\n").encode())


def test_sip_ports_out_of_range_fall_back_to_the_default() -> None:
    assert host_port("sip:a@10.0.0.1:99999") == ("10.0.0.1", 5060)
    assert host_port("sip:a@10.0.0.1:²") == ("10.0.0.1", 5060)
    assert host_port(f"sip:a@10.0.0.1:{'9' * 5000}") == ("10.0.0.1", 5060)
    assert host_port("sip:a@[::1]:70000") == ("::1", 5060)
    assert host_port("sip:a@10.0.0.1:5070") == ("10.0.0.1", 5070)


@pytest.mark.parametrize(
    "body",
    [b"v=0\r\nc=IN IP4 10.0.0.1\r\nm=audio 99999 RTP/AVP 0\r\n",
     b"v=0\r\nc=IN IP4 10.0.0.1\r\nm=audio -5 RTP/AVP 0\r\n",
     b"v=0\r\nc=IN IP4 10.0.0.1\r\nm=audio 4000 RTP/AVP 0 999\r\n",
     b"v=0\r\nc=IN IP4 10.0.0.1\r\nm=audio 4000 RTP/AVP \xc2\xb2\r\n",
     b"v=0\r\nc=IN IP4 some.host.example\r\nm=audio 4000 RTP/AVP 0\r\n"],
)
def test_sdp_offers_with_impossible_ports_or_host_names_are_refused(body: bytes) -> None:
    """A port of 99999 made every RTP send raise OverflowError; a host name made each send resolve it."""
    with pytest.raises(MalbeotError):
        sdp.parse_offer(body)


def test_sdp_rtpmap_with_odd_digits_is_ignored() -> None:
    offer = sdp.parse_offer(b"v=0\r\nc=IN IP4 10.0.0.1\r\nm=audio 4000 RTP/AVP 0\r\na=rtpmap:\xc2\xb2 PCMU/8000\r\n")
    assert offer.codec().name == "PCMU"


def test_errors_and_failures_are_counted_with_stage_and_code() -> None:
    metrics = Metrics()
    metrics.error(ProtocolViolation("x", stage="edge"))
    metrics.failure("twilio", RuntimeError("boom"))
    metrics.failure("call", OverflowError("boom"))
    assert metrics.errors.labels("edge", "bad_message")._value.get() == 1
    assert metrics.errors.labels("twilio", "internal_error")._value.get() == 1
    assert metrics.errors.labels("call", "internal_error")._value.get() == 1
