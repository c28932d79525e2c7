"""The civil desk: the dialog's hook for civil questions and their follow-ups.

``CivilDesk.turn`` is asked before a turn goes to benefit retrieval. It answers when

* the one search (``search.CivilSearch.route``) says the question is a civil one: where it is
  done and the fact asked for, with civil suggestions only; or
* the last answer was about a civil entry and the caller asks a bare follow-up ("그거 수수료
  얼마예요?", "온라인으로도 돼요?", "몇 시까지 해요?", "뭐 가져가야 해요?", "어디서 해요?"):
  the entry's field. "어디서 해요?" about something done at a community centre goes to the
  facility lookup (the nearest centre, or "어느 동에 계세요?").

Otherwise it returns ``None`` and the turn goes on to the benefit search unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dialog.civil.compose import answer_language, field_sentence, overview, where_sentence
from dialog.civil.entry import CivilEntry
from dialog.civil.followup import asked_field, bare
from dialog.civil.knowledge import CivilKnowledge
from dialog.civil.search import CivilIndex, CivilSearch
from dialog.civil.signup import as_programme
from dialog.intents import IntentName
from dialog.places.facilities import FacilityFinder, FacilityState, find_facility
from malbeot_core.events import ProgrammeHit

if TYPE_CHECKING:
    from dialog.catalogue.programmes import Programme
    from dialog.retrieval.embedder import Embedder
    from dialog.retrieval.hybrid import HybridRetriever
    from dialog.retrieval.vector_store import VectorStore

#: intents a civil question or follow-up can arrive as
HANDLED = frozenset({IntentName.FIND_BENEFIT, IntentName.DETAILS, IntentName.APPLY, IntentName.FIND_FACILITY})
#: intents of civil answers (the protocol's ``answer.intent``)
CIVIL_SERVICE = "civil_service"
CIVIL_FOLLOWUP = "civil_followup"
#: the offer after a class answer (the application flow speaks ko and en)
OFFER = {"ko": "이 전화로 수강 신청을 접수해 드릴까요?", "en": "Shall I take your sign-up on this call?"}


@dataclass(frozen=True, slots=True)
class CivilTurn:
    text: str
    language: str
    intent: str
    #: the entries talked about, best first (civil only)
    hits: tuple[ProgrammeHit, ...]
    #: a facility question started ("어느 동에 계세요?"), for the dialog's facility flow
    facility: FacilityState | None = None
    #: a class the answer offers to sign up for ("yes" starts the application)
    offer: str = ""
    #: start the sign-up application for this entry now
    apply: str = ""


def hit(entry: CivilEntry, score: float, language: str) -> ProgrammeHit:
    """An entry as the ``answer`` event lists it (id, name, score, how to do it)."""
    lang = answer_language(language)
    return ProgrammeHit(entry.id, entry.name(lang), round(score, 4), where_sentence(entry, lang))


class CivilDesk:
    def __init__(self, knowledge: CivilKnowledge, search: CivilSearch) -> None:
        self.knowledge = knowledge
        self.search = search

    @classmethod
    def build(cls, knowledge: CivilKnowledge, embedder: Embedder, cache_dir: str | Path | None = None,
              vectors: VectorStore | None = None) -> CivilDesk:
        """A desk over ``knowledge``; passage vectors are cached in ``cache_dir`` by content (and kept
        in ``vectors``, the records database, where replicas share them)."""
        return cls(knowledge, CivilSearch(CivilIndex(knowledge.active(), embedder, cache_dir=cache_dir,
                                                     vectors=vectors)))

    def rebuilt(self) -> CivilDesk:
        """A desk over the knowledge base as it is now (after staff changed it)."""
        index = self.search.index
        return CivilDesk(
            self.knowledge,
            CivilSearch(
                CivilIndex(self.knowledge.active(), index.embedder, previous=index, vectors=index.vectors),
                self.search.margin,
                self.search.min_cosine,
                self.search.cue_margin,
                self.search.benefit_cue_margin,
            ),
        )

    def is_civil(self, entry_id: str) -> bool:
        return entry_id in self.knowledge

    def programme(self, entry_id: str) -> Programme:
        """The entry as the application flow takes it (class sign-up)."""
        return as_programme(self.knowledge.get(entry_id))

    def turn(
        self,
        text: str,
        intent: IntentName,
        language: str,
        last: tuple[ProgrammeHit, ...],
        benefits: HybridRetriever | None,
        facilities: FacilityFinder | None = None,
    ) -> CivilTurn | None:
        """The civil answer to this turn, or None (not civil: the benefit search answers)."""
        if intent not in HANDLED:
            return None
        lang = answer_language(language)
        field = asked_field(text)
        route = self.search.route(text, benefits)
        last_entry = self.knowledge.find(last[0].id) if last else None
        if intent is IntentName.APPLY and last_entry is not None and last_entry.sign_up and route.kind != "civil":
            return CivilTurn("", lang, CIVIL_SERVICE, (hit(last_entry, 1.0, lang),), apply=last_entry.id)
        if route.kind == "civil" and (route.alias or last_entry is None or not (field and bare(text))):
            best = route.hits[0].entry
            if best.sign_up and intent is IntentName.APPLY:  # "주민센터 요가 강좌 신청하고 싶어요"
                return CivilTurn("", lang, CIVIL_SERVICE, (hit(best, route.hits[0].score, lang),), apply=best.id)
            if (
                field == "where"
                and self._centre(best)
                and facilities is not None
                and facilities.locate(text) is not None
            ):  # "사직동인데 등본 어디서 떼요?"
                return self._where(best, text, lang, facilities)
            hits = tuple(hit(h.entry, h.score, lang) for h in route.hits)
            if best.sign_up and lang in ("ko", "en"):
                return CivilTurn(
                    f"{overview(best, lang, field)} {OFFER[lang]}", lang, CIVIL_SERVICE, hits, offer=best.id
                )
            return CivilTurn(overview(best, lang, field), lang, CIVIL_SERVICE, hits)
        if last_entry is not None and not field and intent is IntentName.DETAILS and bare(text):  # "어떻게 해요?"
            return CivilTurn(overview(last_entry, lang), lang, CIVIL_FOLLOWUP, (hit(last_entry, 1.0, lang),))
        if last_entry is not None and field and bare(text) and not route.named_benefit:
            if field == "where" and self._centre(last_entry) and facilities is not None:
                return self._where(last_entry, text, lang, facilities)
            return CivilTurn(
                field_sentence(last_entry, field, lang), lang, CIVIL_FOLLOWUP, (hit(last_entry, 1.0, lang),)
            )
        return None

    @staticmethod
    def _centre(entry: CivilEntry) -> bool:
        return "community_centre" in entry.where

    @staticmethod
    def _where(entry: CivilEntry, text: str, lang: str, facilities: FacilityFinder) -> CivilTurn:
        """Where, and the nearest community centre (or a question for the caller's dong)."""
        first = where_sentence(entry, lang)
        if lang not in ("ko", "en"):
            return CivilTurn(first, lang, CIVIL_FOLLOWUP, (hit(entry, 1.0, lang),))
        state, reply = find_facility(facilities, f"{text} 주민센터", lang)
        return CivilTurn(f"{first} {reply.text}", lang, CIVIL_FOLLOWUP, (hit(entry, 1.0, lang),), state)


__all__ = ["CIVIL_FOLLOWUP", "CIVIL_SERVICE", "HANDLED", "CivilDesk", "CivilTurn", "hit"]
