"""A civil question spoken in Korean, end to end: the Korean voice says it over the call websocket, real
ASR hears it, the one search answers with the civil entry (never a benefit), and the spoken reply is
heard back by the ASR."""

from __future__ import annotations

import pytest

from kiosk_client.client import stream_call
from voice_gateway.services import Services

from .conftest import LiveGateway
from .test_spoken_turn import assert_turn_order, reply_text, silence, synthesize

pytestmark = pytest.mark.slow


async def test_korean_passport_question_gets_a_spoken_civil_answer(
    gateway: LiveGateway, real_services: Services
) -> None:
    # Kokoro's Korean is a Japanese voice reading IPA, and whisper's hearing of it changes with the
    # CPU: "여권 발급은 어디서 해요?" was heard "여곤, 빨갈빼불내드, 사회요." by CI (2026-12-07) and "여권"
    # here. This wording was heard with 여권 in all 15 tries here: rates 1.0/0.9/0.8, each as made,
    # with 3 LSB of dither (3 seeds) and at 0.9 gain (the other wordings tried flip to 야권/요건)
    question = "여권 신청은 어디서 하나요?"
    pcm = silence(0.5) + synthesize(real_services, question, "ko") + silence(1.0)
    # the call's language is Korean, as on a Korean line: Kokoro's Korean (a Japanese voice reading
    # Korean IPA) was once detected as Japanese by whisper ("よくは爆撃の状態です。", CI 2026-12-06);
    # detection on real Korean speech is tested with the recordings in ../shared/data
    result = await stream_call(gateway.ws_url + "?language=ko", pcm, 16000, pace=2.0, timeout=360)

    assert_turn_order(result)
    final = result.of_type("final_transcript")[0]
    assert final["language"] == "ko" and "여권" in final["text"], final
    answer = result.of_type("answer")[0]
    assert answer["intent"] == "civil_service", answer
    assert answer["programmes"][0]["id"] == "CIVIL-PASSPORT"
    assert all(p["id"].startswith("CIVIL-") for p in answer["programmes"])
    heard = reply_text(real_services, result)
    assert "여권" in heard, heard
