"""Korean read-out: digits, amounts, dates, ages, phone and receipt numbers as a person says them."""

from __future__ import annotations

import re

import pytest

from tts.ko_readout import read_out, say_counted, say_phone_number

READ_OUT = [
    # ages: Sino-Korean before 세, native before 살
    ("만 65세 이상", "만 육십오 세 이상"),
    ("올해 65살이에요", "올해 예순다섯 살이에요"),
    ("20살", "스무 살"),
    # money: big units multiplied out, grouped digits read as one number
    ("매달 30만 원을 드립니다", "매달 삼십만 원을 드립니다"),
    ("10만 원", "십만 원"),
    ("1,000원", "천 원"),
    ("2,500,000원", "이백오십만 원"),
    # dates and durations
    ("2025년", "이천이십오 년"),
    ("6월 10일", "유월 십 일"),
    ("10월", "시월"),
    ("24시간", "스물네 시간"),
    ("6개월", "육 개월"),
    ("3개", "세 개"),
    ("2명", "두 명"),
    # phone numbers digit by digit, groups joined by 에, zero is 공
    ("1577-1366으로 전화하세요", "일오칠칠에 일삼육육으로 전화하세요"),
    ("02-120-1234", "공이에 일이공에 일이삼사"),
    # bare service numbers are digits; short bare numbers are numbers
    ("129에 물어보세요", "일이구에 물어보세요"),
    ("정부24에서", "정부이십사에서"),
    # receipts
    ("접수번호 MB-261123-482100", "접수번호 엠비 이육일일이삼 다시 사팔이일공공"),
    # percentages, ranges, decimals
    ("50%", "오십 퍼센트"),
    ("중위소득 120% 이하", "중위소득 백이십 퍼센트 이하"),
    ("만 0~5세 아이", "만 영에서 오 세 아이"),
    ("1.5배", "일 점 오 배"),
    # brackets, middle dots and abbreviations
    ("대상입니다 (예: 위암은 만 40세 이상).", "대상입니다, 예를 들어 위암은 만 사십 세 이상."),
    ("독거노인·장애인", "독거노인, 장애인"),
    ("KTX 예매", "케이티엑스 예매"),
]


@pytest.mark.parametrize(("written", "said"), READ_OUT)
def test_read_out(written: str, said: str) -> None:
    assert read_out(written) == said


def test_numbers_too_large_to_name_are_read_digit_by_digit() -> None:
    # whisper can hallucinate such numbers; reading one back must not fail
    assert read_out("1,000,000,000,000,000,000") == "일공공공공공공공공공공공공공공공공공공"
    assert read_out("99999999999999999999원") == "구" * 20 + " 원"
    assert read_out("10000000000000000만 원") == "일" + "공" * 16 + " 원"
    assert read_out("12345678901234567.5") == "일이삼사오육칠팔구공일이삼사오육칠 점 오"


def test_no_digit_survives_the_read_out() -> None:
    text = "1577-1000 129 2025년 6월 30만 원 65세 0~5세 48% 1,234명 3.14 MB-261123-000001 07"
    assert not re.search(r"\d", read_out(text))


@pytest.mark.parametrize(
    ("n", "counter", "said"),
    [(1, "살", "한 살"), (21, "살", "스물한 살"), (100, "살", "백 살"), (1, "개", "한 개"), (3, "시", "세 시"),
     (6, "월", "유월"), (11, "월", "십일월"), (2025, "년", "이천이십오 년"), (65, "세", "육십오 세")],
)
def test_say_counted(n: int, counter: str, said: str) -> None:
    assert say_counted(n, counter) == said


def test_say_phone_number() -> None:
    assert say_phone_number("1577-1366") == "일오칠칠에 일삼육육"
    assert say_phone_number("010-2000-3040") == "공일공에 이공공공에 삼공사공"
