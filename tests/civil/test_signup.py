"""Community-centre class sign-up goes through the voice application flow: each answer read back, a
summary, a receipt stored in the records database (real embedder, sample data, SQLite records)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dialog.civil.desk import CivilDesk
from dialog.manager import DialogManager, DialogState
from dialog.places.facilities import FacilityDirectory
from dialog.retrieval.hybrid import HybridRetriever
from malbeot_core.events import BenefitAnswer
from records.applications import ApplicationStore
from records.config import RecordsConfig
from records.store import Records


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ApplicationStore]:
    records = Records.open(RecordsConfig.at(tmp_path))
    yield ApplicationStore(records)
    records.close()


@pytest.fixture
def signup_manager(benefits: HybridRetriever, desk: CivilDesk, store: ApplicationStore) -> DialogManager:
    return DialogManager(benefits, applications=store, facilities=FacilityDirectory.sample(), civil=desk)


def say(manager: DialogManager, state: DialogState, text: str, intent: str, *contains: str) -> BenefitAnswer:
    answer = manager.respond(text, "ko", state)
    assert answer.intent == intent, (text, answer.intent, answer.text)
    for part in contains:
        assert part in answer.text, (text, part, answer.text)
    return answer


def sign_up(manager: DialogManager, state: DialogState) -> BenefitAnswer:
    say(manager, state, "홍길동입니다", "application_confirm", "홍길동")
    say(manager, state, "네", "application_field", "전화번호")
    say(manager, state, "공일공 일이삼사 오육칠팔이에요", "application_confirm", "끝자리가 오육칠팔인 번호")
    say(manager, state, "네", "application_summary")
    return say(manager, state, "네 제출해 주세요", "application_submitted")


def test_asking_to_sign_up_for_a_class_starts_the_application(
    signup_manager: DialogManager, store: ApplicationStore
) -> None:
    state = DialogState()
    say(signup_manager, state, "주민센터 요가 강좌 신청하고 싶어요", "application_field", "성함")
    done = sign_up(signup_manager, state)
    assert done.receipt
    [stored] = store.list(["CIVIL-CENTRE-CLASSES"])
    assert stored.receipt == done.receipt and stored.programme_id == "CIVIL-CENTRE-CLASSES"
    assert "1234" not in str(stored.to_dict())  # masked in lists


def test_yes_after_a_class_answer_signs_up(signup_manager: DialogManager, store: ApplicationStore) -> None:
    state = DialogState()
    offer = say(signup_manager, state, "자치 회관 프로그램 뭐 있어요", "civil_service", "수강 신청을 접수해 드릴까요")
    assert offer.programmes[0].id == "CIVIL-CENTRE-CLASSES"
    say(signup_manager, state, "네", "application_field", "성함")
    assert sign_up(signup_manager, state).receipt
