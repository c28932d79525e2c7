"""``kiosk_client live`` on the real gateway and the real models, through a fake room (``RecordedRoom``):
a microphone that plays a real Korean recording (the Kokoro voice) and hears the kiosk's own speaker
back (echo), and a speaker whose output is kept and heard back by whisper."""

from __future__ import annotations

import asyncio
import dataclasses
import functools
from collections.abc import Callable, Iterator

import numpy as np
import pytest

from asr.vad import WebRtcVad
from kiosk_client.config import KioskConfig
from kiosk_client.gate import SpeechGate
from kiosk_client.live import CONNECTED, LOST, RECONNECTED, LiveKiosk
from malbeot_core.audio import resample
from tests.kiosk.recorded_room import RecordedRoom
from voice_gateway.config import GatewayConfig
from voice_gateway.embedded import LiveGateway, free_port, serve
from voice_gateway.services import Services

pytestmark = pytest.mark.slow

KOREAN_QUESTION = "기초연금 받을 수 있나요?"


@functools.cache
def korean_question() -> bytes:
    """The question said by the project's Korean voice (Kokoro), 16 kHz 16-bit mono."""
    from tts.kokoro import KokoroSynthesizer

    voice = KokoroSynthesizer()
    return resample(b"".join(voice.synthesize(KOREAN_QUESTION, "ko")), voice.sample_rate, 16000)


def silence(seconds: float) -> bytes:
    return b"\x00" * (round(seconds * 16000) * 2)


async def until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.1)


def kiosk_for(gateway_port: int, room: RecordedRoom, lines: list[str]) -> LiveKiosk:
    config = KioskConfig(gateway=f"http://127.0.0.1:{gateway_port}", kiosk="test-1", language="ko")
    return LiveKiosk(config, room, say=lines.append, backoff=(0.2, 0.5, 1.0))


def answered(kiosk: LiveKiosk, room: RecordedRoom, n: int) -> Callable[[], bool]:
    """The n-th answer has come, its audio has all arrived (audio_end) and been played."""
    def check() -> bool:
        ends = [e for e in kiosk.state.events if e.get("type") == "audio_end"]
        return len(ends) >= n and not room.playing()
    return check


@pytest.fixture
def gateway(real_services: Services) -> Iterator[LiveGateway]:
    yield from serve(GatewayConfig(port=free_port()), real_services)


def test_a_spoken_korean_question_is_answered_on_the_speaker_and_its_echo_is_not_a_question(
    gateway: LiveGateway, real_services: Services
) -> None:
    room = RecordedRoom(echo_gain=0.7, echo_delay=0.12)
    room.say(silence(1.0) + korean_question())
    lines: list[str] = []
    kiosk = kiosk_for(gateway.config.port, room, lines)

    async def scenario() -> None:
        stop = asyncio.Event()
        task = asyncio.create_task(kiosk.run(stop))
        try:
            await until(answered(kiosk, room, 1), 240, "the answer to be played")
            await asyncio.sleep(5.0)  # the echo's tail and anything it could have started
        finally:
            stop.set()
            await asyncio.wait_for(task, 15)

    asyncio.run(scenario())
    print(f"\nlines: {lines}")
    assert lines[0] == CONNECTED
    turns = kiosk.state.turns
    assert len(turns) == 1, turns  # the reply coming back through the microphone was no second question
    assert turns[0].language == "ko" and "기초연금" in turns[0].question.replace(" ", "")
    assert "기초연금" in turns[0].answer
    assert not [e for e in kiosk.state.events if e.get("type") in ("speech_started", "barge_in")][1:]
    # the reply was played and it did come back into the microphone, loud, while the gate was closed
    played = bytes(room.speaker)
    assert len(played) / 32000 > 1.5 and turns[0].reply_seconds > 1.5
    assert room.echo_heard > 1.0 and kiosk.gate.stats.frames_muted * 0.02 >= room.echo_heard
    # control: the same microphone audio through a gate that is not told the speaker plays would have
    # sent the echo as a question
    ungated = SpeechGate(WebRtcVad(2), kiosk.config.audio)
    heard_mic = bytes(room.heard)
    for i in range(0, len(heard_mic) - 639, 640):
        ungated.push(heard_mic[i : i + 640])
    assert ungated.stats.turns >= 2, ungated.stats  # the question, and the echo of the answer
    sent_seconds = kiosk.gate.stats.frames_sent * 0.02
    question_seconds = len(korean_question()) / 32000
    assert question_seconds <= sent_seconds <= question_seconds + 0.3 + 1.5 + 0.5  # speech + pre-roll + tail only
    heard = real_services.transcriber.transcribe(played, "ko")
    print(f"heard back: {heard.text!r}")
    assert "기초연금" in heard.text.replace(" ", "")
    level = np.abs(np.frombuffer(played, "<i2").astype(np.int32)).mean()
    assert level > 300


def test_the_kiosk_reconnects_through_a_gateway_restart(real_services: Services) -> None:
    port = free_port()
    config = GatewayConfig(port=port)
    room = RecordedRoom(echo_gain=0.7)
    room.say(silence(0.5) + korean_question())
    lines: list[str] = []
    kiosk = kiosk_for(port, room, lines)
    first = serve(config, real_services)
    next(first)

    async def scenario() -> None:
        stop = asyncio.Event()
        task = asyncio.create_task(kiosk.run(stop))
        try:
            await until(answered(kiosk, room, 1), 240, "the first answer")
            await asyncio.to_thread(first.close)  # the gateway goes down mid-session
            await until(lambda: kiosk.state.losses == 1, 30, "the kiosk to notice")
            await asyncio.sleep(2.0)  # a few refused reconnection attempts
            second = serve(dataclasses.replace(config), real_services)
            await asyncio.to_thread(next, second)
            try:
                await until(lambda: kiosk.state.connections == 2, 30, "the kiosk to reconnect")
                room.say(silence(0.5) + korean_question())
                await until(answered(kiosk, room, 2), 240, "the answer after the restart")
            finally:
                stop.set()
                await asyncio.wait_for(task, 15)
                await asyncio.to_thread(second.close)
        finally:
            stop.set()
            await asyncio.wait_for(task, 15)

    asyncio.run(scenario())
    print(f"\nlines: {lines}")
    assert lines[:4] == [CONNECTED, lines[1], lines[2], LOST] and lines[4] == RECONNECTED
    assert lines.count(LOST) == 1 and lines.count(RECONNECTED) == 1  # said once, not once per attempt
    answers = [t.answer for t in kiosk.state.turns if t.answer]
    assert len(answers) == 2 and all("기초연금" in a for a in answers)
