"""Staff text is checked before it reaches the catalogue (issue 10, defect 12): no control or
invisible format characters, length limits, stored in Unicode NFC; a clear 422 otherwise."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import pytest

from tests.staff.conftest import StaffWorld
from voice_gateway.staff_text import check, pattern

BASE: dict[str, Any] = {"id": "JN-TEXT", "name_ko": "종로구 겨울 난방비 지원",
                        "summary_ko": "혼자 사는 어르신께 드립니다."}


@pytest.mark.parametrize(("field", "value", "char"), [
    ("name_ko", "겨울\x07난방비", "U+0007"),          # BEL
    ("name_ko", "겨울\x1b[31m난방비", "U+001B"),       # an ANSI escape
    ("name_ko", "난방비\u202e원만01", "U+202E"),         # right-to-left override
    ("name_ko", "난방\u200b비", "U+200B"),              # zero-width space
    ("name_ko", "난방비\n지원", "U+000A"),              # a name is one line
    ("name_en", "Heating\x85Support", "U+0085"),       # C1 next-line
    ("summary_ko", "드립니다.\x00", "U+0000"),
    ("contact", "02-\ufeff120", "U+FEFF"),
    ("themes", ["주거", "\x08"], "U+0008"),
])
def test_control_and_format_characters_are_refused(world: StaffWorld, field: str, value: object, char: str) -> None:
    reply = world.client.post("/v1/staff/programmes", json={**BASE, field: value}, headers=world.auth(world.alice))
    assert reply.status_code == 422, reply.text
    message = reply.json()["error"]["message"]
    assert message.startswith(field) and char in message, message
    assert world.services.catalogue.find("JN-TEXT") is None  # nothing reached the catalogue


def test_lengths_are_limited(world: StaffWorld) -> None:
    alice = world.auth(world.alice)
    long_name = world.client.post("/v1/staff/programmes", json={**BASE, "name_ko": "가" * 201}, headers=alice)
    assert long_name.status_code == 422 and "name_ko" in long_name.json()["error"]["message"]
    long_summary = world.client.post("/v1/staff/programmes", json={**BASE, "summary_ko": "가" * 4001}, headers=alice)
    assert long_summary.status_code == 422
    assert world.services.catalogue.find("JN-TEXT") is None


def test_text_is_stored_in_nfc_and_summaries_may_have_line_breaks(world: StaffWorld) -> None:
    decomposed = unicodedata.normalize("NFD", "종로구 겨울 난방비 지원")
    assert decomposed != BASE["name_ko"]
    body = {**BASE, "name_ko": decomposed, "summary_ko": "첫째 줄\n둘째 줄"}
    reply = world.client.post("/v1/staff/programmes", json=body, headers=world.auth(world.alice))
    assert reply.status_code == 201, reply.text
    stored = world.services.catalogue.get("JN-TEXT")
    assert stored.name_ko == BASE["name_ko"] and stored.summary_ko == "첫째 줄\n둘째 줄"


def test_facility_and_staff_names_are_checked_too(world: StaffWorld) -> None:
    facility = {"id": "F1", "kind": "community_centre", "name_ko": "사직동\x1b주민센터", "lat": 37.57, "lon": 126.97}
    reply = world.client.post("/v1/staff/facilities", json=facility, headers=world.auth(world.alice))
    assert reply.status_code == 422 and "U+001B" in reply.json()["error"]["message"]
    staff = world.client.post("/v1/staff/members", json={"name": "Eve\u202e"}, headers=world.auth(world.admin))
    assert staff.status_code == 422 and "U+202E" in staff.json()["error"]["message"]


def test_the_documented_pattern_accepts_exactly_what_the_check_accepts() -> None:
    # a JSON-schema (ECMA-262) "$" ends the text; Python's "$" would also match before a final "\n"
    one_line, multi_line = (re.compile(pattern(m).removesuffix("$") + r"\Z") for m in (False, True))
    for cp in [*range(0x0, 0x300), *range(0x2000, 0x2070), 0xAC00, 0xD7A3, 0xE000, 0xFEFF, 0x1F600, 0xE0001]:
        char = chr(cp)
        for regex, multiline in ((one_line, False), (multi_line, True)):
            try:
                check(char, multiline=multiline)
                accepted = True
            except ValueError:
                accepted = False
            assert accepted == bool(regex.match(char)), (hex(cp), multiline)
