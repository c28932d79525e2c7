"""Model-free backends for composing a call's real pipeline in tests (they implement the real protocols).

- :class:`LevelDetector` is a ``SpeechDetector``: a 20 ms frame is speech when it is loud;
- :func:`fake_services` fills a real :class:`~voice_gateway.services.Services` with a scripted
  transcriber (``tests.fakes.ScriptedTranscriber``), the dialog over the sample catalogue with a
  hashing embedder, the identity translator and a recording tone voice behind a real
  ``VoiceSelector``, so nothing loads a model.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from asr.vad import detectors
from dialog.catalogue.sample import sample_programmes
from dialog.manager import DialogManager
from dialog.retrieval.hybrid import HybridRetriever
from malbeot_core.audio import INTERNAL, AudioChunk
from malbeot_core.registry import Registry
from tests.fakes import HashingEmbedder, ScriptedTranscriber
from tests.tts.tts_fakes import ToneSynthesizer
from translate.identity import IdentityTranslator
from tts.protocol import Synthesizer
from tts.registry import VoiceChoice, VoicePreferences, VoiceSelector
from voice_gateway.config import GatewayConfig
from voice_gateway.services import Services

#: the registry name of :class:`LevelDetector` (``GatewayConfig.vad``)
LEVEL_VAD = "test-level"
detectors.register(LEVEL_VAD, "tests.gateway.pipeline_fakes:LevelDetector")


class LevelDetector:
    """A SpeechDetector: a 20 ms frame is speech when it is loud."""

    frame_seconds = 0.02

    def probability(self, frame_pcm: bytes) -> float:
        samples = np.frombuffer(frame_pcm, dtype="<i2").astype(np.int32)
        return 1.0 if samples.size and int(np.abs(samples).max()) >= 1000 else 0.0

    def reset(self) -> None:
        """Stateless."""


def tone_chunks(seconds: float, start: float = 0.0) -> list[AudioChunk]:
    """A loud 440 Hz tone in 20 ms chunks of internal audio, from audio time ``start``."""
    t = np.arange(round(seconds * INTERNAL.rate)) / INTERNAL.rate
    pcm = (np.sin(2 * np.pi * 440 * t) * 8000).astype("<i2").tobytes()
    step = 320 * INTERNAL.width
    return [AudioChunk(pcm[i : i + step], INTERNAL, start + i / INTERNAL.width / INTERNAL.rate)
            for i in range(0, len(pcm), step)]


@dataclasses.dataclass
class FakeBackends:
    services: Services
    transcriber: ScriptedTranscriber
    #: the voice every language is spoken with (it records ``(text, language, rate)`` of every call)
    voice: ToneSynthesizer
    dialog: DialogManager


def tone_voices(languages: tuple[str, ...]) -> VoiceSelector:
    """A real ``VoiceSelector`` whose only backend ("tone") is a :class:`ToneSynthesizer` for ``languages``."""
    registry: Registry[Synthesizer] = Registry("synthesizer")
    registry.register("tone", "tests.tts.tts_fakes:ToneSynthesizer")
    choice = VoiceChoice.of("tone", languages=frozenset(languages))
    return VoiceSelector(VoicePreferences({lang: (choice,) for lang in languages}), registry)


def fake_services(config: GatewayConfig | None = None) -> FakeBackends:
    config = config or GatewayConfig(vad=LEVEL_VAD, preload=False)
    selector = tone_voices(config.languages)
    voice = selector(config.languages[0])
    assert isinstance(voice, ToneSynthesizer)
    transcriber = ScriptedTranscriber("기초연금 알려 주세요", spoken_language="ko")
    dialog = DialogManager(HybridRetriever(sample_programmes(), HashingEmbedder()))
    services = Services(config)
    services.__dict__.update(transcriber=transcriber, voices=selector, dialog=dialog, retriever=dialog.retriever,
                             translator=IdentityTranslator())
    return FakeBackends(services, transcriber, voice, dialog)
