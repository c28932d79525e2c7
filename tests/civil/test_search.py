"""One search over civil services and benefits (real multilingual-e5 embedder)."""

from __future__ import annotations

import pytest

from dialog.civil.desk import CivilDesk
from dialog.retrieval.hybrid import HybridRetriever

ISSUE_QUESTIONS = [  # what the issue tried over the landed gateway, and what should answer
    ("주민등록등본 떼려면 어떻게 해요?", "CIVIL-RESIDENT-CERT"),
    ("여권 발급은 어디서 해요?", "CIVIL-PASSPORT"),
    ("대형 폐기물은 어떻게 버려요?", "CIVIL-BULKY-WASTE"),
    ("주정차 위반 과태료 이의신청은 어떻게 해요?", "CIVIL-PARKING-FINE-OBJECTION"),
    ("How do I renew my passport?", "CIVIL-PASSPORT"),
    ("停车罚款在哪里交？", "CIVIL-PARKING-FINE-PAY"),
]
BENEFIT_QUESTIONS = [
    "기초연금 받을 수 있나요?",
    "어머니가 75세인데 받을 수 있는 혜택이 뭐가 있어요?",
    "아이 낳으면 나라에서 돈 주는 거 있어요?",
    "Is there a pension for seniors over 65?",
    "기초연금은 어디서 신청해요?",
    # benefit questions with errand words (신청서, 떼요, 예약, 고지서, 办理, đăng ký, 申し込み)
    "출산하면 주는 돈 신청서 어디서 떼요",
    "치매 검사 예약하고 싶어요",
    "국민연금 고지서가 왔는데 못 내겠어요",
    "주민센터 가면 생계비 신청할 수 있어요",
    "我想申请儿童补贴在哪里办理",
    "Tôi muốn đăng ký trợ cấp nuôi con",
    "子供の手当の申し込みはどこですか",
    # a civil word inside a benefit question ("lost" a job, "giấy tờ" for a pension, 발급 of a disability pass)
    "I lost my job, can I get money for living costs",
    "Tôi bị mất việc có được tiền sinh hoạt không",
    "Cần giấy tờ gì để xin lương hưu cơ bản",
    "기초수급자 신청하려면 무슨 서류 필요해요",
    "장애인 주차증 발급 받으려면",
    "補聴器が高すぎます",
    # an errand verb alone (서류, 고지서, 잃어버렸, 丢, 预约, làm mất, 予約) is no cue: the thing asked about decides
    "우리 엄마 요양등급 받으려면 서류 뭐 내요",
    "월세가 밀려서 고지서가 계속 와요 도와주는 거 있어요",
    "I lost my senior transit card can I get a new one",
    "儿童餐卡丢了怎么办",
    "怎么预约免费体检",
    "Tôi làm mất thẻ ăn của con thì làm sao",
    "健康診断の予約をしたいです",
]


@pytest.mark.parametrize(("question", "expected"), ISSUE_QUESTIONS)
def test_civil_questions_get_the_civil_entry_first_and_only_civil_suggestions(
    desk: CivilDesk, benefits: HybridRetriever, question: str, expected: str
) -> None:
    route = desk.search.route(question, benefits)
    assert route.kind == "civil"
    assert route.hits[0].entry.id == expected
    assert all(h.entry.kind == "civil" for h in route.hits)


@pytest.mark.parametrize("question", BENEFIT_QUESTIONS)
def test_benefit_questions_stay_benefit_questions(desk: CivilDesk, benefits: HybridRetriever, question: str) -> None:
    assert desk.search.route(question, benefits).kind == "benefit"
