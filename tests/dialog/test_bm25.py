"""Okapi BM25 against hand-computed values."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dialog.retrieval.bm25 import BM25Index

DOCS = [
    ["연금", "노인", "연금"],
    ["보육", "아동"],
    ["노인", "돌봄", "방문", "서비스", "노인"],
]


def test_score_matches_the_formula() -> None:
    index = BM25Index(DOCS, k1=1.2, b=0.75)
    avg = (3 + 2 + 5) / 3
    idf = math.log(1 + (3 - 1 + 0.5) / (1 + 0.5))  # "연금" is in one document
    tf = 2
    expected = idf * tf * 2.2 / (tf + 1.2 * (1 - 0.75 + 0.75 * 3 / avg))
    scores = index.scores(["연금"])
    assert scores[0] == pytest.approx(expected)
    assert scores[1] == scores[2] == 0.0


def test_rarer_terms_weigh_more() -> None:
    index = BM25Index(DOCS)
    assert index.idf["연금"] > index.idf["노인"]
    assert index.vocabulary_size == 7


def test_length_normalisation() -> None:
    short_doc = ["연금"]
    long_doc = ["연금", "a", "b", "c", "d", "e", "f", "g"]
    normalised = BM25Index([short_doc, long_doc], b=0.75).scores(["연금"])
    flat = BM25Index([short_doc, long_doc], b=0.0).scores(["연금"])
    assert normalised[0] > normalised[1]
    assert flat[0] == pytest.approx(flat[1])


def test_term_frequency_saturates() -> None:
    index = BM25Index([["x"] * 1, ["x"] * 10, ["y"]], b=0.0)
    one, ten, _ = index.scores(["x"])
    assert ten > one
    assert ten < 2.2 / 1.0 * one  # never more than (k1 + 1) times a single occurrence


def test_query_term_repetition_counts_and_unknown_terms_do_not() -> None:
    index = BM25Index(DOCS)
    once = index.scores(["노인"])
    twice = index.scores(["노인", "노인"])
    np.testing.assert_allclose(twice, 2 * once)
    np.testing.assert_array_equal(index.scores(["없는말"]), np.zeros(3))
    np.testing.assert_array_equal(index.scores([]), np.zeros(3))


def test_top_returns_positive_scores_best_first() -> None:
    index = BM25Index(DOCS)
    top = index.top(["노인", "돌봄"], k=5)
    assert [i for i, _ in top] == [2, 0]
    assert top[0][1] > top[1][1] > 0


def test_bad_parameters_are_refused() -> None:
    with pytest.raises(ValueError):
        BM25Index(DOCS, k1=-1.0)
    with pytest.raises(ValueError):
        BM25Index(DOCS, b=1.5)


def test_empty_documents() -> None:
    index = BM25Index([[], []])
    np.testing.assert_array_equal(index.scores(["x"]), np.zeros(2))
