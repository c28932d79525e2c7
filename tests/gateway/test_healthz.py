"""``GET /healthz`` says what really serves each language: the recogniser, the voice per language and
the translator per language pair (the identity stand-in is no translator), without loading anything."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from malbeot_core.registry import Registry
from tests.gateway.pipeline_fakes import fake_services
from tests.translate.translate_fakes import DictTranslator
from tts.protocol import Synthesizer
from tts.registry import VoiceChoice, VoicePreferences, VoiceSelector, VoiceStatus
from voice_gateway.app import create_app
from voice_gateway.services import Services

LANGS = ("ko", "en", "zh", "vi", "ja")


def selector() -> VoiceSelector:
    """ko, vi: one tone voice; en: a broken voice, then an English tone voice; zh: its own tone voice
    (not used yet); ja: no voice configured."""
    registry: Registry[Synthesizer] = Registry("synthesizer")
    registry.register("tone", "tests.tts.tts_fakes:ToneSynthesizer")
    registry.register("broken", "tests.tts.tts_fakes:BrokenSynthesizer")
    ko_vi = VoiceChoice.of("tone", languages=frozenset({"ko", "vi"}))
    prefs = {
        "ko": (ko_vi,),
        "vi": (ko_vi,),
        "en": (VoiceChoice.of("broken"), VoiceChoice.of("tone", languages=frozenset({"en"}))),
        "zh": (VoiceChoice.of("tone", languages=frozenset({"zh"})),),
    }
    return VoiceSelector(VoicePreferences(prefs), registry)


def health_of(services: Services) -> dict[str, Any]:
    with TestClient(create_app(services.config, services)) as client:
        response = client.get("/healthz")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_voice_status_per_language_without_loading() -> None:
    voices = selector()
    assert voices.status("ko") == VoiceStatus("tone", False)  # configured, loaded on first use
    voices("ko")
    voices("en")
    assert voices.status("ko") == VoiceStatus("tone", True)
    assert voices.status("vi") == VoiceStatus("tone", True)  # the loaded ko voice speaks vi too
    en = voices.status("en")
    assert (en.backend, en.loaded) == ("tone", True)
    assert len(en.failed) == 1 and en.failed[0].startswith("broken: ModelMissing")
    assert voices.status("zh") == VoiceStatus("tone", False)
    assert voices.status("ja") == VoiceStatus(None, False)
    assert voices.status("zh") == VoiceStatus("tone", False)  # asking did not load it


def test_healthz_with_only_the_identity_translator_reports_no_translation() -> None:
    backends = fake_services()
    voices = selector()
    voices("ko")
    voices("en")
    backends.services.__dict__["voices"] = voices
    health = health_of(backends.services)
    assert health["status"] == "ok"
    assert health["asr"] == {"backend": "scripted", "model": "faster-whisper-base", "loaded": True,
                             "languages": list(LANGS)}
    assert {lang: (v["backend"], v["loaded"]) for lang, v in health["voices"].items()} == {
        "ko": ("tone", True), "en": ("tone", True), "vi": ("tone", True), "zh": ("tone", False), "ja": (None, False)}
    assert health["voices"]["en"]["failed"][0].startswith("broken")
    translation = health["translation"]
    assert (translation["backend"], translation["loaded"]) == ("none", True)
    assert len(translation["pairs"]) == 20 and set(translation["pairs"].values()) == {None}
    assert health["loaded"]["translator"] is False  # the identity stand-in translates nothing
    assert health["loaded"]["transcriber"] and health["loaded"]["voices"]


def test_healthz_names_the_translator_of_each_pair_it_serves() -> None:
    backends = fake_services()
    backends.services.__dict__["translator"] = DictTranslator({("ko", "en"): {}, ("en", "vi"): {}})
    health = health_of(backends.services)
    pairs = health["translation"]["pairs"]
    assert {pair: name for pair, name in pairs.items() if name} == {"ko-en": "dict", "en-vi": "dict"}
    assert pairs["en-ko"] is None and pairs["ko-ja"] is None
    assert health["loaded"]["translator"] is True


def test_healthz_before_anything_is_loaded_loads_nothing() -> None:
    services = Services(fake_services().services.config)
    health = health_of(services)
    assert health["asr"]["loaded"] is False and health["asr"]["backend"] == "faster-whisper"
    assert health["translation"] == {"backend": "none", "loaded": False,
                                     "pairs": {p: None for p in health["translation"]["pairs"]}}
    assert not any(v["loaded"] for v in health["voices"].values())
    assert health["voices"]["en"]["backend"] == "piper" and health["voices"]["ko"]["backend"] == "kokoro"
    assert health["voices"]["ja"]["backend"] == "kokoro"  # Kokoro's own Japanese voice, not eSpeak's kana
    assert set(health["languages"]) == set(LANGS)  # what serves each language, also before loading
    assert not any(services.loaded().values())
    assert services.load_seconds == {}
