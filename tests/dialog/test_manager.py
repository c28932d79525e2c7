"""The dialog manager over several turns (real embedder, sample catalogue) and the dialog stage."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Sequence

import numpy as np
import pytest

from dialog.answers import has_batchim, josa, sentences
from dialog.catalogue.sample import sample_programmes
from dialog.manager import SLOWEST_RATE, DialogManager, DialogState, mentions, normalise_language
from dialog.retrieval.hybrid import HybridRetriever
from dialog.stage import DialogStage
from malbeot_core.events import (
    BenefitAnswer,
    CallerLanguage,
    Event,
    FinalTranscript,
    PartialTranscript,
    SpeechStarted,
    StageFailed,
    TextInput,
)
from malbeot_core.settings import CallSettings
from tests.fakes import HashingEmbedder


def test_a_whole_call(sample_manager: DialogManager) -> None:
    state = DialogState()
    say = sample_manager.respond

    found = say("만 65세 이상 어르신이 받을 수 있는 연금이 있나요?", "ko", state)
    assert (found.intent, found.language, found.action) == ("find_benefit", "ko", "")
    assert found.programmes[0].id == "KR-BASIC-PENSION"
    assert found.text.startswith("기초연금은 ")
    assert "행정복지센터" in found.text  # how to apply
    assert "비슷한 것으로" in found.text  # the second match, briefly
    assert len(sentences(found.text)) <= 3

    details = say("신청 방법 알려주세요", "ko", state)
    assert details.intent == "details"
    assert [h.id for h in details.programmes] == ["KR-BASIC-PENSION"]
    assert "대상" in details.text and "65세" in details.text and "신청" in details.text

    again = say("다시 말해 주세요", "ko", state)
    assert (again.intent, again.text, again.rate) == ("repeat", details.text, 1.0)

    slow = say("천천히 말해 주세요", "ko", state)
    assert slow.intent == "slower" and slow.rate == 0.8 and state.slower == 1
    assert slow.text.startswith("네, 천천히") and slow.text.endswith(details.text)

    switched = say("영어로 말해 주세요", "ko", state)
    assert (switched.intent, switched.language) == ("change_language", "en")
    assert switched.text == "Okay, I will speak English from now on."
    assert state.language == "en" and state.locked
    assert switched.rate == 0.8  # slow mode stays

    english = say("Is there a pension for seniors over 65?", "en", state)
    assert english.language == "en" and english.programmes[0].name == "Basic Pension"
    assert english.text.startswith("Basic Pension: ") and "community centre" in english.text

    # the caller chose English: a turn recognised as Korean is still answered in English
    still = say("아동수당", "ko", state)
    assert still.language == "en" and still.programmes[0].id == "KR-CHILD-ALLOWANCE"

    bye = say("고마워요 안녕", "ko", state)
    assert (bye.intent, bye.action, bye.language) == ("goodbye", "hangup", "en")
    assert bye.text == "Thank you for calling. Goodbye."
    assert state.turns == 8


def test_hand_off_to_a_person(sample_manager: DialogManager) -> None:
    answer = sample_manager.respond("상담원 연결해 주세요", "ko", DialogState())
    assert (answer.intent, answer.action, answer.language) == ("talk_to_person", "handoff", "ko")
    assert "129" in answer.text and "행정복지센터" in answer.text
    english = sample_manager.respond("I want to talk to a real person", "en", DialogState())
    assert english.action == "handoff" and "129" in english.text


def test_nothing_found_suggests_129(sample_manager: DialogManager) -> None:
    state = DialogState()
    answer = sample_manager.respond("오늘 날씨 어때요", "ko", state)
    assert answer.intent == "find_benefit" and answer.programmes == ()
    assert "찾지 못했어요" in answer.text and "129" in answer.text
    assert "상담원이라고 말씀해 주세요" in answer.text  # a person is offered (issue 17)
    assert state.last_programmes == ()


def test_yes_after_an_answer_means_tell_me_more(sample_manager: DialogManager) -> None:
    state = DialogState()
    sample_manager.respond("청년 월세 지원", "ko", state)
    more = sample_manager.respond("네", "ko", state)
    assert more.intent == "details" and more.programmes[0].id == "KR-YOUTH-RENT"
    assert "임대차계약서" in more.text
    # a second "yes" has nothing left to offer
    assert sample_manager.respond("네", "ko", state).intent == "affirm"


def test_details_of_a_named_programme(sample_manager: DialogManager) -> None:
    state = DialogState()
    sample_manager.respond("기초연금", "ko", state)
    other = sample_manager.respond("아동수당 신청 방법 알려줘", "ko", state)
    assert other.intent == "details" and other.programmes[0].id == "KR-CHILD-ALLOWANCE"
    fresh = sample_manager.respond("How do I apply for the basic pension?", "en", DialogState())
    assert fresh.intent == "details" and fresh.programmes[0].id == "KR-BASIC-PENSION"
    assert fresh.text.startswith("Who can get Basic Pension?")
    topic = sample_manager.respond("노인 일자리 어떻게 신청해요?", "ko", DialogState())
    assert topic.intent == "details" and topic.programmes[0].id == "KR-SENIOR-JOBS"


def test_how_to_apply_without_anything_to_apply_for(sample_manager: DialogManager) -> None:
    answer = sample_manager.respond("신청 방법 알려주세요", "ko", DialogState())
    assert answer.intent == "details" and answer.programmes == ()
    assert "어떤 서비스" in answer.text


def test_switching_language_with_a_question_or_a_repeat(sample_manager: DialogManager) -> None:
    asked = sample_manager.respond("영어로 기초연금 알려줘", "ko", DialogState())
    assert asked.intent == "change_language" and asked.language == "en"
    assert asked.text.startswith("Okay, I will speak English from now on. Basic Pension: ")

    state = DialogState()
    sample_manager.respond("어린이집 보육료", "ko", state)
    redo = sample_manager.respond("영어로 다시 말해 주세요", "ko", state)
    assert redo.language == "en" and redo.programmes[0].id == "KR-CHILDCARE-FEE"
    assert "Daycare Fee Support" in redo.text


def test_chinese_caller_gets_chinese_content_and_chinese_fixed_sentences(sample_manager: DialogManager) -> None:
    state = DialogState()
    answer = sample_manager.respond("我需要翻译", "zh", state)
    assert answer.intent == "find_benefit" and answer.language == "zh"  # composed from the zh templates
    assert {"KR-DANURI-CALL", "KR-FOREIGNER-CENTRE", "KR-FAMILY-CENTRE"} & {h.id for h in answer.programmes}
    assert "1577-1366" in answer.text and not any("a" <= ch <= "z" for ch in answer.text.replace("bokjiro.go.kr", ""))
    bye = sample_manager.respond("再见", "zh", state)
    assert (bye.language, bye.action) == ("zh", "hangup") and "再见" in bye.text
    switched = sample_manager.respond("Nói tiếng Việt được không", "en", DialogState())
    assert switched.language == "vi" and "tiếng Việt" in switched.text


def test_short_replies_without_context(sample_manager: DialogManager) -> None:
    state = DialogState()
    assert "아직" in sample_manager.respond("다시 말해 주세요", "ko", state).text
    assert sample_manager.respond("음", "ko", state).intent == "unclear"
    assert sample_manager.respond("고마워요", "ko", state).intent == "thanks"
    assert sample_manager.respond("아니요", "ko", state).intent == "deny"
    slower = sample_manager.respond("slower please", "en", DialogState())
    assert slower.rate == 0.8 and slower.language == "en"
    assert state.last_answer is None


def test_answers_stay_short(sample_manager: DialogManager) -> None:
    for text, language in [("아기 낳으면 받을 수 있는 지원", "ko"), ("help for disabled people", "en"),
                           ("외국인 한국어 교실", "ko"), ("youth rent support", "en")]:
        answer = sample_manager.respond(text, language, DialogState())
        assert answer.programmes and len(sentences(answer.text)) <= 3, answer.text


def test_helpers() -> None:
    assert normalise_language("ko-KR") == "ko" and normalise_language("EN_us") == "en"
    assert normalise_language("") == "ko"
    assert has_batchim("연금") and not has_batchim("보육료") and has_batchim("129번") and not has_batchim("129")
    assert josa("기초연금", "은", "는") == "기초연금은" and josa("아동수당", "은", "는") == "아동수당은"
    pension = next(p for p in sample_programmes() if p.id == "KR-BASIC-PENSION")
    assert mentions("기초 연금 신청", pension) and mentions("the basic pension", pension)
    assert not mentions("청년 월세", pension)


# -- the stage -----------------------------------------------------------------------------------------
class ThreadRecordingEmbedder:
    """The hashing fake, noting which threads embed queries (the stage must not use the loop's)."""

    def __init__(self, fail: bool = False) -> None:
        self.inner = HashingEmbedder()
        self.name, self.dim = self.inner.name, self.inner.dim
        self.query_threads: list[int] = []
        self.fail = fail

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        self.query_threads.append(threading.get_ident())
        if self.fail:
            raise RuntimeError("embedding engine crashed")
        return self.inner.embed_queries(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.embed_passages(texts)


async def _events(*events: Event) -> AsyncIterator[Event]:
    for event in events:
        yield event


async def _run(stage: DialogStage, *events: Event) -> list[Event]:
    return [event async for event in stage.run(_events(*events))]


def test_each_slower_steps_down_one_rung_from_where_the_call_is(sample_manager: DialogManager) -> None:
    say = sample_manager.respond
    normal, elderly = DialogState(), DialogState(elderly=True)
    for state in (normal, elderly):
        say("기초연금 알려 주세요", "ko", state)
    rates = [say("천천히 말해 주세요", "ko", normal).rate for _ in range(3)]
    assert rates == [0.8, SLOWEST_RATE, SLOWEST_RATE]  # 1.0 → 0.8 → 0.75, and the last rung holds
    first = say("천천히 말해 주세요", "ko", elderly)
    assert first.rate == SLOWEST_RATE < sample_manager.elderly_rate  # an elderly call at 0.8 hears it slower


@pytest.fixture
def recording_embedder() -> ThreadRecordingEmbedder:
    return ThreadRecordingEmbedder()


async def test_stage_passes_everything_through_and_answers(recording_embedder: ThreadRecordingEmbedder) -> None:
    manager = DialogManager(HybridRetriever(sample_programmes(), recording_embedder, alpha=0.0))
    settings = CallSettings()
    stage = DialogStage(manager, settings)
    assert stage.name == "dialog"
    inputs: list[Event] = [
        SpeechStarted(0.0),
        PartialTranscript("기초", "ko", 0.5),
        FinalTranscript("기초연금", "ko", 0.0, 1.0),
        TextInput("천천히 말해 주세요", "ko"),
        FinalTranscript("   ", "ko", 1.0, 1.2),
    ]
    out = await _run(stage, *inputs)
    assert [e for e in out if not isinstance(e, BenefitAnswer)] == inputs
    answers = [e for e in out if isinstance(e, BenefitAnswer)]
    assert [type(e).__name__ for e in out[2:6]] == ["FinalTranscript", "BenefitAnswer", "TextInput", "BenefitAnswer"]
    assert answers[0].programmes[0].id == "KR-BASIC-PENSION"
    assert answers[1].intent == "slower"
    assert answers[1].rate == 0.8
    assert not [e for e in out if isinstance(e, CallerLanguage)]  # Korean throughout: nothing to announce
    assert settings == CallSettings()  # the stage writes nothing into the call's settings
    assert recording_embedder.query_threads and threading.get_ident() not in recording_embedder.query_threads


async def test_stage_announces_a_language_switch_before_the_answer_once() -> None:
    manager = DialogManager(HybridRetriever(sample_programmes(), HashingEmbedder()))
    settings = CallSettings(start_language="ko")
    out = await _run(DialogStage(manager, settings), TextInput("in English please", "ko"),
                     TextInput("basic pension", "en"))
    assert [type(e).__name__ for e in out] == ["TextInput", "CallerLanguage", "BenefitAnswer", "TextInput",
                                               "BenefitAnswer"]
    assert out[1] == CallerLanguage("en")
    assert isinstance(out[2], BenefitAnswer) and out[2].language == "en"
    assert settings == CallSettings(start_language="ko")


async def test_stage_reports_a_failure_and_goes_on() -> None:
    broken = ThreadRecordingEmbedder(fail=True)
    manager = DialogManager(HybridRetriever(sample_programmes(), broken))
    out = await _run(
        DialogStage(manager, CallSettings()),
        FinalTranscript("기초연금", "ko", 0.0, 1.0),
        FinalTranscript("상담원 연결해 주세요", "ko", 2.0, 3.0),  # needs no retrieval
    )
    failed = out[1]
    assert isinstance(failed, StageFailed)
    assert (failed.code, failed.stage, failed.recoverable) == ("backend_failed", "dialog", True)
    assert "embedding engine crashed" in failed.message
    assert isinstance(out[2], FinalTranscript)
    assert isinstance(out[3], BenefitAnswer) and out[3].action == "handoff"
