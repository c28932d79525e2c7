"""Two gateway replicas (the real app and services) on one PostgreSQL.

- an application submitted on one is read on the other, and stored exactly once;
- a programme registered by staff on one is found by a search on the other after its catalogue
  sync (called directly here: the gateway calls it every ``MALBEOT_SYNC_SECONDS``);
- the second replica embeds no catalogue passage: it loads the vectors the first one stored.

The embedder is the real packaged multilingual-e5 (loaded once, shared by both replicas to save
memory); each replica builds its own index. The local embedding file cache is off, so only the
records database can spare the second replica its embedding.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from cryptography.fernet import Fernet
from fastapi.testclient import TestClient

from dialog.applications.application_flow import Submission
from dialog.retrieval.embed_registry import create_embedder
from records.vectors import PassageVectors
from tests.postgres import PostgresServer
from voice_gateway.app import _sync_loop, create_app
from voice_gateway.config import GatewayConfig
from voice_gateway.services import Services

ADMIN = "mbt_replica-admin-token-for-tests"
PROGRAMME: dict[str, Any] = {
    "id": "JN-KIMCHI-SHARE",
    "name_ko": "종로구 김장김치 나눔",
    "name_en": "Jongno Kimchi Sharing",
    "summary_ko": "홀몸 어르신께 김장김치를 나눠 드립니다.",
}
FIELDS = {"name": "홍길동", "rrn": "5803051234567", "phone": "01098765432", "address": "서울 종로구 사직로 161"}


@dataclass
class Replica:
    services: Services
    client: TestClient

    def search(self, q: str) -> list[str]:
        response = self.client.get("/v1/benefits/search", params={"q": q, "k": 3})
        assert response.status_code == 200, response.text
        return [r["id"] for r in response.json()["results"]]


@pytest.fixture(scope="module")
def replicas(postgres_server: PostgresServer) -> Iterator[tuple[Replica, Replica]]:
    url = postgres_server.new_database()
    embedder = create_embedder("sentence-transformers")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MALBEOT_RECORDS_URL", url)
        mp.setenv("MALBEOT_RECORDS_KEY", Fernet.generate_key().decode())  # the same key on both
        mp.setenv("MALBEOT_ADMIN_TOKEN", ADMIN)
        mp.setattr("dialog.retrieval.embed_registry.create_embedder", lambda name="": embedder)
        mp.setattr("voice_gateway.services.embedding_cache_dir", lambda: None)
        made: list[Replica] = []
        clients: list[TestClient] = []
        for _ in range(2):
            config = GatewayConfig(preload=False)
            services = Services(config)
            client = TestClient(create_app(config, services)).__enter__()
            clients.append(client)
            replica = Replica(services, client)
            replica.search("기초연금")  # search-ready (A: embeds and stores; B: loads)
            made.append(replica)
        yield made[0], made[1]
        for client in clients:
            client.__exit__(None, None, None)
        for replica in made:
            replica.services.records.close()


def test_the_second_replica_embeds_nothing(replicas: tuple[Replica, Replica]) -> None:
    a, b = replicas
    assert a.services.retriever.embedded == len(a.services.retriever) > 0
    assert a.services.civil.search.index.embedded > 0
    assert b.services.retriever.embedded == 0
    assert b.services.civil.search.index.embedded == 0
    assert (b.services.retriever.matrix == a.services.retriever.matrix).all()
    stored = PassageVectors(a.services.records.records).count(a.services.retriever.embedder.name)
    assert stored >= len(a.services.retriever) + len(a.services.civil.search.index.texts) - 5  # duplicates share


def test_an_application_made_on_one_is_read_on_the_other_exactly_once(replicas: tuple[Replica, Replica]) -> None:
    a, b = replicas
    submission = Submission("conv-r:KR-BASIC-PENSION", "conv-r", "KR-BASIC-PENSION", "기초연금", "ko", FIELDS)
    receipt = a.services.records.applications.submit(submission)
    again = b.services.records.applications.submit(submission)  # a retry reaching the other replica
    assert receipt.created and not again.created and again.number == receipt.number
    listed = b.client.get("/v1/staff/applications", params={"reveal": "true"},
                          headers={"Authorization": f"Bearer {ADMIN}"}).json()["applications"]
    assert [row["receipt"] for row in listed] == [receipt.number]
    assert listed[0]["fields"]["phone"] == "01098765432"  # the shared key opens it on B


def test_a_staff_edit_on_one_is_answered_by_the_other_after_its_sync(replicas: tuple[Replica, Replica]) -> None:
    a, b = replicas
    auth = {"Authorization": f"Bearer {ADMIN}"}
    assert b.services.sync_catalogue() is False  # nothing changed yet
    created = a.client.post("/v1/staff/programmes", json=PROGRAMME, headers=auth)
    assert created.status_code == 201, created.text
    assert a.search("김장김치 나눔")[0] == PROGRAMME["id"]
    assert PROGRAMME["id"] not in b.search("김장김치 나눔")  # not yet synced
    assert b.services.sync_catalogue() is True
    assert b.search("김장김치 나눔")[0] == PROGRAMME["id"]
    assert b.services.retriever.embedded == 0  # A stored the new passage's vector
    retired = a.client.post(f"/v1/staff/programmes/{PROGRAMME['id']}/retire", headers=auth)
    assert retired.status_code == 200, retired.text
    assert b.services.sync_catalogue() is True
    assert PROGRAMME["id"] not in b.search("김장김치 나눔")


def test_the_gateway_sync_loop_picks_up_an_edit(replicas: tuple[Replica, Replica],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The loop the gateway runs on a shared database (here every 10 ms; 5 s by default) reloads B
    after an edit on A. It waits on B's reload itself, not on a clock (60 s is only a deadlock guard)."""
    a, b = replicas
    body = {**PROGRAMME, "id": "JN-BRIQUETTE", "name_ko": "종로구 연탄 나눔", "name_en": "Jongno Briquette Sharing",
            "summary_ko": "홀몸 어르신께 겨울 연탄을 나눠 드립니다."}
    assert a.client.post("/v1/staff/programmes", json=body,
                         headers={"Authorization": f"Bearer {ADMIN}"}).status_code == 201
    synced = threading.Event()
    original = b.services.sync_catalogue

    def watched() -> bool:
        changed = original()
        if changed:
            synced.set()
        return changed

    monkeypatch.setattr(b.services, "sync_catalogue", watched)

    async def run() -> None:
        task = asyncio.create_task(_sync_loop(b.services, 0.01))
        await asyncio.to_thread(synced.wait, 60)
        task.cancel()

    asyncio.run(run())
    assert synced.is_set()
    assert b.search("연탄 나눔")[0] == "JN-BRIQUETTE"


def test_the_sync_interval_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    assert GatewayConfig.from_env().sync_seconds == 5.0
    monkeypatch.setenv("MALBEOT_SYNC_SECONDS", "2")
    assert GatewayConfig.from_env().sync_seconds == 2.0
