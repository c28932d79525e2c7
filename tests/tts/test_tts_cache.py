"""The synthesis cache: repeated sentences come from disk; only whole syntheses are stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from malbeot_core.errors import UnknownLanguage
from malbeot_core.registry import Registry
from tests.tts.tts_fakes import ToneSynthesizer
from tts.cache import CachedSynthesizer, cache_dir_from_env
from tts.protocol import Synthesizer
from tts.registry import VoiceChoice, VoicePreferences, VoiceSelector

TEXT = "기초연금은 주민센터에서 신청하실 수 있습니다."


def test_a_repeated_sentence_is_synthesised_once(tmp_path: Path) -> None:
    tone = ToneSynthesizer()
    cached = CachedSynthesizer(tone, tmp_path)
    first = b"".join(cached.synthesize(TEXT, "ko"))
    again = b"".join(cached.synthesize(f"  {TEXT} ", "ko"))
    assert first and again == first
    assert len(tone.calls) == 1 and (cached.hits, cached.misses) == (1, 1)
    assert isinstance(cached, Synthesizer) and cached.sample_rate == tone.sample_rate


def test_the_key_holds_language_rate_and_text(tmp_path: Path) -> None:
    tone = ToneSynthesizer()
    cached = CachedSynthesizer(tone, tmp_path)
    for text, language, rate in [(TEXT, "ko", 1.0), (TEXT, "ko", 0.8), (TEXT, "en", 1.0), (TEXT + "!", "ko", 1.0)]:
        b"".join(cached.synthesize(text, language, rate))
    assert len(tone.calls) == 4 and cached.hits == 0


def test_a_synthesis_cut_short_is_not_stored(tmp_path: Path) -> None:
    tone = ToneSynthesizer(chunk_seconds=0.05)
    cached = CachedSynthesizer(tone, tmp_path)
    stream = cached.synthesize(TEXT, "ko")
    next(stream)
    stream.close()  # barge-in
    assert not cached.path_for(TEXT, "ko").exists()
    assert b"".join(cached.synthesize(TEXT, "ko")) and len(tone.calls) == 2


def test_warm_synthesises_what_is_missing(tmp_path: Path) -> None:
    tone = ToneSynthesizer()
    cached = CachedSynthesizer(tone, tmp_path)
    assert cached.warm([TEXT, "다시 말씀해 주세요.", " "], "ko") == 2
    assert cached.warm([TEXT], "ko") == 0
    assert list(cached.synthesize("", "ko")) == []
    with pytest.raises(UnknownLanguage):
        list(cached.synthesize(TEXT, "xx"))


def test_the_selector_wraps_voices_in_the_cache(tmp_path: Path) -> None:
    registry: Registry[Synthesizer] = Registry("synthesizer")
    registry.register("tone", "tests.tts.tts_fakes:CountingToneSynthesizer")
    select = VoiceSelector(VoicePreferences({"ko": (VoiceChoice.of("tone"),)}), registry, cache_dir=tmp_path)
    voice = select("ko")
    assert isinstance(voice, CachedSynthesizer)
    b"".join(voice.synthesize(TEXT, "ko"))
    assert any(tmp_path.rglob("*.pcm"))
    assert select.voices() == {"ko": "fake/ko-tone"}


def test_cache_dir_from_env() -> None:
    assert cache_dir_from_env({"MALBEOT_TTS_CACHE": "/var/cache/tts"}) == Path("/var/cache/tts")
    assert cache_dir_from_env({}) is None
