"""Application fields: spoken values understood, read back masked, corrected by their last digits."""

from __future__ import annotations

import pytest

from dialog.applications.application_fields import FIELDS, correct_tail, fields_for, masked, spoken_digits
from dialog.applications.application_flow import speak_receipt
from dialog.catalogue.programmes import Programme
from dialog.catalogue.sample import sample_programmes


@pytest.mark.parametrize(
    ("field", "said", "value"),
    [
        ("name", "홍길동입니다", "홍길동"),
        ("name", "제 이름은 김영희예요", "김영희"),
        ("name", "My name is john smith", "John Smith"),
        ("rrn", "오팔공삼공오 다시 일이삼사오육칠", "5803051234567"),
        ("rrn", "580305-1234567", "5803051234567"),
        ("phone", "공일공 일이삼사 오육칠팔", "01012345678"),
        ("phone", "oh one oh, one two three four, five six seven eight", "01012345678"),
        ("phone", "+82 10-1234-5678", "01012345678"),
        ("address", "주소는 서울 종로구 사직로 161이에요", "서울 종로구 사직로 161"),
        ("address", "12 Sajik-ro, Jongno-gu", "12 Sajik-ro, Jongno-gu"),
        ("account", "국민은행 123456789012", "국민 123456789012"),
        ("account", "농협 삼오일 일이삼사 오육칠팔 구공", "농협 3511234567890"),
        ("account", "Shinhan bank 110 123 456789", "신한 110123456789"),
    ],
)
def test_spoken_values(field: str, said: str, value: str) -> None:
    assert FIELDS[field].parse(said) == value


@pytest.mark.parametrize(("field", "said"), [("name", "음"), ("rrn", "칠십오년생"), ("phone", "몰라요"),
                                             ("address", "저기 시장 앞"), ("account", "123456789012")])
def test_values_not_understood(field: str, said: str) -> None:
    assert FIELDS[field].parse(said) is None


def test_sensitive_read_back_and_display_are_masked() -> None:
    values = {"name": "홍길동", "rrn": "5803051234567", "phone": "01012345678", "address": "서울 종로구 사직로 161",
              "account": "국민 123456789012"}
    assert FIELDS["rrn"].speak(values["rrn"], "ko") == "앞자리 오팔공삼공오, 뒷자리 일로 시작하는 번호"
    assert FIELDS["phone"].speak(values["phone"], "ko") == "끝자리가 오육칠팔인 번호"
    assert FIELDS["phone"].speak(values["phone"], "en") == "a number ending in five six seven eight"
    assert FIELDS["address"].speak(values["address"], "ko") == "서울 종로구 사직로"
    assert FIELDS["account"].speak(values["account"], "en") == "a Kookmin bank account ending in nine zero one two"
    assert masked(values) == {"name": "홍길동", "rrn": "580305-1******", "phone": "010-****-5678",
                              "address": "서울 종로구 ***", "account": "국민 ********9012"}
    for name, spec in FIELDS.items():
        if spec.sensitive and name != "address":
            for language in ("ko", "en"):
                assert values[name] not in spec.speak(values[name], language)


@pytest.mark.parametrize(
    ("said", "fixed"),
    [("아니요, 끝자리는 4예요", "01012345674"), ("no, the phone number ends in 4", "01012345674"),
     ("끝자리는 오육칠사", "01012345674"), ("last digits 9999", "01012349999"), ("아니요", None)],
)
def test_correcting_the_last_digits(said: str, fixed: str | None) -> None:
    assert correct_tail(FIELDS["phone"], "01012345678", said) == fixed
    assert correct_tail(FIELDS["name"], "홍길동", said) is None


def test_fields_come_from_the_catalogue() -> None:
    by_id = {p.id: p for p in sample_programmes()}
    assert [f.name for f in fields_for(by_id["KR-CHILD-ALLOWANCE"])] == ["name", "rrn", "phone", "account"]
    assert [f.name for f in fields_for(Programme("X", "x", support_form="현금지급"))] == [
        "name", "rrn", "phone", "address", "account"]
    assert [f.name for f in fields_for(Programme("X", "x"))] == ["name", "rrn", "phone", "address"]
    with pytest.raises(ValueError, match="unknown application fields"):
        fields_for(Programme("X", "x", application_fields=("shoe_size",)))
    for p in sample_programmes():
        if p.online_application:
            assert fields_for(p)


def test_receipts_and_digits_are_spoken() -> None:
    assert speak_receipt("MB-261123-004821", "ko") == "이육일일이삼 다시 공공사팔이일"
    assert speak_receipt("MB-261123-004821", "en") == "two six one one two three, zero zero four eight two one"
    assert spoken_digits("공일공 다시 일이삼") == "010123"
