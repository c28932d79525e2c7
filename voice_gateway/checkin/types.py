"""What the scheduler, the dialers and the check-in conversation exchange."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, Protocol

from records.checkins import Resident

Outcome = Literal["well", "not_well", "danger", "no_answer", "failed"]
#: how one try went: the phone was answered, or why not
TryStatus = Literal["answered", "busy", "no_answer", "declined", "failed"]


class Clock(Protocol):
    """Injected time: the scheduler never reads the system clock itself (tests pass a fake)."""

    def now(self) -> datetime:
        """An aware UTC datetime."""
        ...

    async def sleep(self, seconds: float) -> None: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


@dataclass(frozen=True)
class Turn:
    speaker: Literal["malbeot", "resident"]
    text: str  # redacted


@dataclass(frozen=True)
class CheckinReport:
    """What an answered call found (every text in it is redacted)."""

    outcome: Outcome
    transcript: tuple[Turn, ...]
    summary: str
    programmes: tuple[str, ...] = ()


@dataclass(frozen=True)
class CallRequest:
    call_id: int
    attempt: int
    resident: Resident

    def __repr__(self) -> str:
        return f"CallRequest({self.call_id}, try {self.attempt}, {self.resident!r})"


@dataclass(frozen=True)
class CallResult:
    status: TryStatus
    detail: str = ""
    report: CheckinReport | None = None


class Dialer(Protocol):
    """Places one outbound call and, when it is answered, holds the check-in conversation."""

    async def place(self, request: CallRequest) -> CallResult: ...


__all__ = ["CallRequest", "CallResult", "CheckinReport", "Clock", "Dialer", "Outcome", "SystemClock", "TryStatus",
           "Turn"]
