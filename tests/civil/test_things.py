"""A civil entry's things as civil cues (``dialog.civil.cues.thing_words``; real multilingual-e5 embedder).

A question that names the thing of a civil errand ("교실", "강당", "지갑") but no cue word of the fixed
list was routed on the dense evidence alone, and on the 복지로 461 list a programme a little closer
on the cosine went first. The words of an entry's names and aliases now count as civil cues, less the
errand verbs and office words, and only when the closest programme does not name the thing too.
"""

from __future__ import annotations

import pytest

from dialog.catalogue.programmes import Programme
from dialog.catalogue.sample import sample_programmes
from dialog.civil.cues import NOT_THINGS, thing_words
from dialog.civil.desk import CivilDesk
from dialog.civil.entry import CivilEntry
from dialog.civil.knowledge import CivilKnowledge
from dialog.civil.search import CivilIndex, CivilSearch
from dialog.retrieval.embedder import Embedder
from dialog.retrieval.hybrid import HybridRetriever


def test_things_are_the_nouns_of_names_and_aliases_not_the_errand_words() -> None:
    words = thing_words(["주민센터 자치회관 강좌 신청", "요가 교실", "체육관 예약", "지갑을 잃어버렸", "Yoga class"])
    assert {"자치회관", "강좌", "요가", "교실", "체육관", "지갑"} <= words
    assert not words & {"신청", "예약", "주민센터", "잃어버렸", "yoga", "class"}  # Korean words only
    assert "지갑을" not in words  # the particle is dropped
    assert {"신청", "예약", "분실", "서류", "고지서", "주민센터"} <= NOT_THINGS


def test_an_entry_staff_add_brings_its_own_things(e5: Embedder) -> None:
    garden = CivilEntry(
        id="CIVIL-TEST-GARDEN",
        names={"ko": "도시텃밭 분양 신청", "en": "Allotment garden"},
        topic="booking",
        where=("district_office",),
        aliases={"ko": ("주말농장", "텃밭")},
        source="test",
        source_url="https://example.org",
    )
    knowledge = CivilKnowledge.sample()
    assert "텃밭" not in CivilIndex(knowledge.active(), e5).things
    knowledge.upsert(garden)
    things = CivilIndex(knowledge.active(), e5).things
    assert {"도시텃밭", "텃밭", "주말농장"} <= things
    assert "신청" not in things


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # no word of the fixed cue list, no whole alias: a thing of the classes entry decides
        ("주민센터 탁구 교실 신청 할라고요", "CIVIL-CENTRE-CLASSES"),
        ("자치회관 강좌 뭐 있어요", "CIVIL-CENTRE-CLASSES"),
    ],
)
def test_a_question_that_names_a_civil_thing_is_civil(
    desk: CivilDesk, benefits: HybridRetriever, question: str, expected: str
) -> None:
    route = desk.search.route(question, benefits)
    assert route.kind == "civil"
    assert route.hits[0].entry.id == expected


def test_a_thing_the_closest_programme_names_too_is_no_civil_cue(desk: CivilDesk) -> None:
    index = desk.search.index
    question = "주민센터 탁구 교실 신청 할라고요"
    assert index.things_named(question) == ["교실"]  # 주민센터, 신청: office and errand words
    assert index.things_named(question, "기초연금 만 65세 이상 어르신께 매달 드리는 연금") == ["교실"]
    assert index.things_named(question, "어르신 탁구 교실 지원: 주민센터에서 수강료를 지원합니다") == []
    assert index.things_named("재산세 고지서 받았어요", "지방세 비과세감면(주민세, 취득세, 자동차세, 재산세)") == []


def test_a_programme_for_the_thing_still_gets_the_question(e5: Embedder, desk: CivilDesk) -> None:
    """With a programme for table-tennis classes in the catalogue, "탁구 교실" is that programme's
    thing as much as the civil entry's: the question is routed on the dense evidence, to the programme."""
    classes = Programme(
        id="KR-TEST-TABLE-TENNIS",
        name_ko="어르신 탁구 교실 지원",
        name_en="Table-tennis classes for seniors",
        summary_ko="주민센터에서 어르신 탁구 교실 수강료를 지원합니다.",
        support_ko="탁구 교실 수강료 전액",
        how_to_apply_ko="주민센터에 신청",
    )
    benefits = HybridRetriever([*sample_programmes(), classes], e5)
    route = CivilSearch(desk.search.index).route("주민센터 탁구 교실 신청 할라고요", benefits)
    assert route.kind == "benefit"
    assert benefits.retrieve("주민센터 탁구 교실 신청 할라고요", k=1)[0].programme.id == "KR-TEST-TABLE-TENNIS"
