"""The programme model, its SQLite store and the project's illustrative sample catalogue."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest

from dialog.catalogue.programmes import LIFECYCLE_TAGS, TARGET_GROUP_TAGS, Catalogue, Eligibility, Programme
from dialog.catalogue.sample import load_sample, read_sample, sample_notice, sample_programmes
from malbeot_core.errors import NotFound


def _programme(pid: str = "T-1", **changes: object) -> Programme:
    values: dict[str, object] = {
        "id": pid,
        "name_ko": "시험 연금",
        "name_en": "Test Pension",
        "summary_ko": "시험용 요약입니다.",
        "summary_en": "A test summary.",
        "lifecycle": ("노년",),
        "target_groups": ("저소득",),
        "themes": ("생활지원",),
        "online_application": True,
        "eligibility": Eligibility(min_age=65, income_max_pct_median=50, household_types=("1인가구",)),
    }
    values.update(changes)
    return Programme(**values)  # type: ignore[arg-type]


def test_programme_round_trips_through_a_dict() -> None:
    p = _programme(legal_basis=("기초연금법",), eligibility=Eligibility(max_age=7, age_of="child"))
    data = p.to_dict()
    assert data["lifecycle"] == ["노년"]
    assert data["eligibility"] == {"max_age": 7, "age_of": "child"}
    assert Programme.from_dict(data) == p


def test_unknown_keys_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown keys"):
        Programme.from_dict({"id": "x", "name_ko": "이름", "colour": "blue"})
    with pytest.raises(ValueError, match="unknown eligibility keys"):
        Eligibility.from_dict({"min_age": 3, "shoe_size": 40})


def test_text_falls_back_to_korean() -> None:
    bilingual = _programme()
    korean_only = _programme(name_en="", summary_en="")
    assert bilingual.text("name", "ko") == "시험 연금"
    assert bilingual.text("name", "en") == "Test Pension"
    assert bilingual.text("name", "zh") == "Test Pension"  # non-Korean callers get English text
    assert korean_only.text("summary", "en") == "시험용 요약입니다."
    assert not korean_only.has_text("summary", "en")


def test_store_upserts_gets_and_counts() -> None:
    with Catalogue() as cat:
        cat.upsert_many([_programme("A"), _programme("B", name_ko="다른 것")])
        assert cat.count() == len(cat) == 2
        assert cat.get("A") == _programme("A")
        cat.upsert(_programme("A", name_ko="바뀐 이름"))
        assert cat.count() == 2
        assert cat.get("A").name_ko == "바뀐 이름"
        assert [p.id for p in cat.all()] == ["A", "B"]
        assert cat.find("missing") is None
        with pytest.raises(NotFound):
            cat.get("missing")
        with pytest.raises(ValueError, match="already"):
            cat.add(_programme("B"))
        assert cat.delete("B") and not cat.delete("B")
        assert [p.id for p in cat] == ["A"]


def test_tag_and_text_search() -> None:
    cat = Catalogue()
    cat.upsert_many(
        [
            _programme("OLD"),
            _programme("KID", name_ko="아동 수당", name_en="Child Allowance", lifecycle=("아동",),
                       target_groups=(), online_application=False),
        ]
    )
    assert [p.id for p in cat.with_tags(lifecycle="노년")] == ["OLD"]
    assert [p.id for p in cat.with_tags(lifecycle="아동", online=False)] == ["KID"]
    assert cat.with_tags(lifecycle="아동", target_group="저소득") == []
    assert [p.id for p in cat.search_text("수당")] == ["KID"]
    assert [p.id for p in cat.search_text("allowance")] == ["KID"]


def test_file_store_persists(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.sqlite"
    with Catalogue(path) as cat:
        cat.upsert(_programme("KEEP"))
    with Catalogue(path) as again:
        assert again.get("KEEP") == _programme("KEEP")


def test_store_is_usable_from_another_thread() -> None:
    cat = Catalogue()
    cat.upsert(_programme("T"))
    seen: list[str] = []
    worker = threading.Thread(target=lambda: seen.append(cat.get("T").name_ko))
    worker.start()
    worker.join()
    assert seen == ["시험 연금"]


# -- the sample catalogue ---------------------------------------------------------------------------
REQUIRED_IDS = {
    "KR-BASIC-PENSION", "KR-SENIOR-JOBS", "KR-SENIOR-CARE", "KR-DEMENTIA-SUPPORT", "KR-DISABILITY-PENSION",
    "KR-DISABILITY-ACTIVITY", "KR-FIRST-MEETING", "KR-PARENT-ALLOWANCE", "KR-CHILD-ALLOWANCE",
    "KR-CHILDCARE-FEE", "KR-SINGLE-PARENT", "KR-YOUTH-RENT", "KR-YOUTH-SAVINGS", "KR-JOB-SEEKER",
    "KR-FAMILY-CENTRE", "KR-DANURI-CALL", "KR-FOREIGNER-CENTRE", "KR-KOREAN-CLASS", "KR-EMERGENCY-WELFARE",
    "KR-LIVELIHOOD-BENEFIT", "KR-HOUSING-BENEFIT", "KR-MEDICAL-BENEFIT", "KR-EDUCATION-BENEFIT",
    "KR-ENERGY-VOUCHER", "KR-HEALTH-CHECKUP", "KR-CANCER-SCREENING", "KR-VACCINATION", "KR-LIFELONG-VOUCHER",
    "KR-CULTURE-VOUCHER", "KR-COMMUNITY-CENTRE", "KR-PUBLIC-LIBRARY", "KR-HEAT-COLD-SHELTER",
    "KR-SENIOR-TRANSPORT",
}
_AMOUNT_KO = re.compile(r"\d[\d,]*\s*(?:만\s*)?원")
_AMOUNT_EN = re.compile(r"\d[\d,]*\s*won")
_APPROX_KO = ("예시", "약 ", "정도", "안팎", "최대", "원대", "몇")
_APPROX_EN = ("example", "about", "around", "up to", "roughly", "a little over", "a few")


def test_sample_says_it_is_illustrative_not_official() -> None:
    data = read_sample()
    assert data["illustrative"] is True
    notice = sample_notice().lower()
    assert "illustrative" in notice and "not an official" in notice and "129" in notice


def test_sample_programmes_are_complete_and_bilingual() -> None:
    programmes = sample_programmes()
    assert len(programmes) >= 45
    ids = [p.id for p in programmes]
    assert len(ids) == len(set(ids))
    assert set(ids) >= REQUIRED_IDS
    for p in programmes:
        assert p.illustrative and p.source == "sample", p.id
        for field in ("name", "summary", "target", "support", "how_to_apply"):
            assert getattr(p, f"{field}_ko") and getattr(p, f"{field}_en"), (p.id, field)
        assert p.agency, p.id
        assert set(p.lifecycle) <= set(LIFECYCLE_TAGS), p.id
        assert set(p.target_groups) <= set(TARGET_GROUP_TAGS), p.id


def test_sample_amounts_are_phrased_as_approximate() -> None:
    checked = 0
    for p in sample_programmes():
        for text, amount, markers in (
            (f"{p.summary_ko} {p.support_ko}", _AMOUNT_KO, _APPROX_KO),
            (f"{p.summary_en} {p.support_en}", _AMOUNT_EN, _APPROX_EN),
        ):
            for sentence in re.split(r"(?<=[.!?])\s+", text):
                if amount.search(sentence):
                    checked += 1
                    assert any(m in sentence.lower() for m in markers), (p.id, sentence)
    assert checked >= 20


def test_load_sample_into_a_file_catalogue(tmp_path: Path) -> None:
    cat = load_sample(Catalogue(tmp_path / "sample.sqlite"))
    assert cat.count() == len(sample_programmes())
    pension = cat.get("KR-BASIC-PENSION")
    assert pension.name_ko == "기초연금" and pension.eligibility.min_age == 65
    assert {p.id for p in cat.with_tags(target_group="외국인")} >= {"KR-DANURI-CALL", "KR-KOREAN-CLASS"}
