"""The ``Synthesizer`` contract, checked on every backend and on the fake used by stage tests."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest

from malbeot_core.errors import UnknownLanguage
from tests.tts.tts_fakes import ToneSynthesizer
from tts.protocol import Synthesizer


@dataclass(frozen=True)
class Case:
    synth: Any
    language: str
    sentence: str


SENTENCES = {
    "en": "Basic pension applications are accepted at the community centre.",
    "ko": "기초연금은 주민센터에서 신청하실 수 있습니다.",
}

BACKENDS = ["fake", "espeak", "piper", "kokoro", "coqui", "ray"]


@pytest.fixture(params=BACKENDS)
def case(request: pytest.FixtureRequest) -> Case:
    match request.param:
        case "fake":
            return Case(ToneSynthesizer(), "en", SENTENCES["en"])
        case "espeak":
            return Case(request.getfixturevalue("espeak_voice"), "ko", SENTENCES["ko"])
        case "piper":
            return Case(request.getfixturevalue("piper_voice"), "en", SENTENCES["en"])
        case "kokoro":
            return Case(request.getfixturevalue("kokoro_voice"), "ko", SENTENCES["ko"])
        case "coqui":
            return Case(request.getfixturevalue("tiny_coqui_voice"), "ko", SENTENCES["ko"])
        case "ray":  # the Ray Serve deployment's voices on a local cluster (model_workers/)
            return Case(request.getfixturevalue("ray_voices"), "ko", SENTENCES["ko"])
    raise AssertionError(request.param)


def synthesize(case: Case, text: str | None = None, rate: float = 1.0) -> list[bytes]:
    return list(case.synth.synthesize(case.sentence if text is None else text, case.language, rate))


def seconds(case: Case, chunks: list[bytes]) -> float:
    return sum(len(c) for c in chunks) / 2 / case.synth.sample_rate


def test_declares_the_protocol(case: Case) -> None:
    assert isinstance(case.synth, Synthesizer)
    assert isinstance(case.synth.name, str) and case.synth.name
    assert isinstance(case.synth.languages, frozenset) and case.language in case.synth.languages
    assert isinstance(case.synth.sample_rate, int) and 8000 <= case.synth.sample_rate <= 48000


def test_yields_int16_pcm_of_plausible_length(case: Case) -> None:
    chunks = synthesize(case)
    assert chunks and all(isinstance(c, bytes) and c and len(c) % 2 == 0 for c in chunks)
    samples = np.frombuffer(b"".join(chunks), dtype="<i2")
    assert np.abs(samples.astype(np.int32)).max() > 300, "synthesised audio is silent"
    letters = len(case.sentence.replace(" ", ""))
    # at the declared rate, speech runs 0.02-0.3 s per written character (Hangul or Latin)
    assert 0.02 * letters < seconds(case, chunks) < 0.3 * letters


def test_slow_rate_gives_longer_audio(case: Case) -> None:
    normal = seconds(case, synthesize(case, rate=1.0))
    slow = seconds(case, synthesize(case, rate=0.75))
    assert slow > normal * 1.15


def test_unknown_language_raises(case: Case) -> None:
    with pytest.raises(UnknownLanguage):
        list(case.synth.synthesize(case.sentence, "xx"))


def test_empty_text_yields_nothing(case: Case) -> None:
    assert b"".join(synthesize(case, "")) == b""
    assert b"".join(synthesize(case, "  \n ")) == b""


def test_closing_early_then_speaking_again(case: Case) -> None:
    stream = case.synth.synthesize(case.sentence + " " + case.sentence, case.language)
    assert next(stream)
    stream.close()
    assert synthesize(case)


def test_usable_from_two_threads(case: Case) -> None:
    results: list[float] = []

    def work() -> None:
        results.append(seconds(case, synthesize(case)))

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(results) == 2 and all(r > 0.5 for r in results)
