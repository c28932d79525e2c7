"""A SIP endpoint (RFC 3261 user agent server over UDP) so a SIP phone or PBX can call Malbeot directly.

Each INVITE with a G.711 offer (PCMU or PCMA, 8 kHz, 20 ms; RFC 4733 telephone events when offered)
is answered at once; after the caller's ACK the call runs through the same phone conversation as the
Twilio-format and AudioSocket channels: spoken start notice, keypad menu, paced reply audio over RTP
with barge-in (stop sending), silence prompts. Keypad digits arrive as RFC 4733/2833 RTP events or
as SIP INFO (``application/dtmf-relay``). Hand-off to a person sends REFER to the configured transfer
target (RFC 3515), waits for the transferee's NOTIFY, then BYE.

Scope: direct calls over UDP (no registration, authentication, TCP/TLS or SRTP); a ``Record-Route``
route set is honoured for in-dialog requests. Listens on loopback unless ``MALBEOT_SIP_HOST`` says
otherwise; off unless ``MALBEOT_SIP_PORT`` is set.

Bad input never reaches other calls: an unparseable datagram is counted and dropped; an offer without
G.711 gets ``488``; RTP that is malformed, of a foreign payload type or beyond a rate of
``RTP_PACKET_RATE`` packets per second (a flood) is counted and dropped.

This module is the endpoint (datagrams, requests, answering, hang-up and REFER); one call's dialog
and the transaction timers are in ``sip_dialog``, RTP ports, the line and the receiver in
``sip_media``, outbound calls in ``sip_uac``.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import secrets
import socket
from collections.abc import Coroutine
from typing import Any, cast

from malbeot_core.errors import BackendFailed, BadAudio, MalbeotError, ProtocolViolation

from ..logs import logger
from ..options import CallOptions
from ..state import GatewayState
from . import sdp
from .handoff import Outcomes
from .phone import PhoneCallInfo, PhoneConversation, run_phone_call
from .sip_dialog import T1, T2, TRANSACTION_TIMEOUT, Dialog, info_digit, sipfrag_status
from .sip_media import RATE, RtpPorts, SipLine, SipReceiver
from .sip_message import SipMessage, new_tag, parse, response

log = logger("sip")

ALLOW = "INVITE, ACK, BYE, CANCEL, OPTIONS, INFO, NOTIFY"


class SipServer(asyncio.DatagramProtocol):
    """The UDP SIP endpoint; every INVITE is a call."""

    def __init__(self, state: GatewayState, outcomes: Outcomes) -> None:
        self.state = state
        self.outcomes = outcomes
        self.transport: asyncio.DatagramTransport | None = None
        self.dialogs: dict[str, Dialog] = {}
        self.tasks: set[asyncio.Task[None]] = set()
        self.host = "127.0.0.1"
        self.port = 0
        self.rtp_ports = RtpPorts.parse(state.config.phone.rtp_ports)

    # --- lifecycle ------------------------------------------------------------------------------
    async def start(self, host: str, port: int) -> int:
        loop = asyncio.get_running_loop()
        await loop.create_datagram_endpoint(lambda: self, local_addr=(host, port))
        assert self.transport is not None
        self.host, self.port = host, int(self.transport.get_extra_info("sockname")[1])
        log.info("SIP endpoint on udp %s:%d", host, self.port)
        return self.port

    async def stop(self) -> None:
        for task in list(self.tasks):
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        if self.transport is not None:
            self.transport.close()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.DatagramTransport, transport)  # uvloop's is not a subclass

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    def send(self, message: SipMessage, addr: tuple[str, int]) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.sendto(message.encode(), addr)

    def advertised_host(self, peer: tuple[str, int]) -> str:
        """Our address as the peer reaches it (the bound one, or the route's source for a wildcard bind)."""
        if self.host not in ("0.0.0.0", "::", ""):
            return self.host
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(peer)
            return str(probe.getsockname()[0])

    # --- datagrams ------------------------------------------------------------------------------
    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:  # type: ignore[override]
        if not data.strip():
            return  # keep-alive
        try:
            message = parse(data)
        except ProtocolViolation as error:
            self.state.metrics.error(error)
            log.warning("sip: dropped a datagram from %s: %s", addr[0], error)
            return
        try:
            if message.is_request:
                self._request(message, addr)
            elif (dialog := self.dialogs.get(message.call_id)) is not None and dialog.invite_responses is not None \
                    and message.cseq[1] in ("INVITE", "CANCEL"):
                dialog.invite_responses.put_nowait(message)  # an outbound call's setup (sip_uac)
            else:
                self._response(message)
        except MalbeotError as error:
            self.state.metrics.error(error)
            log.warning("sip: %s %s from %s: %s", message.method or message.status, message.call_id, addr[0], error)
            if message.is_request and message.method != "ACK":
                self.send(response(message, 400, reason=f"Bad Request ({error.code})"), addr)
        except Exception as exc:  # a bug: counted and logged; the endpoint and its other calls go on
            self.state.metrics.failure("sip", exc)
            log.exception("sip: %s %s from %s failed", message.method or message.status, message.call_id, addr[0])

    def _request(self, request: SipMessage, addr: tuple[str, int]) -> None:
        dialog = self.dialogs.get(request.call_id)
        match request.method:
            case "INVITE" if dialog is None:
                self.send(response(request, 100), addr)
                dialog = Dialog(request, addr, self.advertised_host(addr))
                self.dialogs[request.call_id] = dialog
                self._spawn(self._call(dialog))
            case "INVITE":
                assert dialog is not None
                if request.cseq == dialog.invite.cseq:  # a retransmission: the same answer again
                    self.send(dialog.final or response(request, 100), addr)
                elif dialog.final is not None and dialog.final.status == 200:  # re-INVITE: keep our session
                    ok = self._ok(request, dialog, dialog.final.body)
                    self.send(ok, addr)
                else:
                    self.send(response(request, 500, to_tag=dialog.local_tag), addr)
            case "ACK":
                if dialog is not None:
                    dialog.acked.set()
            case "BYE" if dialog is not None:
                self.send(response(request, 200, to_tag=dialog.local_tag), addr)
                if not dialog.ended:
                    dialog.ended = True
                    dialog.signals.put_nowait("bye")
            case "CANCEL" if dialog is not None:
                self.send(response(request, 200, to_tag=dialog.local_tag), addr)
                if dialog.final is None:  # not answered yet: the INVITE ends with 487
                    dialog.final = response(dialog.invite, 487, to_tag=dialog.local_tag)
                    dialog.ended = True
                    self.send(dialog.final, dialog.source)
            case "OPTIONS":
                ok = response(request, 200, to_tag=dialog.local_tag if dialog else new_tag())
                self.send(ok.add("Allow", ALLOW).add("Accept", "application/sdp"), addr)
            case "INFO" if dialog is not None:
                digit = info_digit(request)
                self.send(response(request, 200, to_tag=dialog.local_tag), addr)
                if digit:
                    dialog.signals.put_nowait(digit)
            case "NOTIFY" if dialog is not None:
                self.send(response(request, 200, to_tag=dialog.local_tag), addr)
                status = sipfrag_status(request)
                if status >= 200 and dialog.refer_result is not None and not dialog.refer_result.done():
                    dialog.refer_result.set_result(status)
            case "BYE" | "CANCEL" | "INFO" | "NOTIFY":
                self.send(response(request, 481), addr)
            case "REGISTER" | "SUBSCRIBE" | "REFER" | "UPDATE" | "PRACK" | "MESSAGE" | "PUBLISH":
                self.send(response(request, 405).add("Allow", ALLOW), addr)
            case _:
                self.send(response(request, 501).add("Allow", ALLOW), addr)

    def _response(self, message: SipMessage) -> None:
        dialog = self.dialogs.get(message.call_id)
        if dialog is None:
            return
        number, _method = message.cseq
        future = dialog.pending.get(number)
        if future is not None and not future.done() and message.status >= 200:
            future.set_result(message)

    # --- the call -------------------------------------------------------------------------------
    def _ok(self, request: SipMessage, dialog: Dialog, body: bytes) -> SipMessage:
        host = dialog.local_host
        ok = response(request, 200, to_tag=dialog.local_tag)
        for route in request.all("Record-Route"):
            ok.add("Record-Route", route)
        ok.add("Contact", f"<sip:malbeot@{host}:{self.port}>").add("Allow", ALLOW)
        ok.add("Supported", "replaces").add("Content-Type", "application/sdp")
        ok.body = body
        return ok

    async def _call(self, dialog: Dialog) -> None:
        try:
            if await self._answer(dialog):
                await self._converse(dialog)
        except Exception as exc:
            self.state.metrics.failure("sip", exc)
            log.exception("sip call %s failed", dialog.call_id)
        finally:
            if dialog.rtp is not None:
                dialog.rtp.close()
            await asyncio.sleep(TRANSACTION_TIMEOUT / 4)  # answer retransmitted BYEs meanwhile
            self.dialogs.pop(dialog.call_id, None)

    async def _answer(self, dialog: Dialog) -> bool:
        """Send 200 with our SDP answer (retransmitted until ACK); False when the call did not start."""
        invite = dialog.invite
        try:
            if invite.get("Content-Type", "application/sdp").split(";")[0].strip().lower() != "application/sdp":
                raise ProtocolViolation(f"unsupported INVITE body {invite.get('Content-Type')!r}", stage="sip")
            offer = sdp.parse_offer(invite.body)
            offer.codec()
        except MalbeotError as error:
            self.state.metrics.error(error)
            log.warning("sip call %s refused: %s", dialog.call_id, error)
            code = 488 if isinstance(error, BadAudio) else 400
            dialog.final = response(invite, code, to_tag=dialog.local_tag).add("Warning", f'399 malbeot "{error}"')
            dialog.ended = True
            self.send(dialog.final, dialog.source)
            return False
        host = dialog.local_host
        loop = asyncio.get_running_loop()
        try:
            dialog.rtp = await self.rtp_ports.bind(self.host)
        except BackendFailed as error:
            self.state.metrics.error(error)
            log.warning("sip call %s refused: %s", dialog.call_id, error)
            dialog.final = response(invite, 503, to_tag=dialog.local_tag).add("Retry-After", 5)
            dialog.ended = True
            self.send(dialog.final, dialog.source)
            return False
        body, dialog.codec, dialog.event_type = sdp.answer(offer, host, dialog.rtp.port, secrets.randbelow(1 << 31))
        dialog.media = (offer.address, offer.port)
        if dialog.ended:  # cancelled while we were setting up
            return False
        dialog.final = self._ok(invite, dialog, body)
        interval = T1
        deadline = loop.time() + TRANSACTION_TIMEOUT
        while not dialog.acked.is_set() and loop.time() < deadline and not dialog.ended:
            self.send(dialog.final, dialog.source)
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(interval):
                    await dialog.acked.wait()
            interval = min(interval * 2, T2)
        if not dialog.acked.is_set():
            if not dialog.ended:
                log.warning("sip call %s: no ACK for our 200; ending it", dialog.call_id)
                await self.end_call(dialog, "no_ack")
            return False
        return True

    async def _converse(self, dialog: Dialog) -> None:
        assert dialog.codec is not None
        options = CallOptions().updated(
            {"rate": RATE, "encoding": dialog.codec.encoding, "reply_rate": RATE}, self.state.config.languages
        )
        info = PhoneCallInfo("sip", dialog.call_id, {"call_id": dialog.call_id, "codec": dialog.codec.name})
        call = PhoneConversation(self.state, options, SipLine(self, dialog), info, self.outcomes)
        log.info("sip call %s from %s answered (%s)", dialog.call_id, dialog.source[0], dialog.codec.name)
        await run_phone_call(call, SipReceiver(dialog, call).run())
        rtp = dialog.rtp
        if rtp is not None and (rtp.flooded or rtp.malformed or rtp.dropped):
            log.warning("sip call %s: RTP packets over the rate limit %d, malformed %d, queue-full %d",
                        dialog.call_id, rtp.flooded, rtp.malformed, rtp.dropped)

    # --- requests we send -----------------------------------------------------------------------
    def _request_in_dialog(self, dialog: Dialog, method: str) -> SipMessage:
        host = dialog.local_host
        dialog.local_cseq += 1
        ours, theirs, target = dialog.party_headers()
        request = SipMessage(method=method, uri=target)
        request.add("Via", f"SIP/2.0/UDP {host}:{self.port};branch=z9hG4bK{secrets.token_hex(8)};rport")
        request.add("Max-Forwards", 70)
        for route in dialog.invite.all("Record-Route"):
            request.add("Route", route)
        request.add("From", ours)
        request.add("To", theirs)
        request.add("Call-ID", dialog.call_id)
        request.add("CSeq", f"{dialog.local_cseq} {method}")
        request.add("Contact", f"<sip:malbeot@{host}:{self.port}>")
        return request

    async def transact(self, dialog: Dialog, request: SipMessage) -> SipMessage | None:
        """Send a non-INVITE request, retransmitting (RFC 3261 §17.1.2) until its final response."""
        number, _ = request.cseq
        future: asyncio.Future[SipMessage] = asyncio.get_running_loop().create_future()
        dialog.pending[number] = future
        interval = T1
        try:
            for _ in range(7):  # 0.5 + 1 + 2 + 4 + 4 + 4 + 4 s ≈ Timer F without its tail
                self.send(request, dialog.remote_target)
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(interval):
                        return await asyncio.shield(future)
                interval = min(interval * 2, T2)
            return None
        finally:
            dialog.pending.pop(number, None)

    async def end_call(self, dialog: Dialog, reason: str) -> None:
        """Hang up our side: REFER first when the call is handed off to a person, then BYE."""
        if dialog.ended:
            return
        outcome = self.outcomes.get(dialog.call_id)
        if reason == "transfer" and outcome is not None and outcome.target:
            result = await self.refer(dialog, outcome.target)
            self.outcomes[dialog.call_id] = dataclasses.replace(outcome, detail=result)
        dialog.ended = True
        bye = self._request_in_dialog(dialog, "BYE")
        answer = await self.transact(dialog, bye)
        log.info("sip call %s: BYE (%s) → %s", dialog.call_id, reason, answer.status if answer else "no answer")

    async def refer(self, dialog: Dialog, target: str, timeout: float = 10.0) -> str:
        """Ask the caller's side to call ``target`` (RFC 3515); returns how the transfer went."""
        uri = target if target.startswith(("sip:", "sips:", "tel:")) else f"sip:{target}@{dialog.remote_target[0]}"
        refer = self._request_in_dialog(dialog, "REFER")
        refer.add("Refer-To", f"<{uri}>").add("Referred-By", f"<sip:malbeot@{dialog.local_host}>")
        dialog.refer_result = asyncio.get_running_loop().create_future()
        answer = await self.transact(dialog, refer)
        if answer is None or answer.status >= 300:
            result = f"refused ({answer.status if answer else 'no answer'})"
        else:
            try:
                async with asyncio.timeout(timeout):
                    status = await dialog.refer_result
                result = "transferred" if status < 300 else f"failed ({status})"
            except TimeoutError:
                result = "no final NOTIFY"
        log.info("sip call %s: REFER to the transfer target: %s", dialog.call_id, result)
        return result
