"""Civil questions over the real call websocket (typed turns): a document question gets the civil
entry, never a benefit, and follow-ups are answered from its fields, in Korean and English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from dialog.civil.desk import CivilDesk
from dialog.civil.knowledge import CivilKnowledge
from tests.fakes import HashingEmbedder
from tests.gateway.pipeline_fakes import FakeBackends, fake_services
from tests.gateway.test_typed_language import ask
from voice_gateway.app import create_app


@pytest.fixture
def client() -> Iterator[TestClient]:
    backends: FakeBackends = fake_services()
    backends.dialog.civil = CivilDesk.build(CivilKnowledge.sample(), HashingEmbedder())
    with TestClient(create_app(backends.services.config, backends.services)) as client:
        yield client


def test_a_certificate_question_and_its_follow_ups_over_the_call(client: TestClient) -> None:
    with client.websocket_connect("/v1/call?language=ko&tts=0") as ws:
        assert ws.receive_json()["type"] == "ready"
        first = ask(ws, "주민등록등본 떼려면 어떻게 해요?", language="ko")
        fee = ask(ws, "그거 수수료 얼마예요?", language="ko")
        online = ask(ws, "온라인으로도 돼요?", language="ko")
        english = ask(ws, "What should I bring?", language="ko")
        benefit = ask(ws, "기초연금 받을 수 있나요?", language="ko")
        ws.send_json({"type": "stop"})
    assert first["intent"] == "civil_service"
    assert first["programmes"][0]["id"] == "CIVIL-RESIDENT-CERT"
    assert all(p["id"].startswith("CIVIL-") for p in first["programmes"])  # suggestions stay civil
    assert "정부24" in first["programmes"][0]["how_to_apply"]
    assert fee["intent"] == "civil_followup" and "400원" in fee["text"]
    assert "정부24" in online["text"]
    assert english["language"] == "en" and "ID card" in english["text"]
    assert benefit["programmes"][0]["id"] == "KR-BASIC-PENSION"
