"""How long a gateway replica takes to become search-ready on a shared PostgreSQL.

Replica A starts on an empty records database: it embeds every catalogue and civil passage and
stores the vectors (this is also what every replica costs without shared vectors — the baseline).
Replica B then starts on the same database: it loads the stored vectors and embeds none. Each
replica is a fresh process (its own model load) with the local embedding file cache off, so only
the database can spare B its work. Search-ready = the retrieval and civil indexes built and one
``/v1/benefits/search`` answered through the real gateway app.

    .venv/bin/python bench/replica_startup.py                       # throwaway PostgreSQL (Debian binaries)
    .venv/bin/python bench/replica_startup.py --url postgresql+psycopg://…   # an existing empty database
    .venv/bin/python bench/replica_startup.py --pgvector    # PyPI pgserver's PostgreSQL 16 + pgvector

With pgvector the programme vectors are ranked by the database (``records.vectors``) and a replica
holds no matrix; without it they are searched in memory. ``dense ms`` is the mean time of the dense
scores of one embedded query against every programme (``HybridRetriever.dense_scores``), the part
pgvector replaces.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


DENSE_RUNS = 200


def one_replica() -> dict[str, float | int]:
    """Start one replica in this process (env: MALBEOT_RECORDS_URL/KEY) and time it to search-ready."""
    start = time.perf_counter()
    from fastapi.testclient import TestClient

    import voice_gateway.services as services_module
    from voice_gateway.app import create_app
    from voice_gateway.config import GatewayConfig
    from voice_gateway.services import Services

    services_module.embedding_cache_dir = lambda: None  # type: ignore[assignment,return-value]
    config = GatewayConfig(preload=False)
    services = Services(config)
    with TestClient(create_app(config, services)) as client:
        response = client.get("/v1/benefits/search", params={"q": "기초연금 신청", "k": 3})
        response.raise_for_status()
        seconds = time.perf_counter() - start
        retriever, civil = services.retriever, services.civil.search.index
        vector = retriever.embedder.embed_queries(["기초연금 신청"])[0]
        retriever.dense_scores(vector)
        tick = time.perf_counter()
        for _ in range(DENSE_RUNS):
            retriever.dense_scores(vector)
        dense_ms = (time.perf_counter() - tick) / DENSE_RUNS * 1000
        return {"seconds": round(seconds, 2), "embedded": retriever.embedded + civil.embedded,
                "passages": len(retriever.texts) + len(civil.texts), "dense_ms": round(dense_ms, 3),
                "in_database": retriever.matrix is None}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="", help="an empty PostgreSQL database (default: a throwaway cluster)")
    parser.add_argument("--pgvector", action="store_true",
                        help="a throwaway cluster from PyPI pgserver's binaries (pgvector) instead of Debian's")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_replica()))
        return
    from cryptography.fernet import Fernet

    server = None
    url = args.url
    if not url:
        from tests.postgres import PostgresServer, find_bindir, find_pgvector_bindir

        bindir = find_pgvector_bindir() if args.pgvector else find_bindir()
        if bindir is None:
            sys.exit("PostgreSQL binaries not found (Debian package postgresql, PyPI pgserver); pass --url")
        server = PostgresServer(bindir).start()
        url = server.new_database()
    env = {**os.environ, "MALBEOT_RECORDS_URL": url, "MALBEOT_RECORDS_KEY": Fernet.generate_key().decode(),
           "MALBEOT_LOG_LEVEL": "WARNING"}
    try:
        results = {}
        for name in ("A (empty database: embeds, the baseline)", "B (vectors stored by A)"):
            out = subprocess.run([sys.executable, __file__, "--one"], env=env, capture_output=True, text=True,
                                 check=True)
            results[name] = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"replica {name}: search-ready in {results[name]['seconds']:.1f} s, "
                  f"{results[name]['embedded']} of {results[name]['passages']} passages embedded; dense scores "
                  f"{results[name]['dense_ms']:.3f} ms ({'pgvector' if results[name]['in_database'] else 'in memory'})",
                  flush=True)
        print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}")
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
