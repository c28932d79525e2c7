"""Load test: N simultaneous calls with real recordings against 1 and 2 gateway replicas.

Everything runs on this machine, on loopback: a throwaway PostgreSQL cluster (Debian's binaries,
``tests/postgres.py``) that every replica shares, a local Ray cluster with the model workers
(whisper, voices, multilingual-e5; ``model_workers/``), and each gateway replica as its own
``python -m voice_gateway serve`` process with ``MALBEOT_MODEL_WORKERS=ray``. Bounded asyncio
clients stream real recordings over the call websocket at real-time pace (``kiosk_client``), each
call to the next replica in turn, and wait for the whole spoken reply.

Per level (replicas x simultaneous calls) it prints: calls answered with reply audio and without an
error (``held``), errors and timeouts, voice-to-voice p50/p95 (end of the caller's recording →
``audio_start`` of the reply, which includes the end-of-turn silence the gateway waits for), and the
CPU seconds every process of the set-up spent (Ray workers, gateways, PostgreSQL) per call.

    .venv/bin/python bench/load.py                          # replicas 1,2; calls 1,2,4,6
    .venv/bin/python bench/load.py --replicas 2 --levels 8 --rounds 2
    .venv/bin/python bench/load.py --workers embedded --replicas 1   # the in-process models, for comparison

``--workers embedded`` runs each replica with its own models (no Ray): the per-call cost baseline.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.shared_data import SHARED
from kiosk_client.client import stream_call
from malbeot_core.installed import asterisk_recording

ROOT = Path(__file__).resolve().parent.parent
#: voice-to-voice goal of the phone path (bench/README.md)
GOAL_S = 2.5
#: real recordings: Debian's asterisk-core-sounds-en-wav (human English speech) and, where
#: ../shared/data is present, real Korean read speech (a daycare question and a short one)
ASTERISK = ["pbx-transfer.wav", "cannot-complete-as-dialed.wav", "vm-nobodyavail.wav"]
KOREAN = ["wav/pfd00001.wav", "wav/pfd00003.wav"]


def recordings() -> list[tuple[str, bytes]]:
    from tests.e2e.audio_fixtures import read_audio

    lead = b"\x00\x00" * 4800  # 0.3 s of line silence before the caller speaks
    clips = [(name, lead + read_audio(asterisk_recording(name))) for name in ASTERISK]
    folder = SHARED / "ko_speech_emotiontts"
    clips += [(name, lead + read_audio(folder / name)) for name in KOREAN if (folder / name).is_file()]
    return clips


@dataclass
class CallOutcome:
    ok: bool
    voice_to_voice: float | None
    error: str = ""


@dataclass
class Level:
    replicas: int
    calls: int
    outcomes: list[CallOutcome] = field(default_factory=list)
    wall_s: float = 0.0
    cpu_s: float = 0.0

    def summary(self) -> dict[str, Any]:
        v2v = sorted(o.voice_to_voice for o in self.outcomes if o.ok and o.voice_to_voice is not None)
        held = sum(o.ok for o in self.outcomes)
        p95 = v2v[min(len(v2v) - 1, round(0.95 * (len(v2v) - 1)))] if v2v else None
        return {
            "replicas": self.replicas, "simultaneous": self.calls, "calls": len(self.outcomes), "held": held,
            "errors": [o.error for o in self.outcomes if not o.ok],
            "v2v_p50": round(statistics.median(v2v), 2) if v2v else None, "v2v_p95": round(p95, 2) if p95 else None,
            "within_goal": p95 is not None and p95 <= GOAL_S and held == len(self.outcomes),
            "wall_s": round(self.wall_s, 1), "cpu_s_per_call": round(self.cpu_s / held, 2) if held else None,
        }


async def one_call(url: str, pcm: bytes, timeout: float) -> CallOutcome:
    try:
        result = await stream_call(url, pcm, 16000, pace=1.0, wait_for="audio_end", timeout=timeout)
    except Exception as exc:
        return CallOutcome(False, None, f"{type(exc).__name__}: {exc}")
    errors = [r.event for r in result.events if r.event.get("type") == "error"]
    start = result.first("audio_start")
    if errors or start is None or result.timed_out or not result.reply_audio:
        why = errors[0].get("code") if errors else ("timeout" if result.timed_out else "no reply audio")
        return CallOutcome(False, None, str(why))
    return CallOutcome(True, start.at - result.speech_sent_until)


async def run_level(urls: list[str], calls: int, rounds: int, clips: list[tuple[str, bytes]],
                    timeout: float) -> list[CallOutcome]:
    """``calls`` callers at once, each placing ``rounds`` calls one after the other."""
    counter = iter(range(1_000_000))

    async def caller(k: int) -> list[CallOutcome]:
        out = []
        for r in range(rounds):
            n = next(counter)
            out.append(await one_call(urls[n % len(urls)], clips[(k + r) % len(clips)][1], timeout))
        return out

    results = await asyncio.gather(*(caller(k) for k in range(calls)))
    return [o for group in results for o in group]


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU of these processes and their waited-for children (ticks → seconds)."""
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
    return total / os.sysconf("SC_CLK_TCK")


def start_replica(port: int, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    out = open(log, "wb")  # noqa: SIM115 - lives as long as the replica
    return subprocess.Popen([sys.executable, "-m", "voice_gateway", "serve", "--host", "127.0.0.1", "--port",
                             str(port)], env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                            start_new_session=True)


def wait_ready(port: int, process: subprocess.Popen[bytes], timeout: float = 600) -> None:
    import httpx

    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"replica on port {port} exited ({process.returncode})")
        with contextlib.suppress(httpx.HTTPError):
            health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5).json()
            if health.get("asr", {}).get("loaded"):
                return
        time.sleep(1)
    raise TimeoutError(f"replica on port {port} not ready")


def stop(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--replicas", default="1,2", help="gateway replica counts to measure")
    parser.add_argument("--levels", default="1,2,4,6", help="simultaneous calls")
    parser.add_argument("--rounds", type=int, default=1, help="calls each caller places one after the other")
    parser.add_argument("--timeout", type=float, default=120, help="seconds a call may wait for its whole reply")
    parser.add_argument("--workers", choices=["ray", "embedded"], default="ray")
    parser.add_argument("--ray-cpus", type=int, default=2)
    parser.add_argument("--asr-replicas", type=int, default=1)
    parser.add_argument("--max-batch", type=int, default=4)
    parser.add_argument("--json", default="", help="also write the results here")
    args = parser.parse_args()

    from cryptography.fernet import Fernet

    from tests.postgres import PostgresServer, find_bindir
    from voice_gateway.embedded import free_port

    clips = recordings()
    bindir = find_bindir()
    if bindir is None:
        sys.exit("PostgreSQL binaries not found (Debian package postgresql)")
    server = PostgresServer(bindir).start()
    cluster = None
    results: list[dict[str, Any]] = []
    logs = Path(os.environ.get("TMPDIR", "/tmp")) / f"malbeot-load-{os.getpid()}"
    logs.mkdir(parents=True, exist_ok=True)
    try:
        env = {**os.environ, "MALBEOT_RECORDS_URL": server.new_database(),
               "MALBEOT_RECORDS_KEY": Fernet.generate_key().decode(), "MALBEOT_LOG_LEVEL": "WARNING",
               "MALBEOT_MODEL_WORKERS": args.workers, "PYTHONPATH": str(ROOT)}
        if args.workers == "ray":
            from model_workers.control import deploy
            from model_workers.deployments import WorkerOptions
            from model_workers.local_cluster import LocalRayCluster

            cluster = LocalRayCluster(num_cpus=args.ray_cpus).start()
            seconds = deploy(cluster.address, WorkerOptions(asr_replicas=args.asr_replicas, max_batch=args.max_batch))
            print(f"ray cluster {cluster.address} ({args.ray_cpus} CPUs), deployments ready: {seconds}", flush=True)
            env["MALBEOT_RAY_ADDRESS"] = cluster.address
        for replicas in [int(r) for r in args.replicas.split(",")]:
            ports = [free_port() for _ in range(replicas)]
            processes = [start_replica(p, env, logs / f"replica-{replicas}-{i}.log") for i, p in enumerate(ports)]
            try:
                started = time.perf_counter()
                for port, process in zip(ports, processes, strict=True):
                    wait_ready(port, process)
                print(f"{replicas} replica(s) ready in {time.perf_counter() - started:.1f} s", flush=True)
                urls = [f"ws://127.0.0.1:{p}/v1/call" for p in ports]
                asyncio.run(run_level(urls, 1, 1, clips, args.timeout))  # warm-up call, not counted
                for calls in [int(n) for n in args.levels.split(",")]:
                    pids = [p.pid for p in processes] + (cluster._own_processes() if cluster else [])
                    pids += server_pids(server)
                    level = Level(replicas, calls)
                    cpu0, t0 = cpu_seconds(pids), time.perf_counter()
                    level.outcomes = asyncio.run(run_level(urls, calls, args.rounds, clips, args.timeout))
                    level.wall_s, level.cpu_s = time.perf_counter() - t0, cpu_seconds(pids) - cpu0
                    summary = level.summary()
                    results.append(summary)
                    print(json.dumps(summary, ensure_ascii=False), flush=True)
            finally:
                for process in processes:
                    stop(process)
        print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}, recordings: "
              f"{', '.join(name for name, _ in clips)}")
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False))
    finally:
        if cluster is not None:
            cluster.stop()
        server.stop()


def server_pids(server: Any) -> list[int]:
    """PostgreSQL's processes (postmaster and backends), found by its data folder."""
    mark = str(server.folder).encode()
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                if mark in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
    return found


if __name__ == "__main__":
    main()
