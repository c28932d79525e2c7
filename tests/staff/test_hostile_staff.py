"""Staff API under attack: ids beyond SQLite's integers are 422/404 (not 500), and addresses are shown
masked to the district in every language, in lists and CSV exports, without ``reveal``."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import update

from dialog.applications.application_fields import mask_address
from dialog.applications.application_flow import Submission
from records.models import Application
from tests.staff.conftest import StaffWorld

HUGE = ["1567534159983657553879690641408", "99999999999999999999999", str(2**63), "-1", "0"]


@pytest.mark.parametrize("staff_id", HUGE)
def test_staff_ids_beyond_sqlite_integers_are_refused_not_500(world: StaffWorld, staff_id: str) -> None:
    admin = world.auth(world.admin)
    assert world.client.delete(f"/v1/staff/members/{staff_id}", headers=admin).status_code == 422
    assert world.client.post(f"/v1/staff/members/{staff_id}/tokens", headers=admin).status_code == 422


def test_the_largest_staff_id_is_simply_not_found(world: StaffWorld) -> None:
    admin = world.auth(world.admin)
    assert world.client.delete(f"/v1/staff/members/{2**63 - 1}", headers=admin).status_code == 404
    assert world.client.post(f"/v1/staff/members/{2**63 - 1}/tokens", headers=admin).status_code == 404


@pytest.mark.parametrize("age", [10**30, -1, 1000])
def test_programme_ages_are_bounded(world: StaffWorld, age: int) -> None:
    body = {"id": "X-AGE", "name_ko": "나이 시험", "eligibility": {"min_age": age}}
    assert world.client.post("/v1/staff/programmes", json=body, headers=world.auth(world.alice)).status_code == 422


ADDRESSES = [
    ("Twelve Central Street, Seoul", "Seoul ***"),
    ("서울 종로구 사직로 161", "서울 종로구 ***"),
    ("서울특별시 종로구 세종대로 이백구", "서울특별시 종로구 ***"),
    ("12 Sajik-ro, Jongno-gu, Seoul", "Jongno-gu Seoul ***"),
    ("Số mười hai đường Sajik, Seoul", "Seoul ***"),
    ("首尔市钟路区世宗大路十二号", "首尔市 钟路区 ***"),
    ("저기 시장 앞 파란 대문 집", "***"),
]


@pytest.mark.parametrize(("address", "shown"), ADDRESSES)
def test_mask_address_keeps_at_most_the_district(address: str, shown: str) -> None:
    assert mask_address(address) == shown
    assert mask_address(shown) == shown  # masking a mask changes nothing


def _submit(world: StaffWorld, key: str, address: str) -> str:
    fields = {"name": "John Smith", "phone": "01098765432", "address": address}
    return world.hub.applications.submit(Submission(key, key, "KR-BASIC-PENSION", "x", "en", fields)).number


def test_listed_and_exported_addresses_are_masked(world: StaffWorld) -> None:
    admin = world.auth(world.admin)
    _submit(world, "conv-1", "Twelve Central Street, Seoul")
    listed = world.client.get("/v1/staff/applications", headers=admin).json()["applications"]
    assert listed[0]["fields"]["address"] == "Seoul ***"
    exported = world.client.get("/v1/staff/applications/export", headers=admin).text
    assert "Twelve" not in exported and "Central" not in exported
    assert next(iter(csv.DictReader(io.StringIO(exported))))["address"] == "Seoul ***"
    revealed = world.client.get("/v1/staff/applications", params={"reveal": "true"}, headers=admin).json()
    assert revealed["applications"][0]["fields"]["address"] == "Twelve Central Street, Seoul"


def test_rows_stored_with_the_old_mask_are_shown_masked(world: StaffWorld) -> None:
    """Before the fix masked_fields kept "Twelve Central Street, Seoul" verbatim: such rows are masked on reading."""
    receipt = _submit(world, "conv-old", "Twelve Central Street, Seoul")
    old = {"name": "J*** S****", "phone": "010-****-5432", "address": "Twelve Central Street, Seoul"}
    with world.hub.records.session.begin() as session:
        session.execute(update(Application).where(Application.receipt == receipt)
                        .values(masked_fields=json.dumps(old)))
    admin = world.auth(world.admin)
    listed = world.client.get("/v1/staff/applications", headers=admin).json()["applications"]
    assert listed[0]["fields"]["address"] == "Seoul ***"
    assert "Central" not in world.client.get("/v1/staff/applications/export", headers=admin).text
