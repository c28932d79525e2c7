"""Settings of the check-in calls (``MALBEOT_CHECKIN=1`` turns them on; ``MALBEOT_CHECKIN_*``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

from malbeot_core.service_settings import service_settings

if TYPE_CHECKING:
    from .types import Clock


@dataclass(frozen=True)
class CheckinConfig:
    #: tries of one planned call before it ends ``no_answer``
    max_tries: int = 3
    #: seconds between the end of a missed try and the next
    retry_spacing: float = 600.0
    #: seconds a call may last (ringing included); the scheduler gives up on it beyond that
    max_call_seconds: float = 600.0
    #: seconds a phone may ring before the call is cancelled (no answer)
    ring_seconds: float = 30.0
    #: seconds between the scheduler's looks at the database
    tick_seconds: float = 30.0
    #: calls at once
    max_calls: int = 2
    #: who receives staff alerts (the notifier's address for district staff)
    staff_address: str = "district-staff"
    #: where phone numbers are dialled: ``host:port`` of a SIP trunk or PBX (``sip:NUMBER@trunk``);
    #: residents registered with a ``sip:`` URI are called directly
    sip_trunk: str = ""
    #: the scheduler's clock (None: the system clock); tests inject one
    clock: Clock | None = field(default=None, compare=False)

    @property
    def lease(self) -> timedelta:
        """A ``dialing`` claim older than this was left by a dead process."""
        return timedelta(seconds=self.max_call_seconds + 60)

    @classmethod
    def from_env(cls) -> CheckinConfig | None:
        """None unless ``MALBEOT_CHECKIN`` is 1; the rest from ``MALBEOT_CHECKIN_*``."""
        env = service_settings()
        if not env.checkin:
            return None
        return cls(max_tries=env.checkin_max_tries, retry_spacing=env.checkin_retry_seconds,
                   max_call_seconds=env.checkin_max_call_seconds, ring_seconds=env.checkin_ring_seconds,
                   tick_seconds=env.checkin_tick_seconds, max_calls=env.checkin_max_calls,
                   staff_address=env.checkin_staff_address, sip_trunk=env.checkin_sip_trunk)


__all__ = ["CheckinConfig"]
