"""The OpenAPI document tells the truth about errors (issue 10, defect 9): every error answer has one
shape, ``{"error": {"code", "stage", "message"}}``, and each operation documents the statuses it
can answer with (401/403 on staff routes, 404 where an id is looked up, 409 on conflicts, 422)."""

from __future__ import annotations

from typing import Any

from tests.staff.conftest import StaffWorld
from voice_gateway.error_body import ErrorBody

ERROR_REF = "#/components/schemas/ErrorBody"


def _operations(spec: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(method.upper(), path): op for path, item in spec["paths"].items() for method, op in item.items()}


def _assert_error(reply: Any, status: int, code: str) -> None:
    assert reply.status_code == status, reply.text
    body = reply.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "stage", "message"}, body
    ErrorBody.model_validate(body)
    assert body["error"]["code"] == code and body["error"]["message"]


def test_the_document_declares_the_error_body_for_every_error_status(world: StaffWorld) -> None:
    spec = world.client.get("/openapi.json").json()
    assert "HTTPValidationError" not in spec["components"]["schemas"]  # never sent, so never documented
    ops = _operations(spec)
    for (method, path), op in ops.items():
        for status, response in op["responses"].items():
            if status.startswith(("4", "5")):
                schema = response["content"]["application/json"]["schema"]
                assert schema == {"$ref": ERROR_REF}, (method, path, status)
        statuses = set(op["responses"])
        if path.startswith("/v1/staff"):
            assert "401" in statuses, (method, path)
        if op.get("x-required-role") == "admin":
            assert "403" in statuses, (method, path)
        if "{" in path:
            assert "404" in statuses, (method, path)
        if op.get("requestBody") or op.get("parameters"):
            assert "422" in statuses or path == "/v1/phone/outcome/{call_ref}", (method, path)
    assert "409" in ops[("POST", "/v1/staff/programmes")]["responses"]
    assert "409" in ops[("DELETE", "/v1/staff/members/{staff_id}")]["responses"]
    assert "403" in ops[("PUT", "/v1/staff/programmes/{programme_id}")]["responses"]  # someone else's


def test_every_error_answer_has_the_documented_shape(world: StaffWorld) -> None:
    c, alice, admin = world.client, world.auth(world.alice), world.auth(world.admin)
    _assert_error(c.get("/v1/staff/me"), 401, "unauthorized")
    _assert_error(c.get("/v1/staff/members", headers=alice), 403, "forbidden")
    _assert_error(c.post("/v1/staff/programmes/NOPE/retire", headers=alice), 404, "not_found")
    me = c.get("/v1/staff/me", headers=admin).json()["id"]
    _assert_error(c.delete(f"/v1/staff/members/{me}", headers=admin), 409, "conflict")
    _assert_error(c.post("/v1/staff/programmes", json={"id": "X"}, headers=alice), 422, "bad_message")
    _assert_error(c.get("/v1/benefits/search", params={"q": ""}), 422, "bad_message")
    _assert_error(c.post("/v1/alerts/opt-out", json={"code": "nothing-like-this"}), 404, "not_found")
    _assert_error(c.get("/v1/no-such-route"), 404, "not_found")
    _assert_error(c.put("/healthz"), 405, "method_not_allowed")


def test_a_validation_error_names_the_field(world: StaffWorld) -> None:
    reply = world.client.post("/v1/staff/programmes", json={"id": "X"}, headers=world.auth(world.alice))
    assert reply.json()["error"]["message"] == "name_ko: Field required"
