"""The dialog manager: one caller utterance in, one short spoken answer out.

``DialogManager.respond`` is blocking (it embeds the query); the stage runs it in a thread.
Per-call memory lives in ``DialogState`` (``dialog.state``): the language the caller is answered in,
the last answer (for "repeat" and "slower"), the programmes last talked about (for "how do I apply?")
and whether the caller is to be spoken to slowly. The manager decides what a turn gets (danger, a
conversation in progress, a civil question, an intent); the programme answers themselves and the
building of every answer are ``dialog.presenter.Presenter``'s.

Speaking rate (``dialog.speaking_rate``): decided here, in one place (``DialogManager.rate``), and
carried by every ``BenefitAnswer``; each "slower" steps down one rung, never multiplied.

Languages (``dialog.call_language``): a caller is answered in the language each turn is said in,
until they choose one ("영어로 말해 주세요", "Tiếng Việt được không?"), which then holds until they
choose another. Korean and English answers are written out; Chinese, Vietnamese and Japanese
answers are composed from the project's templates (``dialog.answer_language``); so are the
conversations that span turns (checks, applications, facilities: ``dialog.templates.flows``). While
such a conversation waits for an answer, an answer said in another script — an address or a dong
name said in Korean by a Vietnamese caller — is taken as the answer and does not change the call's
language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from dialog import answers
from dialog.answer_language import not_on_this_call, templated
from dialog.applications.application_flow import ApplicationFlow, ApplicationSink
from dialog.catalogue.programmes import Programme
from dialog.civil.desk import CivilDesk
from dialog.eligibility.check_flow import CONTROL_INTENTS, EligibilityChecker, FlowReply
from dialog.eligibility.check_flow import text as check_text
from dialog.eligibility.profile import Fact, parse_answer, parse_yes_no
from dialog.intents import Intent, IntentName, detect_intent
from dialog.places.facilities import FacilityFinder, facility_turn, find_facility
from dialog.presenter import Presenter
from dialog.programme_names import mentions, name_coverage
from dialog.retrieval.hybrid import HybridRetriever
from dialog.safety import Danger, SafetyClassifier, danger_reply
from dialog.speaking_rate import ELDERLY_RATE, SLOW_RATE, SLOWEST_RATE, slower_than
from dialog.state import DialogState, normalise_language
from malbeot_core.events import BenefitAnswer, Emergency, KeypadMeaning
from malbeot_core.redact import redact

#: the action of a danger answer: hand the call to a person at once
HANDOFF_URGENT = "handoff_urgent"
_BARE_CHECK_CHARS = 16


class DialogManager:
    def __init__(
        self,
        retriever: HybridRetriever,
        k: int = 3,
        slow_rate: float = SLOW_RATE,
        *,
        elderly_rate: float = ELDERLY_RATE,
        applications: ApplicationSink | None = None,
        facilities: FacilityFinder | None = None,
        today: Callable[[], date] = date.today,
        safety: SafetyClassifier | None = None,
        civil: CivilDesk | None = None,
    ) -> None:
        self.retriever = retriever
        #: danger is looked for on every turn, before anything else (rules alone when not given)
        self.safety = safety or SafetyClassifier()
        self.k = k
        self.slow_rate = slow_rate
        self.elderly_rate = elderly_rate
        self.checker = EligibilityChecker(today)
        self.today = today
        self.applications = ApplicationFlow(applications) if applications is not None else None
        self.facilities = facilities
        #: civil services (certificates, waste, fines …) searched together with benefits
        self.civil = civil
        #: programme answers and answer building (``dialog.presenter``)
        self.presenter = Presenter(lambda: self.retriever, lambda: self.k, today, self.rate)

    # -- entry point -------------------------------------------------------------------------------
    def rate(self, state: DialogState) -> float:
        """The speaking rate of the call's answers now (the only place it is decided)."""
        rate = self.elderly_rate if state.elderly else 1.0
        rungs = (1.0, self.slow_rate, SLOWEST_RATE)
        for _ in range(state.slower):
            rate = slower_than(rate, rungs)
        return rate

    def respond(self, text: str, language: str, state: DialogState) -> BenefitAnswer:
        """Answer one utterance; ``language`` is what speech recognition (or the web page) says."""
        state.turns += 1
        heard = normalise_language(language)
        if heard == state.language or not self._answers_pending(text, state):
            state.language = state.call.turn(heard)
        danger = self.safety.detect(text, heard)
        if danger is not None:
            return self._danger(danger, text, state)
        intent = detect_intent(text)
        pending, state.pending_question = state.pending_question, ""
        flow = self._flows(intent, text, state)
        if flow is not None:
            return flow
        civil = self._civil(intent, text, state)
        if civil is not None:
            return civil
        if pending and intent.name is IntentName.FIND_BENEFIT:  # "돌봄 서비스요": read with the question
            return self.presenter.find(f"{pending} {text}", state, clarified=True)
        return self._answer(intent, text, state)

    def keypad(self, meaning: KeypadMeaning, state: DialogState) -> BenefitAnswer:
        """A keypad request (1 repeat, 2 slower, 0 a person): what the same spoken request gets, with
        nothing parsed, no danger check and any flow in progress kept (its next answer still counts)."""
        state.turns += 1
        name = {"repeat": IntentName.REPEAT, "slower": IntentName.SLOWER, "person": IntentName.TALK_TO_PERSON}[meaning]
        return self._answer(Intent(name, 1.0), "", state)

    def _danger(self, danger: Danger, text: str, state: DialogState) -> BenefitAnswer:
        """The number first, a person next: never a programme list, never "not found"."""
        if not state.locked and danger.language and danger.language != state.language:
            state.language = danger.language  # answer in the words the caller used
        reply_text, language, numbers = danger_reply(danger, state.language)
        state.check = state.application = state.facility = None
        state.offered_application = ""
        state.offered_details = False
        emergency = Emergency(danger.kind.value, numbers, redact(text), answers.sentences(reply_text)[0])
        answer = BenefitAnswer(reply_text, language, danger.intent, rate=self.rate(state), action=HANDOFF_URGENT,
                               emergency=emergency)
        return self.presenter.remember(answer, state)

    # -- conversations that span turns -------------------------------------------------------------
    def _answers_pending(self, text: str, state: DialogState) -> bool:
        """The turn is a plausible answer to what a conversation in progress asked (a field value, a
        yes/no to a read-back, a dong, an eligibility answer): it keeps the conversation's language."""
        if detect_intent(text).name is IntentName.CHANGE_LANGUAGE:
            return False
        app = state.application
        if app is not None and self.applications is not None:
            if app.stage == "value" and app.spec.parse(text) is not None:
                return True
            if app.stage in ("confirm", "summary") and parse_yes_no(text) is not None:
                return True
        if state.facility is not None and self.facilities is not None and self.facilities.locate(text) is not None:
            return True
        if state.offered_application and parse_yes_no(text) is not None:  # "có" to "shall I help you apply?"
            return True
        check = state.check
        if check is not None and check.awaiting is not None:
            if check.awaiting == "consent":
                return parse_yes_no(text) is not None
            return isinstance(parse_answer(check.awaiting, text, state.profile, self.today()), Fact)
        return False

    def _flows(self, intent: Intent, text: str, state: DialogState) -> BenefitAnswer | None:
        """An utterance that belongs to an application, a check or a facility question in progress."""
        lang = answers.answer_language(state.language)
        name = intent.name
        if state.facility is not None and self.facilities is not None:
            reply = facility_turn(self.facilities, state.facility, name, text, lang)
            if reply is not None:
                state.facility = None
                return self.presenter.flow_answer(reply, state)
            if name not in CONTROL_INTENTS:
                state.facility = None
        if state.application is not None and self.applications is not None:
            programme = self._programme(state.application.programme_id)
            reply = self.applications.turn(state.application, programme, name, text, lang, state.conversation_id)
            if reply is not None:
                if reply.done:
                    state.application = None
                return self.presenter.flow_answer(reply, state)
            if state.application.stage == "submitted" and name not in CONTROL_INTENTS:
                state.application = None
        if state.check is not None:
            candidates = [self.retriever.programme(pid) for pid in state.check.candidates]
            reply = self.checker.turn(state.check, candidates, state.profile, name, text, lang)
            if reply is not None:
                if reply.done:
                    state.check = None
                    state.offered_application = reply.offer
                return self.presenter.flow_answer(reply, state)
            if name not in CONTROL_INTENTS:
                state.check = None  # the caller moved on to something else
        if state.offered_application:
            offered, state.offered_application = state.offered_application, ""
            if name in (IntentName.AFFIRM, IntentName.APPLY) or (
                name is IntentName.FIND_BENEFIT and parse_yes_no(text) is True and len(text) <= 24
            ):  # "Yes, please." / "네 좋아요"
                return self._start_application(self._programme(offered), state)
            if name in CONTROL_INTENTS:
                state.offered_application = offered
        return None

    def _civil(self, intent: Intent, text: str, state: DialogState) -> BenefitAnswer | None:
        """A civil question or a follow-up about one (``dialog.civil.desk``); None: a benefit question."""
        if self.civil is None:
            return None
        last = state.last_answer.programmes if state.last_answer is not None else ()
        turn = self.civil.turn(text, intent.name, state.language, last, self.retriever, self.facilities)
        if turn is None:
            return None
        if turn.apply:  # a community-centre class: the voice application flow (read-back, receipt)
            return self._start_application(self.civil.programme(turn.apply), state)
        state.facility = turn.facility
        state.offered_details = False
        state.offered_application = turn.offer
        reply = answers.Reply(turn.text, turn.language)
        return self.presenter.remember(self.presenter.make(reply, turn.intent, state, turn.hits), state)

    def _programme(self, programme_id: str) -> Programme:
        """A benefit programme, or a civil entry that can be applied for (a class sign-up)."""
        if self.civil is not None and self.civil.is_civil(programme_id):
            return self.civil.programme(programme_id)
        return self.retriever.programme(programme_id)

    def _start_check(self, text: str, state: DialogState) -> BenefitAnswer:
        candidates = self._check_candidates(text, state)
        if not candidates:
            reply = FlowReply(check_text("which", answers.answer_language(state.language)),
                              answers.answer_language(state.language), IntentName.CHECK_ELIGIBILITY)
            return self.presenter.flow_answer(reply, state)
        state.check, reply = self.checker.start(candidates, state.profile, text,
                                                answers.answer_language(state.language))
        if reply.done:
            state.check = None
            state.offered_application = reply.offer
        return self.presenter.flow_answer(reply, state)

    def _check_candidates(self, text: str, state: DialogState) -> list[Programme]:
        named = self.presenter.named_programme(text)
        if named is not None:
            return [named]
        bare = len(re.sub(r"[\s\W]", "", text)) <= _BARE_CHECK_CHARS
        if state.last_programmes and bare:  # "제가 받을 수 있을까요?" about what was just said
            return [self.retriever.programme(state.last_programmes[0].id)]
        ranked = self.retriever.retrieve(text, k=self.k)
        if ranked:
            return [r.programme for r in ranked if r.score >= 0.5 * ranked[0].score]
        if state.last_programmes:
            return [self.retriever.programme(state.last_programmes[0].id)]
        return []

    def _start_application(self, programme: Programme, state: DialogState) -> BenefitAnswer:
        lang = answers.answer_language(state.language)
        if self.applications is None or not programme.online_application:
            reply = answers.details(programme, state.language)
            name = programme.text("name", lang)
            lead = (f"{josa_topic(name)} 전화로 바로 신청할 수는 없어요." if lang == "ko"
                    else not_on_this_call(programme, reply.language) if templated(reply.language)
                    else f"{name} cannot be applied for on this call.")
            hit = HybridRetriever.hit(programme, 1.0, reply.language)
            said = answers.Reply(f"{lead} {reply.text}", reply.language)
            return self.presenter.remember(self.presenter.make(said, IntentName.APPLY, state, (hit,)), state)
        state.check = None
        state.application, flow_reply = self.applications.start(programme, lang)
        return self.presenter.flow_answer(flow_reply, state)

    def _apply(self, text: str, state: DialogState) -> BenefitAnswer:
        named = self.presenter.named_programme(text)
        if named is not None:
            return self._start_application(named, state)
        if state.last_programmes:
            return self._start_application(self.retriever.programme(state.last_programmes[0].id), state)
        ranked = self.retriever.retrieve(text, k=1)
        if ranked:
            return self._start_application(ranked[0].programme, state)
        return self.presenter.plain(answers.fixed("which_programme", state.language), IntentName.APPLY, state)

    def _facility(self, text: str, state: DialogState) -> BenefitAnswer:
        lang = answers.answer_language(state.language)
        if self.facilities is None:
            return self.presenter.plain(answers.fixed("not_found", state.language), IntentName.FIND_FACILITY, state)
        state.facility, reply = find_facility(self.facilities, text, lang)
        return self.presenter.flow_answer(reply, state)

    def _answer(self, intent: Intent, text: str, state: DialogState) -> BenefitAnswer:
        lang = state.language
        match intent.name:
            case IntentName.TALK_TO_PERSON:
                return self.presenter.plain(answers.fixed("handoff", lang), intent.name, state, action="handoff")
            case IntentName.GOODBYE:
                return self.presenter.plain(answers.fixed("goodbye", lang), intent.name, state, action="hangup")
            case IntentName.CHANGE_LANGUAGE:
                return self.presenter.change_language(intent, state)
            case IntentName.REPEAT:
                return self.presenter.repeat(state)
            case IntentName.SLOWER:
                return self.presenter.slower(state)
            case IntentName.DETAILS:
                return self.presenter.details(text, intent.rest, state)
            case IntentName.AFFIRM if state.offered_details and state.last_programmes:
                return self.presenter.details_of(self.retriever.programme(state.last_programmes[0].id), state)
            case IntentName.AFFIRM:
                return self.presenter.plain(answers.fixed("prompt", lang), intent.name, state)
            case IntentName.DENY:
                state.offered_details = False
                return self.presenter.plain(answers.fixed("deny", lang), intent.name, state)
            case IntentName.THANKS:
                return self.presenter.plain(answers.fixed("thanks", lang), intent.name, state)
            case IntentName.UNCLEAR:
                return self.presenter.plain(answers.fixed("unclear", lang), intent.name, state)
            case IntentName.CHECK_ELIGIBILITY:
                return self._start_check(text, state)
            case IntentName.APPLY:
                return self._apply(text, state)
            case IntentName.FIND_FACILITY:
                return self._facility(text, state)
            case IntentName.CANCEL:
                return self.presenter.plain(answers.fixed("deny", lang), intent.name, state)
            case _:
                return self.presenter.find(text, state)


def josa_topic(word: str) -> str:
    return answers.josa(word, "은", "는")


__all__ = ["ELDERLY_RATE", "HANDOFF_URGENT", "SLOWEST_RATE", "SLOW_RATE", "DialogManager", "DialogState", "mentions",
           "name_coverage", "normalise_language", "slower_than"]
