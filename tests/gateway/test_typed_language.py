"""Typed turns are understood, answered and logged in the language they are written in: over the real
call websocket of the real app (FastAPI TestClient), with the real dialog and model-free backends."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from starlette.testclient import WebSocketTestSession

from tests.gateway.pipeline_fakes import FakeBackends, fake_services
from tests.translate.translate_fakes import DictTranslator
from voice_gateway.app import create_app

ALL = ("ko", "en", "zh", "vi", "ja")


@pytest.fixture
def backends() -> FakeBackends:
    return fake_services()


@pytest.fixture
def client(backends: FakeBackends) -> Iterator[TestClient]:
    with TestClient(create_app(backends.services.config, backends.services)) as client:
        yield client


def ask(ws: WebSocketTestSession, text: str, **fields: Any) -> dict[str, Any]:
    """Send a typed question and return its ``answer`` event (failing on any error event)."""
    ws.send_json({"type": "text", "text": text, **fields})
    while True:
        event = ws.receive_json()
        assert event["type"] != "error", event
        if event["type"] == "answer":
            return event


def test_english_typed_on_a_korean_call_is_answered_in_english_and_korean_stays_korean(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="malbeot")
    with client.websocket_connect("/v1/call?language=ko&tts=0") as ws:
        assert ws.receive_json()["type"] == "ready"
        english = ask(ws, "Is there a pension for seniors over 65?", language="ko")  # the page says ko
        korean = ask(ws, "기초연금 받을 수 있나요?", language="ko")
        ws.send_json({"type": "stop"})
    assert english["language"] == "en"
    assert english["programmes"] and english["text"].isascii()  # written in English
    assert korean["language"] == "ko"
    assert any("\uac00" <= ch <= "\ud7a3" for ch in korean["text"])
    typed = [r.getMessage() for r in caplog.records if " typed " in r.getMessage()]
    assert [m.split(" typed ")[1][:4] for m in typed] == ["(en)", "(ko)"]
    answered = [r.getMessage() for r in caplog.records if " answer (" in r.getMessage()]
    assert [m.split(" answer ")[1][:4] for m in answered] == ["(en,", "(ko,"]


def test_text_whose_letters_tell_nothing_keeps_the_pages_language(client: TestClient) -> None:
    with client.websocket_connect("/v1/call?language=ko&tts=0") as ws:
        assert ws.receive_json()["type"] == "ready"
        answer = ask(ws, "65", language="ko")
        ws.send_json({"type": "stop"})
    assert answer["language"] == "ko"


def test_rest_search_without_lang_answers_in_the_querys_language(client: TestClient) -> None:
    english = client.get("/v1/benefits/search", params={"q": "Basic Pension"}).json()["results"]
    korean = client.get("/v1/benefits/search", params={"q": "기초연금"}).json()["results"]
    assert english and korean
    assert all(hit["name"].isascii() and hit["how_to_apply"].isascii() for hit in english)  # English texts
    assert all(any("\uac00" <= ch <= "\ud7a3" for ch in hit["name"]) for hit in korean)


def test_rest_synthesize_without_language_speaks_the_texts_language(client: TestClient, backends: FakeBackends) -> None:
    response = client.post("/v1/synthesize", json={"text": "How do I apply?"})
    assert response.status_code == 200, response.text
    assert backends.voice.calls[-1][:2] == ("How do I apply?", "en")


def test_with_a_translator_the_english_answer_is_not_translated_back_into_the_pages_language(
    backends: FakeBackends,
) -> None:
    # every pair "translates" (word for word, from an empty dictionary: the text is kept, the language
    # changes), so any translation of the English answer into Korean would show in its language
    translator = DictTranslator({(a, b): {} for a in ALL for b in ALL if a != b})
    backends.services.__dict__["translator"] = translator
    with (TestClient(create_app(backends.services.config, backends.services)) as client,
          client.websocket_connect("/v1/call?language=ko&tts=0") as ws):
        assert ws.receive_json()["type"] == "ready"
        english = ask(ws, "Is there a pension for seniors over 65?", language="ko")
        ws.send_json({"type": "stop"})
    assert english["language"] == "en" and not translator.threads
