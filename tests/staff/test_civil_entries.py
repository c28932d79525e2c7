"""Staff register, edit and retire civil-service entries; callers hear the change at once.

Over the real app (TestClient) with a temporary records database; the search uses the model-free
hashing embedder (what residents call an entry — its aliases — decides a civil question).
"""

from __future__ import annotations

from typing import Any

import pytest

from dialog.catalogue.sample import sample_programmes
from dialog.civil.knowledge import CivilKnowledge
from dialog.manager import DialogState
from dialog.retrieval.hybrid import HybridRetriever
from records.civil import CivilRegistry
from tests.fakes import HashingEmbedder
from tests.staff.conftest import StaffWorld

ENTRY: dict[str, Any] = {
    "id": "JN-CIVIL-KIMJANG",
    "names": {"ko": "김장 쓰레기 배출 안내", "en": "kimchi-making waste collection"},
    "topic": "waste",
    "where": ["community_centre", "phone"],
    "opens": "09:00",
    "closes": "18:00",
    "bring": ["nothing"],
    "fees": [{"won": 0, "for": "any"}],
    "phone": "02-2148-1234",
    "aliases": {"ko": ["김장 쓰레기", "배추 쓰레기"], "en": ["kimchi waste"]},
    "source": "종로구 청소행정과 안내",
    "source_url": "https://www.jongno.go.kr",
}
URL = "/v1/staff/civil-entries"


@pytest.fixture
def civil_world(world: StaffWorld) -> StaffWorld:
    world.services.__dict__["retriever"] = HybridRetriever(sample_programmes(), HashingEmbedder())
    return world


def ask(world: StaffWorld, text: str) -> Any:
    return world.services.dialog.respond(text, "ko", DialogState())


def test_no_token_is_refused(civil_world: StaffWorld) -> None:
    assert civil_world.client.get(URL).status_code == 401
    assert civil_world.client.post(URL, json=ENTRY).status_code == 401


def test_a_registered_entry_is_answered_edited_and_retired(civil_world: StaffWorld) -> None:
    w = civil_world
    assert all(p.id != ENTRY["id"] for p in ask(w, "김장 쓰레기 어떻게 버려요?").programmes)
    created = w.client.post(URL, json=ENTRY, headers=w.auth(w.alice))
    assert created.status_code == 201, created.text
    answer = ask(w, "김장 쓰레기 어떻게 버려요?")
    assert answer.intent == "civil_service" and answer.programmes[0].id == ENTRY["id"]
    assert "김장 쓰레기 배출 안내" in answer.text
    listed = w.client.get(URL, headers=w.auth(w.alice)).json()["entries"]
    assert [e["id"] for e in listed] == [ENTRY["id"]]
    assert w.client.get(URL, headers=w.auth(w.bob)).json()["entries"] == []

    edited = ENTRY | {"fees": [{"won": 1000, "for": "item"}]}
    assert w.client.put(f"{URL}/{ENTRY['id']}", json=edited, headers=w.auth(w.bob)).status_code == 403
    assert w.client.put(f"{URL}/{ENTRY['id']}", json=edited, headers=w.auth(w.alice)).status_code == 200
    state = DialogState()
    w.services.dialog.respond("배추 쓰레기 내놓으려면요", "ko", state)
    assert "1,000원" in w.services.dialog.respond("그거 수수료 얼마예요?", "ko", state).text

    retired = w.client.post(f"{URL}/{ENTRY['id']}/retire", headers=w.auth(w.alice))
    assert retired.status_code == 200 and retired.json()["entry"]["retired"] is True
    assert all(p.id != ENTRY["id"] for p in ask(w, "김장 쓰레기 어떻게 버려요?").programmes)


def test_staff_entries_survive_a_restart(civil_world: StaffWorld) -> None:
    w = civil_world
    assert w.client.post(URL, json=ENTRY, headers=w.auth(w.alice)).status_code == 201
    fresh = CivilKnowledge.sample()
    assert ENTRY["id"] not in fresh
    w.hub.restore_civil(fresh)
    assert fresh.get(ENTRY["id"]).phone == "02-2148-1234"


def test_bad_codes_duplicates_and_mismatched_ids_are_refused(civil_world: StaffWorld) -> None:
    w = civil_world
    bad = w.client.post(URL, json=ENTRY | {"where": ["moon"]}, headers=w.auth(w.alice))
    assert bad.status_code == 422 and "moon" in bad.text
    no_ko = w.client.post(URL, json=ENTRY | {"names": {"en": "x"}}, headers=w.auth(w.alice))
    assert no_ko.status_code == 422
    duplicate = w.client.post(URL, json=ENTRY | {"id": "CIVIL-PASSPORT"}, headers=w.auth(w.alice))
    assert duplicate.status_code == 409
    mismatch = w.client.put(f"{URL}/CIVIL-PASSPORT", json=ENTRY, headers=w.auth(w.admin))
    assert mismatch.status_code == 409
    assert w.client.post(f"{URL}/NOPE/retire", headers=w.auth(w.alice)).status_code == 404


def test_an_admin_takes_over_a_sample_entry(civil_world: StaffWorld) -> None:
    w = civil_world
    current = w.client.get(f"{URL}/CIVIL-PASSPORT", headers=w.auth(w.alice)).json()["entry"]
    assert w.client.put(f"{URL}/CIVIL-PASSPORT", json=current, headers=w.auth(w.alice)).status_code == 403
    body = {k: v for k, v in current.items() if k not in ("retired", "kind")} | {"phone": "02-731-0114"}
    taken = w.client.put(f"{URL}/CIVIL-PASSPORT", json=body, headers=w.auth(w.admin))
    assert taken.status_code == 200, taken.text
    registry = CivilRegistry(w.hub.records, CivilKnowledge())
    assert [e.id for e in registry.managed()] == ["CIVIL-PASSPORT"]
