"""The language of typed text, from its script, restricted to the offered languages."""

from __future__ import annotations

import pytest

from malbeot_core.text_language import text_language

ALL = ("ko", "en", "zh", "vi", "ja")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("기초연금 받을 수 있나요?", "ko"),
        ("KTX 요금 할인 알려 주세요", "ko"),  # a Latin acronym in a Korean sentence
        ("ㅋㅋ 네", "ko"),  # compatibility jamo
        ("Is there a pension for seniors over 65?", "en"),
        ("I want to apply for 기초연금", "en"),  # mostly English, one Korean name
        ("Can I get a café voucher? My résumé is attached.", "en"),  # acute/grave alone is not Vietnamese
        ("老年人可以申请养老金吗？", "zh"),
        ("年金はもらえますか", "ja"),
        ("カタカナだけ", "ja"),
        ("高齢者の年金について教えてください", "ja"),  # Han with kana is Japanese
        ("Tôi muốn hỏi về lương hưu", "vi"),
        ("Cảm ơn", "vi"),
        ("Đăng ký ở đâu", "vi"),
    ],
)
def test_script_tells_the_language(text: str, language: str) -> None:
    assert text_language(text, ALL) == language


@pytest.mark.parametrize("text", ["", "   ", "010-1234-5678", "?!", "65 ...", "👍"])
def test_text_without_letters_tells_nothing(text: str) -> None:
    assert text_language(text, ALL) is None


def test_only_offered_languages_are_answered() -> None:
    assert text_language("Is there a pension?", ("ko", "en")) == "en"
    assert text_language("Is there a pension?", ("ko", "zh")) is None
    assert text_language("Tôi muốn hỏi về lương hưu", ("ko", "en")) is None
    assert text_language("年金はもらえますか", ("ko", "en", "ja-JP")) == "ja"
