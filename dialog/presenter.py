"""How the dialog presents programmes and builds its answers.

``Presenter`` answers the benefit questions (the programmes found, an overview, one programme's
details), presents the last answer again (repeated, slower, in a newly chosen language) and builds
every ``BenefitAnswer`` at the call's speaking rate. ``dialog.manager.DialogManager`` decides which
of these a turn gets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from dialog import answers
from dialog.catalogue.amounts import amount_sentence, asks_amount
from dialog.catalogue.programmes import Programme
from dialog.eligibility.check_flow import FlowReply
from dialog.intents import Intent, IntentName, detect_intent
from dialog.overview_answer import overview_reply, related
from dialog.programme_names import named_programme
from dialog.retrieval.clarify import clarifying_question
from dialog.retrieval.hybrid import HybridRetriever, Ranked
from dialog.retrieval.query_facts import about
from dialog.retrieval.tokenize import tokenize
from dialog.state import DialogState
from malbeot_core.events import BenefitAnswer, ProgrammeHit


class Presenter:
    """Programme answers and answer building for one ``DialogManager`` (which owns the collaborators)."""

    def __init__(
        self,
        retriever: Callable[[], HybridRetriever],
        k: Callable[[], int],
        today: Callable[[], date],
        rate: Callable[[DialogState], float],
    ) -> None:
        #: the manager's retriever and result count, read at each use: a rebuilt search index
        #: (``Services.reindex`` assigns ``DialogManager.retriever``) serves the next turn
        self._retriever = retriever
        self._k = k
        self.today = today
        #: the call's speaking rate now (``DialogManager.rate``)
        self.rate = rate

    @property
    def retriever(self) -> HybridRetriever:
        return self._retriever()

    @property
    def k(self) -> int:
        return self._k()

    # -- programmes --------------------------------------------------------------------------------
    def find(self, text: str, state: DialogState, intent: str = IntentName.FIND_BENEFIT,
             clarified: bool = False) -> BenefitAnswer:
        if about(text, self.today()).topicless:  # "어머니가 75세인데 받을 수 있는 혜택이 뭐가 있어요?"
            return self.overview(text, state)
        ranked = self.retriever.retrieve(text, k=self.k)
        if not ranked:
            state.offered_details = False
            return self.remember(self.plain(answers.fixed("not_found", state.language), intent, state), state)
        question = None if clarified or asks_amount(text) else clarifying_question(ranked, state.language)
        if question is not None:  # close results for different needs: ask instead of guessing
            state.pending_question = text
            hits = tuple(HybridRetriever.hit(r.programme, r.score, question.language) for r in ranked[:2])
            state.last_programmes, state.offered_details = hits, False
            return self.remember(self.make(question, "clarify", state, hits), state)
        return self.present(ranked, intent, state, text)

    def overview(self, text: str, state: DialogState) -> BenefitAnswer:
        ranked = self.retriever.retrieve_or_overview(text, k=self.k)
        if not ranked:
            return self.remember(self.plain(answers.fixed("not_found", state.language), IntentName.FIND_BENEFIT,
                                            state, action=""), state)
        reply = overview_reply([r.programme for r in ranked], state.language)
        hits = tuple(HybridRetriever.hit(r.programme, r.score, reply.language) for r in ranked)
        state.last_programmes = hits
        state.offered_details = True
        return self.remember(self.make(reply, IntentName.FIND_BENEFIT, state, hits), state)

    def present(self, ranked: list[Ranked], intent: str, state: DialogState, text: str = "") -> BenefitAnswer:
        best = ranked[0]
        amount = amount_sentence(best.programme, state.language) if asks_amount(text) else ""
        if amount:  # "기초연금은 얼마나 받아요?": the amount the catalogue states
            reply = answers.Reply(amount, answers.answer_language(state.language))
            hits = tuple(HybridRetriever.hit(r.programme, r.score, reply.language) for r in ranked)
            state.last_programmes, state.offered_details = hits, True
            return self.remember(self.make(reply, intent, state, hits), state)
        second = next((r for r in ranked[1:2] if r.score >= 0.5 * best.score
                       and related(best.programme, r.programme)), None)
        reply = answers.find_benefit(best.programme, second.programme if second else None, state.language)
        hits = tuple(HybridRetriever.hit(r.programme, r.score, reply.language) for r in ranked)
        state.last_programmes = hits
        state.offered_details = True
        return self.remember(self.make(reply, intent, state, hits), state)

    def details(self, text: str, rest: str, state: DialogState) -> BenefitAnswer:
        """How to apply for: the programme the caller names, else the one just talked about."""
        named = self.named_programme(text)
        if named is not None:
            return self.details_of(named, state)
        if tokenize(rest):  # "노인 일자리 어떻게 신청해요": a topic without the exact name
            ranked = self.retriever.retrieve(rest, k=1)
            if ranked:
                return self.details_of(ranked[0].programme, state)
        if state.last_programmes:
            return self.details_of(self.retriever.programme(state.last_programmes[0].id), state)
        return self.plain(answers.fixed("which_programme", state.language), IntentName.DETAILS, state)

    def named_programme(self, text: str) -> Programme | None:
        """The programme the utterance names (``dialog.programme_names.named_programme``)."""
        return named_programme(self.retriever, text, self.k)

    def details_of(self, programme: Programme, state: DialogState) -> BenefitAnswer:
        reply = answers.details(programme, state.language)
        hit = HybridRetriever.hit(programme, 1.0, reply.language)
        rest = tuple(h for h in state.last_programmes if h.id != programme.id)
        state.last_programmes = (hit, *rest)
        state.offered_details = False
        return self.remember(self.make(reply, IntentName.DETAILS, state, (hit,)), state)

    # -- the last answer again ---------------------------------------------------------------------
    def repeat(self, state: DialogState) -> BenefitAnswer:
        last = state.last_answer
        if last is None:
            return self.plain(answers.fixed("nothing_to_repeat", state.language), IntentName.REPEAT, state)
        return replace(last, intent=IntentName.REPEAT, rate=self.rate(state), action="")

    def slower(self, state: DialogState) -> BenefitAnswer:
        state.slower += 1
        last = state.last_answer
        if last is None:
            return self.plain(answers.fixed("slower_nothing", state.language), IntentName.SLOWER, state)
        ack = answers.fixed("slower", last.language)
        return replace(last, text=f"{ack.text} {last.text}", intent=IntentName.SLOWER, rate=self.rate(state), action="")

    def change_language(self, intent: Intent, state: DialogState) -> BenefitAnswer:
        new = intent.slots.get("language", state.language)
        state.call.choose(new)
        state.language = new
        state.locked = True
        confirm = answers.fixed("language_changed", new)
        follow: BenefitAnswer | None = None
        if intent.rest:
            rest_intent = detect_intent(intent.rest)
            if rest_intent.name in (IntentName.REPEAT, IntentName.SLOWER, IntentName.DETAILS) and state.last_programmes:
                if rest_intent.name is IntentName.SLOWER:
                    state.slower += 1
                first = self.retriever.programme(state.last_programmes[0].id)
                if rest_intent.name is IntentName.DETAILS:
                    follow = self.details_of(first, state)
                else:
                    follow = self.rerender(state)
            elif rest_intent.name is IntentName.FIND_BENEFIT:
                ranked = self.retriever.retrieve(intent.rest, k=self.k)
                follow = self.present(ranked, IntentName.FIND_BENEFIT, state) if ranked else None
        if follow is None:
            return self.plain(confirm, IntentName.CHANGE_LANGUAGE, state)
        if follow.language == confirm.language:
            text = f"{confirm.text} {follow.text}"
            return replace(follow, text=text, intent=IntentName.CHANGE_LANGUAGE)
        # the confirmation is in the caller's language, the content in English: keep the content
        return replace(follow, intent=IntentName.CHANGE_LANGUAGE)

    def rerender(self, state: DialogState) -> BenefitAnswer:
        """The last programme answer again, in the (new) current language."""
        programmes = [self.retriever.programme(h.id) for h in state.last_programmes]
        ranked = [
            Ranked(p, h.score, cosine=0.0, cosine_z=0.0, bm25=0.0, relevant=True)
            for p, h in zip(programmes, state.last_programmes, strict=True)
        ]
        return self.present(ranked, IntentName.REPEAT, state)

    # -- building answers --------------------------------------------------------------------------
    def make(
        self,
        reply: answers.Reply,
        intent: str,
        state: DialogState,
        programmes: tuple[ProgrammeHit, ...] = (),
        action: str = "",
    ) -> BenefitAnswer:
        return BenefitAnswer(
            text=reply.text,
            language=reply.language,
            intent=str(intent),
            programmes=programmes,
            rate=self.rate(state),
            action=action,
        )

    def plain(self, reply: answers.Reply, intent: str, state: DialogState, action: str = "") -> BenefitAnswer:
        return self.make(reply, intent, state, (), action)

    def flow_answer(self, reply: FlowReply, state: DialogState) -> BenefitAnswer:
        """The answer of a conversation that spans turns (a check, an application, a facility)."""
        hits = tuple(HybridRetriever.hit(p, 1.0, reply.language) for p in reply.programmes)
        if reply.intent == "eligibility_advice" and hits:
            state.last_programmes = hits
        state.offered_details = False
        answer = BenefitAnswer(
            text=reply.text,
            language=reply.language,
            intent=reply.intent,
            programmes=hits,
            rate=self.rate(state),
            action=reply.action,
            receipt=reply.receipt,
        )
        return self.remember(answer, state)

    @staticmethod
    def remember(answer: BenefitAnswer, state: DialogState) -> BenefitAnswer:
        state.last_answer = answer
        return answer


__all__ = ["Presenter"]
