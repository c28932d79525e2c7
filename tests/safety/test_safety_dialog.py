"""The dialog answers danger first: the number, an urgent hand-off, in the caller's language."""

from __future__ import annotations

import pytest

from dialog.catalogue.programmes import Catalogue
from dialog.catalogue.sample import load_sample
from dialog.manager import HANDOFF_URGENT, DialogManager, DialogState
from dialog.retrieval.hybrid import HybridRetriever
from tests.fakes import HashingEmbedder


@pytest.fixture(scope="module")
def manager() -> DialogManager:
    catalogue: Catalogue = load_sample()
    return DialogManager(HybridRetriever(catalogue, HashingEmbedder()))


@pytest.mark.parametrize(
    ("text", "heard", "intent", "language", "spoken"),
    [
        ("요즘 너무 힘들어서 그냥 죽고 싶어요", "ko", "danger_suicide", "ko", "일공구"),
        ("어머니가 쓰러지셨는데 숨을 잘 못 쉬세요", "ko", "danger_medical", "ko", "일일구"),
        ("아들이 자꾸 때리고 돈을 뺏어가요", "ko", "danger_abuse", "ko", "일오칠칠에 일삼팔구"),
        ("I want to end my life", "en", "danger_suicide", "en", "one zero nine"),
        # a Vietnamese woman typing on a page set to Korean is answered in Vietnamese
        ("chồng tôi đánh tôi", "ko", "danger_abuse", "vi", "một ba sáu sáu"),
    ],
)
def test_danger_is_never_not_found(manager: DialogManager, text: str, heard: str, intent: str, language: str,
                                   spoken: str) -> None:
    state = DialogState()
    answer = manager.respond(text, heard, state)
    assert answer.intent == intent
    assert answer.action == HANDOFF_URGENT
    assert answer.language == language and state.language == language
    assert answer.programmes == ()
    assert "찾지 못했" not in answer.text and "could not find" not in answer.text
    assert answer.emergency is not None
    assert spoken in answer.emergency.protected and answer.text.startswith(answer.emergency.protected)
    assert answer.emergency.kind == intent.removeprefix("danger_")


def test_the_redacted_words_travel_with_the_answer(manager: DialogManager) -> None:
    answer = manager.respond("남편이 때려요 제 번호는 공일공 일이삼사 오육칠팔이에요", "ko", DialogState())
    assert answer.emergency is not None
    assert "일이삼사" not in answer.emergency.said and "[번호]" in answer.emergency.said


def test_elderly_calls_hear_it_slowly(manager: DialogManager) -> None:
    state = DialogState(elderly=True)
    answer = manager.respond("가슴이 너무 아파요", "ko", state)
    assert answer.intent == "danger_medical" and answer.rate == manager.elderly_rate < 1.0


def test_danger_interrupts_a_flow_and_the_call_goes_on(manager: DialogManager) -> None:
    state = DialogState()
    manager.respond("기초연금 받을 수 있을까요", "ko", state)
    answer = manager.respond("불이 났어요", "ko", state)
    assert answer.intent == "danger_fire" and state.check is None
    after = manager.respond("기초연금 알려 주세요", "ko", state)
    assert not after.intent.startswith("danger")


def test_hyperbole_goes_to_retrieval(manager: DialogManager) -> None:
    answer = manager.respond("추워 죽겠는데 난방비 지원 있어요", "ko", DialogState())
    assert not answer.intent.startswith("danger") and answer.emergency is None
