"""Synthesizer backends by name, and the per-language voice choice with fallback.

Default preference (``VoicePreferences.default``): a Coqui voice where a model folder is
configured for the language (``MALBEOT_COQUI_<LANG>=/path``, e.g. ``MALBEOT_COQUI_KO``), then the
packaged backends that speak the language in the order of their measured round-trip CER
(:data:`MEASURED_CER`: Korean, Japanese, Chinese and Vietnamese → kokoro, English → piper), then
espeak as the last resort.
:meth:`VoiceSelector.voices` says which voice serves (or will serve) each language.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from malbeot_core.errors import BackendFailed, UnknownLanguage
from malbeot_core.registry import Registry
from malbeot_core.service_settings import coqui_models

from .protocol import Synthesizer

log = logging.getLogger("malbeot.tts")

synthesizers: Registry[Synthesizer] = Registry("synthesizer")
synthesizers.register("espeak", "tts.espeak:EspeakSynthesizer")
synthesizers.register("piper", "tts.piper:PiperSynthesizer")
synthesizers.register("coqui", "tts.coqui:CoquiSynthesizer")
synthesizers.register("kokoro", "tts.kokoro:KokoroSynthesizer")
#: the voices of the Ray Serve deployment (MALBEOT_MODEL_WORKERS=ray; model_workers/)
synthesizers.register("ray", "tts.ray_backend:RaySynthesizer")

DEFAULT_LANGUAGES = ("ko", "en", "vi", "zh", "ja")

#: Round-trip character error rate of each packaged backend per language: synthesised, heard back
#: by whisper base with the language forced, on the held-out half of the dialog's real answers
#: (``bench/voices.py``). The default voice order of a language is by this figure, lowest first;
#: espeak (every language) is always kept last as the fallback.
#: ko: 50 held-out sentences, 2026-12-04 (espeak above 1: whisper hallucinates on its Korean).
#: ja: ``bench/voices.py --languages ja --limit 20 --backends kokoro``.
#: en: Piper's figure from issue 11 (five answers through /v1/transcribe), not yet re-measured here.
MEASURED_CER: Mapping[str, Mapping[str, float]] = {
    "ko": {"kokoro": 0.140, "espeak": 1.688},
    "en": {"piper": 0.05},
    # ja: Kokoro's own Japanese voice (jf_alpha, chosen a priori, not tuned), 20 held-out sentences of the
    # dialog's Japanese answers, 2026-12-05 (Hangul names left out of the reference: no reading for them);
    # eSpeak reads kana only and whisper hallucinates on it (CER above 1)
    "ja": {"kokoro": 0.10, "espeak": 7.873},
    # zh: Kokoro jf_alpha from pinyin with tone arrows (tts/zh_ipa.py); vi: Kokoro jm_kumo from eSpeak's
    # phonemes, toneless (tts/vi_ipa.py). 20 held-out sentences of the dialog's answers, 2026-12-05, Hangul
    # names left out of the reference, whisper's traditional characters made simplified, digits as words:
    # ``bench/voices.py --languages zh --voice jf_alpha --speed 1.0`` (and vi with jm_kumo, tones=false)
    "zh": {"kokoro": 0.345, "espeak": 3.215},
    "vi": {"kokoro": 0.530, "espeak": 0.761},
}


@dataclass(frozen=True)
class VoiceChoice:
    """One backend to try: its registry name and constructor arguments."""

    backend: str
    options: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, backend: str, **options: Any) -> VoiceChoice:
        return cls(backend, tuple(sorted(options.items())))

    def describe(self) -> str:
        args = ", ".join(f"{k}={v}" for k, v in self.options)
        return f"{self.backend}({args})" if args else self.backend


@dataclass(frozen=True)
class VoicePreferences:
    """For each language, the voices to try in order."""

    by_language: Mapping[str, tuple[VoiceChoice, ...]] = field(default_factory=dict)

    @classmethod
    def default(
        cls, coqui_dirs: Mapping[str, Path | str] | None = None, languages: Sequence[str] = DEFAULT_LANGUAGES
    ) -> VoicePreferences:
        coqui_dirs = coqui_dirs if coqui_dirs is not None else coqui_dirs_from_env()
        espeak = VoiceChoice.of("espeak")
        prefs: dict[str, tuple[VoiceChoice, ...]] = {}
        for language in languages:
            choices: list[VoiceChoice] = []
            if language in coqui_dirs:
                choices.append(VoiceChoice.of("coqui", model_dir=str(coqui_dirs[language]), language=language))
            measured = MEASURED_CER.get(language, {})
            choices += [VoiceChoice.of(b) for b in sorted(measured, key=measured.__getitem__) if b != "espeak"]
            prefs[language] = (*choices, espeak)
        return cls(prefs)


def coqui_dirs_from_env(environ: Mapping[str, str] | None = None) -> dict[str, Path]:
    """``MALBEOT_COQUI_KO=/models/ko-vits`` → ``{"ko": Path("/models/ko-vits")}``."""
    return coqui_models(environ)


@dataclass(frozen=True)
class VoiceStatus:
    """Which voice serves a language now: ``backend`` (None: no voice is configured or every one
    failed), whether it is ``loaded`` (False: it will be loaded on first use), and the preferred
    voices that failed to load before it (``"coqui(...): ModelMissing: ..."``)."""

    backend: str | None
    loaded: bool
    failed: tuple[str, ...] = ()


class VoiceSelector:
    """``selector(language) -> Synthesizer``: the first preferred voice that loads, created once.

    Backends are created lazily and shared between languages when their arguments are equal
    (one eSpeak for all). A backend that fails to load is remembered and skipped afterwards.
    Thread-safe (the TTS stage calls it from worker threads).
    """

    def __init__(
        self,
        preferences: VoicePreferences | None = None,
        registry: Registry[Synthesizer] = synthesizers,
        cache_dir: Path | str | None = None,
    ) -> None:
        """``cache_dir``: every voice is wrapped in a :class:`tts.cache.CachedSynthesizer` keeping
        its sentences there (default: the ``MALBEOT_TTS_CACHE`` folder; none when unset)."""
        from .cache import cache_dir_from_env

        self.preferences = preferences or VoicePreferences.default()
        self.registry = registry
        self.cache_dir = Path(cache_dir) if cache_dir is not None else cache_dir_from_env()
        self._lock = threading.RLock()
        self._instances: dict[VoiceChoice, Synthesizer] = {}
        self._chosen: dict[str, Synthesizer] = {}
        #: backends that failed to load, with the reason
        self.failures: dict[VoiceChoice, str] = {}

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(self.preferences.by_language)

    def voices(self) -> dict[str, str]:
        """Language → the voice that serves it, as "backend/voice" (e.g. ``"kokoro/jm_kumo"``).

        A language already spoken names the loaded voice; otherwise the first preferred voice not
        known to have failed is named (it is what the first reply will try).
        """
        out: dict[str, str] = {}
        with self._lock:
            for language, choices in self.preferences.by_language.items():
                if language in self._chosen:
                    out[language] = voice_name(self._chosen[language], language)
                    continue
                planned = next((c for c in choices if c not in self.failures), None)
                out[language] = planned.describe() if planned is not None else "none"
        return out

    def __call__(self, language: str) -> Synthesizer:
        with self._lock:
            if language in self._chosen:
                return self._chosen[language]
            choices = self.preferences.by_language.get(language)
            if not choices:
                raise UnknownLanguage(
                    f"no voice is configured for {language!r}; configured: {', '.join(sorted(self.languages))}",
                    stage="tts",
                )
            for choice in choices:
                synth = self._create(choice)
                if synth is None:
                    continue
                if language not in synth.languages:
                    log.warning("voice %s does not speak %s; trying the next", choice.describe(), language)
                    continue
                self._chosen[language] = synth
                return synth
            reasons = "; ".join(f"{c.describe()}: {self.failures.get(c, 'wrong language')}" for c in choices)
            raise BackendFailed(f"no voice for {language!r} could be loaded ({reasons})", stage="tts")

    def status(self, language: str) -> VoiceStatus:
        """Which voice serves ``language``, without loading anything (for ``/healthz``)."""
        with self._lock:
            choices = self.preferences.by_language.get(language, ())
            failed = tuple(f"{c.describe()}: {self.failures[c]}" for c in choices if c in self.failures)
            for choice in choices:  # the order __call__ tries them in
                if choice in self.failures:
                    continue
                instance = self._instances.get(choice)
                if instance is None:
                    return VoiceStatus(choice.backend, False, failed)
                if language in instance.languages:
                    return VoiceStatus(choice.backend, True, failed)
            return VoiceStatus(None, False, failed)

    def _create(self, choice: VoiceChoice) -> Synthesizer | None:
        if choice in self._instances:
            return self._instances[choice]
        if choice in self.failures:
            return None
        try:
            synth = self.registry.create(choice.backend, **dict(choice.options))
            if self.cache_dir is not None:
                from .cache import CachedSynthesizer

                synth = CachedSynthesizer(synth, self.cache_dir)
        except Exception as exc:  # any load failure means: fall back to the next voice (kept in failures)
            self.failures[choice] = f"{type(exc).__name__}: {exc}"
            log.warning("voice %s failed to load, falling back: %s", choice.describe(), exc)
            return None
        self._instances[choice] = synth
        return synth


def voice_name(synth: Synthesizer, language: str) -> str:
    """"backend/voice" of a loaded synthesiser for ``language`` (backends name their voice with
    ``voice_name(language)`` where they have one)."""
    named = getattr(synth, "voice_name", None)
    return f"{synth.name}/{named(language)}" if callable(named) else synth.name
