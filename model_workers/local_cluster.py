"""A throwaway single-machine Ray cluster on loopback, for tests and benchmarks.

``LocalRayCluster.start()`` runs ``ray start --head --block`` in its own process session with a
short temporary folder, a free GCS port, few CPUs, no dashboard and no usage reporting, and with
this checkout first on the workers' ``PYTHONPATH`` (so the deployments run this code). ``stop()``
ends every process of that session and any Ray process whose command line names the folder — never
Ray processes started by anyone else — and removes the folder.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def ray_cli() -> str | None:
    """The ``ray`` command of this interpreter's environment (None: ray is not installed)."""
    try:
        import ray  # noqa: F401
    except ImportError:
        return None
    beside = Path(sys.executable).with_name("ray")
    return str(beside) if beside.exists() else shutil.which("ray")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LocalRayCluster:
    def __init__(self, num_cpus: int = 2, object_store_mb: int = 256) -> None:
        cli = ray_cli()
        if cli is None:
            raise RuntimeError("ray is not installed")
        self.cli = cli
        self.num_cpus = num_cpus
        self.object_store_mb = object_store_mb
        # unix socket paths must stay short: /tmp/mray-XXXX
        self.folder = Path(tempfile.mkdtemp(prefix="mray-", dir="/tmp"))
        self.port = _free_port()
        self.address = f"127.0.0.1:{self.port}"
        self._process: subprocess.Popen[bytes] | None = None

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
        env["RAY_USAGE_STATS_ENABLED"] = "0"
        env.setdefault("OMP_NUM_THREADS", "1")
        return env

    def start(self, timeout: float = 120) -> LocalRayCluster:
        cmd = [
            self.cli, "start", "--head", "--block", "--node-ip-address=127.0.0.1", f"--port={self.port}",
            f"--num-cpus={self.num_cpus}", "--num-gpus=0", f"--temp-dir={self.folder}",
            f"--object-store-memory={self.object_store_mb * 1024 * 1024}", "--include-dashboard=false",
            "--disable-usage-stats", f"--ray-client-server-port={_free_port()}",
            f"--min-worker-port={_free_port()}", "--max-worker-port=0",
        ]
        log = open(self.folder / "ray-start.log", "wb")  # noqa: SIM115 - closed with the process
        self._process = subprocess.Popen(cmd, env=self.env(), stdout=log, stderr=subprocess.STDOUT,
                                         start_new_session=True, cwd=ROOT)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"ray start failed: {self.log_tail()}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), 0.5):
                if list(self.folder.glob("session_*/sockets/raylet*")):
                    return self
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"ray start did not finish in {timeout} s: {self.log_tail()}")

    def log_tail(self, n: int = 2000) -> str:
        with contextlib.suppress(OSError):
            return (self.folder / "ray-start.log").read_text(errors="replace")[-n:]
        return ""

    def stop(self) -> None:
        """Stop this cluster's processes (only those) and remove its folder."""
        with contextlib.suppress(Exception):
            import ray

            if ray.is_initialized():
                ray.shutdown()
        if self._process is not None and self._process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._process.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._process.wait(5)
        deadline = time.time() + 30
        while (left := self._own_processes()) and time.time() < deadline:
            for pid in left:  # a throwaway cluster: nothing to save, so no grace beyond the 5 s above
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(pid, signal.SIGKILL)
            time.sleep(0.5)
        if self._process is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._process.wait(5)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _own_processes(self) -> list[int]:
        """Processes of this cluster: in its session, or naming its folder or GCS port on their command line."""
        session = self._process.pid if self._process is not None else -1
        marks = (str(self.folder).encode(), f"127.0.0.1:{self.port}".encode())
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit() or int(entry.name) == os.getpid():
                continue
            try:
                if (entry / "stat").read_text().rsplit(")", 1)[-1].split()[0] == "Z":
                    continue  # already dead, waiting to be reaped
                cmdline = (entry / "cmdline").read_bytes()
                in_session = os.getsid(int(entry.name)) == session
            except (OSError, ProcessLookupError):
                continue
            if in_session or any(m in cmdline for m in marks):
                found.append(int(entry.name))
        return found

    def __enter__(self) -> LocalRayCluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
