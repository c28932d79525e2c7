"""The labelled set: big enough, five languages, the issue's examples, a fixed half-and-half split."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from dialog.safety.dataset import DATA, HELDOUT, TUNE, load, split


def test_sizes_and_languages() -> None:
    rows = load()
    dangers = [r for r in rows if r.danger]
    ordinary = [r for r in rows if not r.danger]
    assert len(dangers) >= 120 and len(ordinary) >= 120
    assert {r.language for r in dangers} == {r.language for r in ordinary} == {"ko", "en", "zh", "vi", "ja"}
    assert {r.label for r in dangers} == {"medical", "suicide", "abuse", "fire", "crime"}
    by_language = Counter(r.language for r in rows)
    assert by_language["ko"] > len(rows) / 2  # most callers speak Korean
    assert len({(r.text, r.language) for r in rows}) == len(rows), "no duplicates"


def test_the_issue_examples_are_in_it() -> None:
    texts = {r.text: r.label for r in load()}
    assert texts["요즘 너무 힘들어서 그냥 죽고 싶어요"] == "suicide"
    assert texts["어머니가 쓰러지셨는데 숨을 잘 못 쉬세요"] == "medical"
    assert texts["아들이 자꾸 때리고 돈을 뺏어가요"] == "abuse"
    assert texts["I want to end my life"] == "suicide"
    assert texts["살기 싫어요"] == texts["다 끝내고 싶어요"] == "suicide"
    for near_miss in ("배고파 죽겠어요", "더워 죽겠다", "웃겨 죽겠네", "화재보험 들려면 어떻게 해요",
                      "장례비 지원 받을 수 있어요", "응급안전안심서비스 신청하고 싶어요",
                      "가정폭력 피해자 지원 프로그램 있어요", "일일구 번호가 뭐예요"):
        assert texts[near_miss] == "none"


def test_spoken_forms_as_asr_writes_them() -> None:
    for row in load():
        assert not any(ch in row.text for ch in ".?!"), row.text
        if row.language == "ko":
            assert not any(ch.isdigit() for ch in row.text), row.text


def test_split_is_half_and_half_per_label_and_language_and_repeatable() -> None:
    """Lines without a named half alternate tuning / held-out within each (label, language) group."""
    rows = load()
    assert [r.split for r in rows] == [r.split for r in load()]
    named = _named_tuning_lines()
    alternating = [r for number, r in enumerate(rows) if number not in named]
    tune, held = split(alternating, TUNE), split(alternating, HELDOUT)
    assert len(tune) + len(held) == len(alternating)
    for group in {(r.label, r.language) for r in alternating}:
        t = sum((r.label, r.language) == group for r in tune)
        h = sum((r.label, r.language) == group for r in held)
        assert t - h in (0, 1) and h >= 1, group


def test_lines_written_only_to_learn_from_are_tuning_lines_and_move_no_other_line(tmp_path: Path) -> None:
    rows = load()
    named = _named_tuning_lines()
    assert named, "the extra tuning lines are in the set"
    assert all(rows[number].split == TUNE for number in named)
    # without them, every other line keeps its half
    lines = DATA.read_text(encoding="utf-8").splitlines()
    plain = tmp_path / "plain.jsonl"
    plain.write_text("\n".join(line for n, line in enumerate(lines) if n not in named) + "\n", encoding="utf-8")
    assert [r.split for r in load(plain)] == [r.split for n, r in enumerate(rows) if n not in named]
    # no held-out text is repeated among them
    held = {(r.text, r.language) for r in split(rows, HELDOUT)}
    assert not any((rows[n].text, rows[n].language) in held for n in named)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"text": "x", "language": "en", "label": "none", "split": "heldout"}) + "\n")
    with pytest.raises(ValueError, match="only tuning lines"):
        load(bad)


def _named_tuning_lines() -> set[int]:
    lines = [line for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {n for n, line in enumerate(lines) if "split" in json.loads(line)}
