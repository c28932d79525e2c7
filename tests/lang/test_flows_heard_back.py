"""Checks, applications and facility answers in Chinese, Vietnamese and Japanese, **heard back**.

A typed call over ``/v1/call`` drives each conversation with the real dialog (multilingual-e5
retrieval over the sample catalogue, a real records database): an eligibility check to its verdict,
an application to its summary and receipt, a facility question to the nearest place, and a second
check to the read-back of a monthly income. The replies a caller must hear are spoken by the
gateway with its real voices (Kokoro: ``jf_alpha`` for ja and zh, ``jm_kumo`` for vi, see
docs/voices.md), and the reply audio is transcribed by the packaged faster-whisper base with the
language forced. What is asserted is what the caller must take away — the verdict, the amount, the
phone number's tail, the receipt's digits, the kind of place and its distance — in the normal form
of ``asr/heard_forms.py``, plus a ceiling on the character error rate of each part.

Only the replies that are heard are synthesised (``config`` ``tts`` on for that turn, off again),
so the file stays within a few minutes on two cores. The receipt is made deterministic (a fixed
clock and draw) and whisper decodes greedily, so one machine hears the same every run. Another CPU
does not: Kokoro's and whisper's arithmetic differ slightly between CPUs, and a word on the edge is
heard on one machine and not on the next (CI 2026-12-07 against the 2026-12-06 figures). So each
item's mark comes from every hearing measured — two machines and, on the second, the audio as made,
with 3 LSB of dither (three seeds) and at 0.9 gain: an item heard in all of them is asserted; one
heard in none is ``NOT_HEARD`` and one heard in some is ``UNSTEADY``, both ``xfail`` (not strict: a
machine may hear it) with what was heard in the reason; a CER ceiling per part is the highest CER
measured plus 0.05. Figures: ``MALBEOT_HEARD_BACK_REPORT=path`` writes every part's reference,
transcript and CER as JSON (docs/languages.md, "Heard back").
"""

from __future__ import annotations

import json
import os
import types
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from fastapi.testclient import TestClient
from starlette.testclient import WebSocketTestSession

import records.applications
from asr.heard_forms import cer, digit_run, normal, unlooped
from dialog.manager import DialogManager
from dialog.places.facilities import FacilityDirectory
from dialog.templates import flows
from records.config import RecordsConfig
from records.hub import RecordsHub
from translate.identity import IdentityTranslator
from voice_gateway.app import create_app
from voice_gateway.config import GatewayConfig
from voice_gateway.services import Services

if TYPE_CHECKING:
    from asr.protocol import Transcriber
    from dialog.retrieval.hybrid import HybridRetriever

from .test_typed_flows import CALLERS, asked_attribute, asked_field

pytestmark = pytest.mark.slow

LANGUAGES = ("zh", "vi", "ja")
PARTS = ("verdict", "amount", "phone_tail", "receipt", "facility")
ASR_RATE = 16_000
MAX_CLIP_SECONDS = 24.0
#: the day receipts are dated (their random part: RECEIPT_DRAWS)
RECEIPT_DAY = datetime(2026, 12, 5, 3, 0, tzinfo=UTC)

#: a check whose programmes ask for the household's income (the amount is read back)
INCOME_OPENING = {"zh": "我能领住房补助吗？", "vi": "Tôi có được nhận trợ cấp nhà ở không?",
                  "ja": "私は住居給付をもらえますか？"}

#: what the caller must hear, per language and part, written as Malbeot says it and compared in the
#: normal form of ``asr.heard_forms.normal`` (Vietnamese without tones); "a|b": either spelling
#: ("受付番号" is as often written "受け付け番号"). "#5678": these digits, in order, among the digits
#: heard (the phone number's tail, the emergency number); "#receipt": the receipt's twelve digits.
MUST_HEAR: dict[str, dict[str, tuple[str, ...]]] = {
    "zh": {"verdict": ("基础养老金", "可以领取", "符合", "65岁以上"),
           "amount": ("150万韩元",),
           "phone_tail": ("尾号", "#5678"),
           "receipt": ("受理编号", "#receipt"),
           "facility": ("行政福利中心", "100米", "#119")},
    "vi": {"verdict": ("lương hưu cơ bản", "nhiều khả năng nhận được", "từ 65 tuổi trở lên"),
           "amount": ("một triệu năm trăm nghìn won",),
           "phone_tail": ("bốn số cuối", "#5678"),
           "receipt": ("số biên nhận", "#receipt"),
           "facility": ("trung tâm hành chính phúc lợi", "một trăm mét", "#119")},
    "ja": {"verdict": ("基礎年金", "可能性が高い", "65歳以上"),
           "amount": ("150万ウォン",),
           "phone_tail": ("末尾", "#5678"),
           "receipt": ("受付番号|受け付け番号", "#receipt"),
           "facility": ("行政福祉センター", "100メートル", "#119")},
}

#: the receipt's random part per language (a zero in each; the day is fixed too): the same receipt
#: every run, so what is heard of it is reproducible
RECEIPT_DRAWS = {"zh": 304718, "vi": 520936, "ja": 108264}

#: the highest CER each part may have: the highest measured (2026-12-06 on one machine; 2026-12-07 on
#: another, as made, dithered and quieter) plus 0.05. These ceilings catch a voice or template that
#: gets worse; they do not say the part is understood (that is MUST_HEAR). Vietnamese is compared
#: without tones (its voice speaks none).
MAX_CER: dict[tuple[str, str], float] = {
    ("zh", "verdict"): 0.50, ("zh", "amount"): 0.28, ("zh", "phone_tail"): 0.57, ("zh", "receipt"): 0.66,
    ("zh", "facility"): 0.60,
    ("vi", "verdict"): 0.35, ("vi", "amount"): 0.43, ("vi", "phone_tail"): 0.29, ("vi", "receipt"): 0.61,
    ("vi", "facility"): 0.48,
    ("ja", "verdict"): 0.18, ("ja", "amount"): 0.25, ("ja", "phone_tail"): 0.17, ("ja", "receipt"): 0.19,
    ("ja", "facility"): 0.26,
}

#: must-hear items heard in none of the hearings measured, with what whisper wrote instead. Not done:
#: these are what a caller of that language misses.
NOT_HEARD: dict[tuple[str, str, str], str] = {
    ("zh", "verdict", "基础养老金"): "the gloss is heard as 集出洋老金",
    ("zh", "verdict", "符合"): "因为符合这些条件 is heard as 您的衛福和這些條件",
    ("zh", "amount", "150万韩元"): "每月150万韩元 is heard as 每月151号年",
    ("zh", "phone_tail", "尾号"): "尾号是五六七八 is heard as 維後是5678 (the digits are heard)",
    ("zh", "receipt", "受理编号"): "受理编号 is heard as 手裡編號",
    ("zh", "facility", "行政福利中心"): "行政福利中心 is heard as 到新政府裏中心",
    ("vi", "verdict", "lương hưu cơ bản"): "heard as 'lung hướng cơ bán'",
    ("vi", "verdict", "nhiều khả năng nhận được"): "heard as 'nhau hà năng nhìn đuất'",
    ("vi", "verdict", "từ 65 tuổi trở lên"): "heard as 'tự sao môi lắm tối chè lên'",
    ("vi", "amount", "một triệu năm trăm nghìn won"): "heard as 'một chiều nằm chăm in 1'",
    ("vi", "phone_tail", "#5678"): "năm sáu bảy tám is heard as 'nằm sâu bài tám'",
    ("vi", "receipt", "số biên nhận"): "heard as 'sâu biên nhìn'",
    ("vi", "receipt", "#receipt"): "heard as 'hài sâu mốt hài hùng nằm hài hùng chim bà sâu'",
    ("vi", "facility", "trung tâm hành chính phúc lợi"): "heard as 'chúng đâm hình chín phút lấy'",
    ("vi", "facility", "một trăm mét"): "heard as 'một chăm mệt'",
    ("vi", "facility", "#119"): "119 is read as a number (một trăm mười chín) and heard as 'một chăm mỗi chín'",
    ("ja", "amount", "150万ウォン"): "月150万ウォン is heard as 150万本",
    ("ja", "phone_tail", "末尾"): "末尾 is heard as 末日 (the digits are heard)",
    ("ja", "facility", "#119"): "119 is read as a number (ヒャクジューキュー) and heard as 199",
}

#: must-hear items heard in some of the hearings measured and not in others: a caller may miss them
UNSTEADY: dict[tuple[str, str, str], str] = {
    ("zh", "verdict", "可以领取"): "heard on 2026-12-06; on 2026-12-07 heard as 可能可以令下去 (5 of 5)",
    ("zh", "receipt", "#receipt"): "on 2026-12-06 heard as 121125304718 (first group wrong); on 2026-12-07 "
                                   "heard (5 of 5)",
    ("vi", "phone_tail", "bốn số cuối"): "not heard on 2026-12-06 ('bôn sò khôi'); 2026-12-07 heard in 3 of 5",
    ("ja", "facility", "行政福祉センター"): "heard on 2026-12-06; on 2026-12-07 heard as 業制服しセンター (5 of 5)",
    ("ja", "facility", "100メートル"): "heard on 2026-12-06 and in 4 of 5 on 2026-12-07 (not with one dither)",
}


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
            assert "text" in message, message  # not closed
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


def voiced_services(retriever: HybridRetriever, records_dir: Path) -> tuple[Services, RecordsHub]:
    """The real voices (loaded on first use), the real dialog over ``retriever`` with a records database
    in ``records_dir`` and the sample facilities; the hub is the caller's to close."""
    hub = RecordsHub(RecordsConfig.at(records_dir))
    hub.applications.clock = lambda: RECEIPT_DAY
    dialog = DialogManager(retriever, applications=hub.sink(), facilities=FacilityDirectory.sample(),
                           today=lambda: date(2026, 12, 5))
    # a long reply on a busy 2-core machine can take more than the default 60 s idle limit to speak
    services = Services(GatewayConfig(preload=False, idle_timeout=600.0))
    services.__dict__.update(dialog=dialog, retriever=retriever, translator=IdentityTranslator())
    return services, hub


def spoken(services: Services, language: str) -> Heard:
    """The language's conversations over a fresh gateway app, with its fixed receipt draw."""
    draw = RECEIPT_DRAWS[language]
    with pytest.MonkeyPatch.context() as patch, TestClient(create_app(services.config, services)) as client:
        patch.setattr(records.applications, "secrets", types.SimpleNamespace(randbelow=lambda n: draw % n))
        return converse(client, language)


def is_heard(item: str, transcript: str, heard: Heard, language: str) -> bool:
    """Whether a must-hear item (``#digits``, ``#receipt`` or spellings joined by ``|``) is in the transcript."""
    if item == "#receipt":
        return "".join(ch for ch in heard.receipt if ch.isdigit()) in digit_run(transcript, language)
    if item.startswith("#"):
        return item[1:] in digit_run(transcript, language)
    tones = language != "vi"
    return any(normal(s, language, tones) in normal(transcript, language, tones) for s in item.split("|"))


@pytest.fixture(scope="module")
def voiced(real_dialog: DialogManager, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    services, hub = voiced_services(real_dialog.retriever, tmp_path_factory.mktemp("records"))
    yield services
    hub.close()


@pytest.fixture(scope="module")
def whisper() -> Transcriber:
    """The packaged faster-whisper base as the gateway loads it, decoding greedily only (no sampled
    fallback at higher temperatures), so the same audio is always heard the same way."""
    from asr.whisper import WhisperTranscriber

    return WhisperTranscriber(GatewayConfig().asr_model, temperatures=(0.0,))


class HeardBack(dict[str, Heard | Exception]):
    """Language → its conversations heard back, made on first use (a failure is kept and re-raised)."""

    def __init__(self, services: Services, whisper: Transcriber) -> None:
        super().__init__()
        self.services, self.whisper = services, whisper

    def __missing__(self, language: str) -> Heard | Exception:
        result: Heard | Exception
        try:
            result = spoken(self.services, language)
            for replies in result.parts.values():
                for reply in replies:
                    reply.heard = " ".join(unlooped(self.whisper.transcribe(clip, language).text)
                                           for clip in clips(reply))
        except Exception as exc:  # kept, and raised again in every test of the language
            result = exc
        self[language] = result
        return result

    def of(self, language: str) -> Heard:
        result = self[language]
        if isinstance(result, Exception):
            raise result
        return result


@pytest.fixture(scope="module")
def heard_back(voiced: Services, whisper: Transcriber) -> Iterator[HeardBack]:
    heard = HeardBack(voiced, whisper)
    yield heard
    report = os.environ.get("MALBEOT_HEARD_BACK_REPORT")
    if report:
        rows = [{"language": lang, "part": part, "said": h.said(part), "heard": h.heard(part),
                 "cer": round(cer(h.said(part), h.heard(part), lang), 3),
                 "cer_toneless": round(cer(h.said(part), h.heard(part), lang, tones=False), 3)}
                for lang, h in heard.items() if isinstance(h, Heard) for part in PARTS]
        Path(report).write_text(json.dumps(rows, ensure_ascii=False, indent=1))


def _case(language: str, part: str, item: str) -> Any:
    key = (language, part, item)
    reason = NOT_HEARD.get(key) or (f"unsteady: {UNSTEADY[key]}" if key in UNSTEADY else None)
    marks = [pytest.mark.xfail(strict=False, reason=reason)] if reason else []
    return pytest.param(language, part, item, marks=marks, id=f"{language}-{part}-{item}")


@pytest.mark.parametrize(("language", "part", "item"),
                         [_case(lang, part, item) for lang in LANGUAGES for part in PARTS
                          for item in MUST_HEAR[lang][part]])
def test_what_the_caller_must_hear_is_heard(heard_back: HeardBack, language: str, part: str, item: str) -> None:
    heard = heard_back.of(language)
    transcript = heard.heard(part)
    if item.startswith("#") and item != "#receipt":
        assert item[1:] in digit_run(heard.said(part), language)  # it is said
    elif not item.startswith("#"):
        assert normal(item.split("|")[0], language) in normal(heard.said(part), language)  # it is said
    assert is_heard(item, transcript, heard, language), (item, heard.receipt, transcript)


@pytest.mark.parametrize(("language", "part"), [(lang, part) for lang in LANGUAGES for part in PARTS])
def test_each_part_is_heard_within_its_error_rate(heard_back: HeardBack, language: str, part: str) -> None:
    heard = heard_back.of(language)
    said, transcript = heard.said(part), heard.heard(part)
    rate = cer(said, transcript, language, tones=language != "vi")
    print(f"{language} {part}: CER {rate:.3f}\n  said:  {said}\n  heard: {transcript}")
    assert rate <= MAX_CER[language, part], (rate, said, transcript)


def test_every_marked_item_is_a_must_hear_item_and_marked_once() -> None:
    items = {(lang, part, item) for lang in LANGUAGES for part in PARTS for item in MUST_HEAR[lang][part]}
    assert set(NOT_HEARD) <= items and set(UNSTEADY) <= items, (set(NOT_HEARD) | set(UNSTEADY)) - items
    assert not set(NOT_HEARD) & set(UNSTEADY)
