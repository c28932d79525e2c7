"""Tiny translation models, built once per test session into a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.translate.tiny_mt_models import build_tiny_marian, build_tiny_nllb


@pytest.fixture(scope="session")
def tiny_nllb_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_nllb(tmp_path_factory.mktemp("tiny-nllb"))


@pytest.fixture(scope="session")
def tiny_marian_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_marian(tmp_path_factory.mktemp("tiny-marian-en-vi"), "en", "vi")
