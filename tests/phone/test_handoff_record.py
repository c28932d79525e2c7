"""The hand-off record: what the person taking over a phone call is told, built from plain values."""

from __future__ import annotations

from malbeot_core.events import BenefitAnswer, ProgrammeHit
from voice_gateway.call_history import History
from voice_gateway.channels.handoff import HandoffRecord


def record(history: History, **changes: object) -> HandoffRecord:
    values: dict[str, object] = {
        "call_id": "c0ffee",
        "channel": "sip",
        "call_ref": "a84b4c76e66710",
        "reason": "keypad",
        "language": "ko",
        "transfer_to": "sip:desk@example.org",
        "keypad": ["2", "0"],
    }
    values.update(changes)
    return HandoffRecord.of(history, **values)  # type: ignore[arg-type]


def answer(text: str, *names: str) -> BenefitAnswer:
    programmes = tuple(ProgrammeHit(f"ID-{i}", name, 1.0) for i, name in enumerate(names))
    return BenefitAnswer(text=text, language="ko", intent="find_benefit", programmes=programmes)


def test_the_payload_holds_the_redacted_conversation_and_the_programmes_in_order() -> None:
    history = History()
    history.heard("제 번호는 010-1234-5678이에요 기초연금 알려주세요")
    history.answered(answer("기초연금은 만 65세 이상에게 드려요.", "기초연금", "노인일자리"))
    history.heard("다른 것도요")
    history.answered(answer("노인일자리도 있어요.", "노인일자리", "경로당"))
    payload = record(history).payload()
    assert payload["event"] == "handoff" and payload["reason"] == "keypad" and payload["urgent"] is False
    assert payload["keypad"] == ["2", "0"]
    assert payload["programmes"] == ["기초연금", "노인일자리", "경로당"]
    assert "010-1234-5678" not in str(payload)
    turns = payload["turns"]
    assert isinstance(turns, list) and len(turns) == 2
    assert turns[0]["programmes"] == ["기초연금", "노인일자리"]
    said = "Malbeot: 기초연금은 만 65세 이상에게 드려요. [programmes: 기초연금, 노인일자리]"
    assert str(payload["summary"]).splitlines()[1] == said


def test_the_record_is_a_snapshot_of_the_call() -> None:
    history = History()
    history.heard("사람이랑 통화하고 싶어요")
    keys = ["0"]
    made = record(history, keypad=keys, reason="danger", urgent=True)
    history.heard("later words")  # the call goes on after the record is made
    keys.append("9")
    assert [t.caller for t in made.turns] == ["사람이랑 통화하고 싶어요"]
    assert made.keypad == ("0",)
    assert made.payload()["urgent"] is True


def test_a_hand_off_before_any_words_says_so() -> None:
    assert record(History()).summary == "The caller asked for a person before saying anything else."
