"""Every staff endpoint, taken from the OpenAPI document: 401 without or with a bad token, 403 for the
wrong role, and not 401/403 for the right one."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.staff.conftest import StaffWorld

SAMPLE_BODIES: dict[str, dict[str, Any]] = {
    "ProgrammeBody": {"id": "T-AUTH", "name_ko": "시험 사업"},
    "StaffBody": {"name": "Carol"},
    "CivilEntryBody": {"id": "T-CIVIL", "names": {"ko": "시험 민원"}, "topic": "general"},
    "FacilityBody": {"id": "F-AUTH", "kind": "library", "name_ko": "시험 도서관", "lat": 37.5, "lon": 127.0},
    "ResidentBody": {"name": "시험", "phone": "010-0000-0000", "consent": True,
                     "windows": [{"days": ["mon"], "start": "10:00", "end": "11:00"}]},
}


def _operations(world: StaffWorld) -> list[tuple[str, str, dict[str, Any]]]:
    spec = world.client.get("/openapi.json").json()
    ops = []
    for path, methods in spec["paths"].items():
        if path.startswith("/v1/staff"):
            for method, op in methods.items():
                ops.append((method.upper(), path, op))
    return ops


def _call(world: StaffWorld, method: str, path: str, op: dict[str, Any], token: str | None) -> int:
    url = re.sub(r"\{staff_id\}", "2", path)
    url = re.sub(r"\{programme_id\}", "KR-BASIC-PENSION", url)
    url = re.sub(r"\{\w+\}", "x", url)
    body = None
    ref = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {}).get("$ref", "")
    if ref:
        body = SAMPLE_BODIES[ref.rsplit("/", 1)[-1]]
        if "{programme_id}" in path:
            body = {**body, "id": "KR-BASIC-PENSION"}
    headers = world.auth(token) if token else {}
    return world.client.request(method, url, json=body, headers=headers).status_code


def test_the_spec_documents_bearer_auth_and_a_role_for_every_operation(world: StaffWorld) -> None:
    spec = world.client.get("/openapi.json").json()
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    ops = _operations(world)
    assert len(ops) >= 15
    for method, path, op in ops:
        assert op.get("x-required-role") in ("staff", "admin"), (method, path)
        assert op.get("security") == [{"HTTPBearer": []}], (method, path)


def test_no_token_or_a_bad_token_is_401_everywhere(world: StaffWorld) -> None:
    for method, path, op in _operations(world):
        for token in (None, "mbt_not-a-real-token"):
            assert _call(world, method, path, op, token) == 401, (method, path, token)
    reply = world.client.get("/v1/staff/me", headers={"Authorization": "Basic dXNlcjpwYXNz"})
    assert reply.status_code == 401 and reply.headers["www-authenticate"] == "Bearer"
    assert reply.json()["error"]["code"] == "unauthorized"


def test_staff_on_admin_endpoints_is_403(world: StaffWorld) -> None:
    admin_ops = [(m, p, op) for m, p, op in _operations(world) if op["x-required-role"] == "admin"]
    assert {p for _, p, _ in admin_ops} >= {"/v1/staff/members", "/v1/staff/members/{staff_id}",
                                            "/v1/staff/alerts/subscriptions"}
    for method, path, op in admin_ops:
        assert _call(world, method, path, op, world.alice) == 403, (method, path)


@pytest.mark.parametrize("who", ["admin", "alice"])
def test_the_right_role_gets_through(world: StaffWorld, who: str) -> None:
    token = world.admin if who == "admin" else world.alice
    for method, path, op in _operations(world):
        if op["x-required-role"] == "admin" and who != "admin":
            continue
        status = _call(world, method, path, op, token)
        assert status != 401, (method, path, status)
        # a staff member may still be refused a programme that is not theirs (403), never for the role
        if who == "admin":
            assert status != 403, (method, path, status)


def test_a_deactivated_member_is_locked_out(world: StaffWorld) -> None:
    me = world.client.get("/v1/staff/me", headers=world.auth(world.bob)).json()
    assert world.client.delete(f"/v1/staff/members/{me['id']}", headers=world.auth(world.admin)).status_code == 204
    assert world.client.get("/v1/staff/me", headers=world.auth(world.bob)).status_code == 401
