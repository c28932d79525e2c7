"""The templates and the call-language rules, without models: every template exists in all five
languages, answers are built from structured fields only, and Korean-only free text is never passed
off as translated."""

from __future__ import annotations

import pytest

from dialog import answer_language
from dialog.call_language import CallLanguage
from dialog.catalogue.programmes import Eligibility, Programme
from dialog.templates.benefit import CYCLE, KIND
from dialog.templates.needs import NEEDS
from dialog.templates.phrases import FIXED, FRAMES

ALL = ("ko", "en", "zh", "vi", "ja")

#: a record as the 복지로 importer makes it: Korean only
KOREAN_ONLY = Programme(
    id="WLF-TEST",
    name_ko="어르신 생활안정 수당",
    summary_ko="소득이 적은 어르신에게 매달 생활비를 드리는 구청 사업입니다.",
    how_to_apply_ko="주민센터에 신분증을 가지고 방문하세요.",
    support_ko="월 15만 원을 드립니다.",
    support_form="현금지급",
    support_cycle="월",
    contact="02-123-4567",
    eligibility=Eligibility(min_age=65, income_max_pct_median=50, foreign_resident_ok=True),
)


def test_every_template_is_written_in_every_language() -> None:
    for table in (KIND, CYCLE, NEEDS, FRAMES):
        for key, texts in table.items():
            assert set(texts) >= set(ALL), key
    for key, texts in FIXED.items():
        assert set(texts) >= {"zh", "vi", "ja"}, key


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "zh",
            (
                "어르신 생활안정 수당（现金补助）",
                "每月",
                "65岁以上",
                "50%",
                "外国居民",
                "02-123-4567",
                "只有韩文资料",
                "1577-1366",
            ),
        ),
        (
            "vi",
            (
                "어르신 생활안정 수당 (",
                "hằng tháng",
                "từ 65 tuổi",
                "50%",
                "nước ngoài",
                "02-123-4567",
                "tiếng Hàn",
                "1577-1366",
            ),
        ),
        (
            "ja",
            (
                "어르신 생활안정 수당（現金の給付）",
                "毎月",
                "65歳以上",
                "50%",
                "外国人住民",
                "02-123-4567",
                "韓国語の資料",
                "1577-1366",
            ),
        ),
    ],
)
def test_a_korean_only_record_is_answered_from_its_fields_and_its_korean_text_is_not_passed_off(
    language: str, said: tuple[str, ...]
) -> None:
    reply = answer_language.details(KOREAN_ONLY, language)
    assert reply.language == language
    for words in said:
        assert words in reply.text, (words, reply.text)
    for korean in (KOREAN_ONLY.summary_ko, KOREAN_ONLY.how_to_apply_ko, "주민센터", "신분증"):
        assert korean not in reply.text  # the Korean free text is neither read out nor "translated"
    amount = answer_language.amount(KOREAN_ONLY, language)
    assert "150,000" in amount


def test_amounts_in_won_are_read_from_korean_text() -> None:
    assert answer_language.won_amounts("혼자 받으면 최대 월 30만 원대이고") == [300000]
    assert answer_language.won_amounts("1인당 100,000원") == [100000]
    assert answer_language.won_amounts("금액은 해마다 정해져요") == []


def test_choice_holds_for_its_language_and_the_one_it_was_asked_in() -> None:
    call = CallLanguage()
    assert call.turn("ko") == "ko"
    call.choose("zh")  # "중국어로 말해 주세요", said in Korean
    assert (call.chosen, call.chosen_in) == ("zh", "ko")
    assert call.turn("ko") == "zh" and call.turn("zh") == "zh"
    assert call.turn("en") == "en"  # a third language is answered in its own
    assert call.turn("ko") == "zh"  # and the choice holds after it
    assert call.turn(None) == "zh" and call.turn("") == "zh"  # a turn whose language is not told


def test_without_a_choice_each_turn_is_answered_in_its_language() -> None:
    call = CallLanguage(current="vi")
    assert call.turn("") == "vi"
    assert call.turn("ja-JP") == "ja"
    assert call.turn("fr") == "ja"  # not a language the dialog answers in: the call's language stays
