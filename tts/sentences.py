"""Split an answer into sentences so synthesis can stream sentence by sentence.

Boundaries: ``.`` ``?`` ``!`` (and runs such as ``?!`` or ``...``) followed by a space, the end
of the text, or — after Hangul, as in ``신청하세요.다음`` — by a letter; the full-width ``。``
``？`` ``！`` anywhere; and line breaks. Never inside numbers (``1.5``, ``1,000``), after a list
number (``1.``) or after a common abbreviation (``Mr.``, ``e.g.``). Fragments shorter than
``min_chars`` (Hangul and CJK characters count double) are kept together with their neighbour,
and a sentence longer than ``max_chars`` is cut at a comma or space so the first audio is not
held back by one endless sentence. :func:`lead_with_a_clause` goes further for the first sentence
only: a long one is cut after its first clause mark, since the first audio waits for the whole
first piece to be synthesised.
"""

from __future__ import annotations

import re

_TERMINAL = ".?!…"
_FULL_WIDTH = "。？！"
_CLOSERS = "\"')]}”’」』》〉"
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "etc", "e.g", "i.e", "approx", "dept", "jan",
     "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m", "p.m", "u.s"}
)
_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
_SPACE = re.compile(r"\s+")
#: a clause mark followed by a space: "Basic Pension: A monthly...", "65세 이상, 소득이..."; not "2,000"
_CLAUSE = re.compile(r"(?<=[:;,，、；：])\s+|(?<=\s[-–—])\s+")
_WIDE = re.compile(r"[\uac00-\ud7a3\u3040-\u30ff\u3400-\u9fff]")
#: clause marks in a Korean first sentence: as ``_CLAUSE``, or a full-width mark with no space ("，")
_WIDE_CLAUSE = re.compile(r"(?<=[:;,，、；：])\s+|(?<=\s[-–—])\s+|(?<=[，、；：])(?=\S)")
#: a Korean first sentence heavier than this is cut (about 2–3 s of speech from the slower Kokoro voice)
WIDE_MAX = 40
#: the shortest first phrase cut at a Korean phrase boundary
MIN_PHRASE = 10
#: Korean connective endings after which a speaker pauses naturally
_KO_PAUSE_ENDINGS = ("는데", "지만", "니까", "면서", "면", "고", "서", "며", "해", "려", "도록")
#: words ending in "는/은" that are verb forms before a noun ("드리는 제도"), not the topic particle
_KO_ADNOMINAL = ("하는", "되는", "있는", "없는", "주는", "드리는", "받는", "사는", "않는", "오는", "가는", "보는",
                 "내는", "하시는", "같은", "많은", "받은", "않은", "좋은", "작은", "높은", "낮은", "적은", "어린")


def split_sentences(text: str, min_chars: int = 8, max_chars: int = 160) -> list[str]:
    """The sentences of ``text``, whitespace-normalised, in order; nothing but whitespace is lost."""
    spans = _merge_short([s for s in _spans(text) if text[s[0] : s[1]].strip()], text, min_chars)
    out: list[str] = []
    for start, end in spans:
        sentence = _SPACE.sub(" ", text[start:end]).strip()
        out.extend(_cut_long(sentence, max_chars))
    return out


def lead_with_a_clause(sentences: list[str], max_chars: int = 80, min_chars: int = 6, language: str | None = None,
                       wide_max: int | None = WIDE_MAX) -> list[str]:
    """``sentences`` with a long first one cut after its first clause mark (``:`` ``;`` ``,`` a dash).

    Only when the mark comes after at least ``min_chars`` and within ``max_chars`` (Hangul and CJK
    counting double); otherwise the sentences are returned as they are. The pieces keep every word.

    A Korean answer's first sentence (``language`` "ko": the slower Kokoro voice) is cut once it
    weighs more than ``wide_max`` (about 2–3 s of speech), also after a full-width mark with no space,
    and, with no mark at all, at Korean phrase boundaries (:func:`_korean_phrases`): a first short
    phrase, then pieces that at most double, so the next piece is ready as the last one ends.
    ``wide_max=None`` is the rule before (``bench/first_piece.py``'s baseline). Chinese and Japanese
    keep the rule before: cut there, their facility answers (Korean names inside) were heard worse
    (``tests/lang/test_flows_heard_back.py``: zh CER 0.61, over its 0.55 bound).
    """
    if not sentences:
        return sentences
    first = sentences[0]
    wide = language == "ko" and wide_max is not None and bool(_HANGUL.search(first))
    if _weight(first) <= (wide_max if wide and wide_max is not None else max_chars):
        return sentences
    for mark in (_WIDE_CLAUSE if wide else _CLAUSE).finditer(first):
        weight = _weight(first[: mark.start()])
        if weight > max_chars:
            break
        if weight >= min_chars:
            return [first[: mark.start()].strip(), first[mark.end() :].strip(), *sentences[1:]]
    if wide:
        phrases = _korean_phrases(first)
        if len(phrases) > 1:
            return [*phrases, *sentences[1:]]
    return sentences


def _korean_phrases(sentence: str, shortest: int = MIN_PHRASE, longest: int = WIDE_MAX) -> list[str]:
    """``sentence`` cut at spaces after a word that ends a spoken phrase (a connective ending such as
    "-면", "-고", "-서", "-는데", or a long word with the topic particle "은/는"): the first piece
    between ``shortest`` and ``longest``, each next one at most twice the one before; the rest whole."""
    cuts = [m.start() for m in re.finditer(r"\s+", sentence) if _pause_after(sentence[: m.start()])]
    pieces: list[str] = []
    start, limit = 0, longest
    while True:
        fitting = [c for c in cuts if c > start and shortest <= _weight(sentence[start:c].strip()) <= limit]
        if not fitting or _weight(sentence[start:].strip()) <= limit:
            break
        cut = fitting[0] if not pieces else fitting[-1]
        pieces.append(sentence[start:cut].strip())
        limit = 2 * _weight(pieces[-1])
        start = cut
    rest = sentence[start:].strip()
    return [*pieces, rest] if rest else pieces


def _pause_after(prefix: str) -> bool:
    word = prefix.rsplit(" ", 1)[-1].strip("\"'”’)」』")
    if not word or not _HANGUL.match(word[-1]):
        return False
    if word.endswith(_KO_PAUSE_ENDINGS):
        return True
    return word.endswith(("은", "는")) and len(_HANGUL.findall(word)) >= 3 and not word.endswith(_KO_ADNOMINAL)


def _spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            spans.append((start, i))
            start = i + 1
        elif ch in _FULL_WIDTH or ch in _TERMINAL:
            j = i + 1
            while j < n and (text[j] in _TERMINAL or text[j] in _FULL_WIDTH):
                j += 1
            while j < n and text[j] in _CLOSERS:
                j += 1
            if ch in _FULL_WIDTH or _ends_sentence(text, i, j):
                spans.append((start, j))
                start = j
            i = j
            continue
        i += 1
    spans.append((start, n))
    return spans


def _ends_sentence(text: str, i: int, j: int) -> bool:
    """Whether the punctuation ``text[i:j]`` closes a sentence."""
    after = text[j] if j < len(text) else ""
    before = text[i - 1] if i > 0 else ""
    if after and not after.isspace():
        # "다.다음" (a missing space after Hangul) is a boundary; "1.5", "e.g.x", "U.S.A" are not
        return bool(_HANGUL.match(before)) and not after.isdigit() and after not in ".,"
    if text[i:j] == ".":
        word = _word_before(text, i)
        if word.isdigit() and _starts_line(text, i - len(word)):
            return False  # a list number: "1. 신분증"
        if word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isalpha() and word.isupper()):
            return False  # "Dr. Kim", "J. Smith"
    return True


def _word_before(text: str, i: int) -> str:
    k = i
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "."):
        k -= 1
    return text[k:i]


def _starts_line(text: str, k: int) -> bool:
    line = text[:k].rsplit("\n", 1)[-1]
    return not line.strip()


def _merge_short(spans: list[tuple[int, int]], text: str, min_chars: int) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    pending: tuple[int, int] | None = None
    for span in spans:
        if pending is not None:
            span = (pending[0], span[1])
            pending = None
        if _weight(text[span[0] : span[1]].strip()) < min_chars:
            pending = span
        else:
            merged.append(span)
    if pending is not None:
        if merged:
            merged[-1] = (merged[-1][0], pending[1])
        else:
            merged.append(pending)
    return merged


def _weight(fragment: str) -> int:
    """Length in Latin-letter equivalents: a Hangul syllable or a CJK character counts twice."""
    return len(fragment) + len(_WIDE.findall(fragment))


def _cut_long(sentence: str, max_chars: int) -> list[str]:
    pieces: list[str] = []
    while len(sentence) > max_chars:
        cut = _cut_point(sentence, max_chars)
        pieces.append(sentence[:cut].strip())
        sentence = sentence[cut:].strip()
    if sentence:
        pieces.append(sentence)
    return pieces


def _cut_point(sentence: str, max_chars: int) -> int:
    window = sentence[: max_chars + 1]
    floor = max_chars // 3
    for marks in ((", ",), ("、", "，", "；", "; "), (" ",)):
        best = max(window.rfind(m) for m in marks)
        if best > floor:
            return best + 1
    return max_chars
