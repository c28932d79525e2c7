"""Fakes of the check-in tests: a clock that moves only when told, and dialers with scripted results."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from voice_gateway.checkin.types import CallRequest, CallResult, CheckinReport, Turn

#: a Monday; 10:00 in Seoul is 01:00 UTC
MONDAY = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)


@dataclass
class FakeClock:
    at: datetime = MONDAY

    def now(self) -> datetime:
        return self.at

    def set(self, hours: float = 0.0, minutes: float = 0.0, days: int = 0) -> None:
        self.at = MONDAY + timedelta(days=days, hours=hours, minutes=minutes)

    async def sleep(self, seconds: float) -> None:
        self.at += timedelta(seconds=seconds)
        await asyncio.sleep(0)


@dataclass
class ScriptedDialer:
    """Answers each call with the next scripted result (the last one repeats); remembers every call."""

    results: list[CallResult]
    clock: FakeClock
    placed: list[tuple[datetime, CallRequest]] = field(default_factory=list)

    async def place(self, request: CallRequest) -> CallResult:
        self.placed.append((self.clock.now(), request))
        return self.results[min(len(self.placed) - 1, len(self.results) - 1)]


@dataclass
class HangingDialer:
    """A call that never ends (the process dies while it is being placed)."""

    clock: FakeClock
    placed: list[tuple[datetime, CallRequest]] = field(default_factory=list)
    ringing: asyncio.Event = field(default_factory=asyncio.Event)

    async def place(self, request: CallRequest) -> CallResult:
        self.placed.append((self.clock.now(), request))
        self.ringing.set()
        await asyncio.Event().wait()
        raise AssertionError("unreachable")


def answered(outcome: str, said: str = "") -> CallResult:
    turns = (Turn("malbeot", "요즘 어떻게 지내세요?"), Turn("resident", said))
    return CallResult("answered", "", CheckinReport(outcome, turns, f"summary: {said}"))  # type: ignore[arg-type]
