"""The staff API at work: programmes by owner, applications masked and exported, facilities, alerts."""

from __future__ import annotations

import csv
import io
import logging
from typing import Any

import pytest

from dialog.applications.application_flow import Submission
from dialog.catalogue.programmes import Catalogue
from dialog.places.facilities import find_facility
from tests.staff.conftest import StaffWorld

PROGRAMME: dict[str, Any] = {
    "id": "JN-SENIOR-SNOW",
    "name_ko": "종로구 어르신 겨울 난방비 지원",
    "name_en": "Jongno Winter Heating Support for Seniors",
    "summary_ko": "혼자 사는 어르신께 겨울 난방비를 드립니다.",
    "online_application": True,
    "application_fields": ["name", "phone", "account"],
    "eligibility": {"min_age": 65, "household_types": ["1인가구"], "districts": ["종로구"]},
}


def sent_code(world: StaffWorld, sub_id: int) -> str:
    """The confirmation code the notifier carried for subscription ``sub_id`` (the n-th confirm alert)."""
    codes = [a for a in world.notifier.sent if a.kind == "confirm"]
    return "".join(ch for ch in codes[sub_id - 1].text if ch.isdigit())[:6]


def _submit(world: StaffWorld, programme_id: str, key: str) -> str:
    fields = {"name": "홍길동", "phone": "01098765432", "account": "국민 123456789012"}
    return world.hub.applications.submit(Submission(key, key, programme_id, "x", "ko", fields)).number


def test_staff_register_edit_and_retire_their_own_programmes(world: StaffWorld) -> None:
    c, alice, bob, admin = world.client, world.auth(world.alice), world.auth(world.bob), world.auth(world.admin)
    created = c.post("/v1/staff/programmes", json=PROGRAMME, headers=alice)
    assert created.status_code == 201
    assert created.json()["programme"]["eligibility"] == {"min_age": 65, "household_types": ["1인가구"],
                                                          "districts": ["종로구"]}
    assert c.post("/v1/staff/programmes", json=PROGRAMME, headers=alice).status_code == 409
    assert [p["id"] for p in c.get("/v1/staff/programmes", headers=alice).json()["programmes"]] == [PROGRAMME["id"]]
    assert c.get("/v1/staff/programmes", headers=bob).json()["programmes"] == []

    edited = {**PROGRAMME, "summary_ko": "혼자 사는 어르신께 겨울 난방비 10만 원을 드립니다."}
    assert c.put(f"/v1/staff/programmes/{PROGRAMME['id']}", json=edited, headers=bob).status_code == 403
    assert c.post(f"/v1/staff/programmes/{PROGRAMME['id']}/retire", headers=bob).status_code == 403
    assert c.put(f"/v1/staff/programmes/{PROGRAMME['id']}", json=edited, headers=alice).status_code == 200
    assert world.services.catalogue.get(PROGRAMME["id"]).summary_ko.endswith("10만 원을 드립니다.")
    assert c.put("/v1/staff/programmes/NOPE", json={**PROGRAMME, "id": "NOPE"}, headers=alice).status_code == 404
    assert c.put(f"/v1/staff/programmes/{PROGRAMME['id']}", json=PROGRAMME | {"id": "OTHER"},
                 headers=alice).status_code == 409

    retired = c.post(f"/v1/staff/programmes/{PROGRAMME['id']}/retire", headers=alice)
    assert retired.status_code == 200 and retired.json()["programme"]["retired"] is True
    assert PROGRAMME["id"] not in {p.id for p in world.services.catalogue.active()}
    assert world.services.catalogue.get(PROGRAMME["id"]).retired  # kept for its applications

    # an admin may edit any programme, even one from the sample catalogue (it becomes managed)
    pension = world.services.catalogue.get("KR-BASIC-PENSION").to_dict()
    body = {k: v for k, v in pension.items() if k not in ("purpose", "legal_basis", "source", "illustrative",
                                                          "retired")}
    assert c.put("/v1/staff/programmes/KR-BASIC-PENSION", json=body, headers=alice).status_code == 403
    assert c.put("/v1/staff/programmes/KR-BASIC-PENSION", json=body, headers=admin).status_code == 200

    # staff programmes survive a restart: a fresh catalogue gets them back from the records database
    fresh = Catalogue()
    assert world.hub.restore_programmes(fresh) == 2
    assert fresh.get(PROGRAMME["id"]).retired


def test_applications_are_listed_by_owner_masked_and_exported(world: StaffWorld,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    c, alice, bob, admin = world.client, world.auth(world.alice), world.auth(world.bob), world.auth(world.admin)
    assert c.post("/v1/staff/programmes", json=PROGRAMME, headers=alice).status_code == 201
    mine = _submit(world, PROGRAMME["id"], "conv-a")
    other = _submit(world, "KR-BASIC-PENSION", "conv-b")

    listed = c.get("/v1/staff/applications", headers=alice).json()["applications"]
    assert [a["receipt"] for a in listed] == [mine]
    assert listed[0]["fields"] == {"name": "홍*동", "phone": "010-****-5432", "account": "국민 ********9012"}
    assert c.get("/v1/staff/applications", headers=bob).json()["applications"] == []
    assert c.get("/v1/staff/applications", params={"programme_id": PROGRAMME["id"]}, headers=bob).status_code == 403
    assert {a["receipt"] for a in c.get("/v1/staff/applications", headers=admin).json()["applications"]} == {
        mine, other}

    caplog.set_level(logging.INFO)
    revealed = c.get("/v1/staff/applications", params={"reveal": "true"}, headers=alice).json()["applications"]
    assert revealed[0]["fields"]["phone"] == "01098765432"
    assert any("unmasked" in r.getMessage() for r in caplog.records)
    assert all("01098765432" not in r.getMessage() for r in caplog.records)

    exported = c.get("/v1/staff/applications/export", headers=alice)
    assert exported.status_code == 200 and exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert [r["receipt"] for r in rows] == [mine] and rows[0]["phone"] == "010-****-5432"
    as_json = c.get("/v1/staff/applications/export", params={"format": "json"}, headers=admin).json()
    assert len(as_json["applications"]) == 2


def test_admins_manage_staff(world: StaffWorld) -> None:
    c, admin = world.client, world.auth(world.admin)
    made = c.post("/v1/staff/members", json={"name": "Carol", "role": "staff"}, headers=admin).json()
    assert made["token"].startswith("mbt_") and made["role"] == "staff"
    assert c.get("/v1/staff/me", headers=world.auth(made["token"])).json()["name"] == "Carol"
    second = c.post(f"/v1/staff/members/{made['id']}/tokens", headers=admin).json()["token"]
    assert c.get("/v1/staff/me", headers=world.auth(second)).status_code == 200
    names = [m["name"] for m in c.get("/v1/staff/members", headers=admin).json()["members"]]
    assert names == ["administrator", "Alice (welfare team)", "Bob (housing team)", "Carol"]
    me = c.get("/v1/staff/me", headers=admin).json()
    assert c.delete(f"/v1/staff/members/{me['id']}", headers=admin).status_code == 409
    assert c.delete("/v1/staff/members/999", headers=admin).status_code == 404
    # tokens are stored hashed only
    raw = world.stored_bytes()
    assert b"Carol" in raw  # the rows are there
    assert made["token"].encode() not in raw and world.alice.encode() not in raw


def test_residents_who_opted_in_are_alerted_once_and_can_opt_out(world: StaffWorld) -> None:
    c, alice = world.client, world.auth(world.alice)
    assert c.post("/v1/alerts/subscriptions", json={"channel": "sms", "address": "010-5555-1234", "consent": False,
                                                   "profile": {}}).status_code == 422
    assert c.post("/v1/alerts/subscriptions", json={"channel": "sms", "address": "010-5555-1234", "consent": True,
                                                   "profile": {"shoe_size": 40}}).status_code == 422
    old = c.post("/v1/alerts/subscriptions", json={
        "channel": "sms", "address": "010-5555-1234", "consent": True,
        "profile": {"birth_year": 1950, "household": ["1인가구"], "district": "종로구"}}).json()
    young = c.post("/v1/alerts/subscriptions", json={
        "channel": "kakao", "address": "kakao-user-77", "consent": True, "language": "en",
        "profile": {"age": 30}}).json()
    assert old["opt_out_code"] and young["opt_out_code"]
    for sub in (old, young):  # each address confirmed with the code sent to it
        assert c.post(f"/v1/alerts/subscriptions/{sub['id']}/confirm",
                      json={"code": sent_code(world, sub["id"])}).json() == {"id": sub["id"], "confirmed": True}
    world.notifier.sent.clear()

    created = c.post("/v1/staff/programmes", json=PROGRAMME, headers=alice).json()
    assert created["alerted"] == 1
    [alert] = world.notifier.sent
    assert alert.address == "010-5555-1234" and alert.programme_id == PROGRAMME["id"]
    assert "종로구 어르신 겨울 난방비 지원" in alert.text and "행정복지센터" in alert.text
    assert "5555-1234" not in repr(alert)

    listed = c.get("/v1/staff/alerts/subscriptions", headers=world.auth(world.admin)).json()["subscriptions"]
    assert {s["address"] for s in listed} == {"***1234", "ka***"}

    assert c.post("/v1/alerts/opt-out", json={"code": old["opt_out_code"]}).json() == {"opted_out": True}
    assert c.post("/v1/alerts/opt-out", json={"code": old["opt_out_code"]}).status_code == 404
    another = {**PROGRAMME, "id": "JN-SENIOR-SNOW-2"}
    assert c.post("/v1/staff/programmes", json=another, headers=alice).json()["alerted"] == 0
    assert len(world.notifier.sent) == 1


def test_facilities_with_coordinates_answer_nearest_questions(world: StaffWorld) -> None:
    c, alice = world.client, world.auth(world.alice)
    listed = c.get("/v1/staff/facilities", headers=alice).json()["facilities"]
    assert any(f["kind"] == "shelter" for f in listed) and all("lat" in f and "lon" in f for f in listed)
    new = {"id": "SH-SAJIK-NEW", "kind": "shelter", "name_ko": "사직동 주민센터 지하 대피소", "dong": "사직동",
           "address_ko": "종로구 사직동", "lat": 37.5758, "lon": 126.9688}
    assert c.post("/v1/staff/facilities", json={**new, "kind": "castle"}, headers=alice).status_code == 422
    assert c.post("/v1/staff/facilities", json=new, headers=alice).status_code == 201
    _, reply = find_facility(world.hub.finder(), "사직동 근처 대피소 어디예요?", "ko")
    assert "사직동 주민센터 지하 대피소" in reply.text and "약 백 미터" in reply.text
    assert c.delete("/v1/staff/facilities/SH-SAJIK-NEW", headers=world.auth(world.admin)).status_code == 204
    _, reply = find_facility(world.hub.finder(), "사직동 근처 대피소 어디예요?", "ko")
    assert "경복궁역" in reply.text


def test_a_registered_programme_is_found_by_search_at_once(world: StaffWorld) -> None:
    from dialog.retrieval.hybrid import HybridRetriever
    from tests.fakes import HashingEmbedder

    services = world.services
    services.__dict__["retriever"] = HybridRetriever(services.catalogue, HashingEmbedder())
    manager = services.dialog  # built before the change, as in a running gateway
    query = "종로구 어르신 겨울 난방비"
    assert PROGRAMME["id"] not in [h.id for h in services.retriever.search(query, "ko", 3)]
    alice = world.auth(world.alice)
    assert world.client.post("/v1/staff/programmes", json=PROGRAMME, headers=alice).status_code == 201
    assert services.retriever.search(query, "ko", 3)[0].id == PROGRAMME["id"]
    assert manager.retriever is services.retriever  # every call's dialog uses the new index
    world.client.post(f"/v1/staff/programmes/{PROGRAMME['id']}/retire", headers=alice)
    assert PROGRAMME["id"] not in [h.id for h in services.retriever.search(query, "ko", 3)]
