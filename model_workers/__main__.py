"""``python -m model_workers deploy|status|shutdown --address HOST:PORT``: the Serve applications on a Ray cluster.

Start the cluster first (``ray start --head --port 6379 --num-cpus N`` on the worker machine, with
this project installed), then ``deploy``; gateways join it with ``MALBEOT_MODEL_WORKERS=ray`` and
``MALBEOT_RAY_ADDRESS=HOST:6379``.
"""

from __future__ import annotations

import argparse
import json
import sys

from .control import deploy, shutdown, status
from .deployments import WorkerOptions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m model_workers", description=__doc__)
    parser.add_argument("command", choices=["deploy", "status", "shutdown"])
    parser.add_argument("--address", default="auto", help="Ray cluster address (HOST:PORT; default: this machine's)")
    defaults = WorkerOptions()
    parser.add_argument("--asr-replicas", type=int, default=defaults.asr_replicas)
    parser.add_argument("--tts-replicas", type=int, default=defaults.tts_replicas)
    parser.add_argument("--embed-replicas", type=int, default=defaults.embed_replicas)
    parser.add_argument("--num-cpus", type=float, default=defaults.num_cpus, help="CPUs reserved per replica")
    parser.add_argument("--threads", type=int, default=defaults.threads, help="model threads per replica")
    parser.add_argument("--max-batch", type=int, default=defaults.max_batch, help="most whisper turns per batch")
    parser.add_argument("--embedder", default=defaults.embedder)
    args = parser.parse_args(argv)
    if args.command == "deploy":
        options = WorkerOptions(asr_replicas=args.asr_replicas, tts_replicas=args.tts_replicas,
                                embed_replicas=args.embed_replicas, num_cpus=args.num_cpus, threads=args.threads,
                                max_batch=args.max_batch, embedder=args.embedder)
        deploy(args.address, options)
    elif args.command == "shutdown":
        shutdown(args.address)
    json.dump(status(args.address), sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
