"""The round-8 words (dialog/safety/farewell_words.py), toneless Vietnamese, and the near-misses beside them.

Sentences written for these tests (not in the labelled set, not from either fresh set), read by the
rules alone: no embedder, so what passes here passes on the rules' own account.
"""

from __future__ import annotations

import pytest

from dialog.safety import DangerKind, SafetyClassifier
from dialog.safety.rules import toneless, toneless_vietnamese


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("아이고 마 확 죽어삐까 싶다 요새는", "ko"),  # 경상도: the wish, as said
        ("이 몸뚱이 고마 죽어불면 쓰겄네", "ko"),  # 전라도
        ("진짜 죽고십다 요즘", "ko"),  # as ASR misspells it
        ("이래 사느니 죽는 길밖에 없지 싶어요", "ko"),
        ("우리 딸한테 나 찾지 말라고 좀 해 줘요", "ko"),
        ("이제 다시 전화할 일은 없을 거예요 고마웠어요", "ko"),
        ("엄마는 먼저 간다 미안하다", "ko"),
        ("요즘 손목을 칼로 긋는 생각을 해요", "ko"),
        ("내가 없어져도 아무도 모를 거야", "ko"),
        ("나 하나 없어져도 아무도 모를 거예요", "ko"),  # was an embedding-only test sentence until round 8
        ("철길에 누워 버리면 끝날까 싶어요", "ko"),
        ("I got a rope yesterday and I know where to tie it", "en"),
        ("please tell my son not to come looking for me", "en"),
        ("I've started cutting myself again", "en"),
        ("欠的钱还不上，只有死路一条了", "zh"),
        ("我已经想好了，不要找我", "zh"),
        ("tôi muốn biến mất khỏi đời này", "vi"),
        ("toi khong muon song nua", "vi"),  # toneless, as some ASR writes it
        ("toi muon chet cho xong", "vi"),
        ("もう練炭は用意してあります", "ja"),
        ("みなさん、これでお別れです", "ja"),
    ],
)
def test_round_eight_words_are_suicide(text: str, language: str) -> None:
    found = SafetyClassifier.by_rules(text, language)
    assert found is not None and found.kind is DangerKind.SUICIDE, (text, found)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("아이고 더워 죽어삐겠다 에어컨 좀 틀어 주이소", "ko"),  # hyperbole in dialect
        ("이사 가면 다시 연락할 일 없을 거예요 서류만 떼 주세요", "ko"),
        ("저 찾지 마시고 서류는 우편으로 보내 주세요 이사 가요", "ko"),
        ("요리하다가 손을 칼에 베었어요 소독약 어디 있어요", "ko"),
        ("오늘이 마지막 접수일인가요", "ko"),
        ("I burned my arm on the stove while cooking", "en"),
        ("I want to end it, the phone contract I mean", "en"),
        ("这些衣服都送人了，我去捐给慈善", "zh"),
        ("toi da den roi, cho toi hoi ve tro cap", "vi"),  # toneless and ordinary: "rồi" is not a cane
        ("引っ越すので、これでお別れです", "ja"),
    ],
)
def test_round_eight_near_misses_stay_ordinary(text: str, language: str) -> None:
    assert SafetyClassifier.by_rules(text, language) is None, text


def test_self_harm_with_a_knife_is_suicide_not_crime() -> None:
    found = SafetyClassifier.by_rules("칼을 들고 있는데 나 자신을 해칠 것 같아요", "ko")
    assert found is not None and found.kind is DangerKind.SUICIDE


def test_toneless_is_only_read_as_vietnamese_without_marks() -> None:
    assert toneless("Tôi muốn chết, đừng tìm") == "Toi muon chet, dung tim"
    assert toneless_vietnamese("toi muon chet")
    assert not toneless_vietnamese("tôi muốn chết")  # has its marks: read as written
    assert not toneless_vietnamese("I want to go home")  # English
    assert not toneless_vietnamese("toi")  # one word is not enough
