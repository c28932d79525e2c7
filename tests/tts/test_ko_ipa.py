"""Korean → IPA for Kokoro: pronunciation rules applied, only symbols of Kokoro's vocabulary written."""

from __future__ import annotations

import json

import pytest

from malbeot_core.models import resolve
from tts.ko_ipa import DEFAULT_STYLE, KOKORO_SYMBOLS, IpaStyle, KoreanPhonemizer, jamo_to_ipa

ANSWERS = [
    "기초연금은 만 65세 이상 어르신 가운데 소득과 재산이 적은 분께 매달 연금을 드립니다.",
    "문의는 1577-1366으로 하세요.",
    "외국인도 괜찮아요. 의사 선생님께 희망을 말씀하세요.",
    "접수번호는 MB-261123-482100입니다. 결과는 행정복지센터에서 연락드려요.",
    "꽃잎, 닭값, 읽고, 짧은 쌀, 빨리 따라 오세요!",
]


@pytest.fixture(scope="module")
def phonemizer() -> KoreanPhonemizer:
    return KoreanPhonemizer()


@pytest.fixture(scope="module")
def kokoro_vocab() -> set[str]:
    """The phoneme vocabulary of the packaged Kokoro model (models.lock entry, hash-checked)."""
    return set(json.loads((resolve("kokoro-82m-v1.0-int8") / "vocab.json").read_text(encoding="utf-8"))["vocab"])


def test_symbols_written_are_all_in_kokoros_vocabulary(kokoro_vocab: set[str]) -> None:
    assert kokoro_vocab >= KOKORO_SYMBOLS, sorted(KOKORO_SYMBOLS - kokoro_vocab)


@pytest.mark.parametrize("text", ANSWERS)
def test_ipa_of_real_answers_uses_only_the_vocabulary(phonemizer: KoreanPhonemizer, text: str) -> None:
    ipa = phonemizer(text)
    assert ipa and set(ipa) <= KOKORO_SYMBOLS, sorted(set(ipa) - KOKORO_SYMBOLS)


@pytest.mark.parametrize(
    ("text", "ipa"),
    [
        # nasalisation (드립니다 [드림니다]); a lenis stop is voiceless at the start, voiced between vowels
        ("드립니다", "tɯɾimnida"),
        # palatalisation (같이 [가치]) and ㅅ before i
        ("같이 시장", "kaʨʰi ɕiʥaŋ"),
        # ㄹㄹ is [l]; a single ㄹ between vowels is a flap
        ("빨리 오라", "palli oɾa"),
        # ㅢ: [ɰi] at the start of a word, [i] after a consonant (희망 [히망])
        ("의사 희망", "ɰisa himaŋ"),
        # codas are the seven representatives (닭 [닥], 꽃 [꼳])
        ("닭", "tak"),
        # numbers are read out before the rules: 65세 → 육십오 세 [육씨보 세]
        ("65세", "jukɕibo se"),
    ],
)
def test_pronunciation_rules_then_ipa(phonemizer: KoreanPhonemizer, text: str, ipa: str) -> None:
    assert phonemizer(text) == ipa


def test_jamo_table() -> None:
    # conjoining jamo as the rules write them: 가 (U+1100 U+1161), 꺼 (U+1101 U+1165), 밖 (final U+11A8)
    assert jamo_to_ipa("\u1100\u1161") == "ka"
    assert jamo_to_ipa("\u1101\u1165") == "kʌ"
    assert jamo_to_ipa("\u1101\u1165", IpaStyle(tense_mark="ʔ")) == "ʔkʌ"
    assert jamo_to_ipa("\u1107\u1161\u11a8") == "pak"
    assert jamo_to_ipa("\u1107\u1161\u11a8", IpaStyle(coda_stops=False)) == "pa"
    # aspiration is written with the vocabulary's ʰ; a pause stops the voicing of the next lenis stop
    assert jamo_to_ipa("\u110f\u1161") == "kʰa"
    assert jamo_to_ipa("\u1161, \u1100\u1161") == "a, ka"
    assert jamo_to_ipa("\u1161 \u1100\u1161") == "a ɡa"


def test_default_style_is_the_measured_one() -> None:
    assert IpaStyle() == DEFAULT_STYLE
