"""Staff register residents for check-in calls: sealed at rest, masked in answers, never logged."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import text

from tests.staff.conftest import StaffWorld

RESIDENT: dict[str, Any] = {
    "name": "김영순",
    "phone": "010-2345-6789",
    "language": "ko",
    "windows": [{"days": ["mon", "thu"], "start": "10:00", "end": "11:30"}],
    "contact_name": "박민수",
    "contact_phone": "010-9876-5432",
    "consent": True,
}


def test_register_list_get_update_and_retire(world: StaffWorld, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    c, alice = world.client, world.auth(world.alice)
    assert c.post("/v1/staff/checkins/residents", json=RESIDENT).status_code == 401
    created = c.post("/v1/staff/checkins/residents", json=RESIDENT, headers=alice)
    assert created.status_code == 201, created.text
    resident = created.json()["resident"]
    assert resident["name"] == "김*순" and resident["phone"] == "010-****-6789"
    assert resident["contact_name"] == "박*수" and resident["contact_phone"] == "010-****-5432"
    assert resident["windows"] == RESIDENT["windows"]
    rid = resident["id"]

    listed = c.get("/v1/staff/checkins/residents", headers=alice).json()["residents"]
    assert [r["id"] for r in listed] == [rid] and "6789" in listed[0]["phone"] and "2345" not in listed[0]["phone"]
    assert c.get(f"/v1/staff/checkins/residents/{rid}", headers=alice).json()["resident"]["name"] == "김*순"
    revealed = c.get(f"/v1/staff/checkins/residents/{rid}?reveal=true", headers=alice).json()["resident"]
    assert revealed["name"] == "김영순" and revealed["phone"] == "010-2345-6789"
    assert c.get("/v1/staff/checkins/residents/999", headers=alice).status_code == 404

    moved = {**RESIDENT, "phone": "010-1111-2222", "windows": [{"days": [], "start": "18:00", "end": "19:00"}]}
    updated = c.put(f"/v1/staff/checkins/residents/{rid}", json=moved, headers=alice)
    assert updated.status_code == 200 and updated.json()["resident"]["phone"] == "010-****-2222"
    assert updated.json()["resident"]["windows"][0]["days"] == ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    world.hub.checkin_calls.plan(datetime(2026, 3, 2, tzinfo=UTC))  # the scheduler planned the next call
    assert [call["state"] for call in c.get("/v1/staff/checkins/calls", headers=alice).json()["calls"]] == ["pending"]
    retired = c.post(f"/v1/staff/checkins/residents/{rid}/retire", headers=alice)
    assert retired.status_code == 200 and retired.json()["resident"]["active"] is False
    assert c.put(f"/v1/staff/checkins/residents/{rid}", json=RESIDENT, headers=alice).status_code == 409
    assert world.hub.checkin_residents.get(rid).phone == ""  # erased, not only hidden
    assert c.get("/v1/staff/checkins/calls", headers=alice).json()["calls"] == []  # no call to a retired resident

    # sealed at rest: no name or number in the database file's rows
    with world.hub.records.engine.connect() as conn:
        rows = " ".join(str(r) for r in conn.execute(text("select * from checkin_residents")))
    for secret in ("김영순", "박민수", "2345", "1111-2222", "9876"):
        assert secret not in rows
    logged = " ".join(r.getMessage() for r in caplog.records)
    for secret in ("김영순", "박민수", "010-2345-6789", "01023456789", "010-9876-5432"):
        assert secret not in logged


@pytest.mark.parametrize("change", [
    {"consent": False},
    {"windows": []},
    {"windows": [{"days": ["mon"], "start": "11:00", "end": "10:00"}]},
    {"windows": [{"days": ["someday"], "start": "10:00", "end": "11:00"}]},
    {"phone": "12"},
    {"language": "xx"},
])
def test_bad_registrations_are_refused_clearly(world: StaffWorld, change: dict[str, Any]) -> None:
    answer = world.client.post("/v1/staff/checkins/residents", json={**RESIDENT, **change},
                               headers=world.auth(world.alice))
    assert answer.status_code == 422, answer.text
    assert world.hub.checkin_residents.list() == []


def test_calls_and_outcomes_are_listed_for_staff(world: StaffWorld) -> None:
    c, alice = world.client, world.auth(world.alice)
    assert c.get("/v1/staff/checkins/calls").status_code == 401
    assert c.get("/v1/staff/checkins/calls", headers=alice).json() == {"calls": []}
