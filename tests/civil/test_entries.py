"""The civil knowledge base: typed entries with facts as fields, their files and validation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dialog.civil.compose import field_sentence, overview
from dialog.civil.entry import CivilEntry
from dialog.civil.knowledge import CivilKnowledge, read_entries
from dialog.civil.vocab import LANGUAGES

REQUIRED_TOPICS = {
    "certificate",
    "residence",
    "passport",
    "waste",
    "fines",
    "tax",
    "classes",
    "booking",
    "lost",
    "noise",
    "general",
}


def test_sample_covers_the_issues_topics_with_names_in_every_language_and_a_named_source() -> None:
    entries = read_entries()
    assert len(entries) >= 17
    assert {e.topic for e in entries} >= REQUIRED_TOPICS
    for entry in entries:
        assert set(entry.names) == set(LANGUAGES), entry.id
        assert entry.source and entry.source_url.startswith("https://"), entry.id
        assert entry.where, entry.id
        assert CivilEntry.from_dict(entry.to_dict()) == entry


def test_unknown_codes_are_refused_with_every_problem_named() -> None:
    data = read_entries()[0].to_dict() | {"where": ["moon"], "bring": ["unicorn"], "opens": "9:00"}
    with pytest.raises(ValueError) as raised:
        CivilEntry.from_dict(data)
    message = str(raised.value)
    assert "moon" in message and "unicorn" in message and "HH:MM" in message


def test_district_files_in_json_lines_replace_and_add_entries(tmp_path: Path) -> None:
    first = read_entries()[0].to_dict()
    changed = first | {"phone": "02-2148-1234"}
    new = first | {"id": "JN-CIVIL-KIMCHI", "names": {"ko": "김장 쓰레기 배출 안내"}, "aliases": {}}
    path = tmp_path / "district.jsonl"
    path.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in (changed, new)), encoding="utf-8")
    knowledge = CivilKnowledge.sample([path])
    assert knowledge.get(first["id"]).phone == "02-2148-1234"
    assert knowledge.get("JN-CIVIL-KIMCHI").name("ko") == "김장 쓰레기 배출 안내"
    assert len(knowledge) == len(read_entries()) + 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_answers_are_composed_from_the_fields_in_each_language(language: str) -> None:
    cert = CivilKnowledge.sample().get("CIVIL-RESIDENT-CERT")
    fee = field_sentence(cert, "fee", language)
    assert "200" in fee and "400" in fee  # kiosk and counter fees, from the fields
    assert "9" in field_sentence(cert, "hours", language)
    text = overview(cert, language)
    if language != "en":
        assert "Kiosks" not in text  # never another language's note
    assert cert.name(language) in text
