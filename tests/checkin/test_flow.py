"""The check-in conversation (pure): questions, outcome rules, danger from the dialog, programmes offered."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from dialog.manager import DialogState
from malbeot_core.events import BenefitAnswer, ProgrammeHit
from voice_gateway.checkin.flow import CLOSING, QUESTION, CheckinFlow
from voice_gateway.checkin.rules import asks_for_help, not_well, outcome_of

MEALS = ProgrammeHit("KR-MEALS", "어르신 식사 배달", 0.8)


@dataclass
class FakeDialog:
    """The dialog's interface (``respond``): danger words give a ``danger…`` answer with an urgent
    hand-off, as the dialog does once danger detection is in; "반찬" finds a meal programme."""

    heard: list[tuple[str, str]] = field(default_factory=list)

    def respond(self, text: str, language: str, state: DialogState) -> BenefitAnswer:
        self.heard.append((text, language))
        if "숨" in text or "죽고" in text or "can't breathe" in text:
            return BenefitAnswer("지금 바로 119에 전화하세요.", "ko", "danger_medical", action="handoff_urgent")
        if "반찬" in text or "meal" in text:
            return BenefitAnswer("...", language, "find_benefit", (MEALS,))
        return BenefitAnswer("죄송해요, 찾지 못했어요.", language, "find_benefit")


def run(flow: CheckinFlow, answers: list[str]) -> list[BenefitAnswer]:
    said = [flow.greeting()]
    for heard in answers:
        reply = flow.hear(heard, flow.language)
        assert reply is not None
        said.append(reply)
    return said


def test_a_well_resident_is_greeted_by_name_asked_three_questions_and_thanked() -> None:
    dialog = FakeDialog()
    flow = CheckinFlow(dialog, "김영순", "ko")
    said = run(flow, ["네 잘 지내요", "네 밥 잘 먹었어요", "아픈 데 없어요 괜찮아요"])
    assert said[0].text.startswith("안녕하세요, 김영순 님.") and said[0].text.endswith("어떻게 지내세요?")
    assert [a.intent for a in said] == [QUESTION, QUESTION, QUESTION, CLOSING]
    assert "식사" in said[1].text and "아프신" in said[2].text and said[3].action == "hangup"
    assert all(a.rate < 1 for a in said)  # slowly, for older listeners
    assert [h for h, _ in dialog.heard] == ["네 잘 지내요", "네 밥 잘 먹었어요", "아픈 데 없어요 괜찮아요"]
    report = flow.report()
    assert report.outcome == "well"
    assert "김영순" not in " ".join(t.text for t in report.transcript)  # the name is masked in what is kept
    assert report.transcript[0].text.startswith("안녕하세요, 김*순 님.")


def test_not_well_answers_are_acknowledged_and_make_the_outcome_not_well() -> None:
    flow = CheckinFlow(FakeDialog(), "김영순", "ko")
    said = run(flow, ["요즘 허리가 아파요", "아니요 못 먹었어요", "없어요"])
    assert said[1].text.startswith("그러셨군요")
    assert flow.report().outcome == "not_well"
    assert "허리가 아파요" in flow.report().summary


def test_a_danger_answer_from_the_dialog_is_spoken_as_it_is_and_nothing_more_is_asked() -> None:
    flow = CheckinFlow(FakeDialog(), "김영순", "ko")
    flow.greeting()
    danger = flow.hear("숨을 잘 못 쉬겠어요", "ko")
    assert danger is not None and danger.intent == "danger_medical" and danger.action == "handoff_urgent"
    assert flow.finished
    after = flow.hear("네", "ko")
    assert after is not None and after.intent != QUESTION  # the dialog answers, no more check-in questions
    assert flow.report().outcome == "danger"


def test_a_need_is_answered_with_programmes_that_fit() -> None:
    flow = CheckinFlow(FakeDialog(), "John Smith", "en")
    said = run(flow, ["fine thanks", "not really, I need help with meals", "no"])
    assert said[2].programmes == (MEALS,) and "어르신 식사 배달" in said[2].text
    assert said[1].text.startswith("Thank you") is False
    assert flow.report().programmes == ("KR-MEALS",)


def test_phone_numbers_said_on_the_call_are_redacted_in_the_transcript() -> None:
    flow = CheckinFlow(FakeDialog(), "김영순", "ko")
    run(flow, ["딸 번호는 010-1234-5678 이에요"])
    kept = " ".join(t.text for t in flow.report().transcript) + flow.report().summary
    assert "1234" not in kept and "[전화번호]" in kept


def test_empty_recognitions_are_ignored_and_a_silent_pickup_is_not_well() -> None:
    flow = CheckinFlow(FakeDialog(), "김영순", "ko")
    flow.greeting()
    assert flow.hear("  ", "ko") is None
    assert flow.report().outcome == "not_well" and "said nothing" in flow.report().summary


@pytest.mark.parametrize(("text", "expected"), [
    ("아파요", True), ("안 좋아요", True), ("못 먹었어요", True), ("밥을 안 먹었어요", True), ("어지러워요", True),
    ("외로워요", True), ("I'm not well", True), ("I haven't eaten today", True), ("I feel dizzy", True),
    ("잘 지내요", False), ("안 아파요", False), ("아프지 않아요", False), ("밥 먹었어요", False), ("괜찮아요", False),
    ("I'm fine, not sick at all", False), ("very well, thank you", False),
])
def test_not_well_rule(text: str, expected: bool) -> None:
    assert not_well(text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("반찬이 필요해요", True), ("도와줄 사람이 없어요", True), ("I need help with meals", True),
    ("허리가 아파요", True),
    ("필요한 거 없어요", False), ("필요 없어요", False), ("I have everything I need", False),
    ("I don't need anything", False), ("잘 지내요", False),
])
def test_need_rule(text: str, expected: bool) -> None:
    assert asks_for_help(text) is expected


def test_outcome_rule() -> None:
    assert outcome_of(["잘 지내요"], danger=True) == "danger"
    assert outcome_of(["잘 지내요", "아파요"], danger=False) == "not_well"
    assert outcome_of(["잘 지내요"], danger=False) == "well"
    assert outcome_of([], danger=False) == "not_well"


# --- asking to hear a question again, more slowly, or for a person (in words or on the keypad) ---


def test_a_resident_who_asks_to_hear_it_again_is_asked_the_same_question_not_the_next() -> None:
    dialog = FakeDialog()
    flow = CheckinFlow(dialog, "김영순", "ko")
    greeting = flow.greeting()
    again = flow.hear("뭐라고요? 다시 말해 주세요", "ko")
    assert again is not None and again.text == greeting.text and again.intent == QUESTION
    slower = flow.hear("천천히 말해 주세요", "ko")
    assert slower is not None and slower.text.startswith("네, 천천히 다시") and greeting.text in slower.text
    assert slower.rate < greeting.rate  # an older resident already spoken to slowly hears it slower still
    said = run_on(flow, ["네 잘 지내요", "네 밥 잘 먹었어요", "괜찮아요"])
    assert [a.intent for a in said] == [QUESTION, QUESTION, CLOSING]  # three answers, three questions
    assert flow.heard == ["네 잘 지내요", "네 밥 잘 먹었어요", "괜찮아요"]
    assert len(dialog.heard) == 5  # every utterance still passes the dialog's danger detection
    assert flow.report().outcome == "well"  # the requests are not answers


@pytest.mark.parametrize("said", ["뭐라고요 숨이 안 쉬어져요", "숨을 못 쉬겠어요 사람 불러 주세요"])
def test_a_request_that_tells_of_danger_gets_the_danger_answer(said: str) -> None:
    flow = CheckinFlow(FakeDialog(), "김영순", "ko")
    flow.greeting()
    reply = flow.hear(said, "ko")
    assert reply is not None and reply.intent == "danger_medical" and reply.action == "handoff_urgent"
    assert flow.report().outcome == "danger"


def test_a_long_answer_that_holds_slowly_is_an_answer() -> None:
    flow = CheckinFlow(FakeDialog(), "김영순", "ko")
    flow.greeting()
    reply = flow.hear("요즘은 다리가 안 좋아서 천천히 걸어 다녀요", "ko")
    assert reply is not None and "식사" in reply.text  # the next question
    assert flow.heard == ["요즘은 다리가 안 좋아서 천천히 걸어 다녀요"]


@pytest.mark.parametrize("how", ["words", "keypad"])
def test_a_resident_who_asks_for_a_person_is_put_through_and_asked_nothing_more(how: str) -> None:
    flow = CheckinFlow(FakeDialog(), "김영순", "ko")
    flow.greeting()
    reply = flow.hear("사람이랑 통화하고 싶어요", "ko") if how == "words" else flow.keypad("person")
    assert reply is not None and reply.action == "handoff" and "직원" in reply.text
    assert flow.finished


def test_keypad_one_says_the_question_again_and_two_slower() -> None:
    flow = CheckinFlow(FakeDialog(), "Kim", "en", rate=0.9)
    flow.greeting()
    meals = flow.hear("I'm fine", "en")
    assert meals is not None
    assert flow.keypad("repeat").text == meals.text
    slower = flow.keypad("slower")
    assert slower.text.startswith("Sure, I will say it again more slowly.") and slower.rate < 0.9
    assert flow.heard == ["I'm fine"]


def test_after_a_danger_answer_the_keypad_repeats_the_number_without_a_second_hand_off() -> None:
    flow = CheckinFlow(FakeDialog(), "김영순", "ko")
    flow.greeting()
    danger = flow.hear("숨을 못 쉬겠어요", "ko")
    assert danger is not None and danger.action == "handoff_urgent"
    again = flow.keypad("repeat")
    assert again.text == danger.text and again.action == ""


def run_on(flow: CheckinFlow, answers: list[str]) -> list[BenefitAnswer]:
    out = []
    for heard in answers:
        reply = flow.hear(heard, flow.language)
        assert reply is not None
        out.append(reply)
    return out
