"""Eligibility combined with text relevance (dialog.retrieval.fit) and which suggestions belong together."""

from __future__ import annotations

from datetime import date

import pytest

from dialog.catalogue.programmes import Programme
from dialog.catalogue.sample import sample_programmes
from dialog.overview_answer import related
from dialog.retrieval.fit import Fit, fit, overview, rerank
from dialog.retrieval.hybrid import Ranked
from dialog.retrieval.query_facts import about

TODAY = date(2026, 6, 1)


@pytest.fixture(scope="module")
def by_id() -> dict[str, Programme]:
    return {p.id: p for p in sample_programmes()}


def _ranked(programmes: list[Programme]) -> list[Ranked]:
    """Programmes in this order with falling scores, as retrieval would return them."""
    return [Ranked(p, 1.0 - 0.1 * i, 0.8, 1.0, 1.0, True) for i, p in enumerate(programmes)]


@pytest.mark.parametrize(
    ("text", "pid", "expected"),
    [
        ("어머니가 75세인데", "KR-CHILD-ALLOWANCE", Fit.FAILS),
        ("어머니가 75세인데", "KR-YOUTH-SAVINGS", Fit.FAILS),
        ("어머니가 75세인데", "KR-BASIC-PENSION", Fit.FITS),
        ("칠십오 세인데", "KR-YOUTH-SAVINGS", Fit.FAILS),
        ("어머니가 일흔다섯이신데", "KR-SENIOR-CARE", Fit.FITS),
        ("어머니를 모시고 사는데", "KR-PARENT-ALLOWANCE", Fit.FAILS),
        ("여섯 살 애 키우는데", "KR-CHILD-ALLOWANCE", Fit.FITS),
        ("여섯 살 애 키우는데", "KR-BASIC-PENSION", Fit.FAILS),
        ("서른다섯 살인데 아기가 태어났어요", "KR-PARENT-ALLOWANCE", Fit.NEUTRAL),  # a parent: not excluded
        ("I'm 25 and my rent is too high", "KR-YOUTH-RENT", Fit.FITS),
        ("장애가 있어요", "KR-DISABILITY-PENSION", Fit.FITS),
        ("전기세 할인", "KR-CHILD-ALLOWANCE", Fit.NEUTRAL),  # nothing said about anyone
    ],
)
def test_fit(by_id: dict[str, Programme], text: str, pid: str, expected: Fit) -> None:
    assert fit(by_id[pid], about(text, TODAY)) is expected


def test_a_programme_the_person_fails_is_never_first(by_id: dict[str, Programme]) -> None:
    ranked = _ranked([by_id["KR-CHILD-ALLOWANCE"], by_id["KR-YOUTH-SAVINGS"], by_id["KR-FOOD-BANK"],
                      by_id["KR-BASIC-PENSION"]])
    out = [r.programme.id for r in rerank(ranked, about("어머니가 일흔다섯이신데 매달 주는 돈", TODAY))]
    assert set(out[:2]) == {"KR-BASIC-PENSION", "KR-FOOD-BANK"}
    assert set(out[2:]) == {"KR-CHILD-ALLOWANCE", "KR-YOUTH-SAVINGS"}


def test_a_fitting_programme_is_lifted_past_a_close_neutral_one(by_id: dict[str, Programme]) -> None:
    ranked = [Ranked(by_id["KR-FOOD-BANK"], 0.80, 0.8, 1.0, 1.0, True),
              Ranked(by_id["KR-BASIC-PENSION"], 0.76, 0.8, 1.0, 1.0, True)]
    out = rerank(ranked, about("칠십오 세인데 돈이 필요해요", TODAY))
    assert out[0].programme.id == "KR-BASIC-PENSION"
    # nothing said about anyone: the order is the retrieval's
    assert rerank(ranked, about("돈이 필요해요", TODAY)) == ranked


def test_overview_for_an_old_person_has_pension_and_nothing_for_children(by_id: dict[str, Programme]) -> None:
    programmes = list(by_id.values())

    def rank(query: str) -> list[Ranked]:  # text relevance by shared words, as a stand-in ranking
        words = set(query.split())
        scored = [(len(words & set((p.name_ko + " " + p.summary_ko).split())), p) for p in programmes]
        return _ranked([p for _, p in sorted(scored, key=lambda t: -t[0])])

    out = overview(rank, about("어머니가 75세인데 받을 수 있는 혜택이 뭐가 있어요?", TODAY), k=3)
    assert len(out) == 3
    for r in out:
        assert "노년" in r.programme.lifecycle or r.programme.eligibility.min_age, r.programme.id
        assert fit(r.programme, about("어머니가 75세인데", TODAY)) is Fit.FITS


@pytest.mark.parametrize(
    ("best", "other", "expected"),
    [
        ("KR-DENTURES", "KR-LEGAL-AID", False),
        ("KR-DENTURES", "KR-SENIOR-CARE", True),
        ("KR-BASIC-PENSION", "KR-YOUTH-SAVINGS", False),
        ("KR-CHILD-ALLOWANCE", "KR-PARENT-ALLOWANCE", True),
        ("KR-LIVELIHOOD-BENEFIT", "KR-HOUSING-BENEFIT", True),
    ],
)
def test_suggestions_are_for_the_same_people(by_id: dict[str, Programme], best: str, other: str,
                                             expected: bool) -> None:
    assert related(by_id[best], by_id[other]) is expected
