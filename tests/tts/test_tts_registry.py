from __future__ import annotations

import threading
from pathlib import Path

import pytest

from malbeot_core.errors import BackendFailed, NotFound, UnknownLanguage
from malbeot_core.models import LOCK_PATH
from malbeot_core.registry import Registry
from tests.tts.tts_fakes import BrokenSynthesizer, CountingToneSynthesizer
from tts.protocol import Synthesizer
from tts.registry import (
    MEASURED_CER,
    VoiceChoice,
    VoicePreferences,
    VoiceSelector,
    coqui_dirs_from_env,
    synthesizers,
)


@pytest.fixture
def registry() -> Registry[Synthesizer]:
    CountingToneSynthesizer.created = 0
    BrokenSynthesizer.created = 0
    reg: Registry[Synthesizer] = Registry("synthesizer")
    reg.register("tone", "tests.tts.tts_fakes:CountingToneSynthesizer")
    reg.register("broken", "tests.tts.tts_fakes:BrokenSynthesizer")
    return reg


def test_backends_are_registered_by_name() -> None:
    assert synthesizers.names() == ["coqui", "espeak", "kokoro", "piper", "ray"]
    with pytest.raises(NotFound):
        synthesizers.factory("festival")


def test_default_preferences_follow_the_measured_cer() -> None:
    prefs = VoicePreferences.default(coqui_dirs={})
    espeak, piper, kokoro = VoiceChoice.of("espeak"), VoiceChoice.of("piper"), VoiceChoice.of("kokoro")
    assert prefs.by_language["en"] == (piper, espeak)
    assert MEASURED_CER["ko"]["kokoro"] < MEASURED_CER["ko"]["espeak"]
    assert prefs.by_language["ko"] == (kokoro, espeak)
    assert prefs.by_language["ja"] == (kokoro, espeak)  # Kokoro's own Japanese voice
    for language in ("vi", "zh"):  # Kokoro from IPA (tts/zh_ipa.py, tts/vi_ipa.py)
        assert MEASURED_CER[language]["kokoro"] < MEASURED_CER[language]["espeak"]
        assert prefs.by_language[language] == (kokoro, espeak)


def test_preferences_order_backends_by_cer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(MEASURED_CER, "vi", {"kokoro": 0.5, "piper": 0.2, "espeak": 0.4})
    prefs = VoicePreferences.default(coqui_dirs={}, languages=["vi"])
    assert prefs.by_language["vi"] == (VoiceChoice.of("piper"), VoiceChoice.of("kokoro"), VoiceChoice.of("espeak"))


def test_default_preferences_with_a_coqui_voice(tmp_path: Path) -> None:
    prefs = VoicePreferences.default(coqui_dirs={"ko": tmp_path})
    coqui = VoiceChoice.of("coqui", model_dir=str(tmp_path), language="ko")
    assert prefs.by_language["ko"] == (coqui, VoiceChoice.of("kokoro"), VoiceChoice.of("espeak"))
    assert prefs.by_language["vi"] == (VoiceChoice.of("kokoro"), VoiceChoice.of("espeak"))


def test_voices_say_which_voice_serves_each_language(registry: Registry[Synthesizer]) -> None:
    tone = VoiceChoice.of("tone")
    prefs = VoicePreferences({"ko": (VoiceChoice.of("broken"), tone), "en": (tone,)})
    select = VoiceSelector(prefs, registry)
    assert select.voices() == {"ko": "broken", "en": "tone"}  # planned: nothing loaded yet
    select("ko")
    assert select.voices() == {"ko": "fake/ko-tone", "en": "tone"}  # ko loaded (broken failed); en planned


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


def test_real_default_selector_gives_kokoro_for_korean_and_vietnamese() -> None:
    select = VoiceSelector(VoicePreferences.default(coqui_dirs={}))
    assert select("ko").name == "kokoro"
    assert select("vi") is select("ko")  # one Kokoro speaks both
    assert select.voices()["ko"] == "kokoro/jm_kumo"
    assert select.voices()["vi"] == "kokoro/jm_kumo"
    assert select.voices()["zh"] == "kokoro"  # planned, not yet loaded for zh
    with pytest.raises(UnknownLanguage):
        select("de")


def test_missing_coqui_voice_falls_back_to_kokoro(tmp_path: Path) -> None:
    select = VoiceSelector(VoicePreferences.default(coqui_dirs={"ko": tmp_path / "absent"}))
    assert select("ko").name == "kokoro"
    assert "config.json" in select.failures[VoiceChoice.of("coqui", model_dir=str(tmp_path / "absent"), language="ko")]


def test_korean_falls_back_to_espeak_without_the_kokoro_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock = tmp_path / "models.lock"
    text = LOCK_PATH.read_text(encoding="utf-8")
    lock.write_text(text.replace('name = "kokoro-82m-v1.0-int8"', 'name = "kokoro-not-here"'), encoding="utf-8")
    monkeypatch.setenv("MALBEOT_MODELS_LOCK", str(lock))
    select = VoiceSelector(VoicePreferences.default(coqui_dirs={}))
    assert select("ko").name == "espeak"
    assert "kokoro-82m-v1.0-int8" in select.failures[VoiceChoice.of("kokoro")]
