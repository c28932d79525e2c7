"""Turn latency on real audio through the real gateway (figures, not pass/fail).

For N turns of real recorded speech streamed in real time over the call websocket, prints the time
from end of speech to the final transcript, to the answer text and to the first reply-audio byte
(p50/p95), the ASR real-time factor and the process's peak RSS. The baseline in the same run is a
non-streaming reply: the time to synthesise the whole answer before sending anything.

With ``--peer-python`` (the interpreter of a venv holding PyPI's ``wyoming-faster-whisper``), each
turn's clip is also streamed, right after Malbeot's turn, to that plain peer serving the same model
folder (bench/wyoming_peer.py), and the two are printed side by side: end of speech -> final
transcript p50/p95, their ratio, Korean CER and peak RSS.

    [MALBEOT_SHARED_DATA=/work/shared/data] .venv/bin/python bench/turn_latency.py [--turns 9] [--rate 16000|8000]
        [--peer-python /work/peer-venv/bin/python]
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

from asr.metrics import cer  # noqa: E402
from bench.shared_data import SHARED  # noqa: E402
from bench.wyoming_peer import STOP_AFTER_SILENCE, WyomingPeer, side_by_side  # noqa: E402
from kiosk_client.client import stream_call  # noqa: E402
from malbeot_core.audio import decode_audio_file, resample  # noqa: E402
from malbeot_core.installed import asterisk_recording  # noqa: E402
from malbeot_core.models import resolve  # noqa: E402
from voice_gateway.config import GatewayConfig  # noqa: E402
from voice_gateway.embedded import free_port, serve  # noqa: E402
from voice_gateway.services import Services  # noqa: E402

ENGLISH = ["demo-moreinfo.wav", "pbx-transfer.wav", "dir-intro.wav", "telephone-number.wav", "vm-Family.wav"]
KOREAN = ["pfd00001.wav", "pfo00003.wav", "pmb00004.wav", "ema00003.wav"]
KOREAN_DIR = SHARED / "ko_speech_emotiontts"


def clips() -> list[tuple[str, bytes]]:
    out = [(f"en/{name}", decode_audio_file(asterisk_recording(name).read_bytes())) for name in ENGLISH]
    korean = KOREAN_DIR / "wav"
    if korean.is_dir():
        out += [(f"ko/{name}", decode_audio_file((korean / name).read_bytes())) for name in KOREAN]
    else:
        print(f"note: {korean} absent, Korean clips not run")
    return out


def korean_references() -> dict[str, str]:
    """Spoken-form transcripts of the Korean clips, by bench name (``ko/<file>``)."""
    manifest = KOREAN_DIR / "manifest.jsonl"
    if not manifest.is_file():
        return {}
    rows = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {f"ko/{Path(r['path']).name}": r["transcript"] for r in rows}


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def row(name: str, values: list[float]) -> str:
    return f"{name:<38} p50 {pct(values, 0.5):6.2f} s   p95 {pct(values, 0.95):6.2f} s   (n={len(values)})"


async def run(turns: int, rate: int, peer_python: Path | None, partials: bool = True) -> None:
    services = Services(GatewayConfig())
    t0 = time.perf_counter()
    services.warm()
    print(f"models loaded in {time.perf_counter() - t0:.1f} s: {json.dumps(services.load_seconds)}")
    peer = None
    if peer_python is not None:
        peer = WyomingPeer(peer_python, resolve("faster-whisper-base"))
        print(f"peer wyoming-faster-whisper ready in {peer.wait_ready():.1f} s on port {peer.port}")
    try:
        await turns_and_report(services, turns, rate, peer, partials)
    finally:
        if peer is not None:
            peer.stop()


async def turns_and_report(services: Services, turns: int, rate: int, peer: WyomingPeer | None,
                           partials: bool = True) -> None:
    gen = serve(GatewayConfig(port=free_port()), services)
    live = next(gen)
    audio = clips()
    references = korean_references()
    to_final: list[float] = []
    to_answer: list[float] = []
    to_audio: list[float] = []
    whole_synth: list[float] = []
    rtf: list[float] = []
    peer_final: list[float] = []
    ours_cer: list[float] = []
    peer_cer: list[float] = []
    for i in range(turns):
        name, pcm16 = audio[i % len(audio)]
        pcm = b"\x00\x00" * (rate // 4) + resample(pcm16, 16000, rate)
        result = await stream_call(live.ws_url, pcm, rate, pace=1.0, timeout=90,
                                   params=None if partials else {"partials": "0"})
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
        heard = str(final.event["text"])
        print(f"{name:<22} final {to_final[-1]:5.2f}s answer {to_answer[-1]:5.2f}s first audio {to_audio[-1]:5.2f}s"
              f"  | {heard[:60]}")
        reference = references.get(name)
        if reference is not None:
            ours_cer.append(cer(reference, heard))
        if peer is not None:
            # the same clip, right after Malbeot's turn, with the language Home Assistant's pipeline sends
            theirs = await peer.turn(pcm, rate, name.split("/")[0])
            peer_final.append(theirs.to_transcript)
            if reference is not None:
                peer_cer.append(cer(reference, theirs.text))
            print(f"{'  peer':<22} final {theirs.to_transcript:5.2f}s{'':32}| {theirs.text[:60]}")
    for _ in gen:
        pass
    ours_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print()
    print(f"turns: {len(to_final)} at {rate} Hz input (end of speech = last speech frame sent, real-time pacing)")
    print(row("end of speech -> final transcript", to_final))
    print(row("end of speech -> answer text", to_answer))
    print(row("end of speech -> first reply audio", to_audio))
    print(row("baseline: whole answer synthesised", whole_synth))
    print(f"{'ASR real-time factor (whole clip)':<38} mean {statistics.mean(rtf):6.3f}   max {max(rtf):6.3f}")
    print(f"{'peak RSS':<38} {ours_rss:6.0f} MB")
    print()
    if peer is None:
        print("peer: not run (pass --peer-python)")
        return
    print(f"beside the plain peer (same clips, same model folder, beam 1, 2 threads; peer: AudioStop "
          f"{STOP_AFTER_SILENCE} s after the speech)")
    for line in side_by_side(comparison(to_final, peer_final, ours_cer, peer_cer, ours_rss, peer.peak_rss_mb())):
        print(line)


def comparison(ours: list[float], theirs: list[float], ours_cer: list[float], theirs_cer: list[float],
               ours_rss: float, theirs_rss: float) -> list[tuple[str, str, str]]:
    """Rows of the side-by-side table: final transcript p50/p95, p50 ratio, Korean CER, peak RSS."""
    def mean(values: list[float]) -> str:
        return f"{statistics.mean(values):.3f} (n={len(values)})" if values else "-"

    ratio = pct(ours, 0.5) / pct(theirs, 0.5) if theirs and ours else float("nan")
    return [
        ("end of speech -> final p50", f"{pct(ours, 0.5):.2f} s", f"{pct(theirs, 0.5):.2f} s"),
        ("end of speech -> final p95", f"{pct(ours, 0.95):.2f} s", f"{pct(theirs, 0.95):.2f} s"),
        ("final p50 ratio (Malbeot / peer)", f"{ratio:.2f}", "(goal <= 0.50)"),
        ("Korean CER (mean)", mean(ours_cer), mean(theirs_cer)),
        ("peak RSS (Malbeot: whole gateway)", f"{ours_rss:.0f} MB", f"{theirs_rss:.0f} MB"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=9)
    parser.add_argument("--rate", type=int, default=16000, choices=(8000, 16000))
    parser.add_argument("--peer-python", type=Path, default=None,
                        help="python of a venv with wyoming-faster-whisper: run that peer beside Malbeot")
    parser.add_argument("--no-partials", action="store_true",
                        help="ask the call for no partial transcripts (they compete with the final for the cores)")
    args = parser.parse_args()
    asyncio.run(run(args.turns, args.rate, args.peer_python, not args.no_partials))


if __name__ == "__main__":
    main()
