"""The carrier codecs as pure mappings: a Twilio media-stream message or an AudioSocket message in,
a carrier frame out (or a clear edge error), with no socket and no call."""

from __future__ import annotations

import base64
import json

import pytest

from malbeot_core.errors import BadAudio, ProtocolViolation
from voice_gateway.channels import audiosocket_codec, twilio_codec
from voice_gateway.channels.audiosocket_codec import Message
from voice_gateway.channels.carrier_frames import (
    CarrierAudio,
    CarrierDigit,
    CarrierEnded,
    CarrierFrame,
    CarrierIgnored,
    CarrierMark,
)

MULAW = bytes((7 * i) % 256 for i in range(160))


def twilio(message: dict[str, object]) -> str:
    return json.dumps(message)


@pytest.mark.parametrize(
    ("message", "frame"),
    [
        ({"event": "media", "media": {"payload": base64.b64encode(MULAW).decode()}}, CarrierAudio(MULAW)),
        ({"event": "media", "media": {"track": "inbound", "payload": "AAA="}}, CarrierAudio(b"\x00\x00")),
        ({"event": "dtmf", "dtmf": {"digit": "0"}}, CarrierDigit("0")),
        ({"event": "mark", "mark": {"name": "reply-3"}}, CarrierMark("reply-3")),
        ({"event": "stop", "stop": {}}, CarrierEnded("stop", hung_up=False)),
    ],
)
def test_twilio_messages_decode_to_the_frames_they_carry(message: dict[str, object], frame: CarrierFrame) -> None:
    assert twilio_codec.decode(twilio(message)) == frame


@pytest.mark.parametrize(
    "message",
    [
        {"event": "media", "media": {"track": "outbound", "payload": "AAA="}},
        {"event": "start", "start": {}},
        {"event": "connected"},
        {"event": "transcription"},
    ],
)
def test_twilio_messages_that_ask_nothing_of_the_call_are_ignored(message: dict[str, object]) -> None:
    assert isinstance(twilio_codec.decode(twilio(message)), CarrierIgnored)


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        (None, ProtocolViolation),  # a binary frame
        ("{not json", ProtocolViolation),
        ('["media"]', ProtocolViolation),
        ('{"event": 5}', ProtocolViolation),
        ('{"event": "media"}', ProtocolViolation),
        ('{"event": "media", "media": {"payload": "!!not base64!!"}}', BadAudio),
        ('{"event": "dtmf", "dtmf": {"digit": "12"}}', ProtocolViolation),
        ('{"event": "mark", "mark": {}}', ProtocolViolation),
    ],
)
def test_malformed_twilio_messages_are_clear_edge_errors(raw: str | None, error: type[Exception]) -> None:
    with pytest.raises(error) as raised:
        twilio_codec.decode(raw)
    assert getattr(raised.value, "stage", None) == "edge"


def test_twilio_replies_round_trip_through_the_codec() -> None:
    sent = json.loads(twilio_codec.media("MZ1", MULAW))
    assert sent["event"] == "media" and sent["streamSid"] == "MZ1"
    assert base64.b64decode(sent["media"]["payload"]) == MULAW
    assert json.loads(twilio_codec.mark("MZ1", "reply-1")) == {"event": "mark", "streamSid": "MZ1",
                                                               "mark": {"name": "reply-1"}}
    assert json.loads(twilio_codec.clear("MZ1")) == {"event": "clear", "streamSid": "MZ1"}


@pytest.mark.parametrize(
    ("message", "frame"),
    [
        (Message(audiosocket_codec.KIND_SLIN, b"\x01\x00" * 160), CarrierAudio(b"\x01\x00" * 160)),
        (Message(audiosocket_codec.KIND_DTMF, b"#"), CarrierDigit("#")),
        (Message(audiosocket_codec.KIND_HANGUP, b""), CarrierEnded("hangup", hung_up=True)),
        (Message(audiosocket_codec.KIND_ERROR, b"\x02"), CarrierEnded("peer error 02", hung_up=True)),
    ],
)
def test_audiosocket_messages_decode_to_the_frames_they_carry(message: Message, frame: CarrierFrame) -> None:
    assert audiosocket_codec.decode(message) == frame


def test_a_repeated_audiosocket_uuid_is_ignored() -> None:
    assert isinstance(audiosocket_codec.decode(Message(audiosocket_codec.KIND_UUID, b"\x00" * 16)), CarrierIgnored)


@pytest.mark.parametrize("message", [Message(0x42, b""), Message(audiosocket_codec.KIND_DTMF, b"12")])
def test_malformed_audiosocket_messages_are_clear_edge_errors(message: Message) -> None:
    with pytest.raises(ProtocolViolation) as raised:
        audiosocket_codec.decode(message)
    assert raised.value.stage == "edge"


def test_audiosocket_frames_are_kind_length_payload() -> None:
    assert audiosocket_codec.frame(audiosocket_codec.KIND_DTMF, b"5") == b"\x03\x00\x015"
    with pytest.raises(ValueError, match="65535"):
        audiosocket_codec.frame(audiosocket_codec.KIND_SLIN, b"\x00" * 0x10000)
