"""One SIP call's dialog (RFC 3261, the side that answered or placed it), the transaction timers,
and the bodies of the in-dialog requests Malbeot reads: INFO keypad digits and REFER progress NOTIFYs.

Used by the endpoint (``sip``) and by outbound calls (``sip_uac``).
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import re
import secrets
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from malbeot_core.errors import ProtocolViolation

from . import sdp
from .sip_message import SipMessage, host_port, new_tag, tag_of, uri_of

if TYPE_CHECKING:
    from .sip_media import CallRtp

T1, T2 = 0.5, 4.0  # RFC 3261 timers: round-trip estimate, longest retransmit interval
TRANSACTION_TIMEOUT = 64 * T1


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


@dataclass
class Dialog:
    """One call's SIP dialog (UAS side) and its media."""

    invite: SipMessage
    source: tuple[str, int]
    #: our address as this caller reaches it (Contact, SDP, Via of our requests)
    local_host: str
    local_tag: str = field(default_factory=new_tag)
    local_cseq: int = field(default_factory=lambda: secrets.randbelow(1 << 16) + 1)
    final: SipMessage | None = None
    acked: asyncio.Event = field(default_factory=asyncio.Event)
    signals: asyncio.Queue[str] = field(default_factory=asyncio.Queue)
    pending: dict[int, asyncio.Future[SipMessage]] = field(default_factory=dict)
    refer_result: asyncio.Future[int] | None = None
    rtp: CallRtp | None = None
    codec: sdp.Codec | None = None
    event_type: int | None = None
    media: tuple[str, int] = ("", 0)
    ended: bool = False
    #: outbound calls (``sip_uac``): where the responses to our INVITE go; None for calls we answer
    invite_responses: asyncio.Queue[SipMessage] | None = None

    @property
    def call_id(self) -> str:
        return self.invite.call_id

    def party_headers(self) -> tuple[str, str, str]:
        """(our From, their To, the Request-URI) of requests we send in this dialog."""
        to = self.invite.get("To")
        ours = to if tag_of(to) else f"{to};tag={self.local_tag}"
        return ours, self.invite.get("From"), uri_of(self.invite.get("Contact") or self.invite.get("From"))

    @property
    def remote_target(self) -> tuple[str, int]:
        """Where in-dialog requests go: the first route, else the caller's Contact, else the source."""
        routes = self.invite.all("Record-Route")
        candidates = [uri_of(routes[0])] if routes else []
        with contextlib.suppress(ProtocolViolation):
            candidates.append(uri_of(self.invite.get("Contact")))
        for uri in candidates:
            host, port = host_port(uri)
            if _is_ip(host):
                return host, port
        return self.source


def info_digit(request: SipMessage) -> str:
    """A keypad digit from SIP INFO (``application/dtmf-relay``: ``Signal=5``; ``application/dtmf``: ``5``)."""
    kind = request.get("Content-Type").split(";")[0].strip().lower()
    text = request.body.decode("utf-8", "replace")
    if kind == "application/dtmf-relay":
        for line in text.splitlines():
            key, _, value = line.partition("=")
            if key.strip().lower() == "signal" and len(value.strip()) == 1:
                return value.strip().upper()
    elif kind == "application/dtmf" and len(text.strip()) == 1:
        return text.strip().upper()
    return ""


def sipfrag_status(request: SipMessage) -> int:
    """The status code in a REFER progress NOTIFY (``message/sipfrag``: ``SIP/2.0 200 OK``)."""
    if not request.get("Event").lower().startswith("refer"):
        return 0
    first = request.body.decode("utf-8", "replace").strip().split("\n")[0].split()
    ok = len(first) >= 2 and first[0] == "SIP/2.0" and re.fullmatch(r"[0-9]{3}", first[1]) is not None
    return int(first[1]) if ok else 0
