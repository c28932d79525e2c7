from __future__ import annotations

import threading
from pathlib import Path

import pytest

from malbeot_core.errors import BackendFailed, NotFound, UnknownLanguage
from malbeot_core.registry import Registry
from tests.tts.tts_fakes import BrokenSynthesizer, CountingToneSynthesizer
from tts.protocol import Synthesizer
from tts.registry import VoiceChoice, VoicePreferences, VoiceSelector, coqui_dirs_from_env, synthesizers


@pytest.fixture
def registry() -> Registry[Synthesizer]:
    CountingToneSynthesizer.created = 0
    BrokenSynthesizer.created = 0
    reg: Registry[Synthesizer] = Registry("synthesizer")
    reg.register("tone", "tests.tts.tts_fakes:CountingToneSynthesizer")
    reg.register("broken", "tests.tts.tts_fakes:BrokenSynthesizer")
    return reg


def test_backends_are_registered_by_name() -> None:
    assert synthesizers.names() == ["coqui", "espeak", "piper"]
    with pytest.raises(NotFound):
        synthesizers.factory("festival")


def test_default_preferences() -> None:
    prefs = VoicePreferences.default(coqui_dirs={})
    espeak, piper = VoiceChoice.of("espeak"), VoiceChoice.of("piper")
    assert prefs.by_language["en"] == (piper, espeak)
    for language in ("ko", "vi", "zh", "ja"):
        assert prefs.by_language[language] == (espeak,)


def test_default_preferences_with_a_coqui_voice(tmp_path: Path) -> None:
    prefs = VoicePreferences.default(coqui_dirs={"ko": tmp_path})
    coqui = VoiceChoice.of("coqui", model_dir=str(tmp_path), language="ko")
    assert prefs.by_language["ko"] == (coqui, VoiceChoice.of("espeak"))
    assert prefs.by_language["vi"] == (VoiceChoice.of("espeak"),)


def test_coqui_dirs_from_env() -> None:
    env = {"MALBEOT_COQUI_KO": "/models/ko-vits", "MALBEOT_COQUI_JA": "", "HOME": "/root"}
    assert coqui_dirs_from_env(env) == {"ko": Path("/models/ko-vits")}


def test_falls_back_when_the_preferred_voice_fails_and_remembers(registry: Registry[Synthesizer]) -> None:
    tone = VoiceChoice.of("tone")
    prefs = VoicePreferences({"ko": (VoiceChoice.of("broken"), tone), "en": (VoiceChoice.of("broken"), tone)})
    select = VoiceSelector(prefs, registry)
    ko = select("ko")
    assert isinstance(ko, CountingToneSynthesizer)
    assert select("en") is ko  # same backend and arguments: one instance for both languages
    assert select("ko") is ko
    assert BrokenSynthesizer.created == 1  # the failure is remembered, not retried
    assert CountingToneSynthesizer.created == 1
    assert "the broken voice has no model here" in select.failures[VoiceChoice.of("broken")]


def test_skips_a_voice_that_does_not_speak_the_language(registry: Registry[Synthesizer]) -> None:
    english_only = VoiceChoice.of("tone", languages=("en",))
    both = VoiceChoice.of("tone", languages=("ko", "en"))
    select = VoiceSelector(VoicePreferences({"ko": (english_only, both)}), registry)
    assert select("ko").languages == frozenset({"ko", "en"})


def test_unknown_language(registry: Registry[Synthesizer]) -> None:
    select = VoiceSelector(VoicePreferences({"ko": (VoiceChoice.of("tone"),)}), registry)
    with pytest.raises(UnknownLanguage, match="fr"):
        select("fr")


def test_no_voice_loads(registry: Registry[Synthesizer]) -> None:
    select = VoiceSelector(VoicePreferences({"ko": (VoiceChoice.of("broken"),)}), registry)
    with pytest.raises(BackendFailed, match="broken"):
        select("ko")


def test_concurrent_first_use_creates_one_voice(registry: Registry[Synthesizer]) -> None:
    select = VoiceSelector(VoicePreferences({"ko": (VoiceChoice.of("tone"),)}), registry)
    got: list[Synthesizer] = []
    threads = [threading.Thread(target=lambda: got.append(select("ko"))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 4 and all(s is got[0] for s in got)
    assert CountingToneSynthesizer.created == 1


def test_real_default_selector_gives_espeak_for_korean() -> None:
    select = VoiceSelector(VoicePreferences.default(coqui_dirs={}))
    assert select("ko").name == "espeak"
    with pytest.raises(UnknownLanguage):
        select("de")


def test_missing_coqui_voice_falls_back_to_espeak(tmp_path: Path) -> None:
    select = VoiceSelector(VoicePreferences.default(coqui_dirs={"ko": tmp_path / "absent"}))
    assert select("ko").name == "espeak"
    assert "config.json" in select.failures[VoiceChoice.of("coqui", model_dir=str(tmp_path / "absent"), language="ko")]
