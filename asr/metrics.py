"""Accuracy measures for transcripts: character error rate and word overlap."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w\s]", re.UNICODE)


def normalise(text: str) -> str:
    """Lower case, NFC, punctuation removed, runs of spaces collapsed."""
    text = unicodedata.normalize("NFC", text).lower()
    return " ".join(_NOT_WORD.sub(" ", text).split())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance between two sequences of characters."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate, ignoring spaces and punctuation (Korean spacing varies freely)."""
    ref = normalise(reference).replace(" ", "")
    hyp = normalise(hypothesis).replace(" ", "")
    if not ref:
        return 0.0 if not hyp else 1.0
    return edit_distance(ref, hyp) / len(ref)


def word_recall(reference: str, hypothesis: str) -> float:
    """Share of the reference's words found in the hypothesis (bag of words)."""
    ref = normalise(reference).split()
    hyp = set(normalise(hypothesis).split())
    if not ref:
        return 1.0
    return sum(word in hyp for word in ref) / len(ref)
