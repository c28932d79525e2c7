"""The eligibility check follows the conversation; amounts are stated (real embedder, sample catalogue)."""

from __future__ import annotations

from datetime import date

import pytest

from dialog.eligibility.profile import Attribute
from dialog.intents import IntentName, detect_intent
from dialog.manager import DialogManager, DialogState
from dialog.retrieval.hybrid import HybridRetriever

TODAY = date(2026, 6, 1)


@pytest.fixture(scope="module")
def manager(sample_retriever: HybridRetriever) -> DialogManager:
    return DialogManager(sample_retriever, today=lambda: TODAY)


@pytest.mark.parametrize("text", [
    "기초연금 받을 수 있는지 확인해 주세요",
    "어머니가 기초연금 받을 수 있는지 알아봐 주세요",
    "기초연금 대상인지 확인해 주세요",
])
def test_asking_for_a_check_is_a_check(text: str) -> None:
    assert detect_intent(text).name is IntentName.CHECK_ELIGIBILITY


def test_answers_inside_a_check_are_answers(manager: DialogManager) -> None:
    state = DialogState()
    start = manager.respond("기초연금 받을 수 있는지 확인해 주세요", "ko", state)
    assert start.intent == "eligibility_consent"
    assert [h.id for h in start.programmes] == ["KR-BASIC-PENSION"]
    asked = manager.respond("네", "ko", state)
    assert asked.intent == "eligibility_question"
    alone = manager.respond("혼자 살아요", "ko", state)
    assert alone.intent.startswith("eligibility_"), alone.text
    assert state.profile.households() == frozenset({"1인가구"})
    income = manager.respond("한 달에 팔십만 원 정도요", "ko", state)
    assert income.intent.startswith("eligibility_"), income.text
    assert "아동수당" not in income.text
    assert state.profile.knows(Attribute.INCOME)


@pytest.mark.parametrize(("question", "amount"), [
    ("기초연금은 얼마나 받아요?", "30만 원"),
    ("아동수당은 얼마 나와요?", "10만 원"),
])
def test_how_much_states_the_amount(manager: DialogManager, question: str, amount: str) -> None:
    answer = manager.respond(question, "ko", DialogState())
    assert amount in answer.text, answer.text
    assert "매달" in answer.text or "월" in answer.text
