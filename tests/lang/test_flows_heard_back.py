"""Checks, applications and facility answers in Chinese, Vietnamese and Japanese, **heard back**.

A typed call over ``/v1/call`` drives each conversation with the real dialog (multilingual-e5
retrieval over the sample catalogue, a real records database): an eligibility check to its verdict,
an application to its summary and receipt, a facility question to the nearest place, and a second
check to the read-back of a monthly income. The replies a caller must hear are spoken by the
gateway with its real voices (Kokoro: ``jf_alpha`` for ja and zh, ``jm_kumo`` for vi, see
docs/voices.md), and the reply audio is transcribed by the packaged faster-whisper base with the
language forced. What is asserted is what the caller must take away — the verdict, the amount, the
phone number's tail, the receipt's digits, the kind of place and its distance — in the normal form
of ``hearing.py``, plus a ceiling on the character error rate of each part.

Only the replies that are heard are synthesised (``config`` ``tts`` on for that turn, off again),
so the file stays within a few minutes on two cores. The receipt is made deterministic (a fixed
clock and draw), so a known failure is the same failure every run: those are ``xfail(strict=True)``
with what was heard, never a weakened assert. Figures: ``MALBEOT_HEARD_BACK_REPORT=path`` writes
every part's reference, transcript and CER as JSON (docs/languages.md, "Heard back").
"""

from __future__ import annotations

import json
import os
import types
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from starlette.testclient import WebSocketTestSession

import records.applications
from dialog.facilities import FacilityDirectory
from dialog.manager import DialogManager
from dialog.templates import flows
from records.config import RecordsConfig
from records.hub import RecordsHub
from translate.identity import IdentityTranslator
from voice_gateway.app import create_app
from voice_gateway.config import GatewayConfig
from voice_gateway.services import Services

from .hearing import cer, digit_run, normal
from .test_typed_flows import CALLERS, asked_attribute, asked_field

pytestmark = pytest.mark.slow

LANGUAGES = ("zh", "vi", "ja")
PARTS = ("verdict", "amount", "phone_tail", "receipt", "facility")
ASR_RATE = 16_000
MAX_CLIP_SECONDS = 24.0
#: the receipt every application gets here: a fixed day and draw (a zero in it, as the day has)
RECEIPT_DAY = datetime(2026, 12, 5, 3, 0, tzinfo=UTC)
RECEIPT_DRAW = 304718

#: a check whose programmes ask for the household's income (the amount is read back)
INCOME_OPENING = {"zh": "我能领住房补助吗？", "vi": "Tôi có được nhận trợ cấp nhà ở không?",
                  "ja": "私は住居給付をもらえますか？"}

#: what the caller must hear, per language and part, written as Malbeot says it (normalised as the
#: transcript is: ``hearing.normal``); digits of the phone tail and receipt are checked separately
MUST_HEAR: dict[str, dict[str, tuple[str, ...]]] = {
    "zh": {"verdict": ("基础养老金", "很可能可以领取", "65岁以上"),
           "amount": ("150万韩元",),
           "phone_tail": ("尾号",),
           "receipt": ("受理编号",),
           "facility": ("行政福利中心", "100米")},
    "vi": {"verdict": ("lương hưu cơ bản", "nhiều khả năng nhận được", "từ 65 tuổi trở lên"),
           "amount": ("một triệu năm trăm nghìn won",),
           "phone_tail": ("bốn số cuối",),
           "receipt": ("số biên nhận",),
           "facility": ("trung tâm hành chính phúc lợi", "một trăm mét")},
    "ja": {"verdict": ("基礎年金", "可能性が高い", "65歳以上"),
           "amount": ("150万ウォン",),
           "phone_tail": ("末尾",),
           "receipt": ("受付番号",),
           "facility": ("行政福祉センター", "100メートル")},
}

#: the highest CER a part may have (measured figures in docs/languages.md; Vietnamese compared
#: without tones, which its voice does not speak)
MAX_CER = {"zh": 0.35, "vi": 0.35, "ja": 0.25}


@dataclass
class Reply:
    """One spoken reply: its answer event, the sentences the voice was given, their audio (16 kHz)."""

    answer: dict[str, Any]
    sentences: list[str] = field(default_factory=list)
    audio: list[bytearray] = field(default_factory=list)
    heard: str = ""

    @property
    def said(self) -> str:
        return " ".join(self.sentences)


@dataclass
class Heard:
    language: str
    parts: dict[str, list[Reply]] = field(default_factory=dict)
    receipt: str = ""

    def said(self, part: str) -> str:
        return " ".join(r.said for r in self.parts[part])

    def heard(self, part: str) -> str:
        return " ".join(r.heard for r in self.parts[part])


class Call:
    """A typed call; ``say(text, spoken=True)`` hears that one reply with the gateway's voice."""

    def __init__(self, ws: WebSocketTestSession) -> None:
        self.ws = ws
        assert ws.receive_json()["type"] == "ready"

    def _configure(self, tts: bool) -> None:
        self.ws.send_json({"type": "config", "tts": tts})
        while (event := self.ws.receive_json())["type"] != "config":
            assert event["type"] != "error", event

    def say(self, text: str, spoken: bool = False) -> Reply:
        if spoken:
            self._configure(True)
        self.ws.send_json({"type": "text", "text": text})
        reply: Reply | None = None
        while True:
            message = self.ws.receive()
            if message.get("bytes") is not None:
                assert reply is not None and reply.audio, "audio before audio_start"
                reply.audio[-1] += message["bytes"]
                continue
            event = json.loads(message["text"])
            assert event["type"] != "error", event
            if event["type"] == "answer":
                reply = Reply(event)
                if not spoken:
                    return reply
            elif event["type"] == "audio_start":
                assert reply is not None and event["rate"] == ASR_RATE and event["encoding"] == "pcm16", event
                reply.sentences.append(event["sentence"])
                reply.audio.append(bytearray())
            elif event["type"] == "audio_end":
                assert reply is not None and reply.sentences, event
                self._configure(False)
                return reply


def converse(client: TestClient, language: str) -> Heard:
    """The two calls of one language; the replies to be heard are spoken by the gateway."""
    caller = CALLERS[language]
    out = Heard(language)
    with client.websocket_connect("/v1/call?language=auto&tts=0&reply_rate=16000") as ws:
        call = Call(ws)
        answer = call.say(caller["opening"]).answer
        assert answer["intent"] == "eligibility_consent", answer
        reply = call.say(caller["yes"])
        for _ in range(8):
            if reply.answer["intent"] != "eligibility_question":
                break
            attribute = asked_attribute(reply.answer["text"], language)
            said = caller["answers"].get(attribute, caller["answers"]["other"])
            # which answer ends the check is known only afterwards: every answer's reply is spoken
            # (the pension check asks one question after this opening, so only the verdict is)
            reply = call.say(said, spoken=True)
        assert reply.answer["intent"] == "eligibility_advice", reply.answer
        assert reply.sentences, "the verdict was not spoken"
        out.parts["verdict"] = [reply]

        reply = call.say(caller["yes"])
        for _ in range(12):
            intent = reply.answer["intent"]
            if intent == "application_field":
                reply = call.say(caller["fields"][asked_field(reply.answer["text"], language)])
            elif intent == "application_confirm":
                reply = call.say(caller["yes"], spoken=_last_field(reply, language))
            else:
                break
        assert reply.answer["intent"] == "application_summary" and reply.sentences, reply.answer
        out.parts["phone_tail"] = [reply]
        reply = call.say(caller["submit"], spoken=True)
        assert reply.answer["intent"] == "application_submitted", reply.answer
        out.receipt = reply.answer["receipt"]
        out.parts["receipt"] = [reply]

        assert call.say(caller["facility"]).answer["intent"] == "facility_where"
        reply = call.say(caller["dong"], spoken=True)
        assert reply.answer["intent"] == "facility", reply.answer
        out.parts["facility"] = [reply]
        ws.send_json({"type": "stop"})

    with client.websocket_connect("/v1/call?language=auto&tts=0&reply_rate=16000") as ws:
        call = Call(ws)
        assert call.say(INCOME_OPENING[language]).answer["intent"] == "eligibility_consent"
        reply = call.say(caller["yes"])
        for _ in range(8):
            assert reply.answer["intent"] == "eligibility_question", reply.answer
            attribute = asked_attribute(reply.answer["text"], language)
            if attribute == "income":
                break
            reply = call.say(caller["answers"].get(attribute, caller["answers"]["other"]))
        reply = call.say(caller["answers"]["income"], spoken=True)  # "I noted: 1.5 million won a month"
        out.parts["amount"] = [reply]
        ws.send_json({"type": "stop"})
    return out


def _last_field(confirm: Reply, language: str) -> bool:
    """The confirmation of the last field (the account) is followed by the summary: speak it."""
    return str(confirm.answer["text"]).startswith(flows.FIELDS["account"][language][0])


def clips(reply: Reply) -> Iterator[bytes]:
    """A reply's sentences joined into clips of at most MAX_CLIP_SECONDS (0.3 s apart) for whisper."""
    gap = bytes(2 * ASR_RATE * 3 // 10)
    clip = b""
    for pcm in reply.audio:
        if clip and (len(clip) + len(gap) + len(pcm)) / (2 * ASR_RATE) > MAX_CLIP_SECONDS:
            yield clip
            clip = b""
        clip = clip + gap + bytes(pcm) if clip else bytes(pcm)
    if clip:
        yield clip


@pytest.fixture(scope="module")
def voiced(real_dialog: DialogManager, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """The real voices and whisper (loaded once for the module), the real dialog with a records
    database and the sample facilities; receipts drawn from a fixed day and number."""
    hub = RecordsHub(RecordsConfig.at(tmp_path_factory.mktemp("records")))
    hub.applications.clock = lambda: RECEIPT_DAY
    dialog = DialogManager(real_dialog.retriever, applications=hub.sink(), facilities=FacilityDirectory.sample(),
                           today=lambda: date(2026, 12, 5))
    services = Services(GatewayConfig(preload=False))
    services.__dict__.update(dialog=dialog, retriever=dialog.retriever, translator=IdentityTranslator())
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(records.applications, "secrets", types.SimpleNamespace(randbelow=lambda n: RECEIPT_DRAW % n))
        yield services
    hub.close()


@pytest.fixture(scope="module")
def heard_back(voiced: Services) -> Iterator[dict[str, Heard]]:
    """Per language, on first use: the conversations, their spoken replies heard back by whisper."""
    class Lazy(dict[str, Heard]):
        def __missing__(self, language: str) -> Heard:
            with TestClient(create_app(voiced.config, voiced)) as client:
                heard = converse(client, language)
            for replies in heard.parts.values():
                for reply in replies:
                    reply.heard = " ".join(
                        voiced.transcriber.transcribe(clip, language).text
                        for clip in clips(reply)
                    )
            self[language] = heard
            return heard

    cache = Lazy()
    yield cache
    report = os.environ.get("MALBEOT_HEARD_BACK_REPORT")
    if report:
        rows = [{"language": lang, "part": part, "said": h.said(part), "heard": h.heard(part),
                 "cer": round(cer(h.said(part), h.heard(part), lang), 3),
                 "cer_toneless": round(cer(h.said(part), h.heard(part), lang, tones=False), 3)}
                for lang, h in cache.items() for part in PARTS]
        Path(report).write_text(json.dumps(rows, ensure_ascii=False, indent=1))


def _known(language: str, part: str, reason: str) -> Any:
    return pytest.param(language, part, marks=pytest.mark.xfail(strict=True, reason=reason))


#: parts that are reproducibly not heard (what whisper wrote instead), filled in from measurement
KNOWN_NOT_HEARD: dict[tuple[str, str], str] = {}

CASES = [_known(lang, part, KNOWN_NOT_HEARD[lang, part]) if (lang, part) in KNOWN_NOT_HEARD else (lang, part)
         for lang in LANGUAGES for part in PARTS]


@pytest.mark.parametrize(("language", "part"), CASES)
def test_flow_reply_is_heard_back(heard_back: dict[str, Heard], language: str, part: str) -> None:
    heard = heard_back[language]
    said, transcript = heard.said(part), heard.heard(part)
    tones = language != "vi"
    rate = cer(said, transcript, language, tones=tones)
    print(f"{language} {part}: CER {rate:.3f}\n  said:  {said}\n  heard: {transcript}")
    heard_form = normal(transcript, language, tones=tones)
    for words in MUST_HEAR[language][part]:
        assert normal(words, language, tones=tones) in heard_form, (words, transcript)
    if part == "phone_tail":
        assert "5678" in digit_run(transcript, language), transcript
    if part == "receipt":
        digits = "".join(ch for ch in heard.receipt if ch.isdigit())
        assert digits in digit_run(transcript, language), (heard.receipt, transcript)
    assert rate <= MAX_CER[language], (rate, said, transcript)
