"""Fuzzing every channel of a real gateway with hypothesis-generated messages.

Per channel, each example is a batch of hostile messages on one connection (call websocket JSON and
binary frames, Twilio-format JSON, AudioSocket frames over TCP, SIP datagrams and RTP over UDP),
with personal numbers planted in them. After each batch: the server answers ``/healthz``, the
connection ended cleanly (never 1011 or 1006 where a clean error is due), and no captured log line
holds a planted number; after each channel, a well-formed call still gets its answer.

Bounded for CI: derandomized (repeatable), ``max_examples`` per channel from ``MALBEOT_FUZZ_EXAMPLES``
(default 50), under three minutes on two cores.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import math
import os
import socket
import struct
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import websockets
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from phone_peers.sip_caller import SipCaller
from tests.fuzz.conftest import PLANTED, FuzzGateway
from voice_gateway.config import GatewayConfig
from voice_gateway.embedded import LiveGateway, free_port

EXAMPLES = int(os.environ.get("MALBEOT_FUZZ_EXAMPLES", "50"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
CLEAN_CLOSES = {1000, 1003, 1008, 1009}
STATS: dict[str, int] = {}

planted = st.sampled_from(PLANTED)
scalars = st.one_of(
    st.none(), st.booleans(), planted,
    st.integers(min_value=-(10**40), max_value=10**40),
    st.sampled_from([math.inf, -math.inf, math.nan, 1e308, -0.0, 8000.0, 8000.5]),
    st.text(max_size=30),
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                                           max_size=3), max_leaves=6)
CALL_KEYS = ["rate", "reply_rate", "encoding", "language", "tts", "elderly", "partials", "text"]


def _raw_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


@st.composite
def call_message(draw: st.DrawFn) -> str | bytes:
    kind = draw(st.sampled_from(["json", "json", "json", "raw", "binary"]))
    if kind == "binary":
        return draw(st.binary(max_size=700))
    if kind == "raw":
        return draw(st.sampled_from(['{"type":"start","rate":1e400}', '{"type":"config","reply_rate":1e400}',
                                     '{"type":"config","rate":NaN}', "[" * 3000, "1" * 5000, "{", "null",
                                     '{"type":"start","rate":' + "9" * 4400 + "}", "\x00\x01"]))
    kind_of = draw(st.sampled_from(["start", "config", "end_turn", "barge_in", "text", "bogus", None, 7]))
    fields = draw(st.dictionaries(st.sampled_from(CALL_KEYS), values, max_size=4))
    if kind_of == "text" and isinstance(fields.get("text"), str):
        fields["text"] = [fields["text"]]  # typed questions run the dialog: the fuzz keeps to bad ones
    return _raw_json({"type": kind_of, **fields})


async def _exchange(url: str, messages: list[Any], first: Any = None) -> tuple[int | None, list[dict[str, Any]]]:
    """Send ``messages``, read what comes back briefly; returns (close code or None if open, events)."""
    events: list[dict[str, Any]] = []
    async with websockets.connect(url, max_size=1 << 22) as ws:
        try:
            for message in ([first] if first is not None else []) + messages:
                await ws.send(message)
            async with asyncio.timeout(0.6):
                while True:
                    reply = await ws.recv()
                    if isinstance(reply, str):
                        events.append(json.loads(reply))
        except TimeoutError:
            await ws.close()
            return None, events
        except websockets.ConnectionClosed as closed:
            return (closed.rcvd.code if closed.rcvd else 1006), events
    return None, events


def _count(what: str, n: int) -> None:
    STATS[what] = STATS.get(what, 0) + n


@pytest.fixture(scope="module", autouse=True)
def _report() -> Iterator[None]:
    yield
    print(f"\nfuzz batches and messages: {STATS}")  # shown with -s


def _check(gw: FuzzGateway, channel: str, code: int | None, events: list[dict[str, Any]] | None = None) -> None:
    events = events or []
    STATS[channel] = STATS.get(channel, 0) + 1
    assert code is None or code in CLEAN_CLOSES, f"{channel}: closed {code}, events {events[-3:]}"
    assert not [e for e in events if e.get("code") == "internal_error"], events
    assert gw.healthy()
    assert not gw.leaked(), gw.leaked()[:3]


def test_call_websocket(fuzz_gateway: FuzzGateway) -> None:
    @FUZZ
    @given(st.lists(call_message(), min_size=1, max_size=8))
    def batch(messages: list[str | bytes]) -> None:
        code, events = asyncio.run(_exchange(f"{fuzz_gateway.live.ws_url}?tts=0", messages))
        _count("call messages", len(messages))
        _check(fuzz_gateway, "call", code, events)

    batch()
    # defect 1: an overflowing rate is a bad_message error and the call goes on
    code, events = asyncio.run(_exchange(f"{fuzz_gateway.live.ws_url}?tts=0",
                                         ['{"type":"start","rate":1e400}', '{"type":"config","reply_rate":1e400}']))
    assert code is None and [e["code"] for e in events if e["type"] == "error"] == ["bad_message", "bad_message"]
    assert fuzz_gateway.answers_a_question()


@st.composite
def twilio_start(draw: st.DrawFn) -> str:
    fmt = draw(st.one_of(values, st.fixed_dictionaries(
        {"encoding": st.sampled_from(["audio/x-mulaw", "audio/x-alaw"]) | values,
         "sampleRate": st.just(8000) | values, "channels": st.just(1) | values})))
    start = {"streamSid": "MZfuzz", "callSid": draw(st.text(max_size=10)), "mediaFormat": fmt,
             "customParameters": draw(values)}
    return _raw_json({"event": "start", "sequenceNumber": "1", "start": start})


@st.composite
def twilio_message(draw: st.DrawFn) -> str | bytes:
    event = draw(st.sampled_from(["media", "dtmf", "mark", "connected", "bogus", "start", None]))
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=50) | st.sampled_from(["[" * 3000, "1" * 5000, "{"]))
    body = {"event": event, "media": draw(values | st.fixed_dictionaries({"payload": st.text(max_size=40)})),
            "dtmf": draw(values), "mark": draw(values)}
    return _raw_json(body)


def test_twilio_stream(fuzz_gateway: FuzzGateway) -> None:
    @FUZZ
    @given(twilio_start(), st.lists(twilio_message(), max_size=6))
    def batch(start: str, messages: list[str | bytes]) -> None:
        code, _ = asyncio.run(_exchange(fuzz_gateway.twilio_url, messages, first=start))
        _count("twilio messages", len(messages) + 1)
        _check(fuzz_gateway, "twilio", code)

    batch()
    # defect 2: a mediaFormat of the wrong type gets a close frame (1008), never a dropped socket (1006)
    for fmt in ["audio/x-mulaw", 8000, [1], {"encoding": "audio/x-mulaw", "sampleRate": "900101-1234567"}]:
        start = _raw_json({"event": "start", "start": {"streamSid": "MZ1", "mediaFormat": fmt}})
        code, _ = asyncio.run(_exchange(fuzz_gateway.twilio_url, [], first=start))
        assert code in (1003, 1008), (fmt, code)
    # found by this suite: a carrier hanging up while the spoken notice plays is a hang-up, not a failure
    asyncio.run(_hang_up_while_speaking(fuzz_gateway.twilio_url))
    assert not fuzz_gateway.leaked()
    failures = [line for line in fuzz_gateway.lines if "failed" in line]
    assert 'malbeot_errors_total{code="internal_error",stage="twilio"}' not in fuzz_gateway.metrics(), failures[:2]
    assert fuzz_gateway.answers_a_question()


async def _hang_up_while_speaking(url: str) -> None:
    fmt = {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1}
    for i in range(12):
        ws = await websockets.connect(url)
        await ws.send(_raw_json({"event": "start", "start": {"streamSid": "MZ1", "callSid": f"CA{i}",
                                                             "mediaFormat": fmt}}))
        await asyncio.sleep(0.1 * i)
        ws.transport.abort()
    await asyncio.sleep(2)


async def _audiosocket_hang_up_while_speaking(port: int) -> None:
    for i in range(8):
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(_frame(0x01, uuid.uuid4().bytes))
        await writer.drain()
        await asyncio.sleep(0.15 * i)
        sock = writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # reset, not FIN
        writer.transport.abort()
    await asyncio.sleep(2)


def _frame(kind: int, payload: bytes) -> bytes:
    return bytes([kind]) + len(payload).to_bytes(2, "big") + payload


@st.composite
def audiosocket_stream(draw: st.DrawFn) -> bytes:
    out = b""
    if draw(st.booleans()):
        out += _frame(0x01, uuid.UUID(int=draw(st.integers(0, 2**128 - 1))).bytes)
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from([0x10, 0x10, 0x03, 0x01, 0xFF, 0x00]) | st.integers(0, 255))
        payload = draw(st.binary(max_size=400) | planted.map(str.encode))
        out += _frame(kind, payload)
    if draw(st.booleans()):
        out += draw(st.binary(max_size=20))  # a truncated or garbage tail
    return out


def test_audiosocket(fuzz_gateway: FuzzGateway) -> None:
    async def send(data: bytes) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", fuzz_gateway.audiosocket_port)
        writer.write(data)
        await writer.drain()
        try:
            async with asyncio.timeout(0.25):
                await reader.read(1 << 16)
        except TimeoutError:
            pass
        writer.close()

    @FUZZ
    @given(audiosocket_stream())
    def batch(data: bytes) -> None:
        asyncio.run(send(data))
        _count("audiosocket bytes", len(data))
        _check(fuzz_gateway, "audiosocket", None)

    batch()
    asyncio.run(_audiosocket_hang_up_while_speaking(fuzz_gateway.audiosocket_port))
    failures = [line for line in fuzz_gateway.lines if "failed" in line]
    assert 'malbeot_errors_total{code="internal_error",stage="audiosocket"}' not in fuzz_gateway.metrics(), failures[:2]
    assert fuzz_gateway.answers_a_question()


INVITE = (
    "INVITE sip:malbeot@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{port};branch=z9hG4bK{branch}\r\n"
    "From: <sip:fuzz@127.0.0.1:{port}>;tag=f\r\nTo: <sip:malbeot@127.0.0.1>\r\nCall-ID: {call_id}\r\n"
    "CSeq: {cseq} INVITE\r\nContact: <sip:fuzz@127.0.0.1:{contact_port}>\r\nContent-Type: application/sdp\r\n"
    "Content-Length: {length}\r\n\r\n{body}"
)


@st.composite
def sip_datagram(draw: st.DrawFn) -> bytes:
    if draw(st.integers(0, 4)) == 0:
        return draw(st.binary(max_size=300))
    cseq = draw(st.sampled_from(["1", "²", "9" * 5000, "-1", "99999999999"]) | planted)
    contact_port = draw(st.sampled_from(["5060", "99999", "²", "0"]) | planted)
    media_port = draw(st.sampled_from(["4000", "99999", "-5", "x"]) | planted)
    address = draw(st.sampled_from(["127.0.0.1", "fuzz.invalid", "999.1.1.1", ""]))
    pts = draw(st.sampled_from(["0", "0 101", "999", "²", "8 0"]))
    body = f"v=0\r\nc=IN IP4 {address}\r\nm=audio {media_port} RTP/AVP {pts}\r\na=rtpmap:{pts.split()[0]} PCMU/8000\r\n"
    length = draw(st.sampled_from([str(len(body.encode())), "²", "9" * 5000, "-3"]))
    text = INVITE.format(port=5061, branch=draw(st.integers(0, 10**9)), call_id=f"fuzz-{draw(st.integers(0, 10**9))}",
                         cseq=cseq, contact_port=contact_port, length=length, body=body)
    return text.encode()


def test_sip_and_rtp(fuzz_gateway: FuzzGateway) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(0.05)

    @FUZZ
    @given(st.lists(sip_datagram(), min_size=1, max_size=5))
    def batch(datagrams: list[bytes]) -> None:
        _count("sip datagrams", len(datagrams))
        for data in datagrams:
            sock.sendto(data, ("127.0.0.1", fuzz_gateway.sip_port))
        try:
            while True:
                sock.recv(1 << 16)
        except OSError:
            pass
        _check(fuzz_gateway, "sip", None)

    started = time.perf_counter()
    try:
        batch()
    finally:
        sock.close()
    print(f"\nsip batches: {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()

    async def rtp_fuzz(packets: list[bytes]) -> None:
        async with SipCaller(fuzz_gateway.sip_port) as caller:
            assert caller._ear.transport is not None
            for packet in packets:
                caller._ear.transport.sendto(packet, caller._media)
                await asyncio.sleep(0.005)

    @settings(FUZZ, max_examples=max(3, EXAMPLES // 5))  # each RTP batch is a whole SIP call
    @given(st.lists(st.binary(max_size=200) | st.builds(
        lambda pt, seq, payload: struct.pack("!BBHII", 0x80 | (seq & 0x3F), pt, seq, seq * 160, 7) + payload,
        st.integers(0, 255), st.integers(0, 65535), st.binary(max_size=200)), min_size=1, max_size=20))
    def rtp_batch(packets: list[bytes]) -> None:
        asyncio.run(rtp_fuzz(packets))
        _count("rtp packets", len(packets))
        _check(fuzz_gateway, "rtp", None)

    rtp_batch()
    print(f"rtp batches: {time.perf_counter() - started:.1f} s")
    assert 'malbeot_errors_total{code="internal_error",stage="sip"}' not in fuzz_gateway.metrics()
    assert fuzz_gateway.answers_a_question()


def test_a_call_that_cannot_be_set_up_is_counted_and_closed_1011(
    start_gateway: Callable[..., LiveGateway], tmp_path: Path
) -> None:
    """An unhandled failure (here: MALBEOT_KEEP_AUDIO_DIR names a file) is an error event, a 1011 close
    frame and a count in malbeot_errors_total{stage="call",code="internal_error"}, not a dropped socket."""
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    live = start_gateway(dataclasses.replace(GatewayConfig(port=free_port()), keep_audio_dir=not_a_dir))
    code, events = asyncio.run(_exchange(f"{live.ws_url}?tts=0", []))
    assert code == 1011 and [e["code"] for e in events] == ["internal_error"], (code, events)
    with urllib.request.urlopen(f"{live.url}/metrics", timeout=10) as response:
        assert 'malbeot_errors_total{code="internal_error",stage="call"} 1.0' in response.read().decode()
