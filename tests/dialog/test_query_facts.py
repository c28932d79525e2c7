"""Facts a question states about the person it is about (dialog.retrieval.query_facts), in five languages."""

from __future__ import annotations

from datetime import date

import pytest

from dialog.eligibility.profile import Attribute, ChildValue, Span
from dialog.retrieval.query_facts import about

TODAY = date(2026, 6, 1)


@pytest.mark.parametrize(
    ("text", "subject", "age"),
    [
        ("어머니가 75세인데 받을 수 있는 혜택이 뭐가 있어요?", "elder", Span(75, 75)),
        ("어머니가 일흔다섯이신데 받을 수 있는 게 뭐예요?", "elder", Span(75, 75)),
        ("나이가 칠십이 넘었는데 나라에서 매달 주는 돈 있어요?", "self", Span(70, 110)),
        ("일흔 넘은 어머니가 받을 수 있는 거 있나요", "elder", Span(70, 110)),
        ("칠십오 세인데 받을 수 있는 거 있어요?", "self", Span(75, 75)),
        ("我七十岁了，有什么补助？", "self", Span(70, 70)),
        ("我七十多岁了，国家每个月给老人发钱吗？", "elder", Span(70, 79)),
        ("七十歳を過ぎましたが、もらえるお金はありますか", "self", Span(70, 110)),
        ("Tôi 72 tuổi, nhà nước có trả tiền không?", "self", Span(72, 72)),
        ("my mum is 75, is there a monthly pension?", "elder", Span(75, 75)),
        ("여섯 살 애 키우는데 매달 나오는 돈 있나요", "child", Span(6, 6)),
    ],
)
def test_age_and_subject(text: str, subject: str, age: Span) -> None:
    facts = about(text, TODAY)
    assert facts.subject == subject
    assert facts.age == age


def test_circumstances_become_profile_facts() -> None:
    facts = about("장애가 있는 남편이 혼자 사는데 한 달에 팔십만 원 벌어요", TODAY)
    profile = facts.profile()
    assert profile.flag(Attribute.DISABILITY) is True
    assert profile.households() == frozenset({"1인가구"})
    income = profile.span(Attribute.INCOME)
    assert income is not None and income.lo > 0
    assert about("임신 중인데 병원비 지원 있나요", TODAY).profile().flag(Attribute.PREGNANCY) is True
    assert about("외국인도 받을 수 있나요", TODAY).profile().flag(Attribute.FOREIGN_RESIDENT) is True


def test_an_old_person_has_no_young_children_unless_said() -> None:
    child = about("어머니가 75세인데", TODAY).profile().value(Attribute.CHILD_AGE)
    assert child == ChildValue(False)
    assert about("일흔 넘었는데 손주 아이 키워요", TODAY).profile().value(Attribute.CHILD_AGE) is None


@pytest.mark.parametrize(
    ("text", "topicless"),
    [
        ("어머니가 75세인데 받을 수 있는 혜택이 뭐가 있어요?", True),
        ("어머니가 일흔다섯이신데 받을 수 있는 게 뭐예요?", True),
        ("칠십오 세인데 받을 수 있는 거 있어요?", True),
        ("my mum is 75, what benefits can she get?", True),
        ("나이가 칠십이 넘었는데 나라에서 매달 주는 돈 있어요?", False),
        ("어머니가 75세인데 틀니 지원 돼요?", False),
        ("기초연금 받을 수 있나요", False),  # no facts about anyone: not an overview question
    ],
)
def test_topicless_questions(text: str, topicless: bool) -> None:
    assert about(text, TODAY).topicless is topicless


def test_a_bare_number_is_not_an_age() -> None:
    assert about("129 전화번호 알려 주세요", TODAY).age is None
    assert about("전기세 할인", TODAY).age is None
