"""Every translator keeps the same contract: the tiny real backends, the identity and a fake."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from malbeot_core.errors import UnknownLanguage
from tests.translate.tiny_mt_models import TINY_GENERATION
from tests.translate.translate_fakes import DictTranslator
from translate import IdentityTranslator, Translator
from translate.marian import MarianTranslator
from translate.nllb import NllbTranslator


@dataclass(frozen=True)
class Case:
    translator: Translator
    #: a pair the translator supports (the same language twice for the identity)
    source: str
    target: str
    text: str


def _nllb(request: pytest.FixtureRequest) -> Case:
    folder: Path = request.getfixturevalue("tiny_nllb_dir")
    return Case(NllbTranslator(model_dir=folder, generation=TINY_GENERATION), "ko", "en", "기초연금은 무엇인가요?")


def _marian(request: pytest.FixtureRequest) -> Case:
    folder: Path = request.getfixturevalue("tiny_marian_dir")
    translator = MarianTranslator({("en", "vi"): folder}, generation=TINY_GENERATION)
    return Case(translator, "en", "vi", "Who can get the basic pension?")


def _identity(request: pytest.FixtureRequest) -> Case:
    return Case(IdentityTranslator(), "ko", "ko", "기초연금은 무엇인가요?")


def _dict(request: pytest.FixtureRequest) -> Case:
    return Case(DictTranslator({("en", "zh"): {"pension": "养老金"}}), "en", "zh", "basic pension")


CASES: dict[str, Callable[[pytest.FixtureRequest], Case]] = {
    "nllb-tiny": _nllb,
    "marian-tiny": _marian,
    "identity": _identity,
    "dict": _dict,
}


@pytest.fixture(params=sorted(CASES))
def case(request: pytest.FixtureRequest) -> Case:
    return CASES[request.param](request)


def test_implements_the_protocol(case: Case) -> None:
    assert isinstance(case.translator, Translator)
    assert isinstance(case.translator.name, str) and case.translator.name


def test_translates_a_supported_pair_to_text(case: Case) -> None:
    assert case.translator.supports(case.source, case.target)
    out = case.translator.translate(case.text, case.source, case.target)
    assert isinstance(out, str)


def test_same_language_returns_the_text_unchanged(case: Case) -> None:
    for language in (case.source, case.target):
        assert case.translator.supports(language, language)
        assert case.translator.translate(case.text, language, language) == case.text


def test_region_subtags_are_accepted(case: Case) -> None:
    source, target = f"{case.source}-KR", case.target.upper()
    assert case.translator.supports(source, target)
    assert isinstance(case.translator.translate(case.text, source, target), str)


def test_unknown_language_is_refused(case: Case) -> None:
    assert not case.translator.supports("xx", case.target)
    assert not case.translator.supports(case.source, "xx")
    with pytest.raises(UnknownLanguage):
        case.translator.translate(case.text, "xx", case.target)
    with pytest.raises(UnknownLanguage) as refused:
        case.translator.translate(case.text, case.source, "xx")
    assert refused.value.code == "unknown_language"


@pytest.mark.parametrize("blank", ["", "   "])
def test_blank_text_comes_back_unchanged(case: Case, blank: str) -> None:
    assert case.translator.translate(blank, case.source, case.target) == blank


def test_line_breaks_are_kept(case: Case) -> None:
    text = f"{case.text}\n{case.text}"
    out = case.translator.translate(text, case.source, case.target)
    assert out.count("\n") == 1


def test_concurrent_calls_from_threads(case: Case) -> None:
    one = case.translator.translate(case.text, case.source, case.target)
    with ThreadPoolExecutor(max_workers=4) as pool:
        outs = list(pool.map(lambda _: case.translator.translate(case.text, case.source, case.target), range(8)))
    assert outs == [one] * 8  # greedy decoding: the same answer every time, whichever thread runs it
