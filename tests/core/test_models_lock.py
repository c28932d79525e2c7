"""models.lock: every entry well formed; resolution verifies hashes and never downloads; the CLI."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from malbeot_core import models
from malbeot_core.errors import ModelHashMismatch, ModelMissing
from voice_gateway.cli import main

PACKAGED = ("faster-whisper-base", "silero-vad-v6", "piper-en-joe-medium", "multilingual-e5-small-st")


def test_every_entry_is_pinned_and_licensed() -> None:
    entries = models.load_lock()
    assert set(PACKAGED) <= set(entries)
    for entry in entries.values():
        assert entry.source and entry.revision and entry.licence and entry.files, entry.name
        for f in entry.files:
            assert f.path and (len(f.sha256) == 64 or (f.sha256 == "" and not entry.builder)), (entry.name, f)


@pytest.mark.parametrize("name", PACKAGED)
def test_packaged_models_resolve_verified(name: str) -> None:
    path = models.resolve(name)
    assert models.verify_dir(models.entry(name), path) == []


def test_explicit_dir_with_a_changed_file_is_refused(tmp_path: Path) -> None:
    src = models.resolve("silero-vad-v6")
    copy = tmp_path / "silero-vad-v6"
    copy.mkdir()
    data = bytearray((src / "silero_vad_v6.onnx").read_bytes())
    data[100] ^= 0xFF  # one flipped byte
    (copy / "silero_vad_v6.onnx").write_bytes(bytes(data))
    with pytest.raises(ModelHashMismatch, match="sha256"):
        models.resolve("silero-vad-v6", copy)
    shutil.copyfile(src / "silero_vad_v6.onnx", copy / "silero_vad_v6.onnx")
    assert models.resolve("silero-vad-v6", copy) == copy


def test_missing_model_names_the_fetch_command(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MALBEOT_HOME", str(tmp_path))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub"))
    with pytest.raises(ModelMissing, match="models fetch nllb-200-distilled-600M"):
        models.resolve("nllb-200-distilled-600M")


def test_cli_list_and_verify(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["models", "list"]) == 0
    listed = capsys.readouterr().out
    assert "faster-whisper-base" in listed and "MIT" in listed
    assert main(["models", "verify", *PACKAGED]) == 0
    verified = capsys.readouterr().out
    assert verified.count("ok") == len(PACKAGED), verified
    assert main(["models", "verify", "no-such-model"]) == 1
    assert "not_found" in capsys.readouterr().out
    with pytest.raises(SystemExit) as usage:  # argparse: bad usage is status 2
        main(["models", "nothing"])
    assert usage.value.code == 2
