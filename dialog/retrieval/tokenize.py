"""A small Korean-aware tokenizer for BM25 (no morphological analyser needed).

Korean: each Hangul word loses its common particles and polite endings (연금이 → 연금,
신청할 수 있나요 → 신청할 수), and every Hangul word also yields its character bigrams, so that
spacing differences and compound nouns still match (기초연금 ↔ 기초 연금, ASR text without
spaces). Chinese and Japanese runs yield character bigrams too. English and other Latin
scripts: lower-case words, minus stopwords, with light suffix stripping.
"""

from __future__ import annotations

import re
import unicodedata

_RUN = re.compile(
    r"(?P<hangul>[가-힣]+)"
    r"|(?P<han>[\u3400-\u4dbf\u4e00-\u9fff\u3040-\u30ff]+)"
    r"|(?P<latin>[a-z\u00c0-\u024f\u1e00-\u1eff]+(?:'[a-z]+)?)"
    r"|(?P<digits>\d+)"
)

#: particles and spoken/polite endings, longest first; stripped repeatedly from a word's end
KO_SUFFIXES: tuple[str, ...] = tuple(
    sorted(
        {
            # particles
            "은", "는", "이", "가", "을", "를", "에", "에서", "에게", "께", "께서", "한테", "의",
            "으로", "로", "와", "과", "도", "만", "까지", "부터", "이나", "나", "랑", "이랑",
            "하고", "보다", "처럼", "들", "요", "이요", "이라도", "라도", "마다", "밖에",
            # endings a question or request ends with
            "습니까", "ㅂ니까", "있나요", "있어요", "있습니까", "없나요", "인가요", "인지", "인데",
            "인데요", "해요", "합니다", "입니다", "이에요", "예요", "에요", "나요", "가요", "까요",
            "할까요", "하나요", "되나요", "돼요", "됩니까", "주세요", "해주세요", "해줘", "알려줘",
            "알려주세요", "싶어요", "싶은데요", "싶은데", "있는", "하는", "받는", "할", "한",
            "하려면", "되는", "이라는", "라는", "이고", "고요",
            # connective and sentence endings of spoken questions ("못 하는데", "낳으면",
            # "있잖아요", "보내려는데"): without them the stem's bigrams are all that is left,
            # and an ending never names a topic
            "는데", "는데요", "은데", "은데요", "었는데", "았는데", "했는데", "하는데", "려는데",
            "으려는데", "어서", "아서", "해서", "으면", "하면", "잖아요", "잖아", "거든요", "거든",
            "던데", "던데요", "다던데", "다던데요", "니까", "으니까", "네요", "군요", "죠", "지요",
            "려고", "으려고", "려고요", "는지", "은지", "을지",
        },
        key=len,
        reverse=True,
    )
)

#: whole Hangul words that end like a particle but are nouns (kept as they are)
KO_PROTECTED = frozenset({"어린이", "아이", "놀이", "거주지", "나이", "사이", "부모", "자녀", "어르신"})

#: function words that carry no topic (after stripping)
KO_STOPWORDS = frozenset(
    {
        "수", "것", "거", "좀", "저", "제", "제가", "저는", "뭐", "무엇", "어떻게", "어떤", "어디",
        "있", "없", "알려", "알려줘", "알려주세요", "주세요", "싶어요", "혹시", "그", "이", "저기",
        "그리고", "또", "더", "때", "하", "되", "받을", "받", "있나요", "있어요", "해요", "뭔가",
        "요", "네", "아", "음", "어", "그럼", "여기", "거기", "좀더", "있는", "받고", "싶어", "싶", "하고",
        "해", "주", "할", "되는", "하는", "있을까", "있을까요", "그거", "이거", "저거", "그것", "이것",
        "거기서", "여기서",
    }
)

EN_STOPWORDS = frozenset(
    {
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "at", "by", "with", "from",
        "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "can", "could", "would",
        "should", "will", "shall", "may", "might", "i", "me", "my", "we", "our", "you", "your", "he",
        "she", "his", "her", "it", "its", "they", "them", "their", "there", "this", "that", "these",
        "those", "what", "which", "who", "whom", "how", "where", "when", "why", "any", "some", "about",
        "please", "tell", "get", "got", "have", "has", "had", "if", "so", "as", "not", "no", "yes",
        "want", "like", "know", "need", "help", "im", "i'm", "there's", "it's", "also", "just",
    }
)


def normalise(text: str) -> str:
    """NFKC (full-width forms, compatibility characters) and lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def strip_korean(word: str) -> str:
    """``word`` without trailing particles/endings; never shorter than one syllable."""
    if word in KO_PROTECTED:
        return word
    for _ in range(3):
        for suffix in KO_SUFFIXES:
            if word.endswith(suffix) and word not in KO_PROTECTED:
                rest = word[: -len(suffix)]
                # a one-syllable ending needs a stem of two syllables (노인이 → 노인, but 나이 stays)
                if len(rest) >= (2 if len(suffix) == 1 else 1):
                    word = rest
                    break
        else:
            return word
    return word


def bigrams(word: str) -> list[str]:
    return [word[i : i + 2] for i in range(len(word) - 1)]


def stem_english(word: str) -> str:
    """Light suffix stripping, applied the same way to documents and queries."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("sses"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 6 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 5 and word.endswith("ed"):
        return word[:-2]
    return word


#: bigrams made only of grammatical endings (하는데 → 하는, 는데): never a topic, and rare in
#: catalogue prose, so BM25 would give them a high weight
KO_ENDING_BIGRAMS = frozenset(
    {
        "하는", "는데", "은데", "었는", "았는", "했는", "어서", "아서", "해서", "으면", "하면", "잖아",
        "있잖", "거든", "던데", "니까", "으니", "려고", "으려", "려는", "는지", "있어", "없어", "있는",
        "없는", "주는", "되는", "받는", "싶은", "싶어", "했어", "해요", "어요", "아요", "세요", "까요",
    }
)


def korean_tokens(run: str) -> list[str]:
    word = strip_korean(run)
    if word in KO_STOPWORDS:
        return []
    out = [word]
    if len(word) > 2:
        out.extend(b for b in bigrams(word) if b not in KO_ENDING_BIGRAMS)
    return out


def tokenize(text: str) -> list[str]:
    """BM25 terms of ``text`` (Korean words + bigrams, CJK bigrams, stemmed English words, numbers)."""
    tokens: list[str] = []
    for m in _RUN.finditer(normalise(text)):
        kind = m.lastgroup
        run = m.group()
        if kind == "hangul":
            tokens.extend(korean_tokens(run))
        elif kind == "han":
            tokens.extend(bigrams(run) if len(run) > 1 else [run])
        elif kind == "latin":
            if run not in EN_STOPWORDS and len(run) > 1:
                tokens.append(stem_english(run))
        elif kind == "digits":
            tokens.append(run)
    return tokens


def has_hangul(text: str) -> bool:
    return any("가" <= ch <= "힣" for ch in text)


__all__ = [
    "EN_STOPWORDS",
    "KO_ENDING_BIGRAMS",
    "KO_STOPWORDS",
    "KO_SUFFIXES",
    "bigrams",
    "has_hangul",
    "korean_tokens",
    "normalise",
    "stem_english",
    "strip_korean",
    "tokenize",
]
