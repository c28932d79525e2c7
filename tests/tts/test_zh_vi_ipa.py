"""Chinese (pinyin) and Vietnamese (eSpeak NG phonemes) → IPA for Kokoro: only vocabulary symbols, tones kept."""

from __future__ import annotations

import json

import pytest

from malbeot_core.models import resolve
from tts.vi_ipa import KOKORO_STYLE, VietnamesePhonemizer, ViStyle, espeak_to_kokoro
from tts.vi_ipa import KOKORO_SYMBOLS as VI_SYMBOLS
from tts.zh_ipa import KOKORO_SYMBOLS as ZH_SYMBOLS
from tts.zh_ipa import ChinesePhonemizer, ZhStyle, number_words, read_numbers, syllable_ipa

ARROWS = set("→↗↓↘")

#: sentences of the dialog's real Chinese and Vietnamese answers (a Korean name beside its gloss, a phone
#: number, an age, a percentage)
ZH_ANSWERS = [
    "기초연금（基础养老金）是每月发放的现金补助。",
    "咨询电话：1600-1004。",
    "对象：64岁以上；家庭收入不超过基准中位收入的50%。",
    "请到居住地的行政福利中心咨询或申请。",
]
VI_ANSWERS = [
    "Đối tượng: gia đình có con từ 12 tuổi trở xuống; thu nhập hộ gia đình không quá 250% mức thu nhập trung vị chuẩn.",
    "Ngoài ra còn có 외국인주민지원센터 (trung tâm hỗ trợ người nước ngoài).",
    "Xin lỗi, tôi chưa tìm được dịch vụ phù hợp.",
]


@pytest.fixture(scope="module")
def kokoro_vocab() -> set[str]:
    """The phoneme vocabulary of the packaged Kokoro model (models.lock entry, hash-checked)."""
    return set(json.loads((resolve("kokoro-82m-v1.0-int8") / "vocab.json").read_text(encoding="utf-8"))["vocab"])


def test_symbols_written_are_all_in_kokoros_vocabulary(kokoro_vocab: set[str]) -> None:
    assert kokoro_vocab >= ZH_SYMBOLS, sorted(ZH_SYMBOLS - kokoro_vocab)
    assert kokoro_vocab >= VI_SYMBOLS, sorted(VI_SYMBOLS - kokoro_vocab)
    assert kokoro_vocab >= ARROWS  # the tone marks Kokoro's own Chinese front end writes


# --- Chinese ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ZH_ANSWERS)
def test_chinese_answers_use_only_the_vocabulary_and_keep_tones(text: str) -> None:
    ipa = ChinesePhonemizer()(text)
    assert ipa and set(ipa) <= ZH_SYMBOLS, sorted(set(ipa) - ZH_SYMBOLS)
    assert set(ipa) & ARROWS


@pytest.mark.parametrize(
    ("pinyin", "ipa"),
    [("zhong1", "ꭧʊŋ→"), ("guo2", "kwo↗"), ("ni3", "ni↓"), ("shi4", "ʂɻ↘"), ("zi1", "ʦɹ→"), ("de5", "tɤ"),
     ("qu4", "ʨʰy↘"), ("xue2", "ɕɥe↗"), ("lv4", "ly↘"), ("yuan2", "ɥɛn↗"), ("wei4", "wei↘"), ("jiu3", "ʨjou↓"),
     ("chang2", "ꭧʰaŋ↗"), ("ren2", "ɻən↗"), ("er4", "ɚ↘")],
)
def test_pinyin_syllables(pinyin: str, ipa: str) -> None:
    assert syllable_ipa(pinyin) == ipa


def test_tone_sandhi_and_toneless_style() -> None:
    assert ChinesePhonemizer()("你好") == "ni↗xau↓"  # third tone before a third tone rises
    assert ChinesePhonemizer(ZhStyle(tones=False))("你好") == "nixau"


def test_numbers_are_read_in_chinese() -> None:
    assert number_words(1600) == "一千六百"
    assert number_words(12) == "十二"
    assert number_words(105) == "一百零五"
    assert number_words(300000) == "三十万"
    assert read_numbers("电话1600-1004") == "电话一六零零，一零零四"
    assert read_numbers("50%") == "百分之五十"


def test_hangul_is_left_out() -> None:
    assert ChinesePhonemizer()("기초연금") == ""


# --- Vietnamese -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", VI_ANSWERS)
def test_vietnamese_answers_use_only_the_vocabulary_and_keep_tones(text: str) -> None:
    ipa = VietnamesePhonemizer()(text)
    assert ipa and set(ipa) <= VI_SYMBOLS, sorted(set(ipa) - VI_SYMBOLS)
    assert set(ipa) & ARROWS


def test_each_vietnamese_tone_becomes_an_arrow() -> None:
    # eSpeak NG writes: ma mà má mả mã mạ
    ipa = espeak_to_kokoro("mˈaː1 mˌaː2 mˈaːɜ mˈaː4 mˈaː5 mˈaː6")
    assert ipa.split() == ["maː→", "maː↘", "maː↗", "maː↓", "maː↗", "maː↓"]


def test_vietnamese_sounds_without_a_kokoro_symbol_are_mapped() -> None:
    assert espeak_to_kokoro("ɗˌyə6c t̪ˈuə4j") == "dɯə↓c tuə↓j"
    assert espeak_to_kokoro("ɗˌyə6c t̪ˈuə4j", ViStyle(tone_at_end=True)) == "dɯəc↓ tuəj↓"


def test_korean_in_a_vietnamese_answer_is_left_out() -> None:
    assert VietnamesePhonemizer()("외국인주민지원센터") == ""


def test_the_style_kokoro_speaks_vietnamese_with_leaves_tones_out() -> None:
    # chosen by measurement (tts/vi_ipa.py): the same sounds, no arrows
    ipa = VietnamesePhonemizer(KOKORO_STYLE)(VI_ANSWERS[2])
    assert ipa and not set(ipa) & ARROWS and set(ipa) <= VI_SYMBOLS
    assert ipa == "".join(ch for ch in VietnamesePhonemizer()(VI_ANSWERS[2]) if ch not in ARROWS)
