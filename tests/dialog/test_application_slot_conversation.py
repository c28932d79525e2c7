"""A voice application stores only plausible values: a request, an answer or the wrong kind of value said at a
field's prompt is not stored, and the field is asked again, saying what it needs, in the call's language.

Through the real dialog stack (real embedder, sample catalogue, SQLite records), as in
``test_eligibility_conversation.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

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
def manager(sample_retriever: HybridRetriever, store: ApplicationStore) -> DialogManager:
    return DialogManager(sample_retriever, applications=store, facilities=FacilityDirectory.sample(),
                         today=lambda: date(2026, 11, 23))


class Call:
    def __init__(self, manager: DialogManager, language: str) -> None:
        self.manager, self.language, self.state = manager, language, DialogState()

    def say(self, text: str, intent: str, *contains: str) -> BenefitAnswer:
        answer = self.manager.respond(text, self.language, self.state)
        assert answer.intent == intent, (text, answer.intent, answer.text)
        for part in contains:
            assert part in answer.text, (text, part, answer.text)
        return answer

    def asked_again(self, text: str, field: str, *contains: str) -> BenefitAnswer:
        """``text`` is not a value of ``field``: nothing is kept and the same field is asked again."""
        app = self.state.application
        assert app is not None and app.spec.name == field
        before = dict(app.values)
        answer = self.say(text, "application_field", *contains)
        app = self.state.application
        assert app is not None and app.spec.name == field and app.stage == "value"
        assert app.pending is None and app.values == before
        return answer


def test_yes_apply_said_at_the_name_prompt_is_not_a_name(manager: DialogManager, store: ApplicationStore) -> None:
    call = Call(manager, "ko")
    call.say("기초연금 신청하고 싶어요", "application_field", "기초연금 신청을 도와드릴게요", "성함을 말씀해 주세요")
    again = call.asked_again("네 신청해 주세요", "name", "네, 신청을 계속할게요.", "성함만 말씀해 주세요", "홍길동")
    assert "맞나요" not in again.text and "신청해주세" not in again.text
    call.asked_again("아니요", "name", "취소라고 말씀해 주세요", "성함만 말씀해 주세요")
    call.say("천천히 말해 주세요", "slower", "성함만 말씀해 주세요")  # the same question again, slower
    assert call.state.application is not None and call.state.application.pending is None
    call.say("홍길동입니다", "application_confirm", "성함, 홍길동. 맞나요?")
    call.say("네", "application_field", "주민등록번호")
    call.asked_again("네", "rrn", "열세 자리")
    call.say("오팔공삼공오 다시 일이삼사오육칠", "application_confirm", "앞자리 오팔공삼공오")
    call.say("네", "application_field", "전화번호")
    call.asked_again("공일공 일이삼사 오육칠", "phone", "죄송해요", "한 자리씩")  # a digit short
    call.say("공일공 일이삼사 오육칠팔이에요", "application_confirm", "끝자리가 오육칠팔인 번호")
    call.say("네", "application_field", "주소")
    call.asked_again("홍길동", "address", "도로명, 건물 번호")  # a name, not an address
    call.say("종로구 사직로 161이에요", "application_confirm", "종로구 사직로")
    call.say("네", "application_field", "계좌번호")
    call.asked_again("네 신청해 주세요", "account", "은행 이름과 계좌번호")
    call.say("국민은행 123456789012", "application_confirm", "국민은행 계좌, 끝자리 구공일이")
    call.say("네", "application_summary", "이대로 신청할까요")
    done = call.say("네 신청해 주세요", "application_submitted", "접수번호는")
    stored = store.list(reveal=True)
    assert [a.receipt for a in stored] == [done.receipt]
    assert stored[0].fields == {"name": "홍길동", "rrn": "5803051234567", "phone": "01012345678",
                                "address": "종로구 사직로 161", "account": "국민 123456789012"}


def test_english_yes_go_ahead_at_the_name_prompt_is_not_a_name(manager: DialogManager) -> None:
    call = Call(manager, "en")
    call.say("I want to apply for the basic pension", "application_field", "applicant's full name")
    call.asked_again("yes please go ahead", "name", "Yes, let's carry on", "just the applicant's name")
    call.asked_again("no", "name", "say 'cancel'", "just the applicant's name")
    call.say("My name is John Smith", "application_confirm", "Your name: John Smith. Is that right?")
    call.say("yes", "application_field", "registration number")
    app = call.state.application
    assert app is not None and app.values == {"name": "John Smith"}


def test_keypad_requests_at_a_field_prompt_keep_the_application(manager: DialogManager) -> None:
    """Keypad 1 / 2 / 0 reach the dialog as what they ask for (not as words): the same field question
    again (slower), never a value stored; 0 hands the call to a person."""
    call = Call(manager, "ko")
    asked = call.say("기초연금 신청하고 싶어요", "application_field", "성함을 말씀해 주세요")
    again = manager.keypad("repeat", call.state)
    assert again.intent == "repeat" and again.text == asked.text
    slower = manager.keypad("slower", call.state)
    assert slower.intent == "slower" and "성함을 말씀해 주세요" in slower.text
    app = call.state.application
    assert app is not None and app.spec.name == "name" and app.values == {} and app.pending is None
    call.say("홍길동입니다", "application_confirm", "성함, 홍길동. 맞나요?")  # the next answer still counts
    person = manager.keypad("person", call.state)
    assert person.action == "handoff" and person.language == "ko"
