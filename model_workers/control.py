"""Deploy, inspect and remove the Serve applications (the CLI and the tests call these)."""

from __future__ import annotations

import time
from typing import Any

from .client import connect
from .deployments import ASR_APP, DEPLOYMENT, EMBED_APP, TTS_APP, WorkerOptions, build


def deploy(address: str, options: WorkerOptions | None = None, timeout_s: float = 600) -> dict[str, float]:
    """Run the three applications on the cluster (loading their models) and wait until each is ready.

    Returns the seconds each took. The applications outlive this process (Serve is detached)."""
    connect(address)
    from ray import serve

    serve.start(http_options={"host": "127.0.0.1", "port": 0}, detached=True)
    seconds: dict[str, float] = {}
    for app, bound in build(options).items():
        start = time.perf_counter()
        serve.run(bound, name=app, route_prefix=None, blocking=False)
        serve.get_app_handle(app)  # waits until the application is running
        _wait_running(app, start + timeout_s)
        seconds[app] = round(time.perf_counter() - start, 2)
    return seconds


def _wait_running(app: str, deadline: float) -> None:
    from ray import serve

    while True:
        state = serve.status().applications.get(app)
        if state is not None and str(state.status).endswith("RUNNING"):
            return
        if state is not None and str(state.status).endswith(("DEPLOY_FAILED", "UNHEALTHY")):
            raise RuntimeError(f"{app}: {state.status}: {state.message}")
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{app} not running after the deadline ({state and state.status})")
        time.sleep(0.2)


def status(address: str) -> dict[str, Any]:
    """Each application's state and its deployment's replica count."""
    connect(address)
    from ray import serve

    out: dict[str, Any] = {}
    for app, state in serve.status().applications.items():
        deployment = state.deployments.get(DEPLOYMENT.get(app, ""))
        replicas = dict(deployment.replica_states) if deployment is not None else {}
        out[app] = {"status": str(state.status).rsplit(".", 1)[-1], "replicas": {str(k).rsplit(".", 1)[-1]: v
                                                                              for k, v in replicas.items()}}
    return out


def shutdown(address: str) -> None:
    """Remove the applications (the cluster itself is stopped with ``ray stop``)."""
    connect(address)
    from ray import serve

    for app in (ASR_APP, TTS_APP, EMBED_APP):
        serve.delete(app)
