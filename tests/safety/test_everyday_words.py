"""The round-6 clear words (dialog/safety/everyday_words.py) and the near-miss fixes beside them."""

from __future__ import annotations

import pytest

from dialog.safety import DangerKind, SafetyClassifier


@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        ("아버지 입이 한쪽으로 돌아갔어요 갑자기", "ko", DangerKind.MEDICAL),
        ("할매가 자빠졌는데 몬 일어나예", "ko", DangerKind.MEDICAL),
        ("I fell in the bathroom and I can't move my leg I'm alone", "en", DangerKind.MEDICAL),
        ("爷爷叫了半天都不应", "zh", DangerKind.MEDICAL),
        ("bà tôi môi tím tái thở rất yếu", "vi", DangerKind.MEDICAL),
        ("祖母が呼びかけても返事をしません", "ja", DangerKind.MEDICAL),
        ("수면제를 조금씩 모아 놨어요", "ko", DangerKind.SUICIDE),
        ("내가 얼른 죽어야 애들이 편하지", "ko", DangerKind.SUICIDE),
        ("I've said my goodbyes to everyone", "en", DangerKind.SUICIDE),
        ("我真的撑不下去了", "zh", DangerKind.SUICIDE),
        ("tôi không còn muốn tồn tại nữa", "vi", DangerKind.SUICIDE),
        ("朝が来なければいいのに", "ja", DangerKind.SUICIDE),
        ("아들이 술만 먹으면 나한테 손을 대요", "ko", DangerKind.ABUSE),
        ("息子が怒鳴って物を投げてきます", "ja", DangerKind.ABUSE),
        ("他喝醉了就踢我", "zh", DangerKind.ABUSE),
        ("전기장판에서 불이 확 번졌어요", "ko", DangerKind.FIRE),
        ("the hallway is filling with black smoke", "en", DangerKind.FIRE),
        ("ổ cắm tóe lửa", "vi", DangerKind.FIRE),
        ("모르는 남자가 우리 집 앞에 계속 서 있어요", "ko", DangerKind.CRIME),
        ("경찰이라면서 통장 비밀번호를 알려 달래요", "ko", DangerKind.CRIME),
        ("有人冒充警察让我转钱到安全账户", "zh", DangerKind.CRIME),
    ],
)
def test_clear_words_are_caught_by_the_rules(text: str, language: str, kind: DangerKind) -> None:
    found = SafetyClassifier.by_rules(text, language)
    assert found is not None and found.kind is kind, found


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("구급차 부르면 돈이 드나요", "ko"),
        ("叫救护车要花钱吗", "zh"),
        ("我想装个烟雾报警器", "zh"),
        ("gọi xe cấp cứu có mất tiền không", "vi"),
        ("năm ngoái nhà tôi bị trộm bảo hiểm có trả không", "vi"),
        ("buồn cười muốn chết", "vi"),
        ("tôi muốn lắp thiết bị báo cháy", "vi"),
        ("以前摔倒过 想申请扶手", "zh"),
        ("書類を今日中に全部終わらせたい", "ja"),
        ("다리가 아파서 병원 가는 게 낫겠어요", "ko"),
        ("고기 굽다가 불이 확 올라와서 놀랐어요 괜찮아요", "ko"),
    ],
)
def test_near_misses_stay_ordinary_for_the_rules(text: str, language: str) -> None:
    assert SafetyClassifier.by_rules(text, language) is None
