"""Foreign residents typing in Chinese, Vietnamese and Japanese over the call websocket are answered in
their own language, about the right Korean programme; the call's language is kept across turns.

Real dialog, real multilingual-e5 retrieval over the sample catalogue, no translation model: every
word of these answers comes from text the project wrote (templates, glosses, fixed sentences).
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from starlette.testclient import WebSocketTestSession

from .conftest import latin_words, written_in

PENSION = "KR-BASIC-PENSION"
INTERPRETING = {"KR-DANURI-CALL", "KR-FOREIGNER-CENTRE", "KR-FAMILY-CENTRE"}


def ask(ws: WebSocketTestSession, text: str, **fields: Any) -> dict[str, Any]:
    ws.send_json({"type": "text", "text": text, **fields})
    while True:
        event = ws.receive_json()
        assert event["type"] != "error", event
        if event["type"] == "answer":
            return event


@pytest.mark.parametrize(
    ("question", "language", "expected", "said"),
    [
        ("我父亲七十岁了，可以领基础养老金吗？", "zh", {PENSION}, ("기초연금", "基础养老金", "65岁以上")),
        (
            "Bố tôi 72 tuổi, có được nhận lương hưu cơ bản không?",
            "vi",
            {PENSION},
            ("기초연금", "lương hưu cơ bản", "65 tuổi"),
        ),
        ("父は七十歳です。基礎年金をもらえますか？", "ja", {PENSION}, ("기초연금", "基礎年金", "65歳以上")),
        ("Tôi cần người phiên dịch khi đi bệnh viện, có hỗ trợ không?", "vi", INTERPRETING, ("1577-1366",)),
        ("我韩语不好，去医院需要翻译，有帮助吗？", "zh", INTERPRETING, ("1577-1366",)),
    ],
)
def test_typed_question_is_answered_in_its_language_about_the_right_programme(
    client: TestClient, question: str, language: str, expected: set[str], said: tuple[str, ...]
) -> None:
    with client.websocket_connect("/v1/call?language=auto&tts=0") as ws:
        assert ws.receive_json()["type"] == "ready"
        answer = ask(ws, question)
        ws.send_json({"type": "stop"})
    assert answer["language"] == language
    assert written_in(answer["text"]) == language, answer["text"]
    if language in ("zh", "ja"):
        assert not latin_words(answer["text"]), answer["text"]  # no English left in
    assert answer["programmes"][0]["id"] in expected, answer["programmes"]
    for words in said:
        assert words in answer["text"], (words, answer["text"])
    assert answer["machine_translated"] is False  # written by the project, not by a model


def test_korean_only_text_is_said_to_be_korean_only_with_the_helpline(client: TestClient) -> None:
    with client.websocket_connect("/v1/call?language=ja&tts=0") as ws:
        assert ws.receive_json()["type"] == "ready"
        answer = ask(ws, "高齢者の年金はありますか")
        details = ask(ws, "申請方法を詳しく")
        ws.send_json({"type": "stop"})
    for event in (answer, details):
        assert event["language"] == "ja"
        assert "韓国語の資料しかありません" in event["text"] and "1577-1366" in event["text"]
    assert "午前9時から午後6時" in details["text"]  # office hours
    assert "問い合わせ電話" in details["text"]  # the phone number


def test_vietnamese_chosen_holds_for_the_next_question(client: TestClient) -> None:
    # the reported failure: the promise to speak Vietnamese, then an English answer
    with client.websocket_connect("/v1/call?language=auto&tts=0") as ws:
        assert ws.receive_json()["type"] == "ready"
        switched = ask(ws, "Tiếng Việt được không?")
        answer = ask(ws, "Bố tôi 72 tuổi, có được nhận lương hưu cơ bản không?")
        how = ask(ws, "cách đăng ký")
        unclear = ask(ws, "65")  # letters that tell nothing: the call's language stays
        ws.send_json({"type": "stop"})
    assert switched["language"] == "vi" and "tiếng Việt" in switched["text"]
    assert answer["language"] == "vi" and written_in(answer["text"]) == "vi"
    assert answer["programmes"][0]["id"] == PENSION
    assert unclear["language"] == "vi"
    assert how["language"] == "vi" and how["programmes"][0]["id"] == PENSION
    assert "Số điện thoại" in how["text"]


def test_a_choice_made_in_korean_holds_for_korean_turns_and_another_language_is_answered_in_its_own(
    client: TestClient,
) -> None:
    # a Korean neighbour asks for Chinese for the caller beside them, then goes on in Korean
    with client.websocket_connect("/v1/call?language=auto&tts=0") as ws:
        assert ws.receive_json()["type"] == "ready"
        switched = ask(ws, "중국어로 말해 주세요")
        korean = ask(ws, "기초연금 알려 주세요")
        english = ask(ws, "Is there a pension for seniors over 65?")
        again = ask(ws, "노인 일자리 알려 주세요")
        ws.send_json({"type": "stop"})
    assert switched["language"] == "zh"
    assert korean["language"] == "zh" and written_in(korean["text"]) == "zh"
    assert korean["programmes"][0]["id"] == PENSION
    assert english["language"] == "en" and english["text"].isascii()  # said in English: answered in English
    assert again["language"] == "zh" and again["programmes"][0]["id"] == "KR-SENIOR-JOBS"


def test_japanese_caller_asks_for_english_and_back(client: TestClient) -> None:
    with client.websocket_connect("/v1/call?language=auto&tts=0") as ws:
        assert ws.receive_json()["type"] == "ready"
        japanese = ask(ws, "日本語でお願いします")
        english = ask(ws, "English please")
        pension = ask(ws, "年金はありますか")  # said in Japanese after choosing English: a third language
        ws.send_json({"type": "stop"})
    assert japanese["language"] == "ja" and "日本語" in japanese["text"]
    assert english["language"] == "en" and "English" in english["text"]
    assert pension["language"] == "ja" and written_in(pension["text"]) == "ja"
