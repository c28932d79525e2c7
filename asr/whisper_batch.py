"""Several utterances through one whisper model in one batch (CTranslate2 batches encoder and decoder).

Used by the Ray Serve speech-recognition worker (``model_workers/deployments.py``), which gathers the
turns of different calls that arrive within a few milliseconds of each other. Each utterance of a
batch gets what :meth:`WhisperTranscriber.transcribe` would give it:

* the Silero speech gate first (audio without speech: an empty transcript, no whisper);
* one 30 s window per utterance, encoded together; the language identified from the same encoder
  output (restricted to the caller's languages) where it was not given;
* greedy decoding of all windows together; an utterance whose result whisper itself would have
  rejected (average log-probability below -1, or a compression ratio above 2.4: a hallucination
  loop) is decoded again alone by :meth:`WhisperTranscriber.transcribe`, with its temperature
  fallback, in the language found for it.

Utterances longer than one window, and a batch of one, take the ordinary path.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from malbeot_core.errors import BackendFailed, MalbeotError

from .protocol import Transcript, check_input, pick_language
from .whisper import WhisperTranscriber, _float32

#: whisper's rejection thresholds (faster-whisper's defaults)
LOGPROB_THRESHOLD = -1.0
COMPRESSION_RATIO_THRESHOLD = 2.4
#: the longest utterance decoded in a batch (one 30 s window, less a little for the cut frame)
MAX_BATCH_SECONDS = 29.5


@dataclass(frozen=True, slots=True)
class Utterance:
    pcm: bytes
    language: str | None = None
    languages: tuple[str, ...] = ()


def transcribe_many(asr: WhisperTranscriber, items: Sequence[Utterance]) -> list[Transcript | MalbeotError]:
    """One result per item, in order: its transcript, or the error ``transcribe`` would have raised."""
    results: list[Transcript | MalbeotError | None] = [None] * len(items)
    durations: dict[int, float] = {}
    for i, item in enumerate(items):
        try:
            durations[i] = check_input(item.pcm)
        except MalbeotError as exc:
            results[i] = exc
    batch = [i for i in durations if durations[i] <= MAX_BATCH_SECONDS]
    alone = [i for i in durations if i not in batch]
    if len(batch) < 2:
        alone, batch = sorted(alone + batch), []
    if batch:
        try:
            for i, result in zip(batch, _decode_batch(asr, [items[i] for i in batch]), strict=True):
                results[i] = Transcript(result.text, result.language, result.language_probability, durations[i])
        except MalbeotError as exc:
            for i in batch:
                results[i] = exc
        except Exception as exc:
            failure = BackendFailed(f"whisper batch failed: {type(exc).__name__}: {exc}", stage="asr")
            for i in batch:
                results[i] = failure
    for i in alone:
        item = items[i]
        try:
            results[i] = asr.transcribe(item.pcm, item.language, item.languages)
        except MalbeotError as exc:
            results[i] = exc
    return [r if r is not None else BackendFailed("no result", stage="asr") for r in results]


def _decode_batch(asr: WhisperTranscriber, items: Sequence[Utterance]) -> list[Transcript]:
    from faster_whisper.audio import pad_or_trim
    from faster_whisper.tokenizer import Tokenizer
    from faster_whisper.transcribe import get_compression_ratio, get_suppressed_tokens

    model: Any = asr._model
    out: list[Transcript | None] = [None] * len(items)
    retry: list[tuple[int, str, float]] = []
    with asr._lock:
        speech = []
        for i, item in enumerate(items):
            if asr._has_speech(item.pcm):
                speech.append(i)
            else:
                out[i] = Transcript("", item.language or (item.languages[0] if item.languages else ""), 0.0, 0.0)
        if speech:
            # cut as generate_segments cuts its first window (the last frame dropped), padded to 30 s
            windows = [pad_or_trim(model.feature_extractor(_float32(items[i].pcm))[..., :-1]) for i in speech]
            encoded = model.encode(np.stack(windows).astype(np.float32))
            found: dict[int, tuple[str, float]] = {}
            undecided = [k for k, i in enumerate(speech) if items[i].language is None]
            if undecided:
                detected = model.model.detect_language(encoded)
                for k in undecided:
                    probabilities = [(token[2:-2], p) for token, p in detected[k]]
                    found[k] = pick_language(probabilities, items[speech[k]].languages)
            prompts, tokenizers = [], []
            for k, i in enumerate(speech):
                language = items[i].language or found[k][0]
                tokenizer = Tokenizer(model.hf_tokenizer, model.model.is_multilingual, task="transcribe",
                                      language=language)
                tokenizers.append(tokenizer)
                prompts.append([*tokenizer.sot_sequence, tokenizer.no_timestamps])
            generated = model.model.generate(
                encoded, prompts, beam_size=asr.beam_size, max_length=448, return_scores=True,
                suppress_blank=True, suppress_tokens=list(get_suppressed_tokens(tokenizers[0], (-1,)) or ()),
            )
            for k, i in enumerate(speech):
                given = items[i].language
                language, probability = (given, 1.0) if given is not None else found[k]
                tokens = generated[k].sequences_ids[0]
                avg_logprob = generated[k].scores[0] * len(tokens) / (len(tokens) + 1)
                text = tokenizers[k].decode(tokens).strip()
                if avg_logprob < LOGPROB_THRESHOLD or get_compression_ratio(text) > COMPRESSION_RATIO_THRESHOLD:
                    retry.append((i, language, probability))
                else:
                    out[i] = Transcript(text, language, probability, 0.0)
    for i, language, probability in retry:  # whisper would have tried a higher temperature: do so, alone
        alone = asr.transcribe(items[i].pcm, language)
        out[i] = Transcript(alone.text, language, probability, 0.0)
    return [t if t is not None else Transcript("", "", 0.0, 0.0) for t in out]
