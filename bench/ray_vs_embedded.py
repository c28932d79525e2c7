"""One call at a time, the same gateway code with its models embedded or on Ray workers, interleaved.

A local Ray cluster (2 CPUs) runs the model deployments; in one process the gateway is started with
``MALBEOT_MODEL_WORKERS=ray`` and then embedded, twice each (ray, embedded, ray, embedded), and takes
``--calls`` calls of a real recording (Asterisk's ``vm-nobodyavail``, human English) one after the
other, after one warm-up call. Per call: voice-to-voice (end of the recording → ``audio_start``), and
the final transcript and answer times after the end of the recording; per gateway the per-stage
latency sums from ``/metrics``. Interleaving puts both settings under the same load of a shared machine.

    .venv/bin/python bench/ray_vs_embedded.py [--calls 3]
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx

from kiosk_client.client import stream_call
from malbeot_core.installed import asterisk_recording
from model_workers.control import deploy
from model_workers.deployments import WorkerOptions
from model_workers.local_cluster import LocalRayCluster
from tests.e2e.audio_fixtures import read_audio
from voice_gateway.config import GatewayConfig
from voice_gateway.embedded import LiveGateway, free_port, serve
from voice_gateway.services import Services


async def calls(gateway: LiveGateway, pcm: bytes, n: int) -> list[tuple[float, float, float]]:
    out = []
    for _ in range(n):
        result = await stream_call(gateway.ws_url, pcm, 16000, pace=1.0, timeout=60)
        start, final, answer = (result.first(k) for k in ("audio_start", "final_transcript", "answer"))
        assert start and final and answer, result.types()
        end = result.speech_sent_until
        out.append((round(start.at - end, 2), round(final.at - end, 2), round(answer.at - end, 2)))
    return out


def stage_sums(url: str) -> dict[str, float]:
    text = httpx.get(url + "/metrics").text
    return {m: round(float(v), 2) for m, v in re.findall(r'^malbeot_stage_latency_seconds_sum\{stage="(\w+)"\} (\S+)$',
                                                         text, re.M)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=3)
    args = parser.parse_args()
    pcm = b"\x00\x00" * 4800 + read_audio(asterisk_recording("vm-nobodyavail.wav"))
    with LocalRayCluster(2) as cluster:
        deploy(cluster.address, WorkerOptions())
        for mode in ("ray", "embedded", "ray", "embedded"):
            config = GatewayConfig(port=free_port())
            if mode == "ray":
                config = dataclasses.replace(config, model_workers="ray", ray_address=cluster.address,
                                             asr_backend="ray", embedder="ray")
            services = Services(config)
            services.warm()
            live = serve(config, services)
            gateway = next(live)
            try:
                asyncio.run(calls(gateway, pcm, 1))  # warm-up
                measured = asyncio.run(calls(gateway, pcm, args.calls))
                print(f"{mode:9} v2v / final / answer (s): {measured}  stage sums: {stage_sums(gateway.url)}",
                      flush=True)
            finally:
                for _ in live:  # resuming the generator stops the server
                    pass
    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
