"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from records.config import RecordsConfig
    from tests.postgres import PostgresServer
    from voice_gateway.config import GatewayConfig
    from voice_gateway.embedded import LiveGateway
    from voice_gateway.services import Services

REPO = Path(__file__).resolve().parent.parent
#: ../shared/data next to the checkout; MALBEOT_SHARED_DATA points elsewhere (a worktree in a subfolder)
SHARED_DATA = Path(os.environ.get("MALBEOT_SHARED_DATA", REPO.parent / "shared" / "data")).resolve()


def _uses_postgres(item: pytest.Item) -> bool:
    names = getattr(item, "fixturenames", ())
    callspec = getattr(item, "callspec", None)
    return bool({"postgres_url", "postgres_server", "pgvector_server", "pgvector_url"} & set(names)) or (
        callspec is not None and callspec.params.get("records_url") == "postgresql")


RAY_FIXTURES = {"ray_workers", "ray_transcriber", "ray_voices", "ray_embedder"}


def _uses_ray(item: pytest.Item) -> bool:
    """Needs the local Ray cluster: a ``ray_*`` fixture, or a backend-contract case parametrised ``ray``."""
    callspec = getattr(item, "callspec", None)
    return bool(RAY_FIXTURES & set(getattr(item, "fixturenames", ()))) or (
        callspec is not None and "ray" in callspec.params.values())


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests that start a PostgreSQL server are marked ``postgres``, those that start a Ray cluster
    ``ray`` (the shifted-date run leaves both out: libfaketime breaks servers). Tests that need
    ../shared/data are reported as *not run* (skipped), never passed, without it."""
    for item in items:
        if _uses_postgres(item):
            item.add_marker(pytest.mark.postgres)
        if _uses_ray(item):
            item.add_marker(pytest.mark.ray)
    if SHARED_DATA.is_dir():
        return
    marker = pytest.mark.skip(reason=f"not run: {SHARED_DATA} (../shared/data) absent")
    for item in items:
        if "shared_data" in item.keywords:
            item.add_marker(marker)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"not run: {SHARED_DATA} (../shared/data) absent")
    return SHARED_DATA


@pytest.fixture(scope="session")
def real_services() -> Services:
    """The real packaged models, loaded once per test session and shared by every live gateway."""
    from voice_gateway.config import GatewayConfig
    from voice_gateway.services import Services

    services = Services(GatewayConfig())
    services.warm()
    return services


@pytest.fixture
def start_gateway(real_services: Services) -> Iterator[Callable[..., LiveGateway]]:
    """Start live gateways for one test: ``start(config, services=None)`` (the real models unless told
    otherwise); every one is stopped when the test ends."""
    from voice_gateway.embedded import serve

    stack: list[Iterator[LiveGateway]] = []

    def start(config: GatewayConfig, services: Services | None = None) -> LiveGateway:
        gen = serve(config, services or real_services)
        stack.append(gen)
        return next(gen)

    yield start
    for gen in stack:
        for _ in gen:
            pass


@pytest.fixture(scope="session")
def ray_workers() -> Iterator[str]:
    """A local Ray cluster (loopback, 2 CPUs, a temporary folder) with the model-worker deployments
    running; yields its address. Skipped ("not run") without the ray[serve] package. Every process
    of the cluster is stopped when the session ends."""
    from model_workers.local_cluster import LocalRayCluster, ray_cli

    if ray_cli() is None:
        pytest.skip("not run: ray[serve] (PyPI) not installed")
    from model_workers.control import deploy
    from model_workers.deployments import WorkerOptions

    cluster = LocalRayCluster(num_cpus=2).start()
    try:
        deploy(cluster.address, WorkerOptions(threads=1))
        yield cluster.address
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def ray_transcriber(ray_workers: str) -> Any:
    from asr.registry import create_transcriber

    return create_transcriber("ray", address=ray_workers)


@pytest.fixture(scope="session")
def ray_voices(ray_workers: str) -> Any:
    from tts.registry import synthesizers

    return synthesizers.create("ray", address=ray_workers)


@pytest.fixture(scope="session")
def ray_embedder(ray_workers: str) -> Any:
    from dialog.retrieval.embed_registry import create_embedder

    return create_embedder("ray", address=ray_workers)


def _throwaway_postgres(bindir: Path | None, missing: str) -> Iterator[PostgresServer]:
    """A PostgreSQL cluster from ``bindir`` for the session, stopped at its end; "not run" without it."""
    from tests.postgres import PostgresServer

    if bindir is None:
        pytest.skip(f"not run: {missing}")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("not run: psycopg (PyPI psycopg[binary]) not installed")
    server = PostgresServer(bindir).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL cluster (Debian's binaries) for the session; skipped ("not run") without them."""
    from tests.postgres import find_bindir

    yield from _throwaway_postgres(find_bindir(), "PostgreSQL binaries (Debian package postgresql) not found")


@pytest.fixture(scope="session")
def pgvector_server() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL 16 cluster with pgvector (PyPI ``pgserver``'s binaries); "not run" without them."""
    from tests.postgres import find_pgvector_bindir

    yield from _throwaway_postgres(find_pgvector_bindir(), "PostgreSQL with pgvector (PyPI pgserver) not installed")


@pytest.fixture
def pgvector_url(pgvector_server: PostgresServer) -> str:
    """The SQLAlchemy URL of a fresh, empty database on the pgvector-capable server."""
    return pgvector_server.new_database()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """The SQLAlchemy URL of a fresh, empty PostgreSQL database for one test."""
    return postgres_server.new_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def records_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The records database of one test, once on SQLite (the embedded default) and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'records.db'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def records_config(records_url: str, tmp_path: Path) -> RecordsConfig:
    """Records on ``records_url``: SQLite keeps its key file in ``tmp_path`` (the embedded default),
    PostgreSQL gets an explicit key as replicas must (``MALBEOT_RECORDS_KEY``)."""
    from cryptography.fernet import Fernet

    from records.config import RecordsConfig

    if records_url.startswith("sqlite"):
        return RecordsConfig(url=records_url, key_file=tmp_path / "records.key")
    return RecordsConfig(url=records_url, keys=(Fernet.generate_key().decode("ascii"),))
