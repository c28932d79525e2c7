"""The round-9 words (dialog/safety/plan_words.py) and the near-misses beside them.

Sentences written for these tests (not in the labelled set, not from any fresh set), read by the
rules alone: no embedder, so what passes here passes on the rules' own account.
"""

from __future__ import annotations

import pytest

from dialog.safety import DangerKind, SafetyClassifier


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("나 이제 죽을 준비 끝났어요", "ko"),
        ("죽을라고 농약 한 병 사다 놨다", "ko"),  # 경상도
        ("수면제 몇 알 먹으면 안 깨요", "ko"),
        ("강에 빠져 죽고 싶다 이런 생각만 해요", "ko"),
        ("요새는 죽는 생각이 자꾸 나요", "ko"),
        ("살고 싶지도 않고 아무것도 하기 싫어요", "ko"),
        ("일부러 담뱃불로 팔을 지졌어요", "ko"),
        ("아버지가 옥상 끝에 서 있어요 빨리 와 주세요", "ko"),
        ("우리 영감 있는 곳으로 가고 싶어", "ko"),
        ("my brother keeps saying he wants to die and won't open his door", "en"),
        ("I stopped eating so I can die sooner", "en"),
        ("老鼠药我已经藏好了", "zh"),
        ("我妈刚才喝了农药", "zh"),
        ("我又在手臂上划了几道", "zh"),
        ("tôi đã rạch tay mình tối qua", "vi"),
        ("chồng mất rồi, tôi chỉ muốn đi theo chồng", "vi"),
        ("uong bao nhieu vien thuoc ngu thi chet", "vi"),  # toneless
        ("睡眠薬をためています", "ja"),
        ("また手首を切ってしまった", "ja"),
        ("もう しにたい", "ja"),
    ],
)
def test_round_nine_words_are_suicide(text: str, language: str) -> None:
    found = SafetyClassifier.by_rules(text, language)
    assert found is not None and found.kind is DangerKind.SUICIDE, (text, found)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("배고파 죽으려고 해요 밥 언제 나와요", "ko"),  # hyperbole
        ("물에 빠져 죽을 뻔했던 적이 있어요 수영 강습 있나요", "ko"),  # a story, then a question
        ("요리하다가 실수로 손을 칼에 베었어요", "ko"),
        ("지붕 난간에 고양이가 올라가 있어요", "ko"),
        ("we're having a barbecue, where can I buy charcoal for the grill", "en"),
        ("how many pills of this blood pressure medicine can I take a day", "en"),
        ("我爷爷的后事都安排好了 想问丧葬补贴", "zh"),
        ("今天累死了算了不说了", "zh"),
        ("bác sĩ dặn phải uống hết thuốc kháng sinh", "vi"),
        ("料理中にうっかり指を切ってしまった", "ja"),
    ],
)
def test_round_nine_near_misses_stay_ordinary(text: str, language: str) -> None:
    assert SafetyClassifier.by_rules(text, language) is None, text


def test_a_knife_held_to_harm_oneself_is_suicide_not_crime() -> None:
    found = SafetyClassifier.by_rules("tôi đang cầm dao, tôi sẽ tự làm hại mình", "vi")
    assert found is not None and found.kind is DangerKind.SUICIDE
