"""The check-in scheduler with a fake clock and fake dialers: due times, retries, alerts, and a
restart (two scheduler instances over one SQLite file) that neither loses nor doubles a call."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from records.checkin_queue import CallQueue
from records.checkin_windows import Window
from records.checkins import Registration, Resident, ResidentStore
from records.config import RecordsConfig
from records.store import Records
from voice_gateway.checkin.config import CheckinConfig
from voice_gateway.checkin.scheduler import Scheduler
from voice_gateway.checkin.types import CallResult, Dialer
from voice_gateway.notifiers import LogNotifier

from .fakes import MONDAY, FakeClock, HangingDialer, ScriptedDialer, answered

CONFIG = CheckinConfig(max_tries=3, retry_spacing=600, max_call_seconds=300, max_calls=2)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path


@pytest.fixture
def opened(folder: Path) -> Iterator[list[Records]]:
    handles: list[Records] = []
    yield handles
    for records in handles:
        records.close()


def open_records(folder: Path, opened: list[Records]) -> Records:
    records = Records.open(RecordsConfig.at(folder))
    opened.append(records)
    return records


def scheduler(records: Records, dialer: Dialer, clock: FakeClock, notifier: LogNotifier | None = None,
              config: CheckinConfig = CONFIG) -> Scheduler:
    return Scheduler(ResidentStore(records), CallQueue(records), dialer, notifier or LogNotifier(), clock, config)


def register(records: Records, days: tuple[str, ...] = ("mon", "thu"), contact: str = "010-9876-5432") -> Resident:
    window = Window.from_dict({"days": list(days), "start": "10:00", "end": "11:30"})
    return ResidentStore(records).register(Registration("김영순", "010-2345-6789", "ko", (window,), "박민수", contact,
                                                        True))


async def test_a_call_is_placed_at_the_window_start_and_the_next_one_planned(folder: Path,
                                                                            opened: list[Records]) -> None:
    records = open_records(folder, opened)
    resident = register(records)
    clock = FakeClock()
    dialer = ScriptedDialer([answered("well", "잘 지내요")], clock)
    notifier = LogNotifier()
    s = scheduler(records, dialer, clock, notifier)
    clock.set(hours=0, minutes=59)  # 09:59 in Seoul: planned, not due
    assert await s.tick() == 0
    clock.set(hours=1)  # 10:00 in Seoul
    assert await s.tick() == 1
    assert await s.tick() == 0  # not twice
    ten = MONDAY + timedelta(hours=1)
    assert [(at, r.resident.id, r.attempt) for at, r in dialer.placed] == [(ten, resident.id, 1)]
    calls = CallQueue(records).calls(resident.id)
    assert [(c["state"], c["outcome"]) for c in calls] == [("pending", ""), ("done", "well")]
    assert calls[0]["due_at"] == (MONDAY + timedelta(days=3, hours=1)).isoformat()  # Thursday 10:00 Seoul
    assert calls[1]["transcript"][1] == {"speaker": "resident", "text": "잘 지내요"}
    assert notifier.sent == []  # well: nobody is alerted


async def test_a_window_already_begun_is_used_one_already_over_is_not(folder: Path, opened: list[Records]) -> None:
    records = open_records(folder, opened)
    register(records)
    clock = FakeClock()
    dialer = ScriptedDialer([answered("well", "네")], clock)
    clock.set(hours=1, minutes=40)  # 10:40 Seoul, the window lasts until 11:30
    assert await scheduler(records, dialer, clock).tick() == 1
    other = open_records(folder / "other", opened)
    register(other)
    clock.set(hours=3)  # 12:00 Seoul: Monday's window is over; Thursday's is next
    late = ScriptedDialer([answered("well", "네")], clock)
    assert await scheduler(other, late, clock).tick() == 0
    assert CallQueue(other).calls()[0]["due_at"] == (MONDAY + timedelta(days=3, hours=1)).isoformat()


async def test_missed_calls_are_retried_spaced_then_no_answer_alerts_staff_and_contact(
        folder: Path, opened: list[Records]) -> None:
    records = open_records(folder, opened)
    resident = register(records)
    clock = FakeClock()
    dialer = ScriptedDialer([CallResult("busy", "486"), CallResult("no_answer", "timeout")], clock)
    notifier = LogNotifier()
    s = scheduler(records, dialer, clock, notifier)
    for minutes, placed in ((60, 1), (65, 0), (69, 0), (70, 1), (75, 0), (80, 1), (95, 0)):
        clock.set(minutes=minutes)
        assert await s.tick() == placed, minutes
    assert [(at - MONDAY, r.attempt) for at, r in dialer.placed] == [
        (timedelta(minutes=60), 1), (timedelta(minutes=70), 2), (timedelta(minutes=80), 3)]
    done = CallQueue(records).calls(resident.id)[-1]
    assert (done["state"], done["outcome"], done["tries"], done["alerted"]) == ("done", "no_answer", 3, True)
    assert [a["result"] for a in done["attempts"]] == ["busy", "no_answer", "no_answer"]
    assert [(a.channel, a.address) for a in notifier.sent] == [("staff", "district-staff"), ("sms", "010-9876-5432")]
    assert "김*순" in notifier.sent[0].text and "3번" in notifier.sent[0].text
    assert "김영순" not in notifier.sent[0].text + notifier.sent[1].text


@pytest.mark.parametrize(("outcome", "alerts"), [("not_well", 2), ("danger", 2), ("well", 0)])
async def test_answered_calls_alert_when_not_well_or_in_danger(folder: Path, opened: list[Records], outcome: str,
                                                               alerts: int) -> None:
    records = open_records(folder, opened)
    register(records)
    clock = FakeClock()
    notifier = LogNotifier()
    clock.set(hours=1)
    await scheduler(records, ScriptedDialer([answered(outcome, "...")], clock), clock, notifier).tick()
    assert len(notifier.sent) == alerts
    assert CallQueue(records).calls()[-1]["outcome"] == outcome
    if outcome == "danger":
        assert "긴급" in notifier.sent[0].text


async def test_a_restarted_scheduler_places_the_pending_call_once(folder: Path, opened: list[Records]) -> None:
    clock = FakeClock()
    first = open_records(folder, opened)
    register(first)
    dialer_a = ScriptedDialer([answered("well", "네")], clock)
    clock.set(minutes=30)
    assert await scheduler(first, dialer_a, clock).tick() == 0  # planned, then the process stops
    first.close()
    # two new instances over the same file (a restart racing an instance still running)
    b, c = open_records(folder, opened), open_records(folder, opened)
    dialer_b = ScriptedDialer([answered("well", "네")], clock)
    dialer_c = ScriptedDialer([answered("well", "네")], clock)
    clock.set(hours=1)
    placed = await asyncio.gather(scheduler(b, dialer_b, clock).tick(), scheduler(c, dialer_c, clock).tick())
    assert sorted(placed) == [0, 1]
    assert len(dialer_a.placed) + len(dialer_b.placed) + len(dialer_c.placed) == 1
    assert [c["outcome"] for c in CallQueue(b).calls() if c["state"] == "done"] == ["well"]
    await asyncio.gather(scheduler(b, dialer_b, clock).tick(), scheduler(c, dialer_c, clock).tick())
    assert [c["state"] for c in CallQueue(b).calls()] == ["pending", "done"]  # the next call, planned once


async def test_a_call_being_placed_when_the_process_died_is_not_placed_twice(folder: Path,
                                                                            opened: list[Records]) -> None:
    clock = FakeClock()
    first = open_records(folder, opened)
    resident = register(first)
    hanging = HangingDialer(clock)
    clock.set(hours=1)
    task = asyncio.create_task(scheduler(first, hanging, clock).tick())
    await asyncio.wait_for(hanging.ringing.wait(), 10)
    task.cancel()  # the process dies mid-call: the row stays "dialing"
    with pytest.raises(asyncio.CancelledError):
        await task
    first.close()

    second = open_records(folder, opened)
    dialer = ScriptedDialer([answered("well", "네")], clock)
    s = scheduler(second, dialer, clock)
    for minutes in (61, 63, 65.9):  # within the lease (max call 5 min + 1 min): the resident may be on it
        clock.set(minutes=minutes)
        assert await s.tick() == 0
    assert dialer.placed == []
    clock.set(minutes=66.1)  # lease over: the interrupted try counts
    assert await s.tick() == 0  # … and the next try waits for the spacing after the interrupted one began
    clock.set(minutes=70)
    assert await s.tick() == 1
    assert [(at - MONDAY, r.attempt) for at, r in dialer.placed] == [(timedelta(minutes=70), 2)]
    call = CallQueue(second).calls(resident.id)[-1]
    assert (call["outcome"], call["tries"]) == ("well", 2)
    assert [a["result"] for a in call["attempts"]] == ["interrupted", "answered"]


async def test_an_interrupted_last_try_ends_failed_and_alerts_staff(folder: Path, opened: list[Records]) -> None:
    clock = FakeClock()
    records = open_records(folder, opened)
    register(records)
    one_try = CheckinConfig(max_tries=1, retry_spacing=600, max_call_seconds=300)
    hanging = HangingDialer(clock)
    clock.set(hours=1)
    task = asyncio.create_task(scheduler(records, hanging, clock, config=one_try).tick())
    await asyncio.wait_for(hanging.ringing.wait(), 10)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    notifier = LogNotifier()
    dialer = ScriptedDialer([answered("well", "네")], clock)
    clock.set(minutes=67)
    await scheduler(records, dialer, clock, notifier, config=one_try).tick()
    assert dialer.placed == []
    failed = [c for c in CallQueue(records).calls() if c["state"] == "done"]
    assert [(c["outcome"], c["alerted"]) for c in failed] == [("failed", True)]
    assert [a.channel for a in notifier.sent] == ["staff"]


async def test_in_the_background_a_long_call_does_not_hold_up_the_next_resident(folder: Path,
                                                                               opened: list[Records]) -> None:
    records = open_records(folder, opened)
    register(records)
    clock = FakeClock()
    hanging = HangingDialer(clock)
    s = scheduler(records, hanging, clock, config=CheckinConfig(max_calls=1, max_call_seconds=300))
    clock.set(hours=1)
    assert await s.tick(wait=False) == 1
    await asyncio.wait_for(hanging.ringing.wait(), 10)
    register(records, days=("mon",))  # a second resident, due now too
    assert await s.tick(wait=False) == 0  # one call at a time (max_calls=1): the second waits …
    assert len(s.running) == 1
    for task in list(s.running):
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    hanging.ringing.clear()
    assert await s.tick(wait=False) == 1  # … and is placed once the line is free
    await asyncio.wait_for(hanging.ringing.wait(), 10)
    assert [r.resident.id for _, r in hanging.placed] == [1, 2]
    for task in list(s.running):
        task.cancel()
