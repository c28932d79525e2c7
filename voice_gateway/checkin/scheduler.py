"""The check-in scheduler: plans each resident's next call at their preferred time, claims due
calls from the database, places them through a ``Dialer``, retries missed ones, stores outcomes and
raises alerts.

Restart semantics (see ``records.checkin_queue``): planned calls are rows, so a restarted scheduler
picks up what is pending. A call claimed (``dialing``) by a process that died is never dialled again
at once: after the lease (longer than any call) it counts as an interrupted try and is retried no
sooner than ``retry_spacing`` after that try began, or ends ``failed`` when no tries are left. So the
resident may lose a try to a crash, but never gets two calls in a row.
"""

from __future__ import annotations

import asyncio
import contextlib
from datetime import timedelta

from malbeot_core.notify import Notifier
from records.checkin_queue import CallQueue, Claimed
from records.checkins import ResidentStore

from ..logs import logger
from .alerts import send_alerts
from .config import CheckinConfig
from .types import CallRequest, CallResult, Clock, Dialer

log = logger("checkin")


class Scheduler:
    def __init__(self, residents: ResidentStore, queue: CallQueue, dialer: Dialer, notifier: Notifier, clock: Clock,
                 config: CheckinConfig | None = None) -> None:
        self.residents = residents
        self.queue = queue
        self.dialer = dialer
        self.notifier = notifier
        self.clock = clock
        self.config = config or CheckinConfig()
        #: calls being placed (at most ``max_calls``)
        self.running: set[asyncio.Task[None]] = set()

    async def tick(self, wait: bool = True) -> int:
        """One look at the database: recover, plan, place the due calls (``wait``: until they end; else
        they go on in the background while later ticks plan and place others); returns how many calls
        were placed."""
        cfg = self.config
        now = self.clock.now()
        for ended in await asyncio.to_thread(self.queue.recover, now, cfg.lease,
                                             timedelta(seconds=cfg.retry_spacing), cfg.max_tries):
            await asyncio.to_thread(self._alert, ended.call_id, ended.resident_id, ended.outcome,
                                    "the call was interrupted", ended.tries)
        await asyncio.to_thread(self.queue.plan, now)
        free = cfg.max_calls - len(self.running)
        claimed = await asyncio.to_thread(self.queue.claim_due, now, free) if free > 0 else []
        tasks = [asyncio.get_running_loop().create_task(self._place(c)) for c in claimed]
        for task in tasks:
            self.running.add(task)
            task.add_done_callback(self._finished)
        if wait:
            await asyncio.gather(*tasks)
        return len(claimed)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self.running.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("check-in call failed to record its result", exc_info=task.exception())

    async def run(self) -> None:
        """Tick forever (the gateway's background task)."""
        log.info("check-in scheduler started")
        while True:
            try:
                await self.tick(wait=False)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("check-in scheduler tick failed; trying again next tick")
            await self.clock.sleep(self.config.tick_seconds)

    async def _place(self, claimed: Claimed) -> None:
        resident = await asyncio.to_thread(self.residents.get, claimed.resident_id)
        if resident is None or not resident.active:
            await asyncio.to_thread(self.queue.complete, claimed, self.clock.now(), "failed", "resident retired",
                                    "failed", [], "the resident was retired before the call")
            return
        request = CallRequest(claimed.call_id, claimed.attempt, resident)
        log.info("check-in call %d: try %d to resident %d", claimed.call_id, claimed.attempt, resident.id)
        try:
            async with asyncio.timeout(self.config.max_call_seconds):
                result = await self.dialer.place(request)
        except TimeoutError:
            result = CallResult("failed", "the call went on longer than max_call_seconds")
        except Exception as exc:
            log.exception("check-in call %d: the dialer failed", claimed.call_id)
            result = CallResult("failed", f"{type(exc).__name__}")
        await self._record(claimed, request, result)

    async def _record(self, claimed: Claimed, request: CallRequest, result: CallResult) -> None:
        now = self.clock.now()
        log.info("check-in call %d try %d: %s", claimed.call_id, claimed.attempt, result.status)
        if result.status == "answered" and result.report is not None:
            report = result.report
            transcript = [{"speaker": t.speaker, "text": t.text} for t in report.transcript]
            done = await asyncio.to_thread(self.queue.complete, claimed, now, "answered", result.detail,
                                           report.outcome, transcript, report.summary)
            if done:
                await asyncio.to_thread(self._alert, claimed.call_id, request.resident.id, report.outcome,
                                        report.summary, claimed.attempt)
            return
        if claimed.attempt < self.config.max_tries:
            at = now + timedelta(seconds=self.config.retry_spacing)
            await asyncio.to_thread(self.queue.retry, claimed, now, result.status, result.detail, at)
            return
        outcome = "failed" if result.status == "failed" else "no_answer"
        summary = f"{claimed.attempt} tries, the last: {result.status}"
        if await asyncio.to_thread(self.queue.complete, claimed, now, result.status, result.detail, outcome, [],
                                   summary):
            await asyncio.to_thread(self._alert, claimed.call_id, request.resident.id, outcome, summary,
                                    claimed.attempt)

    def _alert(self, call_id: int, resident_id: int, outcome: str, summary: str, tries: int) -> None:
        """Send the alerts (blocking: notifiers may POST; run in a worker thread)."""
        resident = self.residents.get(resident_id)
        if resident is None:
            return
        try:
            sent = send_alerts(self.notifier, resident, call_id, outcome, summary, tries, self.config.staff_address)
        except Exception:
            # not swallowed: logged, and the call row keeps alerted=false for staff to see
            log.exception("check-in call %d: the alert could not be sent", call_id)
            return
        if sent:
            self.queue.mark_alerted(call_id)


class SchedulerTask:
    """The scheduler as the gateway's background task."""

    def __init__(self, scheduler: Scheduler) -> None:
        self.scheduler = scheduler
        self.task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self.task = asyncio.get_running_loop().create_task(self.scheduler.run(), name="checkin-scheduler")

    async def stop(self) -> None:
        """Stop planning and hang up calls in progress (their rows stay ``dialing``: see the restart
        semantics)."""
        tasks = [t for t in (self.task, *self.scheduler.running) if t is not None]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task


__all__ = ["CheckinConfig", "Scheduler", "SchedulerTask"]
