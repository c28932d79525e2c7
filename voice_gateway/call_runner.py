"""One call from start to end, for every channel: counted, run, and closed.

The websocket call (``/v1/call``) and the phone lines (Twilio, AudioSocket, SIP) each start their
call differently, but they end it the same way, here: the call is counted while it runs; a
:class:`CallEnded` raised by the conversation gives the close code and reason; the caller hanging
up leaves nothing to close; any other failure is counted, logged and closed as
``internal_error``. Each call is isolated: :func:`run_call` never raises for the call's own failures.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from .conversation import CLOSE_ERROR, CLOSE_NORMAL, CallEnded
from .logs import logger
from .metrics import Metrics

log = logger(__name__)

#: the close code of a call the caller hung up: there is nothing left to close
HUNG_UP = -1


@dataclass(frozen=True)
class CallOutcome:
    """How a call ended: the close code (``HUNG_UP`` when the caller did) and the reason."""

    code: int
    reason: str


async def run_call(
    body: Awaitable[None],
    *,
    metrics: Metrics,
    channel: str,
    call_id: str,
    close: Callable[[int, str], Awaitable[None]],
    hung_up: tuple[type[BaseException], ...],
    on_failure: Callable[[Exception], Awaitable[None]] | None = None,
    close_code: Callable[[CallOutcome], int] = lambda outcome: outcome.code,
) -> CallOutcome:
    """Run ``body`` (the call's start and its workers) to its end, then ``close`` the call.

    ``hung_up`` are the carrier's "the caller is gone" exceptions; ``on_failure`` tells the caller
    about an internal failure (best effort); ``close_code`` maps the outcome to the code the
    channel closes with (a phone line hangs up the same way whatever the reason).
    """
    metrics.calls.inc()
    metrics.active_calls.inc()
    outcome = CallOutcome(CLOSE_NORMAL, "bye")
    try:
        await body
    except CallEnded as ended:
        outcome = CallOutcome(ended.code, ended.reason)
    except hung_up:
        outcome = CallOutcome(HUNG_UP, "caller_hung_up")
    except Exception as exc:
        metrics.failure(channel, exc)
        log.exception("call %s (%s) failed", call_id, channel)
        outcome = CallOutcome(CLOSE_ERROR, "internal_error")
        if on_failure is not None:
            with contextlib.suppress(Exception):
                await on_failure(exc)
    finally:
        metrics.active_calls.dec()
    log.info("call %s (%s) ended: %s", call_id, channel, outcome.reason)
    if outcome.code != HUNG_UP:
        try:
            await close(close_code(outcome), outcome.reason)
        except Exception:  # the line is gone already; the call has ended either way
            log.warning("call %s (%s): closing failed", call_id, channel, exc_info=True)
    return outcome


__all__ = ["HUNG_UP", "CallOutcome", "run_call"]
