"""The danger rules and the answers: the issue's examples, hyperbole, near-miss questions, numbers."""

from __future__ import annotations

import pytest

from dialog.safety import AbuseTarget, DangerKind, SafetyClassifier, danger_reply, detect
from dialog.safety.kinds import Danger
from dialog.safety.replies import SPOKEN
from dialog.safety.rules import abuse_target

rules = SafetyClassifier()  # no embedder: the rules alone


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("요즘 너무 힘들어서 그냥 죽고 싶어요", DangerKind.SUICIDE),
        ("살기 싫어요", DangerKind.SUICIDE),
        ("다 끝내고 싶어요", DangerKind.SUICIDE),
        ("I want to end my life", DangerKind.SUICIDE),
        ("어머니가 쓰러지셨는데 숨을 잘 못 쉬세요", DangerKind.MEDICAL),
        ("화장실에서 넘어졌는데 일어날 수가 없어요", DangerKind.MEDICAL),
        ("아버지 얼굴 한쪽이 처지고 말을 잘 못 하세요", DangerKind.MEDICAL),
        ("아들이 자꾸 때리고 돈을 뺏어가요", DangerKind.ABUSE),
        ("chồng tôi đánh tôi", DangerKind.ABUSE),
        ("집에 불이 났어요 빨리 와 주세요", DangerKind.FIRE),
        ("누가 문을 부수고 들어오려고 해요", DangerKind.CRIME),
        ("我想死 活着太累了", DangerKind.SUICIDE),
        ("母が倒れて息をしていません", DangerKind.MEDICAL),
    ],
)
def test_clear_danger_is_noticed_with_its_kind(text: str, kind: DangerKind) -> None:
    found = rules.detect(text, "ko")
    assert found is not None and found.kind is kind, (text, found)
    assert found.intent == f"danger_{kind.value}"


@pytest.mark.parametrize(
    "text",
    [
        "배고파 죽겠어요", "더워 죽겠다", "웃겨 죽겠네", "손주가 보고 싶어 죽겠어요",
        "お腹が空いて死にそうです", "我快饿死了 哪里有免费午餐",
        "this heat is killing me is there a cooling centre nearby",
    ],
)
def test_hyperbole_is_not_danger(text: str) -> None:
    assert rules.detect(text, "ko") is None


@pytest.mark.parametrize(
    "text",
    [
        # decided: questions about a number, an insurance, a programme or the past are answered as questions
        "일일구 번호가 뭐예요",
        "화재보험 들려면 어떻게 해요",
        "장례비 지원 받을 수 있어요",
        "응급안전안심서비스 신청하고 싶어요",
        "가정폭력 피해자 지원 프로그램 있어요",
        "자살 예방 교육 강사 모집하나요",
        "작년에 도둑이 들었었는데 방범창 설치 지원 있어요",
        "도둑맞은 자전거 신고는 어떻게 해요",
        "전기 요금을 못 내서 불이 안 들어와요",
        "네 맞아요",
        "bảo hiểm cháy nổ mua ở đâu",
    ],
)
def test_near_miss_questions_are_not_danger(text: str) -> None:
    assert rules.detect(text, "ko") is None


def test_detect_without_an_installed_classifier_uses_the_rules() -> None:
    found = detect("그냥 죽고 싶어요", "ko")
    assert found is not None and found.kind is DangerKind.SUICIDE


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("아들이 자꾸 때리고 돈을 뺏어가요", AbuseTarget.ELDER),
        ("남편이 술만 먹으면 저를 때려요", AbuseTarget.PARTNER),
        ("chồng tôi đánh tôi", AbuseTarget.PARTNER),
        ("아버지가 아이들을 허리띠로 때려요", AbuseTarget.CHILD),
        # a child's partner who hurts the caller: elder abuse, not partner violence
        ("딸 남편이 저를 때리고 연금을 가져가요", AbuseTarget.ELDER),
        ("my daughter's husband hits me and takes my pension", AbuseTarget.ELDER),
    ],
)
def test_abuse_names_who_is_hurt(text: str, target: AbuseTarget) -> None:
    found = rules.detect(text, "ko")
    assert found is not None and found.abuse_target is target


@pytest.mark.parametrize(
    ("text", "language", "spoken", "numbers"),
    [
        ("어머니가 쓰러지셨는데 숨을 잘 못 쉬세요", "ko", "일일구", ("119",)),
        ("집에 불이 났어요", "ko", "일일구", ("119",)),
        ("누가 문을 부수고 들어오려고 해요", "ko", "일일이", ("112",)),
        ("그냥 죽고 싶어요", "ko", "일공구", ("109",)),
        ("아들이 자꾸 때리고 돈을 뺏어가요", "ko", "일오칠칠에 일삼팔구", ("1577-1389", "112")),
        ("남편이 술만 먹으면 저를 때려요", "ko", "일삼육육", ("1366", "112")),
        ("I want to end my life", "en", "one zero nine", ("109", "1577-1366")),
        ("chồng tôi đánh tôi", "vi", "một ba sáu sáu", ("1366", "112", "1577-1366")),
        ("我想死", "zh", "一零九", ("109", "1577-1366")),
        ("母が倒れて息をしていません", "ja", "いち いち きゅう", ("119",)),
    ],
)
def test_the_answer_says_the_number_first(text: str, language: str, spoken: str, numbers: tuple[str, ...]) -> None:
    danger = rules.detect(text, language)
    assert danger is not None
    reply, lang, given = danger_reply(danger, language)
    assert lang == language and given == numbers
    first = reply.split(". ")[0] if language != "zh" else reply.split("。")[0]
    assert spoken in first, (spoken, first)
    assert not any(ch.isdigit() for ch in reply), "numbers are written as words for every voice"


def test_foreign_callers_in_abuse_also_hear_danuri() -> None:
    danger = Danger(DangerKind.ABUSE, "rule", "vi_abuse", "vi", AbuseTarget.PARTNER)
    reply, _, numbers = danger_reply(danger, "vi")
    assert "1577-1366" in numbers and SPOKEN["vi"]["1577-1366"] in reply
    korean, _, ko_numbers = danger_reply(danger, "ko")
    assert "1577-1366" not in ko_numbers and "다누리" not in korean


def test_every_language_has_every_sentence() -> None:
    for kind in DangerKind:
        for target in AbuseTarget:
            danger = Danger(kind, "rule", "x", "", target if kind is DangerKind.ABUSE else None)
            for language in ("ko", "en", "zh", "vi", "ja"):
                reply, lang, numbers = danger_reply(danger, language)
                assert lang == language and reply and numbers
                assert SPOKEN[language][numbers[0]] in reply


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("딸 남편이 저를 때려요", AbuseTarget.ELDER),
        ("아들네 아내가 밥을 안 줘요", AbuseTarget.ELDER),
        ("my daughter's husband hits me", AbuseTarget.ELDER),
        ("the husband of my granddaughter beats me", AbuseTarget.ELDER),
        ("娘の夫に殴られます", AbuseTarget.ELDER),
        ("女儿的丈夫打我", AbuseTarget.ELDER),
        ("chồng của con gái tôi đánh tôi", AbuseTarget.ELDER),
        ("남편이 저를 때려요", AbuseTarget.PARTNER),
        ("夫に殴られます", AbuseTarget.PARTNER),
        ("my husband hits me", AbuseTarget.PARTNER),
    ],
)
def test_a_childs_partner_is_family_not_the_callers_partner(text: str, target: AbuseTarget) -> None:
    assert abuse_target(text) is target
