"""Rule-based intents on spoken and typed Korean, English and a few zh/vi/ja phrases."""

from __future__ import annotations

import pytest

from dialog.intents import IntentName, detect_intent

N = IntentName

CASES: list[tuple[str, IntentName]] = [
    # substantive questions
    ("만 65세 이상 어르신이 받을 수 있는 연금이 있나요?", N.FIND_BENEFIT),
    ("기초연금받을수있나요", N.FIND_BENEFIT),
    ("Is there a pension for seniors over 65?", N.FIND_BENEFIT),
    ("노인맞춤돌봄서비스가 끝나면 또 이용할 수 있어?", N.FIND_BENEFIT),  # contains 끝, not a goodbye
    ("어려운 사람 좀 도와주는 제도 있나요", N.FIND_BENEFIT),  # contains 사람, not a hand-off
    ("Is there someone who can help my mother with dementia?", N.FIND_BENEFIT),
    ("a person with disabilities needs help at home", N.FIND_BENEFIT),
    ("영어 교실 있어요?", N.FIND_BENEFIT),  # a language name without a switch request
    ("Do you have English classes for foreigners?", N.FIND_BENEFIT),
    ("상담 서비스가 있나요", N.FIND_BENEFIT),
    ("trẻ chậm phát triển", N.FIND_BENEFIT),
    # details / how to apply
    ("신청 방법 알려주세요", N.DETAILS),
    ("신청방법", N.DETAILS),
    ("어떻게 신청해요?", N.DETAILS),
    ("어디서 신청하나요", N.DETAILS),
    ("좀 더 자세히 말해 주세요", N.DETAILS),
    ("뭘 가져가야 돼요", N.DETAILS),
    ("How do I apply?", N.DETAILS),
    ("tell me more", N.DETAILS),
    ("怎么申请", N.DETAILS),
    # repeat
    ("다시 말해 주세요", N.REPEAT),
    ("다시 한번만요", N.REPEAT),
    ("뭐라고요?", N.REPEAT),
    ("잘 안 들려요", N.REPEAT),
    ("다시", N.REPEAT),
    ("Could you repeat that?", N.REPEAT),
    ("say that again", N.REPEAT),
    ("pardon?", N.REPEAT),
    # slower
    ("천천히 말해 주세요", N.SLOWER),
    ("천천이 말해주세요", N.SLOWER),  # a common mis-recognition
    ("너무 빨라요", N.SLOWER),
    ("slower please", N.SLOWER),
    ("can you slow down", N.SLOWER),
    ("请说慢一点", N.SLOWER),
    ("nói chậm thôi", N.SLOWER),
    # talk to a person
    ("상담원 연결해 주세요", N.TALK_TO_PERSON),
    ("상담원이랑 통화하고 싶어요", N.TALK_TO_PERSON),
    ("상담 원 바꿔 주세요", N.TALK_TO_PERSON),  # spacing from speech recognition
    ("사람이랑 통화할래요", N.TALK_TO_PERSON),
    ("사람 좀 바꿔 주세요", N.TALK_TO_PERSON),
    ("직원분 연결해 주세요", N.TALK_TO_PERSON),
    ("I want to talk to a real person", N.TALK_TO_PERSON),
    ("agent", N.TALK_TO_PERSON),
    ("Transfer.", N.TALK_TO_PERSON),
    ("transfer me to someone please", N.TALK_TO_PERSON),
    ("how do I transfer money to my son", N.FIND_BENEFIT),
    ("Can I speak to someone please", N.TALK_TO_PERSON),
    ("转人工", N.TALK_TO_PERSON),
    # goodbye
    ("끝", N.GOODBYE),
    ("끝낼게요", N.GOODBYE),
    ("고마워요 안녕", N.GOODBYE),
    ("고마워요. 안녕히 계세요", N.GOODBYE),
    ("이제 끊을게요", N.GOODBYE),
    ("됐어요", N.GOODBYE),
    ("bye", N.GOODBYE),
    ("Thank you, goodbye!", N.GOODBYE),
    ("that's all", N.GOODBYE),
    ("再见", N.GOODBYE),
    ("Tạm biệt", N.GOODBYE),
    # short replies
    ("고마워요", N.THANKS),
    ("thank you", N.THANKS),
    ("네", N.AFFIRM),
    ("네 알려 주세요", N.AFFIRM),
    ("yes please", N.AFFIRM),
    ("아니요", N.DENY),
    ("no thanks", N.DENY),
    # nothing to go on
    ("음", N.UNCLEAR),
    ("...", N.UNCLEAR),
    ("", N.UNCLEAR),
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
    ("Tiếng Việt được không?", "vi"),
    ("中文可以吗", "zh"),
]


@pytest.mark.parametrize("text", ["我韩语不好，去医院需要翻译", "韓国語を勉強したいです", "한국어로 말을 잘 못해요"])
def test_a_language_the_caller_cannot_speak_or_wants_to_learn_is_no_switch(text: str) -> None:
    assert detect_intent(text).name is not N.CHANGE_LANGUAGE


@pytest.mark.parametrize("text", ["Đăng ký thế nào?", "đăng ký ở đâu", "怎么申请", "申請方法を教えてください"])
def test_how_to_apply_in_vietnamese_chinese_and_japanese(text: str) -> None:
    assert detect_intent(text).name is N.DETAILS


@pytest.mark.parametrize(("text", "language"), LANGUAGE_CASES)
def test_change_language_carries_the_target(text: str, language: str) -> None:
    intent = detect_intent(text)
    assert intent.name is N.CHANGE_LANGUAGE
    assert intent.slots == {"language": language}
    assert intent.rest == ""


def test_a_question_asked_with_the_switch_is_kept() -> None:
    intent = detect_intent("영어로 기초연금 알려줘")
    assert intent.name is N.CHANGE_LANGUAGE and intent.slots["language"] == "en"
    assert intent.rest == "기초연금 알려줘"
    again = detect_intent("영어로 다시 말해 주세요")
    assert again.name is N.CHANGE_LANGUAGE and detect_intent(again.rest).name is N.REPEAT


def test_details_rest_keeps_the_programme_name() -> None:
    assert "기초연금" in detect_intent("기초연금 신청 방법 알려줘").rest
    assert "basic pension" in detect_intent("How do I apply for the basic pension?").rest


def test_confidence_is_higher_for_explicit_commands() -> None:
    assert detect_intent("상담원 연결").confidence > detect_intent("기초연금").confidence
    assert 0.0 < detect_intent("기초연금").confidence <= 1.0
