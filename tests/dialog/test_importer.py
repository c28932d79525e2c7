"""Importing 복지로 open-data records (a record written here in the same shape as the real ones)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from dialog.catalogue.importer import (
    clean_text,
    import_bokjiro,
    import_into,
    import_records,
    programme_from_record,
    read_records,
    split_tags,
)
from dialog.catalogue.programmes import Catalogue

# A made-up service in the shape of the 복지로 list API (values invented for the test).
LIST_RECORD: dict[str, Any] = {
    "servId": "WLF99990001",
    "servNm": "시험 어르신 돌봄",
    "servDgst": "혼자 지내기 어려운 어르신께&#13;안부 확인과 생활 도움을 드립니다.",
    "servDtlLink": "https://www.example.test/detail?id=WLF99990001&amp;type=01",
    "jurMnofNm": "시험부",
    "jurOrgNm": "돌봄정책과",
    "lifeArray": "중장년,노년,임신 · 출산",
    "trgterIndvdlArray": "저소득,장애인",
    "intrsThemaArray": "보호·돌봄",
    "srvPvsnNm": "프로그램/서비스(서비스)",
    "sprtCycNm": "수시",
    "onapPsbltYn": "N",
    "rprsCtadr": "129",
    "inqNum": "123",
    "svcfrstRegTs": "20240101",
}
DETAIL_RECORD: dict[str, Any] = {
    "servId": "WLF99990001",
    "servNm": "시험 어르신 돌봄",
    "tgtrDtlCn": "만 65세 이상 어르신&#13;기준 중위소득 60% 이하 가구&#13;",
    "slctCritCn": "&amp;#9312; 혼자 사는 분&#13;&amp;#9313; 돌봄이 필요한 분",
    "alwServCn": "방문 안부 확인&amp;middot;말벗",
    "applmetList": [
        {"servSeCode": "070", "servSeDetailLink": "주민센터 방문 신청", "servSeDetailNm": "신청기관연락처목록"},
        {"servSeCode": "070", "servSeDetailLink": "주민센터 방문 신청", "servSeDetailNm": "신청기관연락처목록"},
        {"servSeCode": "070", "servSeDetailLink": "구청에서 심사", "servSeDetailNm": "조사기관연락처목록"},
        {"servSeCode": "070", "servSeDetailLink": "구청에 이의신청", "servSeDetailNm": "이의신청접수기관연락처목록"},
    ],
    "baslawList": [{"servSeCode": "030", "servSeDetailNm": "시험복지법"}],
}


def test_clean_text_undoes_line_breaks_and_double_escaping() -> None:
    assert clean_text("가&#13;나") == "가\n나"
    assert clean_text("&amp;#9312; 첫째") == "① 첫째"
    assert clean_text("아동&middot;청소년") == "아동·청소년"
    assert clean_text("  여러   칸 &#13;&#13; 빈 줄 ") == "여러 칸\n빈 줄"
    assert clean_text(None) == ""


def test_split_tags_normalises_spacing() -> None:
    assert split_tags("청년,중장년,임신 · 출산") == ("청년", "중장년", "임신·출산")
    assert split_tags(["노년", "노년", ""]) == ("노년",)
    assert split_tags(None) == ()


def test_list_record_becomes_a_korean_only_programme() -> None:
    p = programme_from_record(LIST_RECORD)
    assert p.id == "WLF99990001" and p.name_ko == "시험 어르신 돌봄"
    assert p.summary_ko == "혼자 지내기 어려운 어르신께\n안부 확인과 생활 도움을 드립니다."
    assert p.name_en == p.summary_en == p.how_to_apply_en == ""
    assert p.agency == "시험부 돌봄정책과" and p.contact == "129"
    assert p.lifecycle == ("중장년", "노년", "임신·출산")
    assert p.target_groups == ("저소득", "장애인") and p.themes == ("보호·돌봄",)
    assert p.online_application is False
    assert p.url == "https://www.example.test/detail?id=WLF99990001&type=01"
    assert p.support_form == "프로그램/서비스(서비스)" and p.support_cycle == "수시"
    assert p.source == "bokjiro" and not p.illustrative
    # no application method in a list record: only what the record states (its contact)
    assert p.how_to_apply_ko == "자세한 신청 방법은 129번으로 문의하세요."


def test_online_flag_shapes_the_generic_how_to_apply() -> None:
    p = programme_from_record({**LIST_RECORD, "onapPsbltYn": "Y"})
    assert p.online_application and "복지로" in p.how_to_apply_ko


def test_detail_fields_are_merged(tmp_path: Path) -> None:
    (p,) = import_records([LIST_RECORD, DETAIL_RECORD])
    assert p.target_ko == "만 65세 이상 어르신\n기준 중위소득 60% 이하 가구"
    assert p.selection_criteria_ko == "① 혼자 사는 분\n② 돌봄이 필요한 분"
    assert p.support_ko == "방문 안부 확인·말벗"
    # application steps only, once each, one sentence per step, then the contact
    assert p.how_to_apply_ko == "주민센터 방문 신청. 문의 전화는 129번입니다."
    assert p.legal_basis == ("시험복지법",)
    assert p.eligibility.min_age == 65 and p.eligibility.income_max_pct_median == 60
    assert p.summary_ko.startswith("혼자 지내기")  # list fields stay


def test_reads_jsonl_and_wrapped_detail_files(tmp_path: Path) -> None:
    listing = tmp_path / "central.jsonl"
    other = {**LIST_RECORD, "servId": "WLF99990002", "servNm": "다른 서비스"}
    listing.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in (LIST_RECORD, other)) + "\n")
    details = tmp_path / "detail"
    details.mkdir()
    wrapped = {"provider": "central", "list": LIST_RECORD, "detail": DETAIL_RECORD}
    (details / "WLF99990001.json").write_text(json.dumps(wrapped, ensure_ascii=False))
    stray = {"provider": "central", "list": {"servId": "WLF00000000", "servNm": "목록에 없음"}}
    (details / "WLF00000000.json").write_text(json.dumps(stray, ensure_ascii=False))

    assert [r["servId"] for r in read_records(details / "WLF99990001.json")] == ["WLF99990001"]
    programmes = {p.id: p for p in import_bokjiro(listing, details)}
    assert set(programmes) == {"WLF99990001", "WLF99990002"}  # detail files of unlisted ids are left out
    assert programmes["WLF99990001"].legal_basis == ("시험복지법",)
    assert programmes["WLF99990002"].target_ko == ""

    catalogue = Catalogue()
    assert import_into(catalogue, programmes.values()) == 2
    assert catalogue.get("WLF99990001").support_ko == "방문 안부 확인·말벗"


def test_record_without_id_is_refused() -> None:
    with pytest.raises(ValueError, match="servId"):
        programme_from_record({"servNm": "이름만"})


@pytest.mark.shared_data
def test_imports_the_real_central_list(shared_data: Path) -> None:
    root = shared_data / "kr_bokjiro_central"
    programmes = import_bokjiro(root / "central.jsonl", root / "detail")
    assert len(programmes) == 461
    assert len({p.id for p in programmes}) == 461
    with_detail = [p for p in programmes if p.target_ko]
    assert len(with_detail) == 22
    leftover = re.compile(r"&(?:#\d+|[a-z]+);")
    for p in programmes:
        assert p.name_ko and p.summary_ko and p.how_to_apply_ko, p.id
        for text in (p.name_ko, p.summary_ko, p.target_ko, p.support_ko, p.selection_criteria_ko):
            assert not leftover.search(text), (p.id, text[:80])
    pension = next(p for p in programmes if p.name_ko == "기초연금")
    assert "노년" in pension.lifecycle
