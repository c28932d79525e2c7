"""Rule-based intents on spoken and typed Korean, English and a few zh/vi/ja phrases."""

from __future__ import annotations

import pytest

from dialog.intents import IntentName, detect_intent

I = IntentName

CASES: list[tuple[str, IntentName]] = [
    # substantive questions
    ("만 65세 이상 어르신이 받을 수 있는 연금이 있나요?", I.FIND_BENEFIT),
    ("기초연금받을수있나요", I.FIND_BENEFIT),
    ("Is there a pension for seniors over 65?", I.FIND_BENEFIT),
    ("노인맞춤돌봄서비스가 끝나면 또 이용할 수 있어?", I.FIND_BENEFIT),  # contains 끝, not a goodbye
    ("어려운 사람 좀 도와주는 제도 있나요", I.FIND_BENEFIT),  # contains 사람, not a hand-off
    ("Is there someone who can help my mother with dementia?", I.FIND_BENEFIT),
    ("a person with disabilities needs help at home", I.FIND_BENEFIT),
    ("영어 교실 있어요?", I.FIND_BENEFIT),  # a language name without a switch request
    ("Do you have English classes for foreigners?", I.FIND_BENEFIT),
    ("상담 서비스가 있나요", I.FIND_BENEFIT),
    ("trẻ chậm phát triển", I.FIND_BENEFIT),
    # details / how to apply
    ("신청 방법 알려주세요", I.DETAILS),
    ("신청방법", I.DETAILS),
    ("어떻게 신청해요?", I.DETAILS),
    ("어디서 신청하나요", I.DETAILS),
    ("좀 더 자세히 말해 주세요", I.DETAILS),
    ("뭘 가져가야 돼요", I.DETAILS),
    ("How do I apply?", I.DETAILS),
    ("tell me more", I.DETAILS),
    ("怎么申请", I.DETAILS),
    # repeat
    ("다시 말해 주세요", I.REPEAT),
    ("다시 한번만요", I.REPEAT),
    ("뭐라고요?", I.REPEAT),
    ("잘 안 들려요", I.REPEAT),
    ("다시", I.REPEAT),
    ("Could you repeat that?", I.REPEAT),
    ("say that again", I.REPEAT),
    ("pardon?", I.REPEAT),
    # slower
    ("천천히 말해 주세요", I.SLOWER),
    ("천천이 말해주세요", I.SLOWER),  # a common mis-recognition
    ("너무 빨라요", I.SLOWER),
    ("slower please", I.SLOWER),
    ("can you slow down", I.SLOWER),
    ("请说慢一点", I.SLOWER),
    ("nói chậm thôi", I.SLOWER),
    # talk to a person
    ("상담원 연결해 주세요", I.TALK_TO_PERSON),
    ("상담원이랑 통화하고 싶어요", I.TALK_TO_PERSON),
    ("상담 원 바꿔 주세요", I.TALK_TO_PERSON),  # spacing from speech recognition
    ("사람이랑 통화할래요", I.TALK_TO_PERSON),
    ("사람 좀 바꿔 주세요", I.TALK_TO_PERSON),
    ("직원분 연결해 주세요", I.TALK_TO_PERSON),
    ("I want to talk to a real person", I.TALK_TO_PERSON),
    ("agent", I.TALK_TO_PERSON),
    ("Can I speak to someone please", I.TALK_TO_PERSON),
    ("转人工", I.TALK_TO_PERSON),
    # goodbye
    ("끝", I.GOODBYE),
    ("끝낼게요", I.GOODBYE),
    ("고마워요 안녕", I.GOODBYE),
    ("고마워요. 안녕히 계세요", I.GOODBYE),
    ("이제 끊을게요", I.GOODBYE),
    ("됐어요", I.GOODBYE),
    ("bye", I.GOODBYE),
    ("Thank you, goodbye!", I.GOODBYE),
    ("that's all", I.GOODBYE),
    ("再见", I.GOODBYE),
    ("Tạm biệt", I.GOODBYE),
    # short replies
    ("고마워요", I.THANKS),
    ("thank you", I.THANKS),
    ("네", I.AFFIRM),
    ("네 알려 주세요", I.AFFIRM),
    ("yes please", I.AFFIRM),
    ("아니요", I.DENY),
    ("no thanks", I.DENY),
    # nothing to go on
    ("음", I.UNCLEAR),
    ("...", I.UNCLEAR),
    ("", I.UNCLEAR),
]


@pytest.mark.parametrize(("text", "intent"), CASES)
def test_intent_table(text: str, intent: IntentName) -> None:
    assert detect_intent(text).name is intent


LANGUAGE_CASES: list[tuple[str, str]] = [
    ("영어로 말해 주세요", "en"),
    ("영어로 해주세요", "en"),
    ("In English, please", "en"),
    ("English please", "en"),
    ("English", "en"),
    ("can you speak English", "en"),
    ("한국어로 해 주세요", "ko"),
    ("한국말로 해줘", "ko"),
    ("Korean please", "ko"),
    ("중국어로 말해 주세요", "zh"),
    ("请说中文", "zh"),
    ("Chinese please", "zh"),
    ("베트남어로 해 주세요", "vi"),
    ("Nói tiếng Việt được không", "vi"),
    ("일본어로 부탁해요", "ja"),
    ("日本語でお願いします", "ja"),
]


@pytest.mark.parametrize(("text", "language"), LANGUAGE_CASES)
def test_change_language_carries_the_target(text: str, language: str) -> None:
    intent = detect_intent(text)
    assert intent.name is I.CHANGE_LANGUAGE
    assert intent.slots == {"language": language}
    assert intent.rest == ""


def test_a_question_asked_with_the_switch_is_kept() -> None:
    intent = detect_intent("영어로 기초연금 알려줘")
    assert intent.name is I.CHANGE_LANGUAGE and intent.slots["language"] == "en"
    assert intent.rest == "기초연금 알려줘"
    again = detect_intent("영어로 다시 말해 주세요")
    assert again.name is I.CHANGE_LANGUAGE and detect_intent(again.rest).name is I.REPEAT


def test_details_rest_keeps_the_programme_name() -> None:
    assert "기초연금" in detect_intent("기초연금 신청 방법 알려줘").rest
    assert "basic pension" in detect_intent("How do I apply for the basic pension?").rest


def test_confidence_is_higher_for_explicit_commands() -> None:
    assert detect_intent("상담원 연결").confidence > detect_intent("기초연금").confidence
    assert 0.0 < detect_intent("기초연금").confidence <= 1.0
