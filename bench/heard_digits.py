"""Receipt numbers heard back: are the twelve digits a caller is read understood?

For each receipt ``MB-YYMMDD-NNNNNN`` (drawn from a fixed seed), the sentence Malbeot says after an
application ("受付番号は二六一二ゼロ五の一ゼロ八二六四です。", ``dialog/templates/flows.py`` with the digits
of ``dialog/templates/numbers.py``) is spoken by the gateway's voice for the language (Kokoro; see
docs/voices.md) and transcribed back by the packaged whisper base, language forced, greedy decoding.
Reported per variant: the share of receipts whose twelve digits are all heard, in order
(``asr.heard_forms.digit_run``), and the digit error rate (edits / digits).

Receipts with an even index are the tuning half (to choose a variant), odd ones the held-out half
(the figure reported). Japanese variants: ``plain`` (the digits as numbers.py writes them) and
``zero_space`` (a space after each ゼロ: without it OpenJTalk reads the kanji digits after a ゼロ as
one number, 一ゼロ八二六四 → イチゼロ ハッセンニヒャクロクジューヨン).

    .venv/bin/python bench/heard_digits.py --languages ja --variants plain,zero_space --count 24
    .venv/bin/python bench/heard_digits.py --languages zh,vi --count 24
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from asr.heard_forms import digit_run
from asr.metrics import edit_distance
from dialog.templates import flows, numbers
from malbeot_core.audio import resample

ASR_RATE = 16_000

VARIANTS: dict[str, Callable[[str], str]] = {
    "plain": lambda spoken: spoken,
    "zero_space": lambda spoken: spoken.replace("ゼロ", "ゼロ "),
}


def receipts(count: int, seed: int = 20261206) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        day = f"{rng.randint(25, 27):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        out.append(f"MB-{day}-{rng.randrange(1_000_000):06d}")
    return out


def sentence(receipt: str, language: str, variant: str) -> str:
    """The receipt's sentence of the "submitted" answer, as the voice is given it."""
    spoken = VARIANTS[variant](numbers.number_groups(receipt, language))
    full = flows.phrase(flows.APPLICATION, "submitted", language, spoken=spoken)
    return next(piece for piece in re.split(r"(?<=[。.])\s*", full) if spoken in piece)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--languages", default="ja")
    parser.add_argument("--variants", default="plain")
    parser.add_argument("--count", type=int, default=24)
    parser.add_argument("--out", type=Path, help="every sentence said and heard (JSON)")
    args = parser.parse_args()

    from asr.whisper import WhisperTranscriber
    from tts.registry import VoiceSelector

    whisper = WhisperTranscriber(temperatures=(0.0,))
    voices = VoiceSelector(cache_dir=None)
    rows = []
    for language in args.languages.split(","):
        voice = voices(language)
        for variant in args.variants.split(","):
            halves: dict[str, list[tuple[bool, int]]] = {"tune": [], "held_out": []}
            for i, receipt in enumerate(receipts(args.count)):
                text = sentence(receipt, language, variant)
                pcm = resample(b"".join(voice.synthesize(text, language, 1.0)), voice.sample_rate, ASR_RATE)
                heard = whisper.transcribe(pcm, language).text
                digits, got = "".join(ch for ch in receipt if ch.isdigit()), digit_run(heard, language)
                whole = digits in got
                edits = edit_distance(digits, got)
                halves["tune" if i % 2 == 0 else "held_out"].append((whole, edits))
                rows.append({"language": language, "variant": variant, "receipt": receipt, "said": text,
                             "heard": heard, "whole": whole, "digit_edits": edits})
                print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
            for half, results in halves.items():
                n = len(results)
                summary = {"language": language, "variant": variant, "half": half, "receipts": n,
                           "heard_whole": round(sum(w for w, _ in results) / n, 3),
                           "digit_error_rate": round(sum(e for _, e in results) / (12 * n), 3)}
                print("SUMMARY " + json.dumps(summary, ensure_ascii=False), flush=True)
    if args.out:
        args.out.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
