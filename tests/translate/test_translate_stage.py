"""TranslateStage: answers follow the caller's language when the translator can; nothing is lost."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

from malbeot_core.events import (
    BenefitAnswer,
    CallerLanguage,
    Event,
    FinalTranscript,
    ProgrammeHit,
    ReplyDone,
    StageFailed,
    TextInput,
)
from malbeot_core.settings import CallSettings
from malbeot_core.stage import Pipeline
from tests.translate.tiny_mt_models import TINY_GENERATION
from tests.translate.translate_fakes import BrokenTranslator, DictTranslator
from translate import IdentityTranslator, TranslateStage, translators
from translate.protocol import Translator

WORDS = {
    ("ko", "en"): {"기초연금": "basic-pension", "신청하세요": "apply"},
    ("en", "vi"): {"basic": "cơ bản", "pension": "lương hưu"},
}

ANSWER_KO = BenefitAnswer(
    text="기초연금 신청하세요",
    language="ko",
    intent="programme_info",
    programmes=(ProgrammeHit("basic-pension", "기초연금", 0.91, "주민센터 방문"),),
    rate=0.8,
    action="",
)


async def _events(events: Sequence[Event]) -> AsyncIterator[Event]:
    for event in events:
        yield event


async def run_stage(translator: Translator, settings: CallSettings, events: Sequence[Event]) -> list[Event]:
    stage = TranslateStage(translator, settings)
    return [event async for event in stage.run(_events(events))]


async def test_same_language_passes_the_answer_through_untouched() -> None:
    fake = DictTranslator(WORDS)
    out = await run_stage(fake, CallSettings(start_language="ko"), [ANSWER_KO])
    assert out == [ANSWER_KO] and out[0] is ANSWER_KO
    assert fake.threads == []  # the translator was not asked


async def test_a_different_language_is_translated_in_a_worker_thread() -> None:
    fake = DictTranslator(WORDS)
    out = await run_stage(fake, CallSettings(start_language="en"), [ANSWER_KO])
    assert out == [
        BenefitAnswer(
            text="The next part was translated by machine. basic-pension apply",
            language="en",
            intent=ANSWER_KO.intent,
            programmes=ANSWER_KO.programmes,
            rate=ANSWER_KO.rate,
            action=ANSWER_KO.action,
            machine_translated=True,
        )
    ]
    assert fake.threads and threading.get_ident() not in fake.threads


async def test_the_language_the_dialog_answers_in_wins_over_a_fixed_call_language() -> None:
    answer = BenefitAnswer("basic pension", "en", "programme_info")
    # a Vietnamese call whose caller is answered in Vietnamese: English content is translated
    out = await run_stage(DictTranslator(WORDS), CallSettings(language="vi", start_language="vi"), [answer])
    assert out == [BenefitAnswer("Phần sau đây được dịch bằng máy. cơ bản lương hưu", "vi", "programme_info",
                                 machine_translated=True)]
    # the caller typed in English on that call (or asked for English): the dialog says so, and the
    # English answer stays
    english = CallerLanguage("en")
    out = await run_stage(DictTranslator(WORDS), CallSettings(language="vi", start_language="vi"), [english, answer])
    assert out == [english, answer]


async def test_machine_translation_is_marked_on_every_answer_and_announced_once_per_call() -> None:
    answer = BenefitAnswer("basic pension", "en", "programme_info")
    out = await run_stage(DictTranslator(WORDS), CallSettings(start_language="vi"), [answer, answer])
    assert [a.machine_translated for a in out if isinstance(a, BenefitAnswer)] == [True, True]
    texts = [a.text for a in out if isinstance(a, BenefitAnswer)]
    assert texts == ["Phần sau đây được dịch bằng máy. cơ bản lương hưu", "cơ bản lương hưu"]
    untouched = await run_stage(DictTranslator(WORDS), CallSettings(start_language="en"), [answer])
    assert untouched == [answer] and not answer.machine_translated  # human-written text is not marked


async def test_an_unsupported_pair_passes_through_without_an_error() -> None:
    answer = BenefitAnswer("basic pension", "en", "programme_info")
    out = await run_stage(DictTranslator(WORDS), CallSettings(start_language="ja"), [answer])
    assert out == [answer]


async def test_no_translator_configured_keeps_the_original_language() -> None:
    out = await run_stage(translators.create("none"), CallSettings(start_language="zh"), [ANSWER_KO])
    assert out == [ANSWER_KO]


async def test_a_failed_translation_reports_and_keeps_the_answer() -> None:
    out = await run_stage(BrokenTranslator(), CallSettings(start_language="en"), [ANSWER_KO])
    assert len(out) == 2
    failure, answer = out
    assert isinstance(failure, StageFailed)
    assert (failure.code, failure.stage, failure.recoverable) == ("backend_failed", "translate", True)
    assert "device-side assert" in failure.message
    assert answer is ANSWER_KO


async def test_other_events_pass_through_in_order() -> None:
    transcript = FinalTranscript("기초연금이 뭐예요", "ko", 0.0, 1.2)
    typed = TextInput("pension?", "en")
    done = ReplyDone(sentences=1)
    settings = CallSettings(start_language="en")
    out = await run_stage(DictTranslator(WORDS), settings, [transcript, ANSWER_KO, typed, done])
    assert out[0] is transcript and out[2] is typed and out[3] is done
    assert isinstance(out[1], BenefitAnswer) and out[1].language == "en"


async def test_the_language_follows_the_callers_language_events() -> None:
    settings = CallSettings(start_language="ko")
    switch = CallerLanguage("en")  # the dialog heard the next turn in English
    out = await run_stage(DictTranslator(WORDS), settings, [ANSWER_KO, switch, ANSWER_KO])
    assert out[1] is switch  # passed on, for synthesis and the channel
    assert [e.language for e in out if isinstance(e, BenefitAnswer)] == ["ko", "en"]
    assert settings == CallSettings(start_language="ko")  # nothing is written back


async def test_in_a_pipeline_with_the_tiny_nllb_model(tiny_nllb_dir: Path) -> None:
    nllb = translators.create("nllb", model_dir=tiny_nllb_dir, generation=TINY_GENERATION)
    pipeline = Pipeline([TranslateStage(nllb, CallSettings(start_language="vi"))])
    pipeline.start()
    try:
        await pipeline.feed(ANSWER_KO)
        await pipeline.feed(ReplyDone(sentences=1))
        await pipeline.close_input()
        out = [event async for event in pipeline.events()]
    finally:
        await pipeline.aclose()
    assert len(out) == 2
    answer, done = out
    assert isinstance(answer, BenefitAnswer) and isinstance(answer.text, str)
    assert (answer.language, answer.programmes, answer.rate) == ("vi", ANSWER_KO.programmes, 0.8)
    assert done == ReplyDone(sentences=1)


def test_identity_translator_is_the_none_backend() -> None:
    assert isinstance(translators.create("none"), IdentityTranslator)
