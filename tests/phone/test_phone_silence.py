"""A caller who says nothing: the phone line asks once whether they are still there, then says
goodbye and hangs up. The line's silence limit (not the websocket's ``no_input_seconds``) is its
segmenter's no-input limit, counted from when the notice or question has played out. In Korean,
heard back."""

from __future__ import annotations

import time
from collections.abc import Callable

from malbeot_core.audio import mulaw_to_pcm16, resample
from phone_peers.twilio_carrier import TwilioCarrier
from voice_gateway.services import Services

from .conftest import PhoneGateway


async def test_a_silent_caller_is_asked_once_then_the_call_ends(
    phone_gateway: Callable[..., PhoneGateway], real_services: Services
) -> None:
    # the websocket's no-input limit 0.4 s, the phone line's 1.5 s: the line's own limit applies
    gw = phone_gateway(notice=False, language="ko", silence_seconds=1.5,
                       gateway={"no_input_seconds": 0.4, "idle_timeout": 120})
    async with TwilioCarrier(gw.twilio_url, call_sid="CA" + "5" * 32, custom={"language": "ko"}) as carrier:
        started = time.perf_counter()
        closed = await carrier.silence_until(lambda: carrier.heard.closed_at is not None, 90)
        assert closed, "a silent caller was never asked or let go"
    assert carrier.heard.marks_received == ["reply-1", "reply-2"], "one question, one goodbye"
    first_played = carrier.heard.marks[0][0]
    assert carrier.heard.media[0][0] - started >= 1.5, "the question came only after the silence limit"
    assert carrier.heard.close_code == 1000
    question = mulaw_to_pcm16(b"".join(data for at, data in carrier.heard.media if at <= first_played))
    heard = real_services.transcriber.transcribe(resample(question, 8000, 16000), "ko", ("ko",)).text
    print(f"question heard as: {heard!r}")
    assert "통화" in heard or "0번" in heard or "영번" in heard or "상담" in heard, heard
