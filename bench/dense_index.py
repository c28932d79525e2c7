"""Dense scores of one query against N passages: in memory (``MatrixIndex``) vs pgvector (``StoreIndex``).

Random unit vectors of dimension 384 (multilingual-e5-small's) stand in for passages: the cost of
the scan does not depend on what they mean. The pgvector server is a throwaway cluster from PyPI
``pgserver``'s PostgreSQL 16 on a unix socket; storing and the first query are not timed.

    .venv/bin/python bench/dense_index.py                 # N = 461 (the bokjiro list) and 10,000
    .venv/bin/python bench/dense_index.py --sizes 2000 --runs 50
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DIM = 384


def mean_ms(fn: Callable[[np.ndarray], np.ndarray], vector: np.ndarray, runs: int) -> float:
    fn(vector)
    start = time.perf_counter()
    for _ in range(runs):
        fn(vector)
    return (time.perf_counter() - start) / runs * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[461, 10_000])
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()
    from cryptography.fernet import Fernet

    from dialog.retrieval.vector_store import MatrixIndex, StoreIndex
    from records.config import RecordsConfig
    from records.store import Records
    from records.vectors import PassageVectors
    from tests.postgres import PostgresServer, find_pgvector_bindir

    bindir = find_pgvector_bindir()
    if bindir is None:
        sys.exit("PostgreSQL with pgvector not found (PyPI pgserver)")
    rng = np.random.default_rng(0)
    server = PostgresServer(bindir).start()
    try:
        for size in args.sizes:
            records = Records.open(RecordsConfig(server.new_database(), keys=(Fernet.generate_key().decode(),)))
            matrix = rng.standard_normal((size, DIM)).astype(np.float32)
            matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
            hashes = [f"{i:064x}" for i in range(size)]
            store = PassageVectors(records)
            for start in range(0, size, 1000):
                rows = slice(start, start + 1000)
                store.store("random", dict(zip(hashes[rows], matrix[rows], strict=True)))
            query = matrix[0]
            memory, database = MatrixIndex(matrix), StoreIndex(store, "random", hashes)
            assert np.allclose(memory.scores(query), database.scores(query), atol=1e-5)
            print(f"N={size}: in memory {mean_ms(memory.scores, query, args.runs):.3f} ms, "
                  f"pgvector {mean_ms(database.scores, query, args.runs):.2f} ms per query", flush=True)
            records.close()
        print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
