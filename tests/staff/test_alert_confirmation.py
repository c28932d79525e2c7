"""An alert subscription is confirmed before any alert goes to it (issue 10, defect 11): a code is
sent through the notifier, read back within ten minutes and five tries (clock injected)."""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest

from records.alerts import CONFIRM_SECONDS, CONFIRM_TRIES, SubscriptionStore
from tests.staff.conftest import StaffWorld
from voice_gateway.resident_alerts import AlertService

PROGRAMME: dict[str, Any] = {"id": "JN-WARM", "name_ko": "종로구 겨울 난방비 지원", "eligibility": {"min_age": 65}}
PHONE = "010-2468-1357"


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(world: StaffWorld) -> Clock:
    fake = Clock()
    world.services.__dict__["alerts"] = AlertService(SubscriptionStore(world.hub.records, clock=fake), world.notifier)
    return fake


def _subscribe(world: StaffWorld, address: str = PHONE) -> tuple[int, str]:
    reply = world.client.post("/v1/alerts/subscriptions", json={
        "channel": "sms", "address": address, "consent": True, "profile": {"birth_year": 1950}})
    assert reply.status_code == 201, reply.text
    body = reply.json()
    assert body["confirmed"] is False
    confirm = world.notifier.sent[-1]
    assert confirm.kind == "confirm" and confirm.address == address
    code = "".join(re.findall(r"\d", confirm.text))[:6]
    assert len(code) == 6
    return body["id"], code


def _confirm(world: StaffWorld, sub_id: int, code: str) -> Any:
    return world.client.post(f"/v1/alerts/subscriptions/{sub_id}/confirm", json={"code": code})


def _register(world: StaffWorld, programme_id: str) -> int:
    reply = world.client.post("/v1/staff/programmes", json={**PROGRAMME, "id": programme_id},
                              headers=world.auth(world.alice))
    assert reply.status_code == 201, reply.text
    alerted: int = reply.json()["alerted"]
    return alerted


def test_no_alert_goes_to_an_unconfirmed_number(world: StaffWorld, clock: Clock) -> None:
    sub_id, code = _subscribe(world)
    assert _register(world, "JN-WARM-1") == 0  # a stranger's number signed up gets no alerts
    assert [a.kind for a in world.notifier.sent] == ["confirm"]
    assert _confirm(world, sub_id, code).json() == {"id": sub_id, "confirmed": True}
    assert _confirm(world, sub_id, code).status_code == 409
    assert _register(world, "JN-WARM-2") == 1
    assert world.notifier.sent[-1].kind == "programme" and world.notifier.sent[-1].address == PHONE
    listed = world.client.get("/v1/staff/alerts/subscriptions", headers=world.auth(world.admin)).json()
    assert listed["subscriptions"][0]["confirmed"] is True


def test_wrong_codes_are_limited(world: StaffWorld, clock: Clock) -> None:
    sub_id, code = _subscribe(world)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for left in range(CONFIRM_TRIES - 1, 0, -1):
        reply = _confirm(world, sub_id, wrong)
        assert reply.status_code == 403 and reply.json()["error"]["code"] == "wrong_code"
        assert f"{left} tr" in reply.json()["error"]["message"]
    assert _confirm(world, sub_id, wrong).status_code == 429
    assert _confirm(world, sub_id, code).status_code == 429  # even the right code, now
    assert _register(world, "JN-WARM-3") == 0


def test_a_code_expires(world: StaffWorld, clock: Clock) -> None:
    sub_id, code = _subscribe(world)
    clock.now += CONFIRM_SECONDS
    reply = _confirm(world, sub_id, code)
    assert reply.status_code == 410 and reply.json()["error"]["code"] == "expired"
    assert _register(world, "JN-WARM-4") == 0
    fresh_id, fresh_code = _subscribe(world)  # subscribing again sends a new code
    clock.now += CONFIRM_SECONDS - 1
    assert _confirm(world, fresh_id, fresh_code).status_code == 200


def test_unknown_or_opted_out_subscriptions_cannot_be_confirmed(world: StaffWorld, clock: Clock) -> None:
    assert _confirm(world, 4242, "123456").status_code == 404
    assert _confirm(world, 1, "12345").status_code == 422  # not six digits
    reply = world.client.post("/v1/alerts/subscriptions", json={
        "channel": "sms", "address": PHONE, "consent": True, "profile": {}}).json()
    code = "".join(re.findall(r"\d", world.notifier.sent[-1].text))[:6]
    assert world.client.post("/v1/alerts/opt-out", json={"code": reply["opt_out_code"]}).status_code == 200
    assert _confirm(world, reply["id"], code).status_code == 404


def test_the_code_is_never_logged(world: StaffWorld, clock: Clock, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    sub_id, code = _subscribe(world)
    assert _confirm(world, sub_id, code).status_code == 200
    assert code not in caplog.text and "2468-1357" not in caplog.text and "24681357" not in caplog.text


def test_the_migration_leaves_earlier_subscriptions_unconfirmed(tmp_path: Any) -> None:
    from sqlalchemy import create_engine, text

    from records.db import migrate

    url = f"sqlite:///{tmp_path / 'old.db'}"
    migrate(url, "0001")
    engine = create_engine(url)
    with engine.begin() as db:
        db.execute(text("INSERT INTO alert_subscriptions (channel, sealed, address_masked, language, opt_out_hash,"
                        " active, created_at) VALUES ('sms', 'x', '***1357', 'ko', 'h', 1, '2026-01-01')"))
    migrate(url, "0003")
    with engine.begin() as db:
        row = db.execute(text("SELECT confirmed, confirm_hash, confirm_tries FROM alert_subscriptions")).one()
    assert tuple(row) == (0, "", 0)
    engine.dispose()


class DownNotifier:
    """A Notifier whose gateway is down."""

    def send(self, alert: Any) -> None:
        raise ConnectionError("sms gateway unreachable")


def test_a_code_that_cannot_be_sent_keeps_nothing(world: StaffWorld) -> None:
    world.services.__dict__["alerts"] = AlertService(world.hub.subscriptions, DownNotifier())
    reply = world.client.post("/v1/alerts/subscriptions", json={
        "channel": "sms", "address": PHONE, "consent": True, "profile": {}})
    assert reply.status_code == 502 and reply.json()["error"]["code"] == "backend_failed"
    [sub] = world.client.get("/v1/staff/alerts/subscriptions", headers=world.auth(world.admin)).json()["subscriptions"]
    assert sub["active"] is False and sub["confirmed"] is False
