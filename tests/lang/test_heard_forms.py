"""The normal forms the heard-back tests compare in (asr/heard_forms.py)."""

from __future__ import annotations

import pytest

from asr.heard_forms import cer, digit_run, normal, toneless, unlooped


@pytest.mark.parametrize(("text", "language", "digits"), [
    ("尾号是五六七八的号码", "zh", "|5678|"),
    ("維後是5678的後馬", "zh", "|5678|"),
    ("受付番号は二六一二ゼロ五の一ゼロ八二六四です", "ja", "|261205108264|"),
    ("受け付け番号は261205の108,264です", "ja", "|261205108264|"),
    ("bốn số cuối là năm sáu bảy tám", "vi", "4|5678"),
    ("hai sáu một hai không năm, năm hai không chín ba sáu", "vi", "261205520936"),
])
def test_digits_are_read_in_every_way_they_are_written(text: str, language: str, digits: str) -> None:
    assert digit_run(text, language).strip("|") == digits.strip("|")


def test_a_digit_word_elsewhere_does_not_complete_a_number() -> None:
    heard = "Chúng đâm hình chín phút lấy gần, một chăm mỗi chín hoạt một chăm hai"  # 119 said as a number
    assert "119" not in digit_run(heard, "vi")
    assert "119" not in digit_run("緊急の際は199か120で", "ja")
    assert "119" in digit_run("请拨打119或120", "zh")


def test_normal_forms() -> None:
    assert normal("기초연금（基础养老金）距离约100米。", "zh") == normal("基礎養老金 距離約一百米", "zh")
    assert normal("末尾が5678の番号", "ja") == normal("末尾が五六七八の番号", "ja")
    assert toneless("Số biên nhận") == "Sô biên nhân"
    assert cer("một trăm mét", "môt trăm mét", "vi", tones=False) == 0.0
    assert cer("một trăm mét", "môt trăm mét", "vi") > 0.0


def test_a_sentence_looped_back_to_back_is_kept_once() -> None:
    looped = ("Đân của bán đạt thuật tiếp nhận. So, that is the way. So, that is the way. "
              "so that is the way! So, th")
    assert unlooped(looped) == "Đân của bán đạt thuật tiếp nhận. So, that is the way. So, th"
    # a sentence said twice with another between stays twice; CJK sentence ends count
    assert unlooped("A b. C d. A b.") == "A b. C d. A b."
    assert unlooped("申请已受理。申请已受理。屏幕上也会显示。") == "申请已受理。 屏幕上也会显示。"
    assert unlooped("") == ""
