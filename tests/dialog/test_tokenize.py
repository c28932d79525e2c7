"""The Korean-aware BM25 tokenizer."""

from __future__ import annotations

import pytest

from dialog.retrieval.tokenize import bigrams, has_hangul, normalise, stem_english, strip_korean, tokenize


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("연금이", "연금"),
        ("어르신들에게는", "어르신"),
        ("노인에게", "노인"),
        ("주민센터에서", "주민센터"),
        ("보육료를", "보육료"),
        ("신청하려면", "신청"),
        ("지원합니다", "지원"),
        ("아이", "아이"),  # a noun that ends like a particle stays
        ("어린이", "어린이"),
        ("나이", "나이"),
        ("집에서", "집"),  # a two-syllable particle may leave one syllable
        ("국가", "국가"),  # a one-syllable particle needs a two-syllable stem
    ],
)
def test_strip_korean(word: str, stem: str) -> None:
    assert strip_korean(word) == stem


def test_hangul_words_give_word_and_bigrams() -> None:
    assert tokenize("기초연금을") == ["기초연금", "기초", "초연", "연금"]
    assert bigrams("보육료") == ["보육", "육료"]


def test_spacing_and_compounds_still_match() -> None:
    joined = set(tokenize("기초연금"))
    spaced = set(tokenize("기초 연금"))
    assert {"기초", "연금"} <= joined & spaced
    # speech recognition output without spaces still carries the topic's bigrams
    assert {"기초", "연금"} <= set(tokenize("기초연금받을수있나요"))


def test_korean_function_words_are_dropped() -> None:
    tokens = tokenize("제가 어떻게 받을 수 있나요?")
    assert tokens == []
    assert "연금" in tokenize("만 65세 이상 어르신이 받을 수 있는 연금이 있나요?")
    assert "65" in tokenize("만 65세")


def test_english_stopwords_and_suffixes() -> None:
    assert tokenize("Is there a pension for the seniors?") == ["pension", "senior"]
    assert stem_english("classes") == "class"
    assert stem_english("families") == "family"
    assert stem_english("screening") == stem_english("screenings") == "screen"
    assert stem_english("bus") == "bus"
    assert tokenize("Children's allowances") == ["children", "allowance"]


def test_chinese_and_japanese_give_bigrams() -> None:
    assert tokenize("外国人韩语课") == ["外国", "国人", "人韩", "韩语", "语课"]
    assert tokenize("年金") == ["年金"]
    assert tokenize("高齢者の年金")[:2] == ["高齢", "齢者"]


def test_vietnamese_words_keep_their_letters() -> None:
    assert tokenize("Tôi muốn học tiếng Hàn") == ["tôi", "muốn", "học", "tiếng", "hàn"]


def test_normalise_and_script_detection() -> None:
    assert normalise("ＡＢＣ１２３") == "abc123"
    assert has_hangul("pension 연금") and not has_hangul("pension")
    assert tokenize("") == [] and tokenize("?!...") == []


def test_spoken_endings_leave_no_bigrams() -> None:
    """ "못 하는데", "낳으면", "있잖아요": the endings are stripped and give no bigram that could
    match catalogue prose (하는데 → 하는/는데 once matched 장제급여 with BM25 7)."""
    tokens = tokenize("장애가 있어서 일을 못 하는데 매달 나오는 돈 없어요")
    assert "장애" in tokens and "매달" in tokens
    assert not {"하는데", "하는", "는데", "어서", "있어서"} & set(tokens)
    assert "낳" in tokenize("아기 낳으면") and "으면" not in tokenize("아기 낳으면")
    assert not {"잖아", "있잖"} & set(tokenize("그거 있잖아요"))
