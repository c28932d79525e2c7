"""Build tiny, randomly initialised translation models offline (loading and plumbing, not quality)."""

from __future__ import annotations

import io
import json
import warnings
from pathlib import Path
from typing import Any

from translate.seq2seq import Generation

#: random weights rarely stop early: keep generation short
TINY_GENERATION = Generation(max_new_tokens=6, num_beams=1)

#: a few sentences in the five Malbeot languages; the tiny vocabularies are built from them
SENTENCES = (
    "기초연금은 만 65세 이상 어르신께 드립니다.",
    "주민센터에 신분증을 가지고 오세요.",
    "Basic pension is paid to residents aged 65 or older.",
    "Please bring your ID card to the community centre.",
    "Lương hưu cơ bản dành cho người từ 65 tuổi trở lên.",
    "基础养老金发放给65岁以上的居民。",
    "基礎年金は65歳以上の方に支給されます。",
)

# one layer, 16 dimensions: a few hundred kB on disk, milliseconds per sentence on a CPU
_TINY: dict[str, Any] = {
    "d_model": 16,
    "encoder_layers": 1,
    "decoder_layers": 1,
    "encoder_attention_heads": 2,
    "decoder_attention_heads": 2,
    "encoder_ffn_dim": 32,
    "decoder_ffn_dim": 32,
    "max_position_embeddings": 256,
}


def build_tiny_nllb(directory: Path) -> Path:
    """An NLLB (M2M100 architecture) model with a character-level fast NllbTokenizer."""
    import torch
    from transformers import M2M100Config, M2M100ForConditionalGeneration, NllbTokenizer

    vocab = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3, "▁": 4}
    for char in sorted({c for s in SENTENCES for c in s if not c.isspace()}):
        vocab.setdefault(char, len(vocab))
    # the FLORES-200 language tokens are added as special tokens by the tokenizer itself
    tokenizer = NllbTokenizer(vocab=vocab, merges=[], src_lang="kor_Hang")
    tokenizer.save_pretrained(directory)
    config = M2M100Config(
        vocab_size=len(tokenizer),
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.eos_token_id,
        **_TINY,
    )
    torch.manual_seed(0)
    M2M100ForConditionalGeneration(config).save_pretrained(directory)
    return directory


def build_tiny_marian(directory: Path, source: str = "en", target: str = "vi") -> Path:
    """A MarianMT model with a SentencePiece model trained here on :data:`SENTENCES`."""
    import sentencepiece
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    directory.mkdir(parents=True, exist_ok=True)
    proto = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(SENTENCES * 4),
        model_writer=proto,
        vocab_size=120,
        hard_vocab_limit=False,
        character_coverage=1.0,
        unk_id=0,
        eos_id=1,
        bos_id=-1,
        pad_id=-1,
        minloglevel=2,
    )
    for name in ("source.spm", "target.spm"):
        (directory / name).write_bytes(proto.getvalue())
    processor = sentencepiece.SentencePieceProcessor(model_proto=proto.getvalue())
    vocab = {"</s>": 0, "<unk>": 1}
    for i in range(processor.get_piece_size()):
        vocab.setdefault(processor.id_to_piece(i), len(vocab))
    vocab["<pad>"] = len(vocab)
    (directory / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*sacremoses.*")  # optional punctuation normaliser
        tokenizer = MarianTokenizer(
            str(directory / "source.spm"),
            str(directory / "target.spm"),
            str(directory / "vocab.json"),
            source_lang=source,
            target_lang=target,
        )
    tokenizer.save_pretrained(directory)
    config = MarianConfig(
        vocab_size=len(tokenizer),
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.pad_token_id,
        forced_eos_token_id=tokenizer.eos_token_id,
        **_TINY,
    )
    torch.manual_seed(0)
    MarianMTModel(config).save_pretrained(directory)
    return directory
