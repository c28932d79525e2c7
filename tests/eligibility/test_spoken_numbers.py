"""Spoken Korean and English numbers: reading what callers say, saying numbers back."""

from __future__ import annotations

import pytest

from dialog.numerals import (
    parse_english,
    parse_native,
    parse_number,
    parse_sino,
    say_digits_ko,
    say_english,
    say_native,
    say_sino,
    say_year_english,
)


@pytest.mark.parametrize(
    ("spoken", "value"),
    [
        ("육십칠", 67),
        ("칠십오", 75),
        ("천구백오십팔", 1958),
        ("이천이십육", 2026),
        ("백오십만", 1_500_000),
        ("150만", 1_500_000),
        ("3천5백", 3500),
        ("만", 10_000),
        ("십", 10),
        ("일구오팔", 1958),  # digit by digit
        ("공일공", 10),
        ("이억 삼천만", 230_000_000),
    ],
)
def test_sino_korean(spoken: str, value: int) -> None:
    assert parse_sino(spoken) == value


@pytest.mark.parametrize(
    ("spoken", "value"),
    [("예순일곱", 67), ("스물다섯", 25), ("세", 3), ("열한", 11), ("아흔", 90), ("예순 일곱", 67), ("하나", 1)],
)
def test_native_korean(spoken: str, value: int) -> None:
    assert parse_native(spoken) == value


@pytest.mark.parametrize(
    ("spoken", "value"),
    [
        ("sixty-seven", 67),
        ("sixty seven", 67),
        ("one million five hundred thousand", 1_500_000),
        ("nineteen fifty-eight", 1958),
        ("two thousand five", 2005),
        ("twelve", 12),
    ],
)
def test_english(spoken: str, value: int) -> None:
    assert parse_english(spoken) == value


def test_anything_that_is_not_a_number() -> None:
    for text in ("안녕하세요", "hello there", "", "연금"):
        assert parse_number(text) is None, text


@pytest.mark.parametrize(
    ("value", "ko", "en"),
    [
        (1958, "천구백오십팔", "one thousand nine hundred fifty-eight"),
        (1_500_000, "백오십만", "one million five hundred thousand"),
        (10_000, "만", "ten thousand"),
        (2_392_013, "이백삼십구만 이천십삼", "two million three hundred ninety-two thousand thirteen"),
        (0, "영", "zero"),
    ],
)
def test_saying_numbers(value: int, ko: str, en: str) -> None:
    assert say_sino(value) == ko
    assert say_english(value) == en
    assert parse_sino(ko) == value


def test_saying_ages_years_and_digits() -> None:
    assert say_native(67) == "예순일곱"
    assert say_native(20) == "스무" and say_native(21) == "스물한" and say_native(1) == "한"
    assert say_year_english(1958) == "nineteen fifty-eight"
    assert say_year_english(2005) == "two thousand five"
    assert say_year_english(1905) == "nineteen oh five"
    assert say_digits_ko("010-5678") == "공일공오육칠팔"
