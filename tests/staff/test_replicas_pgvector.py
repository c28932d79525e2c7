"""Two gateway replicas (the real app and services) on one PostgreSQL with pgvector.

The first replica embeds the catalogue into the database; the second embeds no programme, holds no
matrix, and answers the same search from the database's ranking. The embedder is the hashing one
(``tests/fakes.py``): real-model ranking on pgvector is ``tests/dialog/test_pgvector_index.py``.
"""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from fastapi.testclient import TestClient

from tests.fakes import HashingEmbedder
from voice_gateway.app import create_app
from voice_gateway.config import GatewayConfig
from voice_gateway.services import Services


def test_replicas_share_the_pgvector_index(pgvector_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    embedder = HashingEmbedder()
    monkeypatch.setenv("MALBEOT_RECORDS_URL", pgvector_url)
    monkeypatch.setenv("MALBEOT_RECORDS_KEY", Fernet.generate_key().decode())
    monkeypatch.setattr("dialog.retrieval.embed_registry.create_embedder", lambda name="", **_: embedder)
    monkeypatch.setattr("voice_gateway.services.embedding_cache_dir", lambda: None)
    found = []
    made = []
    for _ in range(2):
        config = GatewayConfig(preload=False)
        services = Services(config)
        with TestClient(create_app(config, services)) as client:
            response = client.get("/v1/benefits/search", params={"q": "기초연금 신청", "k": 3})
            assert response.status_code == 200, response.text
            found.append([r["id"] for r in response.json()["results"]])
        made.append(services)
    first, second = (s.retriever for s in made)
    assert first.matrix is None and first.embedded == len(first) > 0
    assert second.matrix is None and second.embedded == 0
    assert found[0] == found[1] and found[0]
    for services in made:
        services.records.close()
