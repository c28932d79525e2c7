"""The round-7 indirect words (dialog/safety/indirect_words.py), the story filter, and the near-misses beside them.

Sentences written for these tests (not in the labelled set, not from the fresh sentences), read by
the rules alone: no embedder, so what passes here passes on the rules' own account.
"""

from __future__ import annotations

import pytest

from dialog.safety import DangerKind, SafetyClassifier
from dialog.safety.rules import matching_rules


@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        # suicide: things put by, affairs settled, not waking, going to the dead, no reason left
        ("수면제를 타 오면 안 먹고 서랍에 모아 뒀어요", "ko", DangerKind.SUICIDE),
        ("농약 한 병 사다 놨어 마실라고", "ko", DangerKind.SUICIDE),
        ("집 정리 다 끝냈으니 나 이제 가도 돼요", "ko", DangerKind.SUICIDE),
        ("아침에 안 깨면 좋겠다 그 생각만 해요", "ko", DangerKind.SUICIDE),
        ("먼저 떠난 우리 영감 곁으로 갈래요 나도", "ko", DangerKind.SUICIDE),
        ("아이고 부처님 오늘 밤 나 좀 데려가 주세요", "ko", DangerKind.SUICIDE),
        ("아이고 살 이유가 이제 없어요", "ko", DangerKind.SUICIDE),
        ("I've been stockpiling my heart pills in a drawer", "en", DangerKind.SUICIDE),
        ("I'm going to walk into the river tonight", "en", DangerKind.SUICIDE),
        ("我就想早点解脱", "zh", DangerKind.SUICIDE),
        ("tôi chỉ muốn đi cho xong", "vi", DangerKind.SUICIDE),
        ("妻のところへ早く行きたい", "ja", DangerKind.SUICIDE),
        # abuse: money or food taken by family or a carer, fear, neglect, a child unfed or bruised
        ("딸이 내 통장 가져가서 돈을 다 빼 갔어요", "ko", DangerKind.ABUSE),
        ("조카가 내 수급비를 관리한다고 하면서 한 푼도 안 줘요", "ko", DangerKind.ABUSE),
        ("아들이 또 때릴까 봐 집에 못 들어가요", "ko", DangerKind.ABUSE),
        ("며느리가 나를 혼자 두고 며칠째 안 와요", "ko", DangerKind.ABUSE),
        ("앞집 아기가 며칠째 밥을 못 먹은 것 같아요", "ko", DangerKind.ABUSE),
        ("my grandson hid my pension card and won't feed me", "en", DangerKind.ABUSE),
        ("tôi bị con dâu bỏ đói", "vi", DangerKind.ABUSE),
        # crime: at the door now, inside, following, snatched, a scam in progress
        ("누가 밖에서 도어락 비밀번호를 누르고 있어요", "ko", DangerKind.CRIME),
        ("누가 우리 집 안에 있는 것 같아요", "ko", DangerKind.CRIME),
        ("어떤 아저씨가 버스에서 내릴 때부터 뒤에 붙어 와요", "ko", DangerKind.CRIME),
        ("방금 누가 내 지갑을 채 갔어요", "ko", DangerKind.CRIME),
        ("우체국이라면서 통장이 범죄에 쓰였대요", "ko", DangerKind.CRIME),
        ("someone is climbing in through my kitchen window", "en", DangerKind.CRIME),
        ("我家进贼了", "zh", DangerKind.CRIME),
        # medical and fire
        ("할아버지가 떡 드시다가 목에 걸렸어요", "ko", DangerKind.MEDICAL),
        ("아버지가 가슴을 움켜쥐고 주저앉으셨어요", "ko", DangerKind.MEDICAL),
        ("mẹ tôi nói không ra lời", "vi", DangerKind.MEDICAL),
        ("할아버지가 갑자기 젓가락을 떨어뜨리고 말을 못 하세요", "ko", DangerKind.MEDICAL),
        ("가 보니까 할매 몸이 뻣뻣해요", "ko", DangerKind.MEDICAL),
        # an accidental overdose is medical (119) even where the words of saved-up pills also fire
        ("엄마가 혈압 약을 한 움큼 잘못 드셨어요", "ko", DangerKind.MEDICAL),
        ("my father swallowed too many of his heart tablets", "en", DangerKind.MEDICAL),
        ("奶奶的脸突然歪了", "zh", DangerKind.MEDICAL),
        ("창고에 난 불이 옆집으로 번졌어요", "ko", DangerKind.FIRE),
        ("마당에 쌓아 둔 종이 상자가 타고 있어요", "ko", DangerKind.FIRE),
        ("there's a smell of gas all through the hallway", "en", DangerKind.FIRE),
    ],
)
def test_indirect_words_are_caught_by_the_rules(text: str, language: str, kind: DangerKind) -> None:
    found = SafetyClassifier.by_rules(text, language)
    assert found is not None and found.kind is kind, found


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # the same words in ordinary speech
        ("남은 약 모아서 약국에 버리면 돼요", "ko"),
        ("약을 한꺼번에 두 달 치 받아 왔어요 어떻게 보관해요", "ko"),
        ("이사 가기 전에 짐 정리하고 있어요 곧 갈 거니까 주소 변경 어떻게 해요", "ko"),
        ("병원 이제 그만 가고 싶어요 방문 간호 돼요", "ko"),
        ("남편 따라가서 시장 보고 왔어요", "ko"),
        ("복지관 선생님께 퇴직하셔서 마지막 인사 드렸어요", "ko"),
        ("버스가 정류장에서 안 세워 줘요", "ko"),
        ("누가 신청할 수 있는 것 같아요", "ko"),
        ("손주가 자꾸 따라와서 귀여워요", "ko"),
        ("경로당에서 요즘 밥도 안 줘요", "ko"),
        ("도둑고양이가 밤마다 울어요", "ko"),
        ("손자가 장난감 칼 들고 놀아요", "ko"),
        ("I'm giving away my old clothes to charity", "en"),
        ("报警电话是多少", "zh"),
        ("what should I do if there's a smell of gas", "en"),
        ("산불 조심 기간이라 논두렁 태우면 안 된대요", "ko"),
    ],
)
def test_near_misses_stay_ordinary(text: str, language: str) -> None:
    assert SafetyClassifier.by_rules(text, language) is None


@pytest.mark.parametrize(
    "text",
    [
        "드라마에서 며느리가 시아버지를 때리더라고요",
        "영화에서 강도가 칼 들고 들어오는 거 보고 무서웠어요",
        "뉴스에 불난 아파트 나오던데 우리 동네예요",
        "I saw a man collapse in a TV drama last night",
        "电视剧里那个老人被打了",
        "ドラマで泥棒が入るのを見ました",
    ],
)
def test_a_story_from_a_drama_or_the_news_fires_no_rule(text: str) -> None:
    assert matching_rules(text) == []


def test_the_story_filter_is_narrow() -> None:
    """Watching TV while danger happens is still danger: only what a drama or the news showed is a story."""
    found = SafetyClassifier.by_rules("드라마 보다가 영감이 갑자기 쓰러져서 숨을 못 쉬어요", "ko")
    assert found is not None and found.kind is DangerKind.MEDICAL
    found = SafetyClassifier.by_rules("티비 보는데 부엌에서 불이 났어요", "ko")
    assert found is not None and found.kind is DangerKind.FIRE
