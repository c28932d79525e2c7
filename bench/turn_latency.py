"""Turn latency on real audio through the real gateway (figures, not pass/fail).

For N turns of real recorded speech streamed in real time over the call websocket, prints the time
from end of speech to the final transcript, to the answer text and to the first reply-audio byte
(p50/p95), the ASR real-time factor and the process's peak RSS. The baseline in the same run is a
non-streaming reply: the time to synthesise the whole answer before sending anything.

    .venv/bin/python bench/turn_latency.py [--turns 8] [--rate 16000|8000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kiosk_client.client import stream_call  # noqa: E402
from malbeot_core.audio import decode_audio_file, resample  # noqa: E402
from malbeot_core.installed import asterisk_recording  # noqa: E402
from voice_gateway.config import GatewayConfig  # noqa: E402
from voice_gateway.embedded import free_port, serve  # noqa: E402
from voice_gateway.services import Services  # noqa: E402

ENGLISH = ["demo-moreinfo.wav", "pbx-transfer.wav", "dir-intro.wav", "telephone-number.wav", "vm-Family.wav"]
KOREAN = ["pfd00001.wav", "pfo00003.wav", "pmb00004.wav", "ema00003.wav"]


def clips() -> list[tuple[str, bytes]]:
    out = [(f"en/{name}", decode_audio_file(asterisk_recording(name).read_bytes())) for name in ENGLISH]
    korean = REPO.parent / "shared" / "data" / "ko_speech_emotiontts" / "wav"
    if korean.is_dir():
        out += [(f"ko/{name}", decode_audio_file((korean / name).read_bytes())) for name in KOREAN]
    else:
        print("note: ../shared/data absent, Korean clips not run")
    return out


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def row(name: str, values: list[float]) -> str:
    return f"{name:<38} p50 {pct(values, 0.5):6.2f} s   p95 {pct(values, 0.95):6.2f} s   (n={len(values)})"


async def run(turns: int, rate: int) -> None:
    services = Services(GatewayConfig())
    t0 = time.perf_counter()
    services.warm()
    print(f"models loaded in {time.perf_counter() - t0:.1f} s: {json.dumps(services.load_seconds)}")
    gen = serve(GatewayConfig(port=free_port()), services)
    live = next(gen)
    audio = clips()
    to_final: list[float] = []
    to_answer: list[float] = []
    to_audio: list[float] = []
    whole_synth: list[float] = []
    rtf: list[float] = []
    for i in range(turns):
        name, pcm16 = audio[i % len(audio)]
        pcm = resample(pcm16, 16000, rate)
        result = await stream_call(live.ws_url, b"\x00\x00" * (rate // 4) + pcm, rate, pace=1.0, timeout=90)
        end = result.speech_sent_until
        final, answer, audio_start = result.first("final_transcript"), result.first("answer"), result.first(
            "audio_start")
        if final is None or answer is None or audio_start is None:
            print(f"{name}: incomplete turn {result.types()}")
            continue
        to_final.append(final.at - end)
        to_answer.append(answer.at - end)
        to_audio.append(audio_start.at - end)
        text, language = answer.event["text"], answer.event["language"]
        voice = services.voices(language)
        s = time.perf_counter()
        b"".join(voice.synthesize(text, language, 1.0))
        whole_synth.append(answer.at - end + time.perf_counter() - s)
        s = time.perf_counter()
        services.transcriber.transcribe(pcm16, None, GatewayConfig().languages)
        rtf.append((time.perf_counter() - s) / (len(pcm16) / 32000))
        print(f"{name:<22} final {to_final[-1]:5.2f}s answer {to_answer[-1]:5.2f}s first audio {to_audio[-1]:5.2f}s"
              f"  | {final.event['text'][:60]}")
    for _ in gen:
        pass
    print()
    print(f"turns: {len(to_final)} at {rate} Hz input (end of speech = last speech frame sent, real-time pacing)")
    print(row("end of speech -> final transcript", to_final))
    print(row("end of speech -> answer text", to_answer))
    print(row("end of speech -> first reply audio", to_audio))
    print(row("baseline: whole answer synthesised", whole_synth))
    print(f"{'ASR real-time factor (whole clip)':<38} mean {statistics.mean(rtf):6.3f}   max {max(rtf):6.3f}")
    print(f"{'peak RSS':<38} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:6.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=9)
    parser.add_argument("--rate", type=int, default=16000, choices=(8000, 16000))
    args = parser.parse_args()
    asyncio.run(run(args.turns, args.rate))


if __name__ == "__main__":
    main()
