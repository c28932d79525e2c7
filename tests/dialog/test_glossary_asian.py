"""Chinese, Japanese and Vietnamese words reach Korean-only records through BM25 (dialog.retrieval.glossary_asian)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dialog.catalogue.programmes import Programme
from dialog.catalogue.sample import sample_programmes
from dialog.retrieval.glossary_asian import expand_asian
from dialog.retrieval.hybrid import HybridRetriever
from tests.fakes import HashingEmbedder


def _korean_only(p: Programme) -> Programme:
    return replace(p, name_en="", summary_en="", target_en="", support_en="", how_to_apply_en="")


@pytest.fixture(scope="module")
def korean_only() -> HybridRetriever:
    return HybridRetriever([_korean_only(p) for p in sample_programmes()], HashingEmbedder())


def test_expansion_words() -> None:
    assert "틀니" in expand_asian("牙齿掉光了，做假牙有补贴吗？")
    assert "틀니" in expand_asian("入れ歯を作りたい")
    assert "틀니" in expand_asian("Tôi muốn làm RĂNG GIẢ")
    assert expand_asian("전기세 할인") == ""


@pytest.mark.parametrize(("query", "expected"), [
    ("做假牙有补贴吗？", "KR-DENTURES"),
    ("入れ歯の補助", "KR-DENTURES"),
    ("làm răng giả", "KR-DENTURES"),
    ("怀孕 产检", "KR-PREGNANCY-VOUCHER"),
])
def test_bm25_finds_korean_records_for_asian_words(korean_only: HybridRetriever, query: str, expected: str) -> None:
    ranked = korean_only.retrieve(query, k=1, mode="bm25", only_relevant=False)
    assert ranked[0].programme.id == expected and ranked[0].bm25 > 0.0
