"""The call websocket's control messages as a pure mapping: text in, a typed message out, or a
clear edge error; no socket, no call."""

from __future__ import annotations

import json

import pytest

from malbeot_core.errors import FrameTooLarge, ProtocolViolation
from voice_gateway.call_codec import (
    BargeInAsked,
    ClientMessage,
    Configure,
    EndTurnAsked,
    StopAsked,
    Typed,
    decode,
)

LIMIT = 4096


@pytest.mark.parametrize(
    ("message", "decoded"),
    [
        ({"type": "start", "language": "ko", "elderly": True}, Configure({"language": "ko", "elderly": True})),
        ({"type": "config", "tts": False}, Configure({"tts": False})),
        ({"type": "end_turn"}, EndTurnAsked()),
        ({"type": "text", "text": "  기초연금 신청은 어떻게 하나요? ", "language": "ko"},
         Typed("기초연금 신청은 어떻게 하나요?", "ko")),
        ({"type": "text", "text": "help"}, Typed("help", None)),
        ({"type": "barge_in"}, BargeInAsked()),
        ({"type": "stop"}, StopAsked()),
    ],
)
def test_control_messages_decode_to_what_they_ask(message: dict[str, object], decoded: ClientMessage) -> None:
    assert decode(json.dumps(message, ensure_ascii=False), LIMIT) == decoded


@pytest.mark.parametrize(
    "raw",
    [
        "not json",
        "[1, 2]",
        '{"type": 3}',
        '{"kind": "text"}',
        '{"type": "text"}',
        '{"type": "text", "text": "   "}',
        '{"type": "text", "text": 5}',
        '{"type": "dance"}',
    ],
)
def test_malformed_control_messages_are_protocol_violations_at_the_edge(raw: str) -> None:
    with pytest.raises(ProtocolViolation) as raised:
        decode(raw, LIMIT)
    assert raised.value.stage == "edge"


def test_an_oversized_message_is_refused_before_it_is_parsed() -> None:
    raw = json.dumps({"type": "text", "text": "가" * LIMIT}, ensure_ascii=False)
    with pytest.raises(FrameTooLarge):
        decode(raw, LIMIT)
    with pytest.raises(FrameTooLarge):
        decode("{" * (LIMIT + 1), LIMIT)  # not even looked at as JSON
