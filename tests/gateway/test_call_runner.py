"""The one call runner every channel ends its calls with: counted while running, closed with the
conversation's reason, nothing closed when the caller hung up, a crash counted and reported."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from voice_gateway.call_runner import HUNG_UP, CallOutcome, run_call
from voice_gateway.conversation import CLOSE_ERROR, CLOSE_NORMAL, CallEnded
from voice_gateway.metrics import Metrics


class CarrierGone(Exception):
    """A channel's "the caller hung up" exception."""


class Line:
    """A call's line: records how it was closed (and can fail to close, as a dropped line does)."""

    def __init__(self, fails: bool = False) -> None:
        self.closed: list[tuple[int, str]] = []
        self.fails = fails

    async def close(self, code: int, reason: str) -> None:
        if self.fails:
            raise ConnectionResetError("the line is gone")
        self.closed.append((code, reason))


def active(metrics: Metrics) -> float:
    return metrics.registry.get_sample_value("malbeot_active_calls") or 0.0


def failures(metrics: Metrics, channel: str) -> float:
    return metrics.registry.get_sample_value(
        "malbeot_errors_total", {"stage": channel, "code": "internal_error"}) or 0.0


async def run(
    body_raises: BaseException | None,
    line: Line,
    metrics: Metrics,
    on_failure: Callable[[Exception], Awaitable[None]] | None = None,
    close_code: Callable[[CallOutcome], int] = lambda outcome: outcome.code,
) -> CallOutcome:
    seen_active: list[float] = []

    async def body() -> None:
        seen_active.append(active(metrics))
        if body_raises is not None:
            raise body_raises

    outcome = await run_call(body(), metrics=metrics, channel="call", call_id="c1", close=line.close,
                             hung_up=(CarrierGone,), on_failure=on_failure, close_code=close_code)
    assert seen_active == [1.0], "the call counts as active while it runs"
    assert active(metrics) == 0.0, "and no longer once it ended"
    assert metrics.registry.get_sample_value("malbeot_calls_total") == 1.0
    return outcome


async def test_the_conversation_decides_the_close_code_and_reason() -> None:
    line, metrics = Line(), Metrics()
    outcome = await run(CallEnded(4000, "silence"), line, metrics)
    assert outcome == CallOutcome(4000, "silence")
    assert line.closed == [(4000, "silence")]


async def test_a_call_that_simply_finishes_is_closed_normally() -> None:
    line, metrics = Line(), Metrics()
    assert await run(None, line, metrics) == CallOutcome(CLOSE_NORMAL, "bye")
    assert line.closed == [(CLOSE_NORMAL, "bye")]


async def test_nothing_is_closed_when_the_caller_hung_up() -> None:
    line, metrics = Line(), Metrics()
    assert await run(CarrierGone(), line, metrics) == CallOutcome(HUNG_UP, "caller_hung_up")
    assert line.closed == []
    assert failures(metrics, "call") == 0.0


async def test_a_crash_is_counted_reported_and_closed_as_an_internal_error() -> None:
    line, metrics = Line(), Metrics()
    reported: list[str] = []

    async def report(exc: Exception) -> None:
        reported.append(type(exc).__name__)

    outcome = await run(ValueError("a bug"), line, metrics, on_failure=report)
    assert outcome == CallOutcome(CLOSE_ERROR, "internal_error")
    assert reported == ["ValueError"]
    assert line.closed == [(CLOSE_ERROR, "internal_error")]
    assert failures(metrics, "call") == 1.0


async def test_a_phone_line_hangs_up_the_same_way_whatever_the_reason() -> None:
    line, metrics = Line(), Metrics()
    outcome = await run(ValueError("a bug"), line, metrics, close_code=lambda _: CLOSE_NORMAL)
    assert outcome.reason == "internal_error"
    assert line.closed == [(CLOSE_NORMAL, "internal_error")]


async def test_a_failing_report_or_close_does_not_escape_the_runner() -> None:
    line, metrics = Line(fails=True), Metrics()

    async def report(exc: Exception) -> None:
        raise ConnectionResetError("the socket is gone too")

    outcome = await run(RuntimeError("boom"), line, metrics, on_failure=report)
    assert outcome == CallOutcome(CLOSE_ERROR, "internal_error")


async def test_cancellation_is_not_a_call_failure() -> None:
    """A cancelled call (the server shutting down) is not swallowed as an internal error."""
    line, metrics = Line(), Metrics()
    with pytest.raises(asyncio.CancelledError):
        await run_call(_cancelled(), metrics=metrics, channel="call", call_id="c1", close=line.close,
                       hung_up=(CarrierGone,))
    assert active(metrics) == 0.0
    assert failures(metrics, "call") == 0.0


async def _cancelled() -> None:
    raise asyncio.CancelledError
