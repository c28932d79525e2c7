"""schemathesis against the REST, staff and alerts API with every check (``--checks all``).

A real gateway (uvicorn on a loopback port, in this process) with a temporary records database and
an admin token; schemathesis's CLI runs its coverage, fuzzing and stateful phases against the
OpenAPI document the gateway serves: 0 server errors and 0 schema violations (undocumented
statuses or content types, bodies that differ from their schema, schema-valid requests refused,
invalid ones accepted, wrong ``Allow`` headers …). Bounded by ``MAX_EXAMPLES`` per operation (about
two minutes on an idle two-core machine).

The search index uses the deterministic ``HashingEmbedder`` (this is a contract test of the HTTP
API, not of retrieval quality); ``/v1/synthesize`` runs the real packaged voices.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from dialog.retrieval.hybrid import HybridRetriever
from records.config import RecordsConfig
from records.hub import RecordsHub
from tests.fakes import HashingEmbedder
from voice_gateway.config import GatewayConfig
from voice_gateway.embedded import LiveGateway, free_port, serve
from voice_gateway.notifiers import LogNotifier
from voice_gateway.services import Services

pytestmark = pytest.mark.slow  # /v1/synthesize loads the packaged voices
ADMIN_TOKEN = "mbt_schemathesis-admin-token"
MAX_EXAMPLES = 5
SEED = 3
CONFIG = Path(__file__).with_name("schemathesis.toml")


@pytest.fixture
def gateway(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[LiveGateway]:
    monkeypatch.setenv("MALBEOT_HOME", str(tmp_path / "home"))  # embedding cache of this run only
    hub = RecordsHub(RecordsConfig.at(tmp_path), notifier=LogNotifier(), admin_token=ADMIN_TOKEN)
    config = GatewayConfig(preload=False, port=free_port())
    services = Services(config)
    services.records = hub
    services.__dict__["retriever"] = HybridRetriever(services.catalogue, HashingEmbedder())
    gen = serve(config, services)
    yield next(gen)
    for _ in gen:
        pass
    hub.close()


def _counts(junit: Path) -> dict[str, int]:
    suites = ET.parse(junit).getroot()
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for suite in suites.iter("testsuite"):
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    return totals


def test_schemathesis_finds_no_server_error_and_no_schema_violation(gateway: LiveGateway, tmp_path: Path) -> None:
    junit = tmp_path / "schemathesis.xml"
    command = [
        str(Path(sys.executable).with_name("schemathesis")), "--config-file", str(CONFIG), "run",
        f"{gateway.url}/openapi.json", "--checks", "all", "--max-examples", str(MAX_EXAMPLES),
        "--seed", str(SEED), "--workers", "2", "--no-shrink", "--request-timeout", "120",
        "--header", f"Authorization: Bearer {ADMIN_TOKEN}",
        "--report", "junit", "--report-junit-path", str(junit),
    ]
    run = subprocess.run(command, capture_output=True, text=True, timeout=1200, cwd=tmp_path)
    summary = run.stdout[run.stdout.rfind("SUMMARY"):] if "SUMMARY" in run.stdout else run.stdout[-4000:]
    print(summary)
    assert run.returncode == 0, run.stdout[-12000:] + run.stderr[-2000:]
    counts = _counts(junit)
    assert counts["tests"] >= 25 and counts["failures"] == 0 and counts["errors"] == 0, counts
    assert "Test cases:" in run.stdout and " passed" in run.stdout
