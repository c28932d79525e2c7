"""What serves each language is reported honestly: ``/healthz`` lists per language which parts are
human-written, templated, machine-translated or missing (loading nothing), ``translator`` is true only
for a real translation model, and staff see what is missing item by item at ``GET /v1/staff/languages``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from records.config import RecordsConfig
from records.hub import RecordsHub
from tests.gateway.pipeline_fakes import fake_services
from tests.translate.translate_fakes import DictTranslator
from voice_gateway.app import create_app
from voice_gateway.channels.phone_prompts import PROMPTS, prompt
from voice_gateway.config import GatewayConfig
from voice_gateway.notifiers import LogNotifier
from voice_gateway.services import Services

ALL = ("ko", "en", "zh", "vi", "ja")


def health(services: Services) -> dict[str, Any]:
    with TestClient(create_app(services.config, services)) as client:
        response = client.get("/healthz")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_healthz_lists_per_language_what_is_written_templated_or_missing_without_a_translator() -> None:
    body = health(fake_services().services)
    assert body["loaded"]["translator"] is False  # the identity stand-in is no translator
    languages = body["languages"]
    assert set(languages) == set(ALL)
    for lang in ("ko", "en"):
        assert languages[lang]["missing"] == [] and languages[lang]["machine_translated"] == []
        assert "programme_answers" in languages[lang]["human_written"]
    for lang in ("zh", "vi", "ja"):
        parts = languages[lang]
        assert {"fixed_sentences", "phone_prompts", "danger_answers"} <= set(parts["human_written"])
        assert {"programme_answers", "programme_names", "conversations"} <= set(parts["templated"])
        assert parts["machine_translated"] == []
        assert set(parts["missing"]) == {"programme_details"}  # said so, never silently English


def test_with_a_translator_nothing_templated_is_machine_translated() -> None:
    # checks, applications and facility answers are templated in zh/vi/ja: a translator is not asked for them
    backends = fake_services()
    backends.services.__dict__["translator"] = DictTranslator({("en", "vi"): {}})
    body = health(backends.services)
    assert body["loaded"]["translator"] is True
    assert body["languages"]["vi"]["machine_translated"] == []
    assert "conversations" in body["languages"]["vi"]["templated"]
    assert "conversations" in body["languages"]["zh"]["templated"]


def test_healthz_before_anything_is_loaded_still_reports_languages_and_loads_nothing() -> None:
    services = Services(GatewayConfig(preload=False))
    body = health(services)
    assert "programme_answers" in body["languages"]["zh"]["templated"]
    assert not any(services.loaded().values())


@pytest.fixture
def staff(tmp_path: Path) -> Iterator[tuple[TestClient, str]]:
    hub = RecordsHub(
        RecordsConfig.at(tmp_path), notifier=LogNotifier(), admin_token="mbt_bootstrap-admin-token-for-tests"
    )
    config = GatewayConfig(preload=False)
    services = Services(config)
    services.records = hub
    _, token = hub.staff.create("Alice (welfare team)")
    with TestClient(create_app(config, services)) as client:
        yield client, token
    hub.close()


def test_staff_coverage_report_shows_every_missing_translation(staff: tuple[TestClient, str]) -> None:
    client, token = staff
    assert client.get("/v1/staff/languages").status_code == 401
    response = client.get("/v1/staff/languages", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    report = response.json()["languages"]
    assert report["ko"]["missing"] == {}
    for lang in ("zh", "vi", "ja"):
        entry = report[lang]
        assert entry["programmes"] >= 50
        assert entry["parts"]["programme_answers"] == "templated"
        assert "programme_names" not in entry["missing"]  # every sample programme has a gloss
        assert len(entry["missing"]["programme_details"]) == entry["programmes"]  # Korean-only, said so
        assert entry["parts"]["conversations"] == "templated"
        assert "conversations" not in entry["missing"]  # every check, application and facility phrase written
        assert "fixed_sentences" not in entry["missing"] and "phone_prompts" not in entry["missing"]


def test_phone_prompts_are_written_in_all_five_languages() -> None:
    for key, texts in PROMPTS.items():
        assert set(texts) == set(ALL), key
    text, language = prompt("still_there", "vi")
    assert language == "vi" and "bấm 0" in text
    text, language = prompt("notice", "ja", record=prompt("not_recorded", "ja")[0])
    assert language == "ja" and "録音" in text and "0を押す" in text
    assert prompt("silence_goodbye", "fr")[1] == "en"  # a language nobody wrote: English, and it says so
