"""The check-in conversation as a pure state machine: greet by name, ask two or three short
questions, pass every answer through the dialog (its danger detection applies), offer programmes
that fit a need heard, end kindly; and the call's outcome from what was heard.

The flow does not listen or speak itself: the call feeds it each recognised answer (``hear``) and
speaks the ``BenefitAnswer`` it returns. A danger answer from the dialog is returned as it is (its
number, its urgent hand-off action) and the flow asks nothing more; later utterances go straight to
the dialog.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Protocol

from dialog.intents import IntentName, detect_intent
from dialog.manager import DialogState, slower_than
from malbeot_core.events import BenefitAnswer, KeypadMeaning, ProgrammeHit
from malbeot_core.redact import redact
from records.applications import mask_name

from .rules import asks_for_help, is_danger, not_well, outcome_of
from .types import CheckinReport, Turn

QUESTION, CLOSING, HANDOFF = "checkin_question", "checkin_goodbye", "checkin_handoff"
#: a request to repeat or slow down is short ("다시 말해 주세요", "천천히요"): a longer answer that
#: happens to hold "천천히" ("천천히 걸어 다녀요") is an answer
_STEER_MAX = 16

_TEXTS: dict[str, dict[str, str]] = {
    "greeting": {
        "ko": "안녕하세요, {name} 님. 구청 안부 전화 말벗이에요. 컴퓨터가 전화 드렸어요. 요즘 어떻게 지내세요?",
        "en": "Hello {name}, this is Malbeot, the district's check-in call. You are talking to a computer. "
        "How are you these days?",
    },
    "meals": {"ko": "식사는 잘 챙겨 드시고 계세요?", "en": "Have you been eating well?"},
    "health": {"ko": "아프신 데는 없으세요? 필요하신 게 있으면 말씀해 주세요.",
               "en": "Are you in good health? If you need anything, please tell me."},
    "sorry": {"ko": "그러셨군요. 말씀해 주셔서 고마워요. 담당 직원에게 꼭 전해 드릴게요.",
              "en": "I am sorry to hear that. Thank you for telling me; I will let the district staff know."},
    "offer": {"ko": "말씀하신 것과 관련해서 {names} 같은 서비스가 있어요. 담당 직원이 자세히 안내해 드릴 거예요.",
              "en": "There are services that may help, such as {names}. A staff member will tell you more."},
    "slower": {"ko": "네, 천천히 다시 말씀드릴게요.", "en": "Sure, I will say it again more slowly."},
    "person": {"ko": "네, 구청 담당 직원에게 바로 연결해 드릴게요. 잠시만 기다려 주세요.",
               "en": "Of course, I will put you through to a member of the district staff. Please hold on."},
    "goodbye": {"ko": "오늘 이야기 나눠 주셔서 고마워요. 건강 조심하시고, 다음에 또 전화 드릴게요. 안녕히 계세요.",
                "en": "Thank you for talking with me today. Take care, and I will call again. Goodbye."},
}
QUESTIONS = ("greeting", "meals", "health")


def text(key: str, language: str, **fields: str) -> tuple[str, str]:
    texts = _TEXTS[key]
    lang = language if language in texts else "en"
    return texts[lang].format(**fields), lang


class Responder(Protocol):
    """The dialog as the flow needs it (``dialog.manager.DialogManager`` is one)."""

    def respond(self, text: str, language: str, state: DialogState) -> BenefitAnswer: ...


class CheckinFlow:
    def __init__(self, responder: Responder, name: str, language: str, rate: float = 0.8) -> None:
        self.responder = responder
        self.name = name
        self.language = language
        self.rate = rate  # older listeners: slower speech
        self.state = DialogState(language=language, locked=True, elderly=True)  # the dialog's answers slow too
        self.asked = 0
        self.heard: list[str] = []
        self.transcript: list[Turn] = []
        self.danger = False
        self.offered: tuple[ProgrammeHit, ...] = ()
        self.finished = False
        #: what was asked last, to say again on request: (keys, fields)
        self._last: tuple[list[str], dict[str, str]] = (["greeting"], {"name": name})
        #: the last answer spoken
        self._said: BenefitAnswer | None = None

    def _say(self, keys: list[str], intent: str, action: str = "", programmes: tuple[ProgrammeHit, ...] = (),
             **fields: str) -> BenefitAnswer:
        parts = [text(key, self.language, **fields) for key in keys]
        spoken = " ".join(p[0] for p in parts)
        self.transcript.append(Turn("malbeot", redact(spoken.replace(self.name, mask_name(self.name))
                                                      if self.name else spoken)))
        self._said = BenefitAnswer(spoken, parts[0][1], intent, programmes, rate=self.rate, action=action)
        return self._said

    def greeting(self) -> BenefitAnswer:
        self.asked = 1
        return self._say(["greeting"], QUESTION, name=self.name)

    def hear(self, heard: str, language: str) -> BenefitAnswer | None:
        """The resident's answer; returns what to say next (None: nothing, e.g. an empty recognition)."""
        if not heard.strip():
            return None
        answer = self.responder.respond(heard, self.language, self.state)  # its danger detection first
        steer = None if self.finished or is_danger(answer.intent) else detect_intent(heard).name
        if steer in (IntentName.REPEAT, IntentName.SLOWER) and len(re.sub(r"\s", "", heard)) <= _STEER_MAX:
            self.transcript.append(Turn("resident", redact(heard)))  # a request, not an answer
            return self.keypad("slower" if steer is IntentName.SLOWER else "repeat")
        self.heard.append(heard)
        self.transcript.append(Turn("resident", redact(heard)))
        if steer is IntentName.TALK_TO_PERSON:
            return self.keypad("person")
        if is_danger(answer.intent):
            self.danger = True
            self.finished = True
            self.transcript.append(Turn("malbeot", redact(answer.text)))
            self._said = answer
            return answer  # its number and its urgent hand-off, as the dialog gave them
        if self.finished:
            self._said = answer
            return answer  # after the questions (or a danger answer): the dialog answers
        keys = ["sorry"] if not_well(heard) else []
        if asks_for_help(heard) and answer.programmes and not self.offered:
            self.offered = answer.programmes[:2]
            names = ", ".join(p.name for p in self.offered)
            keys.append("offer")
            if self.asked < len(QUESTIONS):
                return self._next(keys, names=names)
            return self._goodbye(keys, names=names)
        if self.asked < len(QUESTIONS):
            return self._next(keys)
        return self._goodbye(keys)

    def keypad(self, meaning: KeypadMeaning) -> BenefitAnswer:
        """The resident asks to hear the last question again (more slowly) or for a person — by keypad
        or in words: the question is not counted as answered; a person ends the questions."""
        if meaning == "person":
            self.finished = True
            return self._say(["person"], HANDOFF, action="handoff")
        if meaning == "slower":
            self.rate = slower_than(self.rate)
        if self.finished and self._said is not None:  # after a danger answer: its number again
            return replace(self._said, rate=min(self._said.rate, self.rate), action="")
        keys, fields = self._last
        if meaning == "slower":
            keys = ["slower", *(k for k in keys if k != "slower")]
        return self._say(keys, QUESTION, programmes=self.offered if "offer" in keys else (), **fields)

    def _next(self, keys: list[str], **fields: str) -> BenefitAnswer:
        question = QUESTIONS[self.asked]
        self.asked += 1
        self._last = ([*keys, question], fields)
        return self._say([*keys, question], QUESTION, programmes=self.offered if "offer" in keys else (), **fields)

    def _goodbye(self, keys: list[str], **fields: str) -> BenefitAnswer:
        self.finished = True
        return self._say([*keys, "goodbye"], CLOSING, action="hangup",
                         programmes=self.offered if "offer" in keys else (), **fields)

    def report(self) -> CheckinReport:
        outcome = outcome_of(self.heard, self.danger)
        said = " / ".join(redact(h) for h in self.heard) or "(nothing heard)"
        summary = {"danger": "a danger sign was heard", "not_well": "said they are not well" if self.heard
                   else "picked up but said nothing", "well": "said they are well"}[outcome]
        return CheckinReport(outcome, tuple(self.transcript), f"{summary}: {said}",
                             tuple(p.id for p in self.offered))


__all__ = ["CLOSING", "HANDOFF", "QUESTION", "QUESTIONS", "CheckinFlow", "Responder"]
