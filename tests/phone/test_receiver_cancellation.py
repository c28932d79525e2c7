"""A phone call's receiver must stop when the call cancels it, even while the carrier keeps sending.

When a call ends (hand-off, goodbye), :meth:`Conversation.run` cancels the receiver and waits for
it before the line is hung up. A carrier sends audio every 20 ms until it is hung up on, so a read
with a timeout is often just completing when that cancel arrives. ``asyncio.wait_for`` (Python
3.11) returns the finished read in that case and drops the cancel: the receiver goes on reading,
the call is never hung up, and the carrier only stops when it gives up itself.

Each case starts a receive loop on a carrier that has a new message ready at every event-loop
step, lets it run a given number of steps, cancels it, and checks that it stopped because it was
cancelled, for every step count across several messages (so the cancel lands at every point of a
read). No models, no clocks.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from voice_gateway.channels.audiosocket import read_message
from voice_gateway.channels.audiosocket_codec import KIND_SLIN, frame
from voice_gateway.channels.rtp import RtpPacket
from voice_gateway.channels.sip_media import next_packet
from voice_gateway.channels.twilio import _receive_text

#: event-loop steps to try before cancelling (each message read takes a few)
STEPS = 60
#: messages available to the receiver: more than it can read in STEPS steps
MESSAGES = 100


async def cancel_after_each_step(receive_loop: Callable[[], Coroutine[Any, Any, None]]) -> list[BaseException]:
    """Start ``receive_loop`` afresh for each step count, cancel it after that many steps; what ended each."""
    endings: list[BaseException] = []
    for steps in range(STEPS):
        task = asyncio.create_task(receive_loop())
        for _ in range(steps):
            await asyncio.sleep(0)
        task.cancel()
        (ending,) = await asyncio.gather(task, return_exceptions=True)
        endings.append(ending)
    return endings


async def test_audiosocket_receiver_stops_when_cancelled_mid_read() -> None:
    async def peer(reader: asyncio.StreamReader) -> None:
        """An Asterisk peer sending a 20 ms audio frame at every loop step, then hanging up."""
        for _ in range(MESSAGES):
            reader.feed_data(frame(KIND_SLIN, b"\x00" * 320))
            await asyncio.sleep(0)
        reader.feed_eof()

    async def receive_loop() -> None:
        reader = asyncio.StreamReader()
        sending = asyncio.create_task(peer(reader))
        try:
            while True:  # as AudioSocketReceiver.run reads
                await read_message(reader, timeout=30)
        finally:
            sending.cancel()

    endings = await cancel_after_each_step(receive_loop)
    wrong = {steps: repr(e) for steps, e in enumerate(endings) if not isinstance(e, asyncio.CancelledError)}
    assert not wrong, f"the receiver did not stop when cancelled (cancel after N steps → ending): {wrong}"


class CarrierSocket:
    """The part of Starlette's WebSocket the Twilio receiver uses: ``receive()``, here a carrier whose
    next media message arrives one loop step later, until it disconnects."""

    def __init__(self, messages: int) -> None:
        self.left = messages

    async def receive(self) -> dict[str, Any]:
        await asyncio.sleep(0)
        if self.left == 0:
            return {"type": "websocket.disconnect", "code": 1000}
        self.left -= 1
        return {"type": "websocket.receive", "text": '{"event":"media","media":{"payload":""}}'}


async def test_twilio_receiver_stops_when_cancelled_mid_read() -> None:
    async def receive_loop() -> None:
        ws = CarrierSocket(MESSAGES)
        while True:  # as TwilioReceiver.run reads
            await _receive_text(ws, timeout=30)  # type: ignore[arg-type]

    endings = await cancel_after_each_step(receive_loop)
    wrong = {steps: repr(e) for steps, e in enumerate(endings) if not isinstance(e, asyncio.CancelledError)}
    assert not wrong, f"the receiver did not stop when cancelled (cancel after N steps → ending): {wrong}"


async def test_sip_receiver_stops_when_cancelled_mid_read() -> None:
    async def receive_loop() -> None:
        queue: asyncio.Queue[RtpPacket] = asyncio.Queue()

        async def network() -> None:  # a packet lands at every event-loop step, as RTP does under load
            for n in range(MESSAGES):
                queue.put_nowait(RtpPacket(0, n, n * 160, 1, b"\xff" * 160))
                await asyncio.sleep(0)

        sender = asyncio.create_task(network())
        try:
            while await next_packet(queue, gap=0.5) is not None:  # as SipReceiver._media reads
                pass  # (the gap ends this loop only when a cancel was lost)
        finally:
            sender.cancel()

    endings = await cancel_after_each_step(receive_loop)
    wrong = {steps: repr(e) for steps, e in enumerate(endings) if not isinstance(e, asyncio.CancelledError)}
    assert not wrong, f"the receiver did not stop when cancelled (cancel after N steps → ending): {wrong}"
