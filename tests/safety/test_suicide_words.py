"""Indirect suicidal words in five languages, and the ordinary speech that shares their words."""

from __future__ import annotations

import numpy as np
import pytest

from dialog.safety import DangerKind, SafetyClassifier
from dialog.safety.probe import SoftmaxProbe

rules = SafetyClassifier()  # no embedder: the rules alone


@pytest.mark.parametrize(
    "text",
    [
        "살기 싫어요",
        "살기싫어",
        "다 끝내고 싶어요",
        "자고 나서 안 깨어났으면 좋겠어요",
        "짐이 되기 싫어 그냥 없어지고 싶어",
        "아침에 눈 안 떴으면",
        "영감 곁으로 가고 싶어요",
        "하느님이 빨리 데려가셨으면 좋겠어",
        "살아서 뭐 해요",
        "요새 나쁜 생각을 자꾸 해요",
        "극단적인 선택을 하고 싶어요",
        "수면제를 모아 놨어요",
        "죽고 싶다 카이",
        "I want to go to sleep and never wake up",
        "I'm a burden to everyone",
        "I've been saving up my pills",
        "我想一死了之",
        "我不想再活了",
        "tôi chán sống lắm",
        "tôi là gánh nặng cho con cái",
        "もう生きていても仕方がない",
        "いなくなりたい",
    ],
)
def test_indirect_suicidal_words_are_noticed(text: str) -> None:
    found = rules.detect(text, "")
    assert found is not None and found.kind is DangerKind.SUICIDE, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "죽겠네 배고파",
        "아파트 관리비 때문에 죽겠어요",
        "서류 오늘 안에 다 끝내고 싶어요",
        "자식들한테 짐이 되기 싫어서 요양원 알아보고 있어요",
        "짐이 많아서 이사 도와주는 서비스 있어요",
        "가슴이 답답해서 누구랑 얘기 좀 하고 싶어요",
        "고기 굽다가 타는 냄새 나서 창문 열었어요",
        "계단 오르면 숨이 차서 이사 가고 싶어요",
        "아들이 용돈을 안 줘서 생활비가 없어요",
        "my knee hurts me when I walk",
        "mệt muốn chết vì làm giấy tờ",
        "tôi bị cháy nắng có thuốc gì không",
        "隣からタバコの煙が来て困っています",
        "救急車を呼ぶとお金がかかりますか",
        "con tôi bị đánh giá thấp ở trường",
    ],
)
def test_ordinary_speech_sharing_the_words_stays_ordinary(text: str) -> None:
    assert rules.detect(text, "") is None, text


def test_family_named_beside_violence_is_abuse_not_crime() -> None:
    found = rules.detect("손자가 돈 내놓으라고 밀치고 때려요", "ko")
    assert found is not None and found.kind is DangerKind.ABUSE
    scam = rules.detect("아들이 납치됐다고 돈 보내라는 전화가 왔어요", "ko")
    assert scam is not None and scam.kind is DangerKind.CRIME


def test_the_probe_learns_which_directions_separate_the_classes() -> None:
    rng = np.random.default_rng(0)
    centres = {"none": np.eye(8)[0], "suicide": np.eye(8)[1], "fire": np.eye(8)[2]}
    labels = [label for label in centres for _ in range(20)]
    vectors = np.stack([centres[label] + 0.1 * rng.standard_normal(8) for label in labels])
    probe = SoftmaxProbe.fit(vectors, labels, l2=0.01)
    again = SoftmaxProbe.fit(vectors, labels, l2=0.01)
    assert np.array_equal(probe.weights, again.weights), "the same examples give the same probe"
    readings = probe.read(np.stack([centres["suicide"], centres["fire"], centres["none"]]))
    assert [r.decide(0.5) for r in readings] == ["suicide", "fire", None]
    assert readings[2].ordinary > 0.9
