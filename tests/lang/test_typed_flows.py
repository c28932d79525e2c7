"""Typed conversations in Chinese, Vietnamese and Japanese over the call websocket, end to end: an
eligibility check that ends in a verdict, an application with read-back and a receipt, and a facility
answer — each in the caller's language, from the project's templates (no translation model).

Real dialog, real multilingual-e5 retrieval over the sample catalogue, a real records database (in a
temporary folder) for the application, the sample facilities. Where the caller answers a field in
Korean (their address, their dong), the call stays in their language.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from starlette.testclient import WebSocketTestSession

from dialog.manager import DialogManager
from dialog.places.facilities import FacilityDirectory
from dialog.templates import flows, numbers
from records.config import RecordsConfig
from records.hub import RecordsHub
from voice_gateway.app import create_app

from .conftest import latin_words, services_with, written_in

PENSION = "KR-BASIC-PENSION"

#: what the caller says, per language: the opening question about themselves, answers by attribute,
#: yes, the application's field values, "submit", then a facility question and their dong
CALLERS: dict[str, dict[str, Any]] = {
    "zh": {
        "opening": "我七十岁，一个人住。我能领基础养老金吗？",
        "answers": {"age": "七十岁", "income": "每月150万韩元", "household": "一个人住",
                    "foreign_resident": "不是，我是韩国国籍", "other": "没有"},
        "yes": "是的",
        "fields": {"name": "我叫王芳", "rrn": "4510125123456", "phone": "010-1234-5678",
                   "address": "서울 종로구 사직로 161", "account": "国民银行 123456789012"},
        "submit": "提交",
        "facility": "最近的行政福利中心在哪里？",
        "dong": "사직동",
        "said": ("기초연금（基础养老金）", "65岁以上", "可能"),
    },
    "vi": {
        "opening": "Tôi 72 tuổi, sống một mình. Tôi có được nhận lương hưu cơ bản không?",
        "answers": {"age": "72 tuổi", "income": "một triệu rưỡi won một tháng", "household": "sống một mình",
                    "foreign_resident": "không, tôi có quốc tịch Hàn Quốc", "other": "không"},
        "yes": "vâng",
        "fields": {"name": "Nguyễn Thị Lan", "rrn": "5203156123456", "phone": "010 1234 5678",
                   "address": "161 Sajik-ro, Jongno-gu", "account": "ngân hàng Shinhan 110123456789"},
        "submit": "có",
        "facility": "Trung tâm hành chính gần nhất ở đâu?",
        "dong": "사직동",
        "said": ("기초연금 (lương hưu cơ bản)", "từ 65 tuổi trở lên", "khả năng"),
    },
    "ja": {
        "opening": "私は七十歳で一人暮らしです。私は基礎年金をもらえますか？",
        "answers": {"age": "七十歳です", "income": "月150万ウォンです", "household": "一人暮らしです",
                    "foreign_resident": "いいえ、韓国籍です", "other": "いいえ"},
        "yes": "はい",
        "fields": {"name": "山田花子", "rrn": "4510125123456", "phone": "01012345678",
                   "address": "서울 종로구 사직로 161", "account": "農協 302 1234 5678 91"},
        "submit": "はい",
        "facility": "近くの住民センターはどこですか",
        "dong": "사직동",
        "said": ("기초연금（基礎年金）", "65歳以上", "可能性"),
    },
}


@pytest.fixture
def gateway(real_dialog: DialogManager, tmp_path: Path) -> Iterator[tuple[TestClient, RecordsHub]]:
    hub = RecordsHub(RecordsConfig.at(tmp_path))
    dialog = DialogManager(real_dialog.retriever, applications=hub.sink(), facilities=FacilityDirectory.sample(),
                           today=lambda: date(2026, 12, 5))
    services = services_with(dialog)
    with TestClient(create_app(services.config, services)) as client:
        yield client, hub
    hub.close()


def ask(ws: WebSocketTestSession, text: str) -> dict[str, Any]:
    ws.send_json({"type": "text", "text": text})
    while True:
        event = ws.receive_json()
        assert event["type"] != "error", event
        if event["type"] == "answer":
            return event


def in_language(answer: dict[str, Any], language: str) -> None:
    assert answer["language"] == language, answer
    assert written_in(answer["text"]) == language, answer["text"]
    if language != "vi":
        assert not latin_words(answer["text"]), answer["text"]  # no English left in
    assert answer["machine_translated"] is False


def asked_attribute(text: str, language: str) -> str:
    return next(a for a, texts in flows.QUESTIONS.items() if texts[language] in text)


def asked_field(text: str, language: str) -> str:
    return next(name for name, texts in flows.FIELDS.items()
                if texts[language][1] in text or texts[language][2] in text)


@pytest.mark.parametrize("language", sorted(CALLERS))
def test_check_application_and_facility_in_the_callers_language(
    gateway: tuple[TestClient, RecordsHub], language: str
) -> None:
    client, hub = gateway
    caller = CALLERS[language]
    with client.websocket_connect("/v1/call?language=auto&tts=0") as ws:
        assert ws.receive_json()["type"] == "ready"
        # the check: consent, questions answered in the caller's language, a verdict
        answer = ask(ws, caller["opening"])
        assert answer["intent"] == "eligibility_consent"
        in_language(answer, language)
        answer = ask(ws, caller["yes"])
        heard: list[str] = []
        for _ in range(8):
            in_language(answer, language)
            if answer["intent"] != "eligibility_question":
                break
            attribute = asked_attribute(answer["text"], language)
            answer = ask(ws, caller["answers"].get(attribute, caller["answers"]["other"]))
            heard.append(answer["text"])
        assert answer["intent"] == "eligibility_advice", answer
        assert answer["programmes"][0]["id"] == PENSION
        for words in caller["said"]:
            assert words in answer["text"], (words, answer["text"])
        assert flows.CHECK["heard"][language].split("{")[0] in answer["text"]  # what was heard, read back
        assert flows.ADVICE["offer"][language].split("{")[0] in answer["text"]  # offered to apply now

        # the application: every field asked, read back and confirmed, a summary, a receipt
        answer = ask(ws, caller["yes"])
        assert answer["intent"] == "application_field"
        for _ in range(12):
            in_language(answer, language)
            if answer["intent"] == "application_field":
                answer = ask(ws, caller["fields"][asked_field(answer["text"], language)])
                assert answer["intent"] == "application_confirm", answer
            elif answer["intent"] == "application_confirm":
                answer = ask(ws, caller["yes"])
            else:
                break
        assert answer["intent"] == "application_summary", answer
        assert "5678" not in answer["text"] and numbers.digits("5678", language) in answer["text"]  # masked tail
        submitted = ask(ws, caller["submit"])
        in_language(submitted, language)
        assert submitted["intent"] == "application_submitted" and submitted["receipt"]
        assert numbers.number_groups(submitted["receipt"], language) in submitted["text"]

        # a facility: where the caller is, said as a Korean dong name, keeps the call's language
        where = ask(ws, caller["facility"])
        assert where["intent"] == "facility_where"
        in_language(where, language)
        nearest = ask(ws, caller["dong"])
        ws.send_json({"type": "stop"})
    assert nearest["intent"] == "facility"
    in_language(nearest, language)
    assert "사직동 행정복지센터" in nearest["text"]
    stored = hub.applications.list()
    assert [(a.programme_id, a.language, a.receipt) for a in stored] == [(PENSION, language, submitted["receipt"])]


def test_an_answer_in_korean_to_a_field_keeps_the_call_in_chinese(gateway: tuple[TestClient, RecordsHub]) -> None:
    client, _ = gateway
    with client.websocket_connect("/v1/call?language=auto&tts=0") as ws:
        assert ws.receive_json()["type"] == "ready"
        ask(ws, "我想申请基础养老金")
        for said in ("我叫王芳", "对", "4510125123456", "对", "010-1234-5678", "对"):
            ask(ws, said)
        confirm = ask(ws, "서울 종로구 사직로 161")  # the address, said in Korean
        korean = ask(ws, "기초연금이 뭐예요?")  # not an answer: a Korean question is answered in Korean
        ws.send_json({"type": "stop"})
    assert confirm["intent"] == "application_confirm" and confirm["language"] == "zh"
    assert confirm["text"].startswith("地址：")
    assert korean["language"] == "ko"
