"""Issue 17: weighted BM25 query terms (Korean bigrams count less than words), English phrases
before English words, and the glossary's spoken vocabulary."""

from __future__ import annotations

import pytest

from dialog.catalogue.programmes import Programme
from dialog.retrieval.bm25 import BM25Index
from dialog.retrieval.glossary import english_phrases, expand_english, expand_korean
from dialog.retrieval.hybrid import BIGRAM_WEIGHT, HybridRetriever
from dialog.retrieval.tokenize import tokenize, weighted_tokens
from tests.fakes import HashingEmbedder


def test_weights_scale_each_term_and_default_to_one() -> None:
    index = BM25Index([["연금", "노인"], ["보육", "아동"], ["노인", "돌봄"]])
    plain = index.scores(["연금", "돌봄"])
    assert list(index.scores(["연금", "돌봄"], [1.0, 1.0])) == pytest.approx(list(plain))
    half = index.scores(["연금", "돌봄"], [0.5, 1.0])
    assert half[0] == pytest.approx(plain[0] / 2) and half[2] == pytest.approx(plain[2])
    # a repeated term adds its occurrences' weights, like a repeated unweighted term
    assert list(index.scores(["연금", "연금"], [0.5, 0.5])) == pytest.approx(list(index.scores(["연금"])))
    with pytest.raises(ValueError):
        index.scores(["연금", "돌봄"], [1.0])


def test_korean_bigrams_get_the_bigram_weight_and_words_one() -> None:
    tokens, weights = weighted_tokens("어르신이 학대 신고 elderly 2024", bigram_weight=0.3)
    assert tokens == tokenize("어르신이 학대 신고 elderly 2024")
    assert list(zip(tokens, weights, strict=True)) == [
        ("어르신", 1.0), ("어르", 0.3), ("르신", 0.3), ("학대", 1.0), ("신고", 1.0), ("elderly", 1.0), ("2024", 1.0)
    ]
    assert weighted_tokens("좀 뭐")[0] == []  # stopwords leave no token and no weight


def _programme(pid: str, name: str, summary: str) -> Programme:
    return Programme(id=pid, name_ko=name, summary_ko=summary)


def test_a_long_word_no_longer_outweighs_two_short_ones(hashing_embedder: HashingEmbedder) -> None:
    programmes = [
        _programme("CULTURE", "어르신 문화 행사", "공연 관람"),
        _programme("PROTECT", "보호 기관", "학대 신고 상담"),
        *(_programme(f"OTHER-{i}", f"기타 사업 {i}", "주거 교육 취업") for i in range(4)),
    ]
    query = "어르신 학대 신고"
    flat = HybridRetriever(programmes, hashing_embedder, bigram_weight=1.0)
    # with bigrams weighing as much as words, 어르신 (어르신, 어르, 르신) counts three times
    assert flat.rank(query, "bm25")[0].programme.id == "CULTURE"
    weighted = HybridRetriever(programmes, hashing_embedder)
    assert weighted.bigram_weight == BIGRAM_WEIGHT < 1.0
    top = weighted.rank(query, "bm25")[0]
    assert top.programme.id == "PROTECT"
    # the reported BM25 score (the relevance guard's evidence) stays the plain, unweighted one
    assert top.bm25 == pytest.approx(float(weighted.bm25.scores(tokenize(query))[1]))


def test_english_phrases_are_read_before_their_words() -> None:
    terms, rest = english_phrases("I'm disabled and can't work, is there a monthly payment")
    assert terms == "근로능력" and "work" not in rest
    assert "일자리" not in expand_english(tokenize(rest))  # "work" is not read as a job search
    terms, rest = english_phrases("can a care worker come to the house")
    assert "방문" in terms and "house" not in rest
    assert english_phrases("is there a pension") == ("", "is there a pension")


def test_english_stems_find_entries_that_keep_a_final_e() -> None:
    # "abused" stems to "abus", the entry "abuse" to "abuse"
    assert "학대" in expand_english(tokenize("she is being abused"))
    assert "노후" in expand_english(tokenize("I retired last year"))


def test_spoken_korean_reaches_administrative_words() -> None:
    assert "매월" in expand_korean("나라에서 매달 주는 돈")
    assert "일시금" in expand_korean("한 번에 주는 돈")  # spacing does not matter
    assert "돌봄" in expand_korean("애 봐 줄 사람")
    assert "보육료" in expand_korean("어린이집 비용")
