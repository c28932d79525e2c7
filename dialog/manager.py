"""The dialog manager: one caller utterance in, one short spoken answer out.

``DialogManager.respond`` is blocking (it embeds the query); the stage runs it in a thread.
Per-call memory lives in ``DialogState``: the language the caller is answered in, the last
answer (for "repeat" and "slower"), the programmes last talked about (for "how do I apply?")
and whether the caller is to be spoken to slowly.

Speaking rate: decided here, in one place, and carried by every ``BenefitAnswer`` (the TTS stage
synthesises at ``answer.rate`` and nothing else). It starts at 1.0, or ``elderly_rate`` on an
elderly call; each time the caller asks for slower speech ("천천히 말해 주세요", keypad 2) it steps
down one rung of 1.0 → ``slow_rate`` → ``SLOWEST_RATE`` from where it is (so an elderly call, already
at 0.8, hears 0.75), never below the last rung and never multiplied (0.8 × 0.8 was once heard).

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
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from dialog import answers
from dialog.answer_language import not_on_this_call, templated
from dialog.applications.application_flow import ApplicationFlow, ApplicationSink, ApplicationState
from dialog.call_language import CallLanguage
from dialog.catalogue.amounts import amount_sentence, asks_amount
from dialog.catalogue.programmes import Programme
from dialog.civil.desk import CivilDesk
from dialog.eligibility.check_flow import CONTROL_INTENTS, CheckState, EligibilityChecker, FlowReply
from dialog.eligibility.check_flow import text as check_text
from dialog.eligibility.profile import Fact, ResidentProfile, parse_answer, parse_yes_no
from dialog.intents import Intent, IntentName, detect_intent
from dialog.overview_answer import overview_reply, related
from dialog.places.facilities import FacilityFinder, FacilityState, facility_turn, find_facility
from dialog.retrieval.clarify import clarifying_question
from dialog.retrieval.hybrid import HybridRetriever, Ranked
from dialog.retrieval.query_facts import about
from dialog.retrieval.tokenize import tokenize
from dialog.safety import Danger, SafetyClassifier, danger_reply
from malbeot_core.events import BenefitAnswer, Emergency, KeypadMeaning, ProgrammeHit
from malbeot_core.redact import redact

#: speaking rate after the caller asks for slower speech
SLOW_RATE = 0.8
#: speaking rate of an elderly call from its first answer
ELDERLY_RATE = 0.8
#: the slowest rate "slower" reaches: Kokoro's Korean heard back through whisper (bench/voices.py --rates, 24
#: tuning-half answers) had CER 0.147 at 1.0, 0.121 at 0.8, 0.157 at 0.75 and 0.218 at 0.7
SLOWEST_RATE = 0.75


def slower_than(rate: float, rungs: tuple[float, ...] = (1.0, SLOW_RATE, SLOWEST_RATE)) -> float:
    """The next rung below ``rate`` (the last rung when none is below)."""
    below = [r for r in rungs if r < rate - 1e-9]
    return max(below) if below else min(rungs)

#: the action of a danger answer: hand the call to a person at once
HANDOFF_URGENT = "handoff_urgent"
_GENERIC_NAME_WORDS = frozenset({"지원", "서비스", "사업", "support", "service", "programme", "program", "센터"})


@dataclass
class DialogState:
    """What the dialog remembers during one call (mutated by ``respond``)."""

    #: the language answers are given in (see the module notes)
    language: str = "ko"
    #: the caller chose ``language`` explicitly; speech-recognised language no longer changes it
    locked: bool = False
    last_answer: BenefitAnswer | None = None
    #: programmes of the last answer that found some, best first
    last_programmes: tuple[ProgrammeHit, ...] = ()
    #: the last answer presented programmes, so "yes" means "tell me more"
    offered_details: bool = False
    #: the call is in elderly mode (the stage copies it from the call's settings before each turn)
    elderly: bool = False
    #: how many times the caller asked for slower speech (holds for the rest of the call)
    slower: int = 0
    turns: int = 0
    #: identifies the conversation (the idempotency key of its applications)
    conversation_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    #: what the caller told us for eligibility checks (only after consent; forgotten with the state)
    profile: ResidentProfile = field(default_factory=ResidentProfile)
    #: an eligibility check in progress
    check: CheckState | None = None
    #: a voice application in progress (or just submitted)
    application: ApplicationState | None = None
    #: the programme the last advice offered to apply for ("yes" starts the application)
    offered_application: str = ""
    #: a "nearest facility" question waiting for the caller's dong
    facility: FacilityState | None = None
    #: the question that a clarifying question ("연금을 찾으세요, 돌봄 서비스를 찾으세요?") was about
    pending_question: str = ""
    #: the call's chosen and detected language (``language`` and ``locked`` follow it)
    call: CallLanguage = field(default_factory=CallLanguage)

    def __post_init__(self) -> None:
        self.call.current = self.language
        if self.locked and not self.call.chosen:
            self.call.choose(self.language, self.language)


def normalise_language(code: str | None) -> str:
    """``"ko-KR"`` → ``"ko"``; empty → ``"ko"``."""
    if not code:
        return "ko"
    return code.replace("_", "-").split("-")[0].lower()


def name_coverage(text: str, programme: Programme) -> float:
    """The largest share of a name's distinctive words that the utterance contains (0–1)."""
    said = set(tokenize(text))
    best = 0.0
    for name in (programme.name_ko, programme.name_en):
        words = set(tokenize(name)) - _GENERIC_NAME_WORDS
        if words:
            best = max(best, len(words & said) / len(words))
    return best


def mentions(text: str, programme: Programme) -> bool:
    """The utterance names the programme (at least half the distinctive words of a name)."""
    return name_coverage(text, programme) >= 0.5


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
            return self._find(f"{pending} {text}", state, clarified=True)
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
        return self._remember(answer, state)

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
                return self._flow_answer(reply, state)
            if name not in CONTROL_INTENTS:
                state.facility = None
        if state.application is not None and self.applications is not None:
            programme = self._programme(state.application.programme_id)
            reply = self.applications.turn(state.application, programme, name, text, lang, state.conversation_id)
            if reply is not None:
                if reply.done:
                    state.application = None
                return self._flow_answer(reply, state)
            if state.application.stage == "submitted" and name not in CONTROL_INTENTS:
                state.application = None
        if state.check is not None:
            candidates = [self.retriever.programme(pid) for pid in state.check.candidates]
            reply = self.checker.turn(state.check, candidates, state.profile, name, text, lang)
            if reply is not None:
                if reply.done:
                    state.check = None
                    state.offered_application = reply.offer
                return self._flow_answer(reply, state)
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
        return self._remember(self._make(reply, turn.intent, state, turn.hits), state)

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
            return self._flow_answer(reply, state)
        state.check, reply = self.checker.start(candidates, state.profile, text,
                                                answers.answer_language(state.language))
        if reply.done:
            state.check = None
            state.offered_application = reply.offer
        return self._flow_answer(reply, state)

    def _check_candidates(self, text: str, state: DialogState) -> list[Programme]:
        named = self._named_programme(text)
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
            return self._remember(
                self._make(answers.Reply(f"{lead} {reply.text}", reply.language), IntentName.APPLY, state, (hit,)),
                state,
            )
        state.check = None
        state.application, flow_reply = self.applications.start(programme, lang)
        return self._flow_answer(flow_reply, state)

    def _apply(self, text: str, state: DialogState) -> BenefitAnswer:
        named = self._named_programme(text)
        if named is not None:
            return self._start_application(named, state)
        if state.last_programmes:
            return self._start_application(self.retriever.programme(state.last_programmes[0].id), state)
        ranked = self.retriever.retrieve(text, k=1)
        if ranked:
            return self._start_application(ranked[0].programme, state)
        return self._plain(answers.fixed("which_programme", state.language), IntentName.APPLY, state)

    def _facility(self, text: str, state: DialogState) -> BenefitAnswer:
        lang = answers.answer_language(state.language)
        if self.facilities is None:
            return self._plain(answers.fixed("not_found", state.language), IntentName.FIND_FACILITY, state)
        state.facility, reply = find_facility(self.facilities, text, lang)
        return self._flow_answer(reply, state)

    def _flow_answer(self, reply: FlowReply, state: DialogState) -> BenefitAnswer:
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
        return self._remember(answer, state)

    def _answer(self, intent: Intent, text: str, state: DialogState) -> BenefitAnswer:
        lang = state.language
        match intent.name:
            case IntentName.TALK_TO_PERSON:
                return self._plain(answers.fixed("handoff", lang), intent.name, state, action="handoff")
            case IntentName.GOODBYE:
                return self._plain(answers.fixed("goodbye", lang), intent.name, state, action="hangup")
            case IntentName.CHANGE_LANGUAGE:
                return self._change_language(intent, state)
            case IntentName.REPEAT:
                return self._repeat(state)
            case IntentName.SLOWER:
                return self._slower(state)
            case IntentName.DETAILS:
                return self._details(text, intent.rest, state)
            case IntentName.AFFIRM if state.offered_details and state.last_programmes:
                return self._details_of(self.retriever.programme(state.last_programmes[0].id), state)
            case IntentName.AFFIRM:
                return self._plain(answers.fixed("prompt", lang), intent.name, state)
            case IntentName.DENY:
                state.offered_details = False
                return self._plain(answers.fixed("deny", lang), intent.name, state)
            case IntentName.THANKS:
                return self._plain(answers.fixed("thanks", lang), intent.name, state)
            case IntentName.UNCLEAR:
                return self._plain(answers.fixed("unclear", lang), intent.name, state)
            case IntentName.CHECK_ELIGIBILITY:
                return self._start_check(text, state)
            case IntentName.APPLY:
                return self._apply(text, state)
            case IntentName.FIND_FACILITY:
                return self._facility(text, state)
            case IntentName.CANCEL:
                return self._plain(answers.fixed("deny", lang), intent.name, state)
            case _:
                return self._find(text, state)

    # -- intents -----------------------------------------------------------------------------------
    def _find(self, text: str, state: DialogState, intent: str = IntentName.FIND_BENEFIT,
              clarified: bool = False) -> BenefitAnswer:
        if about(text, self.today()).topicless:  # "어머니가 75세인데 받을 수 있는 혜택이 뭐가 있어요?"
            return self._overview(text, state)
        ranked = self.retriever.retrieve(text, k=self.k)
        if not ranked:
            state.offered_details = False
            return self._remember(self._plain(answers.fixed("not_found", state.language), intent, state), state)
        question = None if clarified or asks_amount(text) else clarifying_question(ranked, state.language)
        if question is not None:  # close results for different needs: ask instead of guessing
            state.pending_question = text
            hits = tuple(HybridRetriever.hit(r.programme, r.score, question.language) for r in ranked[:2])
            state.last_programmes, state.offered_details = hits, False
            return self._remember(self._make(question, "clarify", state, hits), state)
        return self._present(ranked, intent, state, text)

    def _overview(self, text: str, state: DialogState) -> BenefitAnswer:
        ranked = self.retriever.retrieve_or_overview(text, k=self.k)
        if not ranked:
            return self._remember(self._plain(answers.fixed("not_found", state.language), IntentName.FIND_BENEFIT,
                                              state, action=""), state)
        reply = overview_reply([r.programme for r in ranked], state.language)
        hits = tuple(HybridRetriever.hit(r.programme, r.score, reply.language) for r in ranked)
        state.last_programmes = hits
        state.offered_details = True
        return self._remember(self._make(reply, IntentName.FIND_BENEFIT, state, hits), state)

    def _present(self, ranked: list[Ranked], intent: str, state: DialogState, text: str = "") -> BenefitAnswer:
        best = ranked[0]
        amount = amount_sentence(best.programme, state.language) if asks_amount(text) else ""
        if amount:  # "기초연금은 얼마나 받아요?": the amount the catalogue states
            reply = answers.Reply(amount, answers.answer_language(state.language))
            hits = tuple(HybridRetriever.hit(r.programme, r.score, reply.language) for r in ranked)
            state.last_programmes, state.offered_details = hits, True
            return self._remember(self._make(reply, intent, state, hits), state)
        second = next((r for r in ranked[1:2] if r.score >= 0.5 * best.score
                       and related(best.programme, r.programme)), None)
        reply = answers.find_benefit(best.programme, second.programme if second else None, state.language)
        hits = tuple(HybridRetriever.hit(r.programme, r.score, reply.language) for r in ranked)
        state.last_programmes = hits
        state.offered_details = True
        return self._remember(self._make(reply, intent, state, hits), state)

    def _details(self, text: str, rest: str, state: DialogState) -> BenefitAnswer:
        """How to apply for: the programme the caller names, else the one just talked about."""
        named = self._named_programme(text)
        if named is not None:
            return self._details_of(named, state)
        if tokenize(rest):  # "노인 일자리 어떻게 신청해요": a topic without the exact name
            ranked = self.retriever.retrieve(rest, k=1)
            if ranked:
                return self._details_of(ranked[0].programme, state)
        if state.last_programmes:
            return self._details_of(self.retriever.programme(state.last_programmes[0].id), state)
        return self._plain(answers.fixed("which_programme", state.language), IntentName.DETAILS, state)

    def _named_programme(self, text: str) -> Programme | None:
        """The programme the utterance names: the best-covered name among the retrieved ones
        ("basic pension" names Basic Pension rather than Disability Pension)."""
        best: Programme | None = None
        best_cover = 0.0
        for ranked in self.retriever.retrieve(text, k=self.k):
            cover = name_coverage(text, ranked.programme)
            if cover >= 0.5 and cover > best_cover:
                best, best_cover = ranked.programme, cover
        return best

    def _details_of(self, programme: Programme, state: DialogState) -> BenefitAnswer:
        reply = answers.details(programme, state.language)
        hit = HybridRetriever.hit(programme, 1.0, reply.language)
        rest = tuple(h for h in state.last_programmes if h.id != programme.id)
        state.last_programmes = (hit, *rest)
        state.offered_details = False
        return self._remember(self._make(reply, IntentName.DETAILS, state, (hit,)), state)

    def _repeat(self, state: DialogState) -> BenefitAnswer:
        last = state.last_answer
        if last is None:
            return self._plain(answers.fixed("nothing_to_repeat", state.language), IntentName.REPEAT, state)
        return replace(last, intent=IntentName.REPEAT, rate=self.rate(state), action="")

    def _slower(self, state: DialogState) -> BenefitAnswer:
        state.slower += 1
        last = state.last_answer
        if last is None:
            return self._plain(answers.fixed("slower_nothing", state.language), IntentName.SLOWER, state)
        ack = answers.fixed("slower", last.language)
        return replace(last, text=f"{ack.text} {last.text}", intent=IntentName.SLOWER, rate=self.rate(state), action="")

    def _change_language(self, intent: Intent, state: DialogState) -> BenefitAnswer:
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
                    follow = self._details_of(first, state)
                else:
                    follow = self._rerender(state)
            elif rest_intent.name is IntentName.FIND_BENEFIT:
                ranked = self.retriever.retrieve(intent.rest, k=self.k)
                follow = self._present(ranked, IntentName.FIND_BENEFIT, state) if ranked else None
        if follow is None:
            return self._plain(confirm, IntentName.CHANGE_LANGUAGE, state)
        if follow.language == confirm.language:
            text = f"{confirm.text} {follow.text}"
            return replace(follow, text=text, intent=IntentName.CHANGE_LANGUAGE)
        # the confirmation is in the caller's language, the content in English: keep the content
        return replace(follow, intent=IntentName.CHANGE_LANGUAGE)

    def _rerender(self, state: DialogState) -> BenefitAnswer:
        """The last programme answer again, in the (new) current language."""
        programmes = [self.retriever.programme(h.id) for h in state.last_programmes]
        ranked = [
            Ranked(p, h.score, cosine=0.0, cosine_z=0.0, bm25=0.0, relevant=True)
            for p, h in zip(programmes, state.last_programmes, strict=True)
        ]
        return self._present(ranked, IntentName.REPEAT, state)

    # -- building answers --------------------------------------------------------------------------
    def _make(
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

    def _plain(self, reply: answers.Reply, intent: str, state: DialogState, action: str = "") -> BenefitAnswer:
        return self._make(reply, intent, state, (), action)

    @staticmethod
    def _remember(answer: BenefitAnswer, state: DialogState) -> BenefitAnswer:
        state.last_answer = answer
        return answer


def josa_topic(word: str) -> str:
    return answers.josa(word, "은", "는")


__all__ = ["ELDERLY_RATE", "HANDOFF_URGENT", "SLOWEST_RATE", "SLOW_RATE", "DialogManager", "DialogState", "mentions",
           "normalise_language", "slower_than"]
