"""Bad input from carriers: each broken call ends cleanly or goes on, and other calls are unaffected."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import uuid
from collections.abc import Callable

import websockets

from phone_peers.twilio_carrier import TwilioCarrier

from .audiosocket_client import DTMF, SLIN, AsteriskPeer, message
from .conftest import PhoneGateway


async def test_twilio_garbage_is_skipped_and_the_call_goes_on(phone_gateway: Callable[..., PhoneGateway]) -> None:
    gw = phone_gateway(notice=False)
    async with TwilioCarrier(gw.twilio_url, call_sid="CA" + "7" * 32) as carrier:
        await carrier.ws.send("this is not json")
        await carrier.ws.send(json.dumps([1, 2, 3]))
        await carrier.ws.send(b"\x01\x02binary")
        await carrier.send({"event": "media", "streamSid": carrier.stream_sid,
                            "media": {"track": "inbound", "chunk": "1", "timestamp": "20", "payload": "%%%not base64"}})
        await carrier.send({"event": "media", "streamSid": carrier.stream_sid, "media": {"chunk": "2"}})
        await carrier.send({"event": "dtmf", "streamSid": carrier.stream_sid, "dtmf": {"digit": "12"}})
        await carrier.send({"event": "mark", "streamSid": carrier.stream_sid, "mark": {"name": "never-sent"}})
        await carrier.send({"event": "something-new", "streamSid": carrier.stream_sid})
        await carrier.silence(0.3)
        # still alive: keypad 0 gets the hand-off sentence, then the stream ends
        await carrier.dtmf("0")
        assert await carrier.silence_until(lambda: carrier.heard.closed_at is not None, 60)
        assert carrier.heard.media and carrier.heard.close_code == 1000


async def test_twilio_without_stop_is_closed_after_the_idle_timeout(
    phone_gateway: Callable[..., PhoneGateway],
) -> None:
    gw = phone_gateway(notice=False, gateway={"idle_timeout": 1.5})
    async with TwilioCarrier(gw.twilio_url) as carrier:
        await carrier.silence(0.2)  # then the carrier goes quiet without ever sending "stop"
        await asyncio.sleep(4)
        assert carrier.heard.closed_at is not None and carrier.heard.close_code == 1000


async def test_twilio_stop_and_unsupported_format(phone_gateway: Callable[..., PhoneGateway]) -> None:
    gw = phone_gateway(notice=False)
    async with TwilioCarrier(gw.twilio_url) as carrier:
        await carrier.silence(0.2)
        await carrier.stop()
        await asyncio.sleep(1)
        assert carrier.heard.closed_at is not None
    async with websockets.connect(gw.twilio_url) as ws:
        await ws.send(json.dumps({"event": "connected", "protocol": "Call", "version": "1.0.0"}))
        await ws.send(json.dumps({"event": "start", "sequenceNumber": "1", "streamSid": "MZ1", "start": {
            "streamSid": "MZ1", "callSid": "CA1", "accountSid": "AC1", "tracks": ["inbound"],
            "mediaFormat": {"encoding": "audio/x-l16", "sampleRate": 16000, "channels": 1}}}))
        with contextlib.suppress(websockets.ConnectionClosed):
            await asyncio.wait_for(ws.recv(), 5)
    assert ws.close_code == 1003


async def test_audiosocket_bad_frames(phone_gateway: Callable[..., PhoneGateway]) -> None:
    gw = phone_gateway(notice=False)
    good = await AsteriskPeer(gw.audiosocket_port).connect()  # a call in progress the whole time
    try:
        # 1. no UUID first: refused with a hang-up
        peer = await AsteriskPeer(gw.audiosocket_port).connect(send_uuid=False)
        await peer.raw(message(SLIN, b"\x00" * 320))
        await asyncio.sleep(0.5)
        assert peer.got.hangup_at is not None
        await peer.close()
        # 2. unknown kinds, odd-length audio, a two-byte DTMF: skipped, the call goes on
        peer = await AsteriskPeer(gw.audiosocket_port, uuid.uuid4()).connect()
        await peer.raw(message(0x42, b"??") + message(SLIN, b"\x00" * 321) + message(DTMF, b"12"))
        await peer.speak(b"\x00" * 3200)
        assert peer.got.closed_at is None
        # 3. a truncated frame, then the peer vanishes: the call ends
        await peer.raw(bytes([SLIN]) + (320).to_bytes(2, "big") + b"\x00" * 10)
        assert peer.writer is not None
        peer.writer.close()
        await peer.close()
        # 4. an error frame from Asterisk ends that call
        peer = await AsteriskPeer(gw.audiosocket_port).connect()
        await peer.raw(message(0xFF, b"\x01"))
        assert await peer.silence_until(lambda: peer.got.closed_at is not None, 5)
        await peer.close()
        # the call that was running all along still works: keypad 0 → hand-off → hang-up frame
        await good.speak(b"\x00" * 1600)
        await good.raw(message(DTMF, b"0"))
        assert await good.silence_until(lambda: good.got.hangup_at is not None, 60)
        assert good.got.audio
    finally:
        await good.close()


async def test_audiosocket_silence_prompts_then_goodbye(phone_gateway: Callable[..., PhoneGateway]) -> None:
    gw = phone_gateway(notice=False, silence_seconds=1.0)
    peer = await AsteriskPeer(gw.audiosocket_port).connect()
    try:
        assert await peer.silence_until(lambda: peer.got.hangup_at is not None, 60), "silent call never ended"
        # two spoken prompts ("are you still there?", then goodbye), separated by a quiet gap
        times = [at for at, _ in peer.got.audio]
        gaps = [b - a for a, b in itertools.pairwise(times) if b - a > 0.5]
        assert len(gaps) == 1, gaps
    finally:
        await peer.close()
