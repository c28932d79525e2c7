"""Outbound SIP calls (RFC 3261 user agent client) from the gateway's SIP endpoint: check-in calls.

``place_call`` sends an INVITE with our SDP offer (PCMU, PCMA, telephone events), retransmitted
(timer A) until a provisional answer; 180 means ringing. A 200 is acknowledged (ACK, also for
retransmitted 200s), its SDP answer gives the codec and media address, and the call then runs
through the same phone conversation machinery as inbound calls (``SipLine``/``SipReceiver``: paced
RTP, barge-in, silence watch) until one side sends BYE. Busy (486/600), not available (480), request
timeout (408), declined (603) and other failures are acknowledged and reported; no final answer
within ``ring_seconds`` sends CANCEL (then the 487 is acknowledged) and is reported as no answer.

Scope as for inbound: UDP, no authentication or registration, no route set from Record-Route.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from malbeot_core.errors import MalbeotError, ProtocolViolation

from ..logs import logger
from . import sdp
from .phone import PhoneConversation, run_phone_call
from .sip import SipServer
from .sip_dialog import T1, T2, TRANSACTION_TIMEOUT, Dialog
from .sip_media import RATE, SipLine, SipReceiver
from .sip_message import SipMessage, host_port, new_tag, tag_of, uri_of

log = logger("sip")

#: outcome of one outbound try
BUSY, NO_ANSWER, DECLINED, FAILED, ANSWERED = "busy", "no_answer", "declined", "failed", "answered"
_BY_STATUS = {486: BUSY, 600: BUSY, 480: NO_ANSWER, 408: NO_ANSWER, 487: NO_ANSWER, 603: DECLINED}


@dataclass
class OutboundDialog(Dialog):
    """A dialog we started: our INVITE is ``invite``; the callee's tag and Contact come with its 200."""

    target: str = ""
    remote_to: str = ""
    remote_contact: str = ""
    ringing: bool = False
    branch: str = field(default_factory=lambda: f"z9hG4bK{secrets.token_hex(8)}")

    def party_headers(self) -> tuple[str, str, str]:
        return self.invite.get("From"), self.remote_to or self.invite.get("To"), self.remote_contact or self.target

    @property
    def remote_target(self) -> tuple[str, int]:
        host, port = host_port(self.remote_contact or self.target)
        return (host, port) if host else self.source


@dataclass(frozen=True)
class Placed:
    """How an outbound try went: ``answered`` (the conversation ran) or why not; SIP status if any."""

    result: str
    status: int = 0
    detail: str = ""
    ended: str = ""


#: runs the conversation of an answered call over its dialog and line; returns why it ended
Converse = Callable[[OutboundDialog, SipLine], Awaitable[str]]


def _invite(server: SipServer, dialog: OutboundDialog, body: bytes) -> SipMessage:
    host, port = dialog.local_host, server.port
    invite = SipMessage(method="INVITE", uri=dialog.target)
    invite.add("Via", f"SIP/2.0/UDP {host}:{port};branch={dialog.branch};rport")
    invite.add("Max-Forwards", 70)
    invite.add("From", f'"Malbeot" <sip:malbeot@{host}:{port}>;tag={dialog.local_tag}')
    invite.add("To", f"<{dialog.target}>")
    invite.add("Call-ID", f"{secrets.token_hex(12)}@{host}")
    invite.add("CSeq", "1 INVITE")
    invite.add("Contact", f"<sip:malbeot@{host}:{port}>")
    invite.add("Allow", "INVITE, ACK, BYE, CANCEL, OPTIONS, INFO, NOTIFY")
    invite.add("Content-Type", "application/sdp")
    invite.body = body
    return invite


def _ack(server: SipServer, dialog: OutboundDialog, final: SipMessage) -> SipMessage:
    """ACK of a final answer: in the INVITE's transaction for a failure, a new one for a 2xx."""
    success = 200 <= final.status < 300
    uri = dialog.remote_contact if success and dialog.remote_contact else dialog.target
    branch = f"z9hG4bK{secrets.token_hex(8)}" if success else dialog.branch
    ack = SipMessage(method="ACK", uri=uri)
    ack.add("Via", f"SIP/2.0/UDP {dialog.local_host}:{server.port};branch={branch};rport")
    ack.add("Max-Forwards", 70)
    ack.add("From", dialog.invite.get("From"))
    ack.add("To", final.get("To"))
    ack.add("Call-ID", dialog.call_id)
    ack.add("CSeq", "1 ACK")
    return ack


def _cancel(dialog: OutboundDialog) -> SipMessage:
    cancel = SipMessage(method="CANCEL", uri=dialog.target)
    cancel.add("Via", dialog.invite.get("Via"))
    cancel.add("Max-Forwards", 70)
    cancel.add("From", dialog.invite.get("From"))
    cancel.add("To", dialog.invite.get("To"))
    cancel.add("Call-ID", dialog.call_id)
    cancel.add("CSeq", "1 CANCEL")
    return cancel


async def _next(queue: asyncio.Queue[SipMessage], seconds: float) -> SipMessage | None:
    try:
        async with asyncio.timeout(max(seconds, 0.0)):
            return await queue.get()
    except TimeoutError:
        return None


async def _setup(server: SipServer, dialog: OutboundDialog, ring_seconds: float) -> SipMessage | Placed:
    """INVITE until a final answer: the 200 (call set up) or how the try ended."""
    assert dialog.invite_responses is not None
    loop = asyncio.get_running_loop()
    queue = dialog.invite_responses
    start = loop.time()
    interval, provisional = T1, False
    next_send = start
    while True:
        now = loop.time()
        if not provisional and now - start >= TRANSACTION_TIMEOUT:
            return Placed(FAILED, 0, "no response to the INVITE")
        if now - start >= ring_seconds:
            return await _give_up(server, dialog, provisional)
        if not provisional and now >= next_send:
            server.send(dialog.invite, dialog.remote_target)
            next_send = now + interval
            interval = min(interval * 2, T2)
        wait = min(start + ring_seconds, next_send if not provisional else start + ring_seconds) - now
        message = await _next(queue, wait)
        if message is None or message.cseq[1] != "INVITE":
            continue
        if message.status < 200:
            provisional = True
            if message.status in (180, 183) and not dialog.ringing:
                dialog.ringing = True
                log.info("sip outbound %s: ringing", dialog.call_id)
            continue
        return message


async def _give_up(server: SipServer, dialog: OutboundDialog, provisional: bool) -> Placed | SipMessage:
    """No final answer in time: CANCEL (after a provisional answer, RFC 3261 §9.1); a 200 that crosses
    the CANCEL is taken (the call goes on)."""
    assert dialog.invite_responses is not None
    if not provisional:
        return Placed(NO_ANSWER, 0, "no response before the ring timeout")
    cancel = _cancel(dialog)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + TRANSACTION_TIMEOUT / 2
    interval = T1
    next_send = loop.time()
    while loop.time() < deadline:
        if loop.time() >= next_send:
            server.send(cancel, dialog.remote_target)
            next_send = loop.time() + interval
            interval = min(interval * 2, T2)
        message = await _next(dialog.invite_responses, next_send - loop.time())
        if message is None:
            continue
        if message.cseq[1] == "INVITE" and message.status >= 200:
            if message.status < 300:
                return message  # answered just as we gave up
            server.send(_ack(server, dialog, message), dialog.remote_target)
            return Placed(NO_ANSWER, message.status, "no answer; cancelled")
    return Placed(NO_ANSWER, 0, "no answer; the cancel was not confirmed")


async def place_call(server: SipServer, target: str, converse: Converse, ring_seconds: float = 30.0) -> Placed:
    """Call ``target`` (a ``sip:`` URI) from ``server``'s endpoint; run ``converse`` once answered."""
    host, port = host_port(target)
    if not host or not port:
        raise ProtocolViolation("the check-in target is not a sip: URI with a host", stage="sip")
    local = server.advertised_host((host, port))
    rtp = await server.rtp_ports.bind(server.host)
    offer = sdp.offer(local, rtp.port, secrets.randbelow(1 << 31))
    placeholder = SipMessage(method="INVITE", uri=target)
    dialog = OutboundDialog(invite=placeholder, source=(host, port), local_host=local, local_tag=new_tag(),
                            target=target, rtp=rtp, invite_responses=asyncio.Queue())
    dialog.invite = _invite(server, dialog, offer)
    dialog.local_cseq = 1
    server.dialogs[dialog.call_id] = dialog
    try:
        final = await _setup(server, dialog, ring_seconds)
        if isinstance(final, Placed):
            return final
        if final.status >= 300:
            server.send(_ack(server, dialog, final), dialog.remote_target)
            result = _BY_STATUS.get(final.status, FAILED)
            log.info("sip outbound %s: %d %s", dialog.call_id, final.status, final.reason)
            return Placed(result, final.status, final.reason)
        return await _answered(server, dialog, final, converse)
    finally:
        dialog.ended = True
        rtp.close()
        server.dialogs.pop(dialog.call_id, None)


async def _answered(server: SipServer, dialog: OutboundDialog, ok: SipMessage, converse: Converse) -> Placed:
    dialog.remote_to = ok.get("To")
    with contextlib.suppress(ProtocolViolation):
        dialog.remote_contact = uri_of(ok.get("Contact"))
    ack = _ack(server, dialog, ok)
    server.send(ack, dialog.remote_target)
    dialog.acked.set()
    try:
        answer = sdp.parse_offer(ok.body)
        dialog.codec = answer.codec()
    except MalbeotError as error:
        log.warning("sip outbound %s: unusable SDP answer: %s", dialog.call_id, error)
        await server.end_call(dialog, "bad_answer")
        return Placed(FAILED, 200, f"unusable SDP answer ({error.code})")
    dialog.event_type = answer.telephone_event()
    dialog.media = (answer.address, answer.port)
    log.info("sip outbound %s answered (%s); remote tag %s", dialog.call_id, dialog.codec.name,
             "set" if tag_of(dialog.remote_to) else "missing")
    resend = asyncio.get_running_loop().create_task(_ack_retransmitted_ok(server, dialog, ack))
    try:
        ended = await converse(dialog, SipLine(server, dialog))
    finally:
        resend.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await resend
    return Placed(ANSWERED, 200, "", ended)


async def _ack_retransmitted_ok(server: SipServer, dialog: OutboundDialog, ack: SipMessage) -> None:
    """The callee repeats its 200 until our ACK arrives: answer each with the ACK again."""
    assert dialog.invite_responses is not None
    while True:
        message = await dialog.invite_responses.get()
        if message.cseq[1] == "INVITE" and 200 <= message.status < 300:
            server.send(ack, dialog.remote_target)


async def converse_phone(dialog: OutboundDialog, call: PhoneConversation) -> str:
    """Run a phone conversation over an answered outbound dialog (RTP in, paced RTP out, BYE)."""
    return await run_phone_call(call, SipReceiver(dialog, call).run())


__all__ = ["ANSWERED", "BUSY", "DECLINED", "FAILED", "NO_ANSWER", "RATE", "Converse", "OutboundDialog", "Placed",
           "converse_phone", "place_call"]
