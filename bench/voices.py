"""Voices heard back: round-trip CER, time to first audio, RTF and memory per language and backend.

Each sentence is synthesised, resampled to 16 kHz and transcribed back by the packaged whisper base
with the language forced; consecutive sentences are joined (0.5 s of silence between) into clips of
at most ~24 s so whisper encodes one 30 s window per clip, not per sentence. CER is counted over
the spoken forms of both sides (digits read out by ``tts.ko_readout`` for Korean, so "30만 원" and
"삼십만 원" are the same), as total edits / total reference characters. eSpeak NG, the voice the
gateway used before, is measured in the same run as the baseline.

The Korean sentences are the real dialog's answers about the sample catalogue
(``bench/voice_sentences.py``), split by hash: ``--half tune`` to choose voices and variants,
``--half held_out`` (default) to report. English (``--languages ko,en``) measures Piper beside eSpeak on the dialog's
English answers, split the same way.

    .venv/bin/python bench/voices.py [--half held_out] [--limit 50] [--languages ko,en]
        [--backends kokoro,piper,espeak]
        [--voice jm_kumo] [--speed 1.1] [--clause-pause 0] [--style tense_mark=ʔ] [--out results.json]
        [--rates 1.0,0.8,0.7]   # the dialog's rates: 1.0, elderly / "slower" 0.8, "slower" again 0.7

Chinese and Vietnamese (``--languages zh,vi``) are Kokoro from IPA (``tts/zh_ipa.py``, ``tts/vi_ipa.py``)
beside eSpeak; ``--style`` then sets a ``ZhStyle`` / ``ViStyle`` field (``tones=false``,
``tone_at_end=true``). Hangul (a Korean programme name beside its gloss) is left out of both sides.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from asr.metrics import edit_distance, normalise  # noqa: E402
from malbeot_core.audio import resample  # noqa: E402
from tts.cache import CachedSynthesizer  # noqa: E402
from tts.protocol import Synthesizer  # noqa: E402

ASR_RATE = 16_000
MAX_CLIP_SECONDS = 24.0
GAP = bytes(2 * ASR_RATE // 2)


@dataclass
class Measured:
    backend: str
    language: str
    sentences: int = 0
    audio_seconds: float = 0.0
    synth_seconds: float = 0.0
    first_audio: list[float] = field(default_factory=list)
    #: time to the first audio of a sentence the cache has (tts/cache.py)
    cached_first_audio: list[float] = field(default_factory=list)
    edits: int = 0
    ref_chars: int = 0
    load_seconds: float = 0.0
    rss_mb: float = 0.0
    examples: list[dict[str, object]] = field(default_factory=list)

    @property
    def cer(self) -> float:
        return self.edits / self.ref_chars if self.ref_chars else 0.0

    def summary(self) -> dict[str, object]:
        first = sorted(self.first_audio)
        return {
            "backend": self.backend,
            "language": self.language,
            "sentences": self.sentences,
            "cer": round(self.cer, 4),
            "first_audio_p50_s": round(statistics.median(first), 3) if first else None,
            "first_audio_max_s": round(first[-1], 3) if first else None,
            "cached_first_audio_p50_s": (
                round(statistics.median(self.cached_first_audio), 4) if self.cached_first_audio else None
            ),
            "rtf": round(self.synth_seconds / self.audio_seconds, 3) if self.audio_seconds else None,
            "audio_seconds": round(self.audio_seconds, 1),
            "load_seconds": round(self.load_seconds, 2),
            "rss_mb_added": round(self.rss_mb, 1),
        }


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def spoken(text: str, language: str) -> str:
    """The form CER is counted on: normalised, digits read out in Korean."""
    if language == "ko":
        from tts.ko_readout import read_out

        text = read_out(text)
    if language in ("ja", "zh", "vi"):  # these voices have no reading for Hangul (a Korean name is heard by its gloss)
        text = re.sub(r"[\uac00-\ud7a3]+", "", text)
    if language == "zh":  # digits as Chinese words, simplified script, on both sides (whisper writes either)
        from zhconv import convert

        from tts.zh_ipa import read_numbers

        text = convert(read_numbers(text), "zh-cn")
    if language == "vi":  # digits as Vietnamese digit words on both sides (whisper writes digits or words)
        from tts.vi_ipa import read_digits

        text = read_digits(text)
    return normalise(text).replace(" ", "")


def timed_synthesis(synth: Synthesizer, text: str, language: str, rate: float = 1.0) -> tuple[bytes, float, float]:
    """(16 kHz PCM, seconds to the first chunk, seconds in all)."""
    start = time.perf_counter()
    first = 0.0
    chunks: list[bytes] = []
    for chunk in synth.synthesize(text, language, rate):
        if not chunks:
            first = time.perf_counter() - start
        chunks.append(chunk)
    total = time.perf_counter() - start
    return resample(b"".join(chunks), synth.sample_rate, ASR_RATE), first, total


def clips(items: list[tuple[str, bytes]]) -> Iterator[tuple[list[str], bytes]]:
    """Consecutive (text, audio) joined into clips of at most MAX_CLIP_SECONDS."""
    texts: list[str] = []
    audio = b""
    for text, pcm in items:
        if texts and (len(audio) + len(GAP) + len(pcm)) / (2 * ASR_RATE) > MAX_CLIP_SECONDS:
            yield texts, audio
            texts, audio = [], b""
        texts.append(text)
        audio = audio + GAP + pcm if audio else pcm
    if texts:
        yield texts, audio


def measure(
    name: str, make: Callable[[], Synthesizer], sentences: list[str], language: str, transcriber: object,
    rate: float = 1.0,
) -> Measured:
    before = rss_mb()
    start = time.perf_counter()
    voice = make()
    result = Measured(name, language, load_seconds=time.perf_counter() - start)
    result.rss_mb = rss_mb() - before
    items = []
    with tempfile.TemporaryDirectory() as cache_dir:
        synth = CachedSynthesizer(voice, cache_dir)
        for sentence in sentences:  # first time: synthesised (and stored)
            pcm, first, total = timed_synthesis(synth, sentence, language, rate)
            result.sentences += 1
            result.first_audio.append(first)
            result.synth_seconds += total
            result.audio_seconds += len(pcm) / (2 * ASR_RATE)
            items.append((sentence, pcm))
        for sentence in sentences:  # second time: from the cache
            result.cached_first_audio.append(timed_synthesis(synth, sentence, language, rate)[1])
    for texts, audio in clips(items):
        heard = transcriber.transcribe(audio, language=language).text  # type: ignore[attr-defined]
        ref, hyp = spoken(" ".join(texts), language), spoken(heard, language)
        edits = edit_distance(ref, hyp)
        result.edits += edits
        result.ref_chars += len(ref)
        result.examples.append({"said": " ".join(texts), "heard": heard, "cer": round(edits / max(1, len(ref)), 3)})
    return result


def kokoro_factory(args: argparse.Namespace) -> Callable[[], Synthesizer]:
    def make() -> Synthesizer:
        from tts.ko_ipa import IpaStyle, KoreanPhonemizer
        from tts.kokoro import DEFAULT_VOICES, KokoroSynthesizer, KokoroVoice, japanese_phonemizer
        from tts.vi_ipa import DEFAULT_TONES, VietnamesePhonemizer, ViStyle
        from tts.zh_ipa import ChinesePhonemizer, ZhStyle

        base = DEFAULT_VOICES.get(args.language, DEFAULT_VOICES["ko"])
        voice = KokoroVoice(
            args.voice or base.voice,
            speed=args.speed if args.speed is not None else base.speed,
            sentence_pause=base.sentence_pause,
            clause_pause=args.clause_pause if args.clause_pause is not None else base.clause_pause,
        )
        options: dict[str, Any] = dict(_style_items(args.style))
        if args.language == "zh":
            zh_style = ZhStyle(**options)
            return KokoroSynthesizer(voices={"zh": voice}, phonemizers={"zh": lambda: ChinesePhonemizer(zh_style)})
        if args.language == "vi":
            tones = dict(DEFAULT_TONES) if options.pop("tones", True) else {k: "" for k in DEFAULT_TONES}
            vi_style = ViStyle(tones=tones, **options)
            return KokoroSynthesizer(voices={"vi": voice},
                                     phonemizers={"vi": lambda: VietnamesePhonemizer(vi_style)})
        style = IpaStyle(**options)
        return KokoroSynthesizer(voices={"ko": voice, "ja": DEFAULT_VOICES["ja"]},
                                 phonemizers={"ko": lambda: KoreanPhonemizer(style), "ja": japanese_phonemizer})

    return make


def _style_items(pairs: list[str]) -> Iterator[tuple[str, object]]:
    for pair in pairs:
        key, _, value = pair.partition("=")
        yield key, (value.lower() == "true") if value.lower() in ("true", "false") else value


def piper_factory(args: argparse.Namespace) -> Callable[[], Synthesizer]:
    def make() -> Synthesizer:
        from tts.piper import PiperSynthesizer

        return PiperSynthesizer(variation=False)

    return make


def espeak_factory(args: argparse.Namespace) -> Callable[[], Synthesizer]:
    def make() -> Synthesizer:
        from tts.espeak import EspeakSynthesizer

        return EspeakSynthesizer()

    return make


FACTORIES = {"kokoro": kokoro_factory, "piper": piper_factory, "espeak": espeak_factory}
#: the backends measured for each language (espeak, the baseline, speaks all)
SPEAKS = {"ko": ("kokoro", "espeak"), "en": ("piper", "espeak"), "ja": ("kokoro", "espeak"),
          "zh": ("kokoro", "espeak"), "vi": ("kokoro", "espeak")}


def _answers(language: str, cache: Path | None) -> list[str]:
    from bench.voice_sentences import answer_sentences

    path = cache / f"answers_{language}.json" if cache is not None else None
    if path is not None and path.exists():
        return list(json.loads(path.read_text(encoding="utf-8")))
    out = answer_sentences(language)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--half", choices=("tune", "held_out"), default="held_out")
    parser.add_argument("--limit", type=int, default=50, help="sentences of the half to use (its first N)")
    parser.add_argument("--languages", default="ko", help="comma-separated: ko,en")
    parser.add_argument("--backends", default="kokoro,piper,espeak")
    parser.add_argument("--voice")
    parser.add_argument("--speed", type=float)
    parser.add_argument("--rates", default="1.0",
                        help="the dialog's speaking-rate factors to measure, comma-separated (e.g. 1.0,0.8,0.7)")
    parser.add_argument("--clause-pause", type=float)
    parser.add_argument("--style", action="append", default=[], help="IpaStyle field=value (repeatable)")
    parser.add_argument("--out", type=Path, help="write every clip said/heard here (JSON)")
    parser.add_argument("--sentences-cache", type=Path,
                        help="folder keeping each language's answer sentences (made once; saves minutes per run)")
    args = parser.parse_args()

    from asr.whisper import WhisperTranscriber
    from bench.voice_sentences import split

    transcriber = WhisperTranscriber()
    results = []
    for language in args.languages.split(","):
        args.language = language
        halves = split([s for s in _answers(language, args.sentences_cache) if spoken(s, language)])
        sentences = list(halves.half(args.half))[: args.limit]
        print(f"# {language}: {len(halves.tune)} tune / {len(halves.held_out)} held-out sentences; using "
              f"{len(sentences)} of {args.half}", flush=True)
        for backend in args.backends.split(","):
            if backend not in SPEAKS[language]:
                continue
            for rate in (float(r) for r in args.rates.split(",")):
                name = backend if rate == 1.0 else f"{backend}@{rate:g}"
                result = measure(name, FACTORIES[backend](args), sentences, language, transcriber, rate)
                print(json.dumps(result.summary(), ensure_ascii=False), flush=True)
                results.append(result)
    if args.out:
        args.out.write_text(
            json.dumps([{**r.summary(), "clips": r.examples} for r in results], ensure_ascii=False, indent=1),
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
