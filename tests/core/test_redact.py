"""Personal data never reaches a log: registration numbers, phone numbers, addresses."""

from __future__ import annotations

import logging

import pytest

from malbeot_core.redact import redact
from voice_gateway.logs import logger

CASES = [
    ("제 주민번호는 900101-1234567 입니다", "900101", "1234567"),
    ("주민등록번호 9001011234567", "9001011234567", None),
    ("전화번호는 010-1234-5678 이에요", "1234-5678", "010"),
    ("call me at 010 1234 5678", "5678", None),
    ("+82 10-9876-5432 로 연락", "9876", None),
    ("02-345-6789", "6789", None),
    # spoken Hangul digits as a recogniser writes them
    ("공일공 일이삼사 오육칠팔 로 전화 주세요", "오육칠팔", "일이삼사"),
    ("구공공일공일 다시 일이삼사오육칠 이요", "일이삼사오육칠", None),
    ("영일영에 구팔칠육에 오사삼이", "오사삼이", None),
    # addresses
    ("서울시 강남구 테헤란로 123 에 살아요", "테헤란로 123", None),
    ("역삼동 123-4번지", "123-4번지", None),
    ("아파트 101동 1203호", "1203호", None),
    ("I live at 42 Maple Street", "42 Maple Street", None),
]


@pytest.mark.parametrize(("text", "secret", "also"), CASES)
def test_redacts(text: str, secret: str, also: str | None) -> None:
    out = redact(text)
    assert secret not in out, out
    if also:
        assert also not in out, out
    assert "[" in out


@pytest.mark.parametrize(
    "text",
    [
        "만 65세 이상 어르신이 받을 수 있는 연금이 있나요?",
        "기초연금은 월 30만 원 정도입니다",
        "2024년 1월부터",
        "129번으로 전화",
    ],
)
def test_keeps_ordinary_numbers(text: str) -> None:
    assert redact(text) == text


def test_identifiers_are_not_mistaken_for_numbers() -> None:
    assert redact("call 3052846171ab heard (ko): 안녕하세요") == "call 3052846171ab heard (ko): 안녕하세요"
    assert redact("전화번호는01012345678이에요") == "전화번호는[전화번호]이에요"


def test_gateway_logger_redacts_before_handlers(caplog: pytest.LogCaptureFixture) -> None:
    log = logger("test")
    with caplog.at_level(logging.INFO, logger="malbeot"):
        log.info("caller said %s", "제 번호는 010-1234-5678 이고 주민번호 900101-1234567")
    text = caplog.text
    assert "1234-5678" not in text and "1234567" not in text
    assert "[전화번호]" in text and "[주민번호]" in text
