"""Time to the first reply audio and the silences inside a first sentence, by how it is cut (issue 14).

The slow voices (Kokoro: Korean, Chinese, Japanese, Vietnamese) make the caller wait for the whole
first piece of an answer; the shorter first piece is for Korean answers. For each held-out first
sentence of the real dialog's Korean answers
(``bench/voice_sentences.py``), the pieces are synthesised one after another with the gateway's
Korean voice, as the TTS stage does, and playback is simulated: the first audio comes when the first
piece is ready; a stall is time a piece was still being synthesised when the one before had finished
playing. Two cuts, interleaved sentence by sentence in the same run: the baseline
(``lead_with_a_clause(..., language="ko", wide_max=None)``: a first sentence over 80 is cut at its
first clause mark only) and the rule for Korean (cut over 40, also at Korean phrase boundaries,
pieces at most doubling). ``--heard`` also transcribes each whole reply with whisper and prints the CER of both.

    .venv/bin/python bench/first_piece.py [--limit 24] [--half held_out] [--heard]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from asr.metrics import edit_distance, normalise  # noqa: E402
from bench.voice_sentences import answer_sentences, split  # noqa: E402
from malbeot_core.audio import resample  # noqa: E402
from tts.ko_readout import read_out  # noqa: E402
from tts.protocol import Synthesizer  # noqa: E402
from tts.sentences import lead_with_a_clause  # noqa: E402
from voice_gateway.config import GatewayConfig  # noqa: E402
from voice_gateway.services import Services  # noqa: E402


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def play(synth: Synthesizer, pieces: list[str]) -> tuple[float, float, bytes]:
    """(first audio, stalled seconds, the audio) for pieces synthesised in turn and played as ready."""
    ready = 0.0
    play_end = 0.0
    stalled = 0.0
    first = 0.0
    audio = b""
    for i, piece in enumerate(pieces):
        start = time.perf_counter()
        pcm = b"".join(synth.synthesize(piece, "ko", 1.0))
        ready += time.perf_counter() - start
        seconds = len(pcm) / (2 * synth.sample_rate)
        if i == 0:
            first = ready
            play_end = ready + seconds
        else:
            stalled += max(0.0, ready - play_end)
            play_end = max(play_end, ready) + seconds
        audio += pcm
    return first, stalled, audio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--limit", type=int, default=24)
    parser.add_argument("--half", choices=("tune", "held_out"), default="held_out")
    parser.add_argument("--heard", action="store_true", help="transcribe each reply and print the CER")
    args = parser.parse_args()
    sentences = list(split(answer_sentences("ko")).half(args.half))
    cut = [s for s in sentences if len(lead_with_a_clause([s], language="ko")) > 1][: args.limit]
    print(f"{len(sentences)} {args.half} Korean answer sentences; {len(cut)} measured (those the rule cuts)")
    services = Services(GatewayConfig())
    synth = services.voices("ko")
    b"".join(synth.synthesize("안녕하세요.", "ko", 1.0))  # warm up
    rows: dict[str, dict[str, list[float]]] = {m: {"first": [], "stall": [], "cer": []} for m in ("baseline", "rule")}
    for sentence in cut:
        for mode, wide_max in (("baseline", None), ("rule", 40)):
            pieces = lead_with_a_clause([sentence], language="ko", wide_max=wide_max)
            first, stalled, audio = play(synth, pieces)
            rows[mode]["first"].append(first)
            rows[mode]["stall"].append(stalled)
            if args.heard:
                pcm16 = resample(audio, synth.sample_rate, 16000)
                heard = services.transcriber.transcribe(pcm16, "ko", ("ko",)).text
                ref = normalise(read_out(sentence))
                rows[mode]["cer"].append(edit_distance(ref, normalise(read_out(heard))) / max(1, len(ref)))
            print(f"  {mode:<8} first {first:5.2f}s stalled {stalled:5.2f}s  pieces {len(pieces)}  | {pieces[0][:40]}")
    print()
    for mode, r in rows.items():
        cer = f"  CER {statistics.mean(r['cer']):.3f}" if r["cer"] else ""
        print(f"{mode:<9} first audio p50 {pct(r['first'], 0.5):5.2f} s  p95 {pct(r['first'], 0.95):5.2f} s"
              f"   stalled mean {statistics.mean(r['stall']):5.2f} s  max {max(r['stall']):5.2f} s{cer}"
              f"   (n={len(r['first'])})")


if __name__ == "__main__":
    main()
