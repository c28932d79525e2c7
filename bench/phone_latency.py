"""Phone-path voice-to-voice latency at 8 kHz, and how many simultaneous calls keep p95 under goal.

Real 8 kHz recordings (Debian asterisk-core-sounds-en-wav) are spoken in real time, as 8 kHz
μ-law, on two paths: the Twilio-format media stream (``/v1/twilio``, by a carrier client that
follows the published message spec) and the SIP endpoint (INVITE/ACK, RTP both ways, BYE, by a
small SIP phone in phone_peers/sip_caller.py). Voice-to-voice = from the last packet of the caller's
speech to the first reply audio packet the caller receives; it includes the end-of-turn silence the
detector waits for. Then 1, 2, 3... callers talk at once; the sustained count is the largest whose
p95 stays under the goal in bench/README.md. Baseline, in the same run: one caller at a time on a
second gateway configured as before the latency work (partial transcripts on, recognition only
after the end-of-turn silence, a long first sentence synthesised whole).

    .venv/bin/python bench/phone_latency.py [--turns 6] [--levels 1,2,3,4] [--goal 2.5] [--paths twilio,sip]
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import os
import statistics
import sys
import time
import urllib.request
from collections.abc import Awaitable, Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from prometheus_client.parser import text_string_to_metric_families  # noqa: E402

from malbeot_core.audio import AudioFormat, decode_audio_file, pcm16_to_mulaw  # noqa: E402
from malbeot_core.installed import asterisk_recording  # noqa: E402
from phone_peers.sip_caller import SipCaller  # noqa: E402
from phone_peers.twilio_carrier import TwilioCarrier  # noqa: E402
from voice_gateway.channels.config import PhoneConfig  # noqa: E402
from voice_gateway.config import GatewayConfig  # noqa: E402
from voice_gateway.embedded import free_port, serve  # noqa: E402
from voice_gateway.services import Services  # noqa: E402

CLIPS = ["pbx-transfer.wav", "demo-moreinfo.wav", "dir-intro.wav", "telephone-number.wav", "vm-Family.wav",
         "demo-thanks.wav"]
GOAL_P95 = 2.5  # seconds; bench/README.md


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def clip(name: str) -> bytes:
    return pcm16_to_mulaw(decode_audio_file(asterisk_recording(name).read_bytes(), AudioFormat(8000)))


async def sip_turn(port: int, speech: bytes, timeout: float = 60.0) -> float | None:
    async with SipCaller(port) as caller:
        await caller.silence_until(lambda: False, 0.3)
        ended = await caller.speak(speech)
        if not await caller.silence_until(lambda: bool(caller.heard), timeout):
            return None
        return caller.heard[0][0] - ended


async def twilio_turn(url: str, speech: bytes, timeout: float = 60.0) -> float | None:
    async with TwilioCarrier(url, custom={"language": "en"}) as carrier:
        await carrier.silence(0.3)
        await carrier.speak(speech)
        ended = time.perf_counter()
        before = len(carrier.heard.media)
        if not await carrier.silence_until(lambda: len(carrier.heard.media) > before, timeout):
            return None
        await carrier.stop()
        return carrier.heard.media[before][0] - ended


async def run(turns: int, levels: list[int], goal: float, paths: list[str], baseline: bool) -> None:
    services = Services(GatewayConfig())
    services.warm()
    speech = [clip(name) for name in CLIPS]
    print(f"machine: {os.cpu_count()} CPUs; goal: voice-to-voice p95 <= {goal:.2f} s (8 kHz mu-law)")
    setups = [("", True, levels)] + ([(" baseline", False, [1])] if baseline else [])
    for label, tuned, wanted in setups:
        phone = PhoneConfig(notice=False, language="en", sip_port=free_port(), partials=not tuned)
        config = GatewayConfig(port=free_port(), phone=phone, early_asr=tuned, short_first_piece=tuned)
        gen = serve(config, services)
        live = next(gen)
        url = live.ws_url.replace("/v1/call", "/v1/twilio")
        try:
            for path in paths:
                sip, twilio = functools.partial(sip_turn, phone.sip_port), functools.partial(twilio_turn, url)
                turn = sip if path == "sip" else twilio
                before = scrape(live.url)
                await measure(path + label, turn, speech, turns, wanted, goal)
                print(f"{path + label:28s} where the time went (gateway means, all levels): "
                      + breakdown(before, scrape(live.url)))
        finally:
            for _ in gen:
                pass


STAGES = ("asr", "dialog", "tts_first_audio", "voice_to_voice")


def scrape(base_url: str) -> dict[str, float]:
    """Every sample of the gateway's /metrics, as ``name/label values`` → value."""
    text = urllib.request.urlopen(base_url.rstrip("/") + "/metrics", timeout=10).read().decode()
    return {"/".join([sample.name, *sample.labels.values()]): sample.value
            for family in text_string_to_metric_families(text) for sample in family.samples}


def breakdown(before: dict[str, float], after: dict[str, float]) -> str:
    """Mean seconds per stage between two scrapes (end of speech→transcript, →answer, →first audio),
    and the early recognitions used and discarded."""

    def delta(key: str) -> float:
        return after.get(key, 0.0) - before.get(key, 0.0)

    parts = []
    for stage in STAGES:
        total, count = (delta(f"malbeot_stage_latency_seconds_{kind}/{stage}") for kind in ("sum", "count"))
        parts.append(f"{stage} {total / count:.2f} s" if count else f"{stage} -")
    used, discarded = (delta(f"malbeot_asr_early_total/{outcome}") for outcome in ("used", "discarded"))
    return ", ".join(parts) + f"; early recognitions used {used:.0f}, discarded {discarded:.0f}"


async def measure(path: str, turn: Callable[[bytes], Awaitable[float | None]], speech: list[bytes], turns: int,
                  levels: list[int], goal: float) -> None:
    sustained = 0
    all_ok = True
    for level in levels:
        latencies: list[float] = []
        failures = 0
        rounds = max(1, turns // level)
        for r in range(rounds):
            batch = [turn(speech[(r * level + i) % len(speech)]) for i in range(level)]
            for result in await asyncio.gather(*batch):
                if result is None:
                    failures += 1
                else:
                    latencies.append(result)
        p50, p95 = pct(latencies, 0.5), pct(latencies, 0.95)
        mean = statistics.fmean(latencies) if latencies else float("nan")
        ok = failures == 0 and p95 <= goal
        print(f"{path:28s} {level} simultaneous: voice-to-voice p50 {p50:5.2f} s  p95 {p95:5.2f} s  "
              f"mean {mean:5.2f} s  (n={len(latencies)}, no reply: {failures})  {'ok' if ok else 'over goal'}")
        all_ok = all_ok and ok
        if all_ok:
            sustained = level  # every level up to this one kept p95 under the goal
    print(f"{path:28s} sustained simultaneous calls with p95 under {goal:.2f} s: {sustained}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=6)
    parser.add_argument("--levels", default="1,2,3,4")
    parser.add_argument("--goal", type=float, default=GOAL_P95)
    parser.add_argument("--paths", default="sip,twilio")
    parser.add_argument("--no-baseline", action="store_true", help="skip the baseline gateway")
    args = parser.parse_args()
    levels = [int(x) for x in args.levels.split(",")]
    asyncio.run(run(args.turns, levels, args.goal, args.paths.split(","), not args.no_baseline))


if __name__ == "__main__":
    main()
