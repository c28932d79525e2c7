"""What the caller says about the person they ask for shapes the answer (real embedder, sample catalogue)."""

from __future__ import annotations

from datetime import date

import pytest

from dialog.catalogue.programmes import Programme
from dialog.manager import DialogManager, DialogState
from dialog.retrieval.hybrid import HybridRetriever, ids

TODAY = date(2026, 6, 1)
#: programmes for children and their parents, and for young people
CHILD_OR_YOUNG = {"KR-CHILD-ALLOWANCE", "KR-PARENT-ALLOWANCE", "KR-FIRST-MEETING", "KR-CHILDCARE-FEE",
                  "KR-HOME-CHILDCARE", "KR-CHILDCARE-SERVICE", "KR-CHILD-MEAL-CARD", "KR-SINGLE-PARENT",
                  "KR-YOUTH-RENT", "KR-YOUTH-SAVINGS", "KR-YOUTH-CENTRE", "KR-EDUCATION-BENEFIT",
                  "KR-PREGNANCY-VOUCHER", "KR-POSTNATAL-CARE"}
BRIEF_EXAMPLE = "어머니가 75세인데 받을 수 있는 혜택이 뭐가 있어요?"


@pytest.fixture(scope="module")
def retriever(sample_retriever: HybridRetriever) -> HybridRetriever:
    sample_retriever.today = lambda: TODAY
    return sample_retriever


@pytest.fixture(scope="module")
def manager(retriever: HybridRetriever) -> DialogManager:
    return DialogManager(retriever, today=lambda: TODAY)


@pytest.mark.parametrize("question", [
    BRIEF_EXAMPLE,
    "어머니가 일흔다섯이신데 받을 수 있는 게 뭐예요?",
    "일흔 넘은 어머니가 받을 수 있는 거 있나요?",
    "칠십오 세인데 받을 수 있는 거 있어요?",
])
def test_what_can_an_old_person_get(manager: DialogManager, question: str) -> None:
    answer = manager.respond(question, "ko", DialogState())
    found = [h.id for h in answer.programmes]
    assert "KR-BASIC-PENSION" in found[:3], (found, answer.text)
    assert not set(found) & CHILD_OR_YOUNG, found
    assert "찾지 못했어요" not in answer.text
    assert "더 있어요" in answer.text and "확인해 드릴까요" in answer.text  # more, and an offer


def test_search_endpoint_path_answers_the_brief_example(retriever: HybridRetriever) -> None:
    found = ids(retriever.search(BRIEF_EXAMPLE, "ko", k=3))
    assert "KR-BASIC-PENSION" in found and not set(found) & CHILD_OR_YOUNG, found


@pytest.mark.parametrize("question", [
    "어머니가 일흔다섯이신데 매달 받는 돈이 있나요?",
    "나이가 칠십이 넘었는데 나라에서 매달 주는 돈 있어요?",
    "我七十多岁了，国家每个月给老人发钱吗？",
    "七十歳を過ぎましたが、国から毎月もらえるお金はありますか？",
    "Tôi 72 tuổi, nhà nước có trả tiền hàng tháng cho tôi không?",
])
def test_no_child_or_youth_programme_first_for_an_old_person(retriever: HybridRetriever, question: str) -> None:
    found = [r.programme.id for r in retriever.retrieve(question, k=3, only_relevant=False)]
    assert found[0] not in CHILD_OR_YOUNG, found
    assert "KR-BASIC-PENSION" in found, found


def test_suggestion_is_for_the_same_people(manager: DialogManager, retriever: HybridRetriever) -> None:
    answer = manager.respond("틀니 하는 데 도움 받을 수 있나요?", "ko", DialogState())
    assert answer.programmes[0].id == "KR-DENTURES"
    by_id: dict[str, Programme] = {p.id: p for p in retriever.programmes}
    if "비슷한 것으로" in answer.text:
        named = [p for p in by_id.values() if f"비슷한 것으로 {p.name_ko}도" in answer.text]
        assert named and "노년" in named[0].lifecycle, answer.text
    assert "법률" not in answer.text
    young = manager.respond("칠십오 세인데 저축 지원 있나요?", "ko", DialogState())
    assert "청년도약계좌" not in young.text
