"""Each application field accepts only a plausible value (Korean and English), and asks again saying what it needs."""

from __future__ import annotations

import pytest

from dialog.applications.application_fields import FIELDS
from dialog.applications.field_values import number_digits

ACCEPTED = {
    "name": [
        ("홍길동", "홍길동"),
        ("홍길동입니다", "홍길동"),
        ("제 이름은 김영희예요", "김영희"),
        ("네, 홍길동이요", "홍길동"),
        ("저는 박철수라고 합니다", "박철수"),
        ("제 성함은 남궁민수입니다", "남궁민수"),
        ("신청자 이름은 최민호예요", "최민호"),
        ("아니요, 김철수예요", "김철수"),
        ("홍 길동", "홍길동"),
        ("이서아예요", "이서아"),
        ("김요한", "김요한"),
        ("응우옌 반 안", "응우옌 반 안"),
        ("Nguyen Van An", "Nguyen Van An"),
        ("My name is John Smith", "John Smith"),
        ("my name is john smith", "John Smith"),
        ("It's Mary O'Brien", "Mary O'Brien"),
        ("yes, Kim Min-su", "Kim Min-su"),
        ("I'm called Ann Lee", "Ann Lee"),
    ],
    "rrn": [
        ("오팔공삼공오 다시 일이삼사오육칠", "5803051234567"),
        ("580305-1234567", "5803051234567"),
        ("오팔공삼공오 일이삼사오육칠이에요", "5803051234567"),
        ("제 주민번호는 오팔공삼공오 다시 일이삼사오육칠입니다", "5803051234567"),
        ("five eight zero three zero five, one two three four five six seven", "5803051234567"),
        ("000229-3234567", "0002293234567"),  # 29 February 2000
        ("850101-5234567", "8501015234567"),  # a foreign resident's number
    ],
    "phone": [
        ("공일공 일이삼사 오육칠팔", "01012345678"),
        ("공일공 일이삼사 오육칠팔이에요", "01012345678"),
        ("공일공에 일이삼사에 오육칠팔이요", "01012345678"),
        ("이 번호요, 공일공 일이삼사 오육칠팔", "01012345678"),
        ("010-1234-5678", "01012345678"),
        ("+82 10-1234-5678", "01012345678"),
        ("02-123-4567", "021234567"),
        ("031-1234-5678", "03112345678"),
        ("011-123-4567", "0111234567"),
        ("oh one oh, one two three four, five six seven eight", "01012345678"),
        ("Oh, it's 010 1234 5678", "01012345678"),
    ],
    "address": [
        ("주소는 서울 종로구 사직로 161이에요", "서울 종로구 사직로 161"),
        ("종로구 사직동에 살아요", "종로구 사직동"),
        ("사직로 백육십일", "사직로 백육십일"),
        ("서울특별시 종로구 사직로8길 4", "서울특별시 종로구 사직로8길 4"),
        ("사직동 123번지", "사직동 123번지"),
        ("12 Sajik-ro, Jongno-gu", "12 Sajik-ro, Jongno-gu"),
        ("My address is Apartment 302, 15 Sajik-ro", "Apartment 302, 15 Sajik-ro"),
        ("161 Sajik-ro Jongno-gu Seoul", "161 Sajik-ro Jongno-gu Seoul"),
    ],
    "account": [
        ("국민은행 123456789012", "국민 123456789012"),
        ("농협 삼오일 일이삼사 오육칠팔 구공", "농협 3511234567890"),
        ("우리은행 1002-123-456789이에요", "우리 1002123456789"),
        ("카카오뱅크 삼삼삼삼 일이 삼사오육칠팔", "카카오뱅크 333312345678"),
        ("Shinhan bank 110 123 456789", "신한 110123456789"),
        ("Kookmin bank account 123456789012", "국민 123456789012"),
    ],
}

REJECTED = {
    "name": [
        # answers, commands and requests
        "네 신청해 주세요", "네", "예", "아니요", "아니", "다시", "다시요", "천천히", "천천히 말해 주세요",
        "신청할게요", "취소", "상담원 연결해 주세요", "몰라요", "모르겠어요", "맞아요", "좋아요", "그래요",
        "여보세요", "뭐라고요", "잠깐만요", "감사합니다", "이름이 뭐냐고요", "빨리 해",
        "yes", "no", "yes please apply", "I want to apply", "what did you say", "can you repeat that", "no thanks",
        "please speak slowly", "cancel",
        # sentences, numbers, addresses, too long
        "저는 기초연금을 신청하고 싶은데 어떻게 해야 하나요", "신청하시는 분의 성함을 말씀해 주세요", "오육칠팔",
        "홍길동 123", "010-1234-5678", "서울 종로구 사직로", "John 2",
        "My name is John Jacob Jingleheimer Schmidt the Third",
    ],
    "rrn": [
        "581305-1234567",  # month 13
        "580230-1234567",  # 30 February
        "010229-3234567",  # 29 February 2001
        "580305-9234567",  # no such 7th digit
        "580305-123456",  # 12 digits
        "공일공 일이삼사 오육칠팔", "칠십오년생", "네 신청해 주세요", "yes", "I don't know",
    ],
    "phone": [
        "010-1234-567",  # 010 numbers have eight digits after 010
        "공일공 일이삼사 오육칠", "010 1234 56789", "090-1234-5678", "1234-5678", "5803051234567", "몰라요", "네",
        "네 신청해 주세요", "yes", "one two three",
    ],
    "address": [
        "홍길동", "종로구", "161", "저기 시장 앞", "네 신청해 주세요", "주소는 잘 모르겠어요", "목소리가 안 들려요",
        "공일공 일이삼사 오육칠팔", "yes", "I don't know", "near the market", "I live in Jongno-gu",
    ],
    "account": [
        "123456789012", "국민은행", "국민은행 일이삼사", "신한은행 1234567890123456", "네 신청해 주세요", "yes",
        "bank",
    ],
}


@pytest.mark.parametrize(("field", "said", "value"),
                         [(f, s, v) for f, rows in ACCEPTED.items() for s, v in rows])
def test_plausible_values_are_accepted(field: str, said: str, value: str) -> None:
    assert FIELDS[field].parse(said) == value


@pytest.mark.parametrize(("field", "said"), [(f, s) for f, rows in REJECTED.items() for s in rows])
def test_implausible_values_are_refused(field: str, said: str) -> None:
    assert FIELDS[field].parse(said) is None


@pytest.mark.parametrize(
    ("field", "ko", "en"),
    [("name", "성함만", "just the applicant's name"), ("rrn", "열세 자리", "thirteen digits"),
     ("phone", "한 자리씩", "digit by digit"), ("address", "도로명, 건물 번호", "street and building number"),
     ("account", "은행 이름과 계좌번호", "bank's name")],
)
def test_a_field_asked_again_says_what_it_needs(field: str, ko: str, en: str) -> None:
    spec = FIELDS[field]
    assert ko in spec.retry("ko") and en in spec.retry("en")
    assert spec.retry("ko") != spec.prompt("ko") and spec.retry("en") != spec.prompt("en")


@pytest.mark.parametrize(
    ("said", "digits"),
    [("공일공 일이삼사 오육칠팔이에요", "01012345678"),  # 팔 + 이에요: the ending, not a two
     ("오이에요", "52"),  # after a vowel the ending is 에요: 오, 이
     ("이 번호는 공일공", "010"),  # 이 = "this"
     ("일단 공일공", "010"),
     ("Oh, it is 010", "010"),
     ("oh one oh", "010"),
     ("오팔공삼공오다시일이삼사오육칠", "5803051234567")],
)
def test_digits_come_from_number_words_only(said: str, digits: str) -> None:
    assert number_digits(said) == digits
