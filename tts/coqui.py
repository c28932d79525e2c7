"""Coqui TTS (coqui-tts, the Idiap fork) voices loaded from a local model folder.

No Coqui voice ships in a PyPI package, so this backend is for operators who fetch one (a Korean
VITS voice, or XTTS v2 for ko/zh/ja/en with a reference speaker clip) into a folder holding
``config.json`` and the checkpoint (``model.pth``/``model_file.pth``/``best_model.pth``; XTTS: the
folder itself). torch and coqui are imported only when a voice is created. Nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from malbeot_core.errors import BackendFailed, ModelMissing

from .protocol import clamp_rate, require_language
from .sentences import split_sentences

CHECKPOINT_NAMES = ("model.pth", "model_file.pth", "best_model.pth", "checkpoint.pth")


class CoquiSynthesizer:
    name = "coqui"

    def __init__(
        self,
        model_dir: Path | str,
        language: str,
        *,
        model_language: str | None = None,
        speaker: str | None = None,
        speaker_wav: Path | str | None = None,
        use_cuda: bool = False,
    ) -> None:
        """A voice for ``language`` (Malbeot code) from ``model_dir``.

        ``model_language``: the language name inside a multilingual model (defaults to
        ``language``); ``speaker``/``speaker_wav``: the speaker of a multi-speaker or
        voice-cloning (XTTS) model.
        """
        self.model_dir = Path(model_dir)
        self.languages = frozenset({language})
        self.speaker = speaker
        self.speaker_wav = str(speaker_wav) if speaker_wav is not None else None
        self._lock = threading.Lock()
        config_path = self.model_dir / "config.json"
        if not config_path.is_file():
            raise ModelMissing(f"no Coqui config.json in {self.model_dir}", stage="tts")
        self._is_xtts = json.loads(config_path.read_text(encoding="utf-8")).get("model") == "xtts"
        checkpoint = self.model_dir if self._is_xtts else _checkpoint(self.model_dir)
        synthesizer_class = _import_coqui()
        try:
            self._synth = synthesizer_class(
                tts_checkpoint=checkpoint, tts_config_path=config_path, use_cuda=use_cuda
            )
        except Exception as exc:  # coqui raises many kinds on a bad folder; report them as one
            raise BackendFailed(f"cannot load the Coqui voice in {self.model_dir}: {exc}", stage="tts") from exc
        model = self._synth.tts_model
        multilingual = self._is_xtts or model.language_manager.num_languages > 1
        self._model_language = (model_language or language) if multilingual else None
        self.sample_rate: int = int(self._synth.output_sample_rate)
        self._length_scale = float(getattr(model, "length_scale", 1.0))

    def synthesize(self, text: str, language: str, rate: float = 1.0) -> Iterator[bytes]:
        require_language(self, language)
        return self._stream(text, clamp_rate(rate))

    def _stream(self, text: str, rate: float) -> Iterator[bytes]:
        for sentence in split_sentences(text):
            try:
                wav = self._sentence(sentence, rate)
            except Exception as exc:  # torch / tokenizer errors, reported as a backend failure
                raise BackendFailed(f"Coqui voice in {self.model_dir} failed: {exc}", stage="tts") from exc
            if wav.size:
                yield wav.tobytes()

    def _sentence(self, sentence: str, rate: float) -> np.ndarray:
        kwargs: dict[str, Any] = {
            "speaker_name": self.speaker,
            "language_name": self._model_language,
            "speaker_wav": self.speaker_wav,
            "split_sentences": False,
        }
        model = self._synth.tts_model
        with self._lock:  # the model object (and its length_scale) is shared
            if self._is_xtts:
                wav = self._synth.tts(sentence, speed=rate, **kwargs)
            else:
                model.length_scale = self._length_scale / rate
                try:
                    wav = self._synth.tts(sentence, **kwargs)
                finally:
                    model.length_scale = self._length_scale
        samples = np.clip(np.asarray(wav, dtype=np.float32), -1.0, 1.0)
        return (samples * 32767.0).astype("<i2")


def _checkpoint(model_dir: Path) -> Path:
    for name in CHECKPOINT_NAMES:
        if (model_dir / name).is_file():
            return model_dir / name
    found = sorted(model_dir.glob("*.pth"))
    if len(found) == 1:
        return found[0]
    raise ModelMissing(
        f"no Coqui checkpoint in {model_dir} (looked for {', '.join(CHECKPOINT_NAMES)} or a single *.pth)",
        stage="tts",
    )


def missing_dependencies() -> list[str]:
    """Modules coqui-tts 0.28 imports that are not installed here (it does not declare all of them)."""
    return [m for m in ("torch", "torchaudio", "torchcodec", "six") if importlib.util.find_spec(m) is None]


def _import_coqui() -> Any:
    """``TTS.utils.synthesizer.Synthesizer``, or a clear error naming what is missing."""
    try:
        from TTS.utils.synthesizer import Synthesizer
    except ImportError as exc:
        missing = missing_dependencies()
        why = f"missing {', '.join(missing)}" if missing else " ".join(str(exc).split())
        raise ModelMissing(
            f"coqui-tts cannot be imported here ({why}); install torchaudio and torchcodec built for the "
            "installed torch, and six, or use another voice",
            stage="tts",
        ) from exc
    return Synthesizer
