"""redact() catches personal numbers as speech recognition writes them, keeps ordinary and public
numbers, and the hand-off payload (summary and turns) and the "heard" log lines carry none."""

from __future__ import annotations

import logging

import pytest

from malbeot_core.redact import PHONE, RRN, redact
from voice_gateway.call_history import History
from voice_gateway.channels.handoff import HandoffRecord
from voice_gateway.logs import logger

LEAKS = [
    # (heard, digits that must not survive)
    ("750,102-2,345,678", "2,345,678"),
    ("제 주민번호는 750,102-2,345,678 이에요", "345,678"),
    ("010 9876 5,432", "9876"),
    ("call me on 010 9876 5,432 please", "5,432"),
    ("4,111-2,222-3,333-4,444", "4,444"),
    ("0 1 0 9 8 7 6 5 4 3 2", "5 4 3 2"),
    ("zero one zero, nine eight seven six, five four three two", "five four three two"),
    ("oh one oh nine eight seven six five four three two", "five four three two"),
    ("my number is oh one oh, double nine eight seven, six five four three", "six five four three"),
    ("공일공 구팔칠육 오사삼이", "오사삼이"),
    ("전화번호는 공일공에 구팔칠육에 오사삼이 예요", "구팔칠육"),
    ("칠오공일공이 다시 이삼사오육칠팔", "이삼사오육칠팔"),
    ("주민번호는구공공일공일일이삼사오육칠이요", "일이삼사오육칠"),
    ("강남구 공일공 구팔칠육 오사삼이로 전화 주세요", "오사삼이"),
    ("01098765432", "98765432"),
    ("+82 10 9876 5432", "9876"),
    ("900101.1234567", "1234567"),
]


@pytest.mark.parametrize(("heard", "secret"), LEAKS)
def test_numbers_as_speech_recognition_writes_them_are_masked(heard: str, secret: str) -> None:
    out = redact(heard)
    assert secret not in out, out
    assert "[" in out


KEPT = [
    "2023 2024 2025",
    "2023, 2024, 2025년에 받았어요",
    "만 65세 이상이고 2024년부터 30만원 받아요",
    "위급하면 119, 112, 1366, 1577-1389, 120 으로 전화하세요",
    "폭력 피해는 1366, 노인학대는 1577-1389",
    "보건복지상담센터 129번",
    "월 1,500,000원 이하",
    "call 119 or 112 in an emergency, or the helpline 1577-1389",
    "on 2024-03-15 at 10:30",
    "기준으로 70세 이상, 바로 119로 전화",
    "접수번호 MB-261204-123456",
    "from 192.168.10.200:5060",
    "call 3052846171ab heard (ko)",
]


@pytest.mark.parametrize("text", KEPT)
def test_ordinary_and_public_numbers_stay_readable(text: str) -> None:
    assert redact(text) == text


def test_labels_say_what_was_masked() -> None:
    assert redact("750,102-2,345,678") == RRN
    assert redact("010 9876 5,432") == PHONE


def handoff_of(history: History) -> dict[str, object]:
    """The hand-off webhook's payload for a call with this history."""
    record = HandoffRecord.of(
        history, call_id="c0ffee", channel="twilio", call_ref="CA1", reason="caller_asked", language="ko",
        transfer_to="sip:desk@example.org", carrier={"call_sid": "CA1"},
    )
    return record.payload()


def test_handoff_payload_carries_no_spoken_number() -> None:
    history = History()
    for heard, _ in LEAKS:
        history.heard(heard)
    payload = handoff_of(history)
    turns = payload["turns"]
    assert isinstance(turns, list) and len(turns) == len(LEAKS)
    for heard, secret in LEAKS:
        assert secret not in str(payload["summary"]), heard
        assert all(secret not in turn["caller"] for turn in turns), heard


def test_heard_log_lines_are_redacted(caplog: pytest.LogCaptureFixture) -> None:
    log = logger("test-heard")
    with caplog.at_level(logging.INFO, logger="malbeot"):
        for heard, _ in LEAKS:
            log.info("call %s heard (%s): %s", "c0ffee", "ko", heard)
    for heard, secret in LEAKS:
        assert secret not in caplog.text, heard
