"""Settings of the check-in calls (``MALBEOT_CHECKIN=1`` turns them on; ``MALBEOT_CHECKIN_*``)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .types import Clock


def _env(name: str, default: str) -> str:
    return os.environ.get(f"MALBEOT_CHECKIN_{name}", default)


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
        """None unless ``MALBEOT_CHECKIN`` is 1."""
        if os.environ.get("MALBEOT_CHECKIN", "0") in ("0", "", "false", "no"):
            return None
        return cls(max_tries=int(_env("MAX_TRIES", "3")), retry_spacing=float(_env("RETRY_SECONDS", "600")),
                   max_call_seconds=float(_env("MAX_CALL_SECONDS", "600")),
                   ring_seconds=float(_env("RING_SECONDS", "30")),
                   tick_seconds=float(_env("TICK_SECONDS", "30")), max_calls=int(_env("MAX_CALLS", "2")),
                   staff_address=_env("STAFF_ADDRESS", "district-staff"), sip_trunk=_env("SIP_TRUNK", ""))


__all__ = ["CheckinConfig"]
