"""The ``Dialer`` over the gateway's SIP endpoint: an outbound INVITE per try (``channels.sip_uac``),
and once answered the check-in conversation over RTP with the real recognition and speech."""

from __future__ import annotations

import asyncio

from malbeot_core.errors import ProtocolViolation

from ..channels.phone import PhoneCallInfo
from ..channels.sip import SipServer
from ..channels.sip_media import SipLine
from ..channels.sip_uac import OutboundDialog, converse_phone, place_call
from ..state import GatewayState
from .call import CheckinConversation
from .flow import CheckinFlow
from .types import CallRequest, CallResult, TryStatus

_STATUS: dict[str, TryStatus] = {"busy": "busy", "no_answer": "no_answer", "declined": "declined"}


class SipDialer:
    def __init__(self, server: SipServer, state: GatewayState, trunk: str = "", ring_seconds: float = 30.0) -> None:
        self.server = server
        self.state = state
        self.trunk = trunk
        self.ring_seconds = ring_seconds

    def target(self, phone: str) -> str:
        """A ``sip:`` URI as registered, or ``sip:<digits>@<trunk>`` for a phone number."""
        if phone.startswith(("sip:", "sips:")):
            return phone
        digits = "".join(c for c in phone if c.isdigit() or c == "+")
        if not self.trunk:
            raise ProtocolViolation("phone numbers need MALBEOT_CHECKIN_SIP_TRUNK (host:port)", stage="checkin")
        return f"sip:{digits}@{self.trunk}"

    async def place(self, request: CallRequest) -> CallResult:
        resident = request.resident
        dialog_manager = await asyncio.to_thread(lambda: self.state.services.dialog)
        flow = CheckinFlow(dialog_manager, resident.name, resident.language)

        async def converse(dialog: OutboundDialog, line: SipLine) -> str:
            info = PhoneCallInfo("sip-checkin", dialog.call_id,
                                 {"call_id": dialog.call_id, "checkin_call": str(request.call_id)})
            call = CheckinConversation(self.state, line, info, self.server.outcomes, flow)
            return await converse_phone(dialog, call)

        placed = await place_call(self.server, self.target(resident.phone), converse, self.ring_seconds)
        detail = " ".join(part for part in (str(placed.status or ""), placed.detail, placed.ended) if part)
        if placed.result == "answered":
            return CallResult("answered", detail, flow.report())
        return CallResult(_STATUS.get(placed.result, "failed"), detail)


__all__ = ["SipDialer"]
