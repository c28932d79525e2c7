"""The gateway's side: connect to the Ray cluster once per process and call a deployment, blocking.

Backends (``asr.ray_backend``, ``tts.ray_backend``, ``dialog.retrieval.ray_embedder``) call :func:`call` from
worker threads, as the protocols require; the Serve handle routes each request to a replica and the
speech-recognition replica batches concurrent turns.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from typing import Any

from malbeot_core.errors import BackendFailed, MalbeotError

#: ``MALBEOT_RAY_ADDRESS``: the Ray cluster's GCS address (``HOST:PORT``), or ``auto`` for the one on this machine
DEFAULT_ADDRESS = "auto"
#: seconds a single call may take before it is reported as a backend failure
CALL_TIMEOUT_S = 120.0

_lock = threading.Lock()
_connected: str | None = None


def address_from_env() -> str:
    from malbeot_core.service_settings import service_settings

    return service_settings().ray_address or DEFAULT_ADDRESS


def connect(address: str | None = None) -> None:
    """Join the Ray cluster at ``address`` as a client of its Serve deployments (once per process)."""
    global _connected
    address = address or address_from_env()
    with _lock:
        if _connected is not None:
            if _connected != address:
                raise BackendFailed(f"already connected to Ray at {_connected}, not {address}", stage="workers")
            return
        try:
            import ray
        except ImportError as exc:
            raise BackendFailed(
                "MALBEOT_MODEL_WORKERS=ray needs the ray[serve] package (pip install 'ray[serve]')", stage="workers"
            ) from exc
        if not ray.is_initialized():
            try:
                ray.init(address=address, namespace="serve", logging_level=logging.WARNING, log_to_driver=False,
                         include_dashboard=False, ignore_reinit_error=True)
            except Exception as exc:
                raise BackendFailed(f"cannot join the Ray cluster at {address}: {exc}", stage="workers") from exc
        _connected = address


def handle(app: str, address: str | None = None) -> Any:
    """The Serve handle of application ``app`` (raises ``BackendFailed`` when it is not deployed)."""
    connect(address)
    from ray import serve

    try:
        return serve.get_app_handle(app)
    except Exception as exc:
        raise BackendFailed(
            f"Ray Serve application {app!r} is not running (python -m model_workers deploy): {exc}", stage="workers"
        ) from exc


def stream(target: Any, method: str, *args: Any, stage: str) -> Iterator[Any]:
    """Items of a streaming deployment method, as they come; closing this generator cancels the request."""
    try:
        response = getattr(target.options(stream=True), method).remote(*args)
    except Exception as exc:
        raise BackendFailed(f"model worker {method} failed: {type(exc).__name__}: {exc}", stage=stage) from exc
    finished = False
    try:
        while True:
            try:
                item = next(response)
            except StopIteration:
                finished = True
                return
            except Exception as exc:
                finished = True
                cause = getattr(exc, "cause", None)
                if isinstance(cause, MalbeotError):
                    raise cause from exc
                raise BackendFailed(f"model worker {method} failed: {type(exc).__name__}: {exc}", stage=stage) from exc
            if isinstance(item, MalbeotError):
                finished = True
                raise item
            yield item
    finally:
        if not finished:
            response.cancel()


def call(target: Any, method: str, *args: Any, stage: str, timeout: float = CALL_TIMEOUT_S) -> Any:
    """``target.method(*args)`` on a deployment, blocking; a returned ``MalbeotError`` is raised here."""
    try:
        # blocking by contract, like the embedded models: callers run it in worker threads; where one
        # loads a model on the event loop (start-up), the handle's router has its own loop thread
        result = getattr(target, method).remote(*args).result(timeout_s=timeout, _skip_asyncio_check=True)
    except MalbeotError:
        raise
    except Exception as exc:
        cause = getattr(exc, "cause", None)
        if isinstance(cause, MalbeotError):
            raise cause from exc
        raise BackendFailed(f"model worker {method} failed: {type(exc).__name__}: {exc}", stage=stage) from exc
    if isinstance(result, MalbeotError):
        raise result
    return result
