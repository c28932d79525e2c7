"""Start the check-in scheduler inside the gateway (its SIP endpoint places the calls)."""

from __future__ import annotations

from ..channels.sip import SipServer
from ..state import GatewayState
from .config import CheckinConfig
from .scheduler import Scheduler, SchedulerTask
from .sip_dialer import SipDialer
from .types import SystemClock


def start_checkin(state: GatewayState, sip_server: SipServer | None, config: CheckinConfig) -> SchedulerTask:
    if sip_server is None:
        raise ValueError("check-in calls (MALBEOT_CHECKIN=1) need the SIP endpoint: set MALBEOT_SIP_PORT")
    hub = state.services.records
    dialer = SipDialer(sip_server, state, config.sip_trunk, config.ring_seconds)
    scheduler = Scheduler(hub.checkin_residents, hub.checkin_calls, dialer, hub.notifier,
                          config.clock or SystemClock(), config)
    task = SchedulerTask(scheduler)
    task.start()
    return task


__all__ = ["start_checkin"]
