"""Civil-service answers in Korean, said by the Korean voice (Kokoro) and heard back by whisper."""

from __future__ import annotations

from typing import Any

import pytest

from asr.metrics import cer
from dialog.civil.compose import field_sentence, overview
from dialog.civil.knowledge import CivilKnowledge
from malbeot_core.audio import resample
from tests.tts.test_kokoro import MAX_CER
from tests.tts.test_tts_backends import transcribe
from tts.ko_readout import read_out

pytestmark = pytest.mark.slow


def civil_answers() -> list[str]:
    knowledge = CivilKnowledge.sample()
    cert, passport, waste = (knowledge.get(i) for i in ("CIVIL-RESIDENT-CERT", "CIVIL-PASSPORT", "CIVIL-BULKY-WASTE"))
    return [
        overview(cert, "ko"),
        field_sentence(cert, "fee", "ko"),
        field_sentence(cert, "hours", "ko"),
        field_sentence(passport, "bring", "ko"),
        field_sentence(waste, "online", "ko"),
    ]


def test_civil_answers_are_heard_back_in_korean(kokoro_voice: Any, whisper: Any) -> None:
    texts = civil_answers()
    said = " ".join(texts)
    pcm = b"".join(kokoro_voice.synthesize(said, "ko"))
    heard = transcribe(whisper, resample(pcm, kokoro_voice.sample_rate, 16000), "ko")
    assert cer(read_out(said), read_out(heard)) < MAX_CER, heard
