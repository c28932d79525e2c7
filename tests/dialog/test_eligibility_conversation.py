"""Scripted conversations through the real dialog stack (real embedder, sample catalogue, SQLite records):
question → consent → clarifying questions → eligibility advice → application → receipt, in Korean and English."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from dialog.eligibility.profile import Attribute
from dialog.manager import DialogManager, DialogState
from dialog.places.facilities import FacilityDirectory
from dialog.retrieval.hybrid import HybridRetriever
from malbeot_core.events import BenefitAnswer
from records.applications import ApplicationStore
from records.config import RecordsConfig
from records.store import Records

TODAY = date(2026, 11, 23)
#: the call's moment, 10:00 in Seoul: receipts are dated from the injected clock, never the machine's
NOW = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
RRN, PHONE, ACCOUNT = "5803051234567", "01012345678", "123456789012"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ApplicationStore]:
    records = Records.open(RecordsConfig.at(tmp_path))
    yield ApplicationStore(records, clock=lambda: NOW)
    records.close()


@pytest.fixture
def manager(sample_retriever: HybridRetriever, store: ApplicationStore) -> DialogManager:
    return DialogManager(sample_retriever, applications=store, facilities=FacilityDirectory.sample(),
                         today=lambda: TODAY)


class Call:
    def __init__(self, manager: DialogManager, language: str) -> None:
        self.manager, self.language, self.state = manager, language, DialogState()
        self.answers: list[BenefitAnswer] = []

    def say(self, text: str, intent: str, *contains: str) -> BenefitAnswer:
        answer = self.manager.respond(text, self.language, self.state)
        self.answers.append(answer)
        assert answer.intent == intent, (text, answer.intent, answer.text)
        for part in contains:
            assert part in answer.text, (text, part, answer.text)
        return answer


def _no_raw_personal_numbers(texts: list[str]) -> None:
    for text in texts:
        digits = "".join(ch for ch in text if ch.isdigit())
        for secret in (RRN, PHONE, "1234567", "12345678", ACCOUNT, "3456789012"):
            assert secret not in digits, text


def test_korean_call_from_question_to_receipt(manager: DialogManager, store: ApplicationStore,
                                              caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    call = Call(manager, "ko")
    asked = call.say("혼자 사는 노인인데 제가 받을 수 있는 연금이 있을까요?", "eligibility_consent",
                     "여쭤봐도 될까요", "저장하지 않아요")
    assert "KR-BASIC-PENSION" in [h.id for h in asked.programmes]
    call.say("네", "eligibility_question", "나이가 어떻게 되세요")
    call.say("오십팔년생이에요", "eligibility_question", "천구백오십팔년생으로 들었어요.", "외국 국적")
    advice = call.say("아니요 한국 사람이에요", "eligibility_advice", "대한민국 국적으로 들었어요.", "기초연금",
                      "가능성이 높아요", "만 65세 이상", "최종 결정은 주소지 행정복지센터에서", "상담원",
                      "기초연금 신청을 도와드릴게요")
    assert "KR-BASIC-PENSION" in [h.id for h in advice.programmes]
    assert call.state.profile.consent and call.state.check is None

    call.say("네 신청할게요", "application_field", "기초연금 신청을 도와드릴게요", "성함")
    call.say("홍길동입니다", "application_confirm", "홍길동", "맞나요")
    call.say("네", "application_field", "주민등록번호")
    call.say("오팔공삼공오 다시 일이삼사오육칠", "application_confirm",
             "앞자리 오팔공삼공오, 뒷자리 일로 시작하는 번호")
    call.say("네", "application_field", "전화번호")
    call.say("공일공 일이삼사 오육칠팔", "application_confirm", "끝자리가 오육칠팔인 번호")
    call.say("아니요, 끝자리는 오육칠사예요", "application_confirm", "고쳤어요", "끝자리가 오육칠사인 번호")
    call.say("네", "application_field", "주소")
    call.say("서울 종로구 사직로 161", "application_confirm", "서울 종로구 사직로")
    call.say("네", "application_field", "계좌번호")
    call.say("국민은행 123456789012", "application_confirm", "국민은행 계좌, 끝자리 구공일이")
    call.say("네", "application_summary", "이대로 신청할까요", "끝자리가 오육칠사인 번호")
    done = call.say("네 신청해 주세요", "application_submitted", "접수번호는")
    assert done.receipt.startswith("MB-261123-")
    again = call.say("신청해 주세요", "application_submitted", "이미 접수된")
    assert again.receipt == done.receipt

    stored = store.list(reveal=True)
    assert [a.receipt for a in stored] == [done.receipt] and stored[0].programme_id == "KR-BASIC-PENSION"
    assert stored[0].fields == {"name": "홍길동", "rrn": RRN, "phone": "01012345674",
                                "address": "서울 종로구 사직로 161", "account": f"국민 {ACCOUNT}"}
    assert store.list()[0].masked_fields["phone"] == "010-****-5674"
    _no_raw_personal_numbers([a.text for a in call.answers] + [r.getMessage() for r in caplog.records])


def test_english_call_from_question_to_receipt(manager: DialogManager, store: ApplicationStore) -> None:
    call = Call(manager, "en")
    first = call.say("I am 27 and live alone. Am I eligible for youth rent support?", "eligibility_consent",
                     "May I ask?")
    assert [h.id for h in first.programmes] == ["KR-YOUTH-RENT"]
    call.say("yes", "eligibility_question", "household earn a month")  # the age was volunteered
    call.say("about 1.2 million won a month", "eligibility_advice",
             "Noted: one million two hundred thousand won a month.", "likely eligible for Youth Monthly Rent Support",
             "household income at most 60% of the median income", "the district office", "final decision",
             "Shall I?", "agent")
    call.say("yes", "application_field", "full name")
    call.say("John Smith", "application_confirm", "John Smith")
    call.say("yes", "application_field", "registration number")
    call.say("580305 1234567", "application_confirm", "five eight zero three zero five, then one")
    call.say("yes", "application_field", "phone number")
    call.say("010 1234 5678", "application_confirm", "ending in five six seven eight")
    call.say("no, the phone number ends in 4", "application_confirm", "Corrected.", "ending in five six seven four")
    call.say("yes", "application_field", "address")
    call.say("12 Sajik-ro, Jongno-gu", "application_confirm", "Sajik-ro, Jongno-gu")
    call.say("yes", "application_field", "bank")
    call.say("Kookmin bank 123456789012", "application_confirm", "Kookmin bank account ending in nine zero one two")
    call.say("yes", "application_summary", "Shall I submit it?")
    done = call.say("submit", "application_submitted", "receipt number is two six one one two three")
    assert call.say("submit", "application_submitted", "already submitted").receipt == done.receipt
    assert store.count() == 1 and store.get(done.receipt) is not None
    _no_raw_personal_numbers([a.text for a in call.answers])


def test_a_young_caller_is_told_why_not_after_one_question(manager: DialogManager) -> None:
    call = Call(manager, "ko")
    call.say("저도 기초연금 받을 수 있나요?", "eligibility_consent")
    call.say("네", "eligibility_question", "나이")
    advice = call.say("칠십오년생이에요", "eligibility_advice", "천구백칠십오년생으로 들었어요.",
                      "기초연금은 어려울 것 같아요", "만 65세 이상 조건에 맞지 않기 때문이에요", "행정복지센터",
                      "상담원")
    assert "신청하시겠어요" not in advice.text  # nothing to apply for
    assert call.state.offered_application == ""


def test_consent_refused_asks_nothing(manager: DialogManager) -> None:
    call = Call(manager, "ko")
    call.say("기초연금 제가 받을 자격이 되나요?", "eligibility_consent")
    call.say("아니요", "eligibility_declined", "129", "상담원")
    assert not call.state.profile.consent and call.state.profile.facts == {} and call.state.check is None
    call.say("다시 말해 주세요", "repeat", "129")


def test_dont_know_and_correcting_an_earlier_answer(manager: DialogManager) -> None:
    call = Call(manager, "ko")
    call.say("저 기초연금 받을 수 있을까요?", "eligibility_consent")
    call.say("네", "eligibility_question", "나이")
    call.say("육십칠 세", "eligibility_question", "예순일곱 살로 들었어요.", "외국 국적")
    # "no, …" with an age in it corrects the age; the nationality question is asked again
    call.say("아니요, 오십칠년생이에요", "eligibility_question", "고쳐서 적었어요. 천구백오십칠년생으로 들었어요.",
             "외국 국적")
    call.say("잘 모르겠어요", "eligibility_advice", "괜찮아요", "받으실 수도 있어요",
             "대한민국 국적 조건은 더 확인해야 해요", "만 65세 이상 조건에는 맞으세요")
    assert call.state.profile.declined == {Attribute.FOREIGN_RESIDENT}


def test_a_check_in_progress_survives_repeat_and_slower(manager: DialogManager) -> None:
    call = Call(manager, "ko")
    call.say("제가 기초연금 대상이 되나요?", "eligibility_consent")
    question = call.say("네", "eligibility_question")
    assert call.say("다시 말해 주세요", "repeat").text == question.text
    call.say("천천히 말해 주세요", "slower")
    call.say("모르겠어요", "eligibility_question", "괜찮아요", "외국 국적")  # the age is left to the office
    call.say("아니요", "eligibility_advice", "기초연금은 받으실 수도 있어요", "만 65세 이상 조건은 더 확인해야 해요",
             "대한민국 국적 조건에는 맞으세요")


def test_cancelling_an_application_stores_nothing(manager: DialogManager, store: ApplicationStore) -> None:
    call = Call(manager, "ko")
    call.say("기초연금 신청하고 싶어요", "application_field", "성함")
    call.say("홍길동이요", "application_confirm")
    call.say("취소할게요", "application_cancelled", "아무것도 접수되지 않았어요")
    assert store.count() == 0 and call.state.application is None


def test_a_programme_without_online_application(manager: DialogManager) -> None:
    answer = Call(manager, "ko").say("노인맞춤돌봄서비스 신청해 주세요", "apply", "전화로 바로 신청할 수는 없어요")
    assert answer.programmes[0].id == "KR-SENIOR-CARE"


def test_nearest_facility_by_voice(manager: DialogManager) -> None:
    ko = Call(manager, "ko")
    ko.say("가까운 대피소가 어디예요?", "facility_where", "어느 동")
    ko.say("사직동이요", "facility", "사직동에서 가장 가까운 대피소는 경복궁역 지하 민방위 대피소예요", "약 사백 미터")
    direct = Call(manager, "ko").say("혜화동 근처 주민센터 어디 있어요?", "facility", "혜화동 행정복지센터")
    assert "미터" in direct.text
    en = Call(manager, "en")
    en.say("Where is the nearest library?", "facility_where")
    en.say("I'm in Gahoe-dong", "facility", "Jeongdok Library")
