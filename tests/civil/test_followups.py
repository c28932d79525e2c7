"""Civil questions and their follow-ups through the dialog manager (real embedder, sample data)."""

from __future__ import annotations

from dialog.manager import DialogManager, DialogState


def ask(manager: DialogManager, state: DialogState, text: str, language: str = "ko"):
    return manager.respond(text, language, state)


def test_a_document_question_never_gets_a_benefit_and_follow_ups_are_answered_from_fields_in_korean(
    manager: DialogManager,
) -> None:
    state = DialogState()
    first = ask(manager, state, "주민등록등본 떼려면 어떻게 해요?")
    assert first.intent == "civil_service"
    assert next(p.id for p in first.programmes) == "CIVIL-RESIDENT-CERT"
    assert all(p.id.startswith("CIVIL-") for p in first.programmes)
    assert "정부24" in first.text
    fee = ask(manager, state, "그거 수수료 얼마예요?")
    assert fee.intent == "civil_followup" and "400원" in fee.text and "200원" in fee.text
    online = ask(manager, state, "온라인으로도 돼요?")
    assert "정부24" in online.text and online.text.startswith("네")
    hours = ask(manager, state, "몇 시까지 해요?")
    assert "오후 6시" in hours.text
    bring = ask(manager, state, "뭐 가져가야 해요?")
    assert "신분증" in bring.text


def test_where_goes_to_the_facility_lookup_for_a_community_centre_errand(manager: DialogManager) -> None:
    state = DialogState()
    ask(manager, state, "인감증명서 떼야 되는데 어떻게 해요")
    where = ask(manager, state, "어디서 해요?")
    assert "주민센터" in where.text and "어느 동" in where.text
    nearest = ask(manager, state, "사직동이요")
    assert nearest.intent == "facility" and "가장 가까운" in nearest.text


def test_follow_ups_in_english_and_a_fee_that_is_not_online(manager: DialogManager) -> None:
    state = DialogState()
    first = ask(manager, state, "Where do I apply for a passport?", "en")
    assert first.language == "en" and first.programmes[0].id == "CIVIL-PASSPORT"
    fee = ask(manager, state, "How much is the fee?", "en")
    assert "53,000 won" in fee.text
    bring = ask(manager, state, "What should I bring?", "en")
    assert "photo" in bring.text
    seal = ask(manager, DialogState(), "I need a seal certificate for selling my car", "en")
    assert seal.programmes[0].id == "CIVIL-SEAL-CERT"


def test_follow_ups_in_chinese_vietnamese_and_japanese_are_answered_in_that_language(
    manager: DialogManager,
) -> None:
    for language, question, follow, expect in (
        ("zh", "在哪里办护照？", "手续费多少钱？", "韩元"),
        ("vi", "Hộ chiếu của tôi hết hạn, làm lại ở đâu?", "Phí bao nhiêu?", "won"),
        ("ja", "パスポートはどこで作れますか", "手数料はいくらですか", "ウォン"),
    ):
        state = DialogState()
        first = ask(manager, state, question, language)
        assert first.language == language and first.programmes[0].id == "CIVIL-PASSPORT"
        fee = ask(manager, state, follow, language)
        assert fee.language == language and expect in fee.text and "53,000" in fee.text


def test_a_benefit_question_after_a_civil_one_is_a_benefit_question(manager: DialogManager) -> None:
    state = DialogState()
    ask(manager, state, "여권 발급은 어디서 해요?")
    benefit = ask(manager, state, "기초연금은 어디서 신청해요?")
    assert benefit.programmes and benefit.programmes[0].id == "KR-BASIC-PENSION"
    after_benefit = ask(manager, state, "그거 수수료 얼마예요?")  # about the pension now: not a civil fee
    assert after_benefit.intent != "civil_followup"
