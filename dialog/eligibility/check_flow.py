"""The eligibility check as a conversation: consent, one question at a time, then advice.

1. Consent: the caller is told why the questions are asked and that answers are used only for
   this check during this call; "no" ends the check (with a person offered).
2. Questions: the one with the largest information gain over the candidate programmes
   (``dialog.eligibility.questions``); each answer is read back ("천구백오십팔년생으로 들었어요.") with the next
   question. "I don't know" is accepted and not asked again; an answer not understood is asked
   once more with an example; "no, I was born in 1957" corrects the previous answer.
3. Advice, as soon as no answer could change a verdict (or after ``MAX_QUESTIONS``).

The flow is stateless; its memory is the ``CheckState`` in the dialog state.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from dialog.answer_language import programme_name
from dialog.catalogue.programmes import Programme
from dialog.eligibility.advice import advice, heard
from dialog.eligibility.assess import Verdict, assess_all
from dialog.eligibility.profile import (
    Attribute,
    DontKnow,
    Fact,
    ResidentProfile,
    parse_answer,
    parse_yes_no,
    volunteered,
)
from dialog.eligibility.questions import NextQuestion, next_question
from dialog.intents import IntentName
from dialog.retrieval.query_facts import about
from dialog.templates.flows import CHECK, FLOW_LANGUAGES, phrase

MAX_QUESTIONS = 6
#: intents the caller may use in the middle of a check without leaving it
CONTROL_INTENTS = frozenset({
    IntentName.REPEAT, IntentName.SLOWER, IntentName.TALK_TO_PERSON, IntentName.GOODBYE,
    IntentName.CHANGE_LANGUAGE, IntentName.THANKS,
})

_TEXT = {
    "consent": (
        "자격이 되는지 알아보려면 나이 같은 몇 가지를 여쭤봐야 해요. 답하신 내용은 이번 통화에서 확인에만 쓰고 "
        "저장하지 않아요. 여쭤봐도 될까요?",
        "To check whether you qualify I need to ask a few questions, such as your age. Your answers are used only "
        "for this check during this call and are not stored. May I ask?",
    ),
    "no_consent": (
        "알겠습니다. 자격은 주소지 행정복지센터나 129에서 확인하실 수 있어요. 상담원과 이야기하고 싶으시면 "
        "상담원이라고 말씀해 주세요.",
        "All right. Your dong community centre or 129 can check whether you qualify. If you would like to talk "
        "to a person, just say 'agent'.",
    ),
    "misheard": ("죄송해요, 잘 못 알아들었어요.", "Sorry, I did not catch that."),
    "skip": ("괜찮아요, 그 부분은 행정복지센터에서 확인하면 돼요.",
             "That's fine, the community centre can check that."),
    "corrected": ("고쳐서 적었어요.", "I have corrected that."),
    "which": (
        "어떤 서비스를 받을 수 있는지 궁금하신가요? 서비스 이름이나 필요한 도움을 말씀해 주세요.",
        "Which service would you like me to check? Please tell me its name or the help you need.",
    ),
    "cancelled": ("알겠습니다, 자격 확인을 멈출게요. 다른 궁금한 것이 있으면 말씀해 주세요.",
                  "All right, I have stopped the check. Is there anything else I can help with?"),
}


def text(key: str, language: str) -> str:
    """A check sentence: Korean and English here, Chinese, Vietnamese and Japanese from the project's
    templates (``dialog.templates.flows``; a missing one is a ``KeyError``, never English)."""
    ko, en = _TEXT[key]
    if language in FLOW_LANGUAGES:
        return phrase(CHECK, key, language)
    return ko if language == "ko" else en


@dataclass
class CheckState:
    """An eligibility check in progress."""

    candidates: tuple[str, ...]
    awaiting: Attribute | Literal["consent"] | None = None
    asked: int = 0
    misheard: int = 0
    #: the utterance that started the check (facts volunteered in it are used after consent)
    opening: str = ""
    last_fact: Fact | None = None
    asked_attributes: list[Attribute] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class FlowReply:
    text: str
    language: str
    intent: str
    programmes: tuple[Programme, ...] = ()
    #: the flow is over (the dialog state drops it)
    done: bool = False
    #: the programme offered for an application right after the advice
    offer: str = ""
    receipt: str = ""
    action: str = ""


class EligibilityChecker:
    def __init__(self, today: Callable[[], date] = date.today, max_questions: int = MAX_QUESTIONS) -> None:
        self.today = today
        self.max_questions = max_questions

    def start(self, candidates: Sequence[Programme], profile: ResidentProfile, opening: str,
              language: str) -> tuple[CheckState, FlowReply]:
        check = CheckState(tuple(p.id for p in candidates), opening=opening)
        if not profile.consent:
            check.awaiting = "consent"
            return check, FlowReply(text("consent", language), language, "eligibility_consent", tuple(candidates))
        self._volunteered(check, profile)
        return check, self._next(check, candidates, profile, language, "")

    def turn(self, check: CheckState, candidates: Sequence[Programme], profile: ResidentProfile,
             intent: IntentName, said: str, language: str) -> FlowReply | None:
        """The reply to one utterance during the check; ``None``: not for the check (handled as usual)."""
        if intent in CONTROL_INTENTS:
            return None
        if intent is IntentName.CANCEL:
            return FlowReply(text("cancelled", language), language, "eligibility_cancelled", done=True)
        if check.awaiting == "consent":
            yes = True if intent is IntentName.AFFIRM else False if intent is IntentName.DENY else parse_yes_no(said)
            if yes is None:
                return None  # a new question instead of an answer: the check is dropped
            if not yes:
                return FlowReply(text("no_consent", language), language, "eligibility_declined", done=True)
            profile.consent = True
            self._volunteered(check, profile)
            return self._next(check, candidates, profile, language, "")
        if not isinstance(check.awaiting, Attribute):
            return None
        attribute = check.awaiting
        corrected = self._correction(check, profile, said)
        if corrected is not None:
            prefix = f"{text('corrected', language)} {heard(corrected, language)}"
            return self._next(check, candidates, profile, language, prefix, again=attribute)
        answer = parse_answer(attribute, said, profile, self.today())
        match answer:
            case Fact():
                profile.apply(answer)
                check.last_fact, check.misheard = answer, 0
                return self._next(check, candidates, profile, language, heard(answer, language))
            case DontKnow():
                profile.decline(attribute)
                return self._next(check, candidates, profile, language, text("skip", language))
        learned = [f for f in volunteered(said, self.today()) if f.attribute is not attribute]
        known = {f.attribute for f in learned} | {attribute}
        # "한 달에 팔십만 원 정도요" while the age was asked: an answer, not a new search
        learned += [f for f in about(said, self.today()).facts if f.attribute not in known
                    and f.attribute is not Attribute.CHILD_AGE]
        if learned:  # "I am 70 years old" in answer to another question: noted, then asked again
            for fact in learned:
                profile.apply(fact)
            check.last_fact = learned[-1]
            prefix = " ".join(heard(f, language) for f in learned)
            return self._next(check, candidates, profile, language, prefix, again=None, recount=False)
        if intent in (IntentName.FIND_BENEFIT, IntentName.DETAILS, IntentName.CHECK_ELIGIBILITY,
                      IntentName.FIND_FACILITY) and check.misheard >= 1:
            return None  # twice not an answer: the caller has moved on
        check.misheard += 1
        if check.misheard > 2:
            profile.decline(attribute)
            return self._next(check, candidates, profile, language, text("skip", language))
        return self._next(check, candidates, profile, language, text("misheard", language), again=attribute)

    # -- helpers ------------------------------------------------------------------------------------
    def _volunteered(self, check: CheckState, profile: ResidentProfile) -> None:
        for fact in volunteered(check.opening, self.today()):
            if not profile.knows(fact.attribute):
                profile.apply(fact)

    def _correction(self, check: CheckState, profile: ResidentProfile, said: str) -> Fact | None:
        """"아니요, 오십칠년생이에요" right after an answer about the age: the earlier answer, corrected."""
        last = check.last_fact
        if last is None or last.attribute is check.awaiting or parse_yes_no(said) is not False:
            return None
        fact = parse_answer(last.attribute, said, profile, self.today())
        if not isinstance(fact, Fact) or fact == last or isinstance(fact.value, bool):
            return None
        profile.apply(fact)
        check.last_fact = fact
        return fact

    def _next(self, check: CheckState, candidates: Sequence[Programme], profile: ResidentProfile,
              language: str, prefix: str, again: Attribute | None = None, recount: bool = True) -> FlowReply:
        question = None
        if again is not None:
            question = NextQuestion(again, 0.0)
        elif check.asked < self.max_questions:
            question = next_question(candidates, profile)
        if question is not None:
            if again is None and (recount or question.attribute not in check.asked_attributes):
                check.asked += 1
                check.asked_attributes.append(question.attribute)
            check.awaiting = question.attribute
            body = f"{prefix} {question.text(language)}".strip()
            return FlowReply(body, language, "eligibility_question", tuple(candidates))
        assessments = assess_all(candidates, profile)
        offer = next(
            (a.programme for a in sorted(assessments, key=lambda a: a.verdict is not Verdict.MEETS)
             if a.verdict is not Verdict.FAILS and a.programme.online_application),
            None,
        )
        offer_name = programme_name(offer, language) if offer is not None else ""
        body = f"{prefix} {advice(assessments, language, offer_name)}".strip()
        return FlowReply(body, language, "eligibility_advice", tuple(a.programme for a in assessments), done=True,
                         offer=offer.id if offer is not None else "")


__all__ = ["MAX_QUESTIONS", "CheckState", "EligibilityChecker", "FlowReply", "text"]
