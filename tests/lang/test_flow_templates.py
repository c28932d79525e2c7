"""Checks, applications and facility answers in Chinese, Vietnamese and Japanese: every phrase is
written in every language (a missing one is an error, never English), numbers are written the way
each voice reads them, and answers to the check questions said in these languages are understood."""

from __future__ import annotations

import re
import string
from datetime import date

import pytest

from dialog.applications import application_flow
from dialog.applications.application_fields import FIELDS as FIELD_SPECS
from dialog.applications.application_fields import correct_tail
from dialog.applications.field_values import parse_account, parse_address, parse_name
from dialog.catalogue.sample import load_sample
from dialog.eligibility import check_flow, questions
from dialog.eligibility.advice import advice
from dialog.eligibility.assess import assess_all, conditions_of
from dialog.eligibility.profile import (
    FLAG_ATTRIBUTES,
    AgeValue,
    Attribute,
    ChildValue,
    DontKnow,
    Fact,
    IncomeValue,
    ResidentProfile,
    Span,
    parse_answer,
    parse_yes_no,
    readback,
    volunteered,
)
from dialog.intents import IntentName, detect_intent
from dialog.places import facilities
from dialog.templates import flows, numbers

from .conftest import latin_words, written_in

TODAY = date(2026, 12, 5)
FLOW = ("zh", "vi", "ja")


def _slots(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


# -- coverage: every phrase in every language ------------------------------------------------------------
@pytest.mark.parametrize("table", sorted(flows.TABLES))
def test_every_phrase_is_written_in_chinese_vietnamese_and_japanese_with_the_same_slots(table: str) -> None:
    for key, texts in flows.TABLES[table].items():
        assert set(texts) >= set(FLOW), (table, key, sorted(texts))
        written = [texts[lang] for lang in FLOW]
        assert all(written), (table, key)
        if table != "fields":  # (label, prompt, retry) tuples have no slots
            assert len({frozenset(_slots(str(t))) for t in written}) == 1, (table, key, written)


def test_every_korean_and_english_conversation_key_has_its_templated_phrases() -> None:
    # the ko/en tables beside the code and the zh/vi/ja ones must name the same things
    assert set(check_flow._TEXT) <= set(flows.CHECK)
    assert set(application_flow._TEXT) <= set(flows.APPLICATION)
    assert {a.value for a in questions.QUESTIONS} <= set(flows.QUESTIONS)
    assert set(FIELD_SPECS) <= set(flows.FIELDS)
    assert set(facilities.KINDS) <= set(flows.FACILITY_KINDS)
    for attribute in FLAG_ATTRIBUTES:
        assert {f"{attribute.value}:yes", f"{attribute.value}:no"} <= set(flows.FACTS)
    for key, (ko, en) in application_flow._TEXT.items():  # the same slots as the Korean and English texts
        for lang in FLOW:
            assert _slots(flows.APPLICATION[key][lang]) == _slots(ko) == _slots(en), (key, lang)


def test_a_missing_phrase_is_an_error_never_english(monkeypatch: pytest.MonkeyPatch) -> None:
    assert check_flow.text("consent", "vi") == flows.CHECK["consent"]["vi"]
    monkeypatch.setitem(flows.CHECK, "consent", {"zh": "…", "ja": "…"})  # vi left out
    with pytest.raises(KeyError):
        check_flow.text("consent", "vi")
    monkeypatch.setitem(flows.APPLICATION, "again", {"zh": "…", "vi": "…"})
    with pytest.raises(KeyError):
        application_flow._t("again", "ja")


def test_every_condition_of_the_sample_catalogue_is_said_in_each_language() -> None:
    for programme in load_sample().all():
        for condition in conditions_of(programme.eligibility):
            for lang in FLOW:
                phrase = condition.phrase(lang)
                assert phrase and phrase != condition.en, (programme.id, condition.key, lang)
                if lang != "vi":
                    assert not latin_words(phrase), (programme.id, phrase)


def test_every_check_question_is_asked_in_the_callers_language() -> None:
    for attribute in Attribute:
        for lang in FLOW:
            text = questions.question_text(attribute, lang)
            assert written_in(text) == lang, (attribute, lang, text)


# -- numbers as the voices read them -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "không"),
        (15, "mười lăm"),
        (21, "hai mươi mốt"),
        (105, "một trăm linh năm"),
        (1_500_000, "một triệu năm trăm nghìn"),
        (1_050_000, "một triệu không trăm năm mươi nghìn"),
        (2_392_013, "hai triệu ba trăm chín mươi hai nghìn không trăm mười ba"),
    ],
)
def test_vietnamese_number_words(n: int, words: str) -> None:
    assert numbers.vi_words(n) == words


def test_amounts_are_written_as_each_voice_reads_them() -> None:
    from tts import vi_ipa, zh_ipa

    assert numbers.amount(1_500_000, "zh") == "150万韩元"
    assert zh_ipa.read_numbers(numbers.amount(1_500_000, "zh")) == "一百五十万韩元"
    assert numbers.amount(1_500_000, "ja") == "150万ウォン"
    vi = numbers.amount(1_500_000, "vi")
    assert vi == "một triệu năm trăm nghìn won"
    assert not re.search(r"[\d.,]", vi)  # the vi voice pauses at "." and ","; words only
    assert vi_ipa.read_numbers(vi) == vi
    assert numbers.age(70, "ja") == "70歳" and numbers.birth_year(1955, "vi") == "sinh năm 1955"
    assert numbers.day(TODAY, "vi") == "ngày 5 tháng 12 năm 2026" and numbers.day(TODAY, "zh") == "2026年12月5日"


def test_receipt_and_phone_digits_are_read_one_by_one() -> None:
    assert numbers.number_groups("MB-261123-4821", "zh") == "二六一一二三，四八二一"
    assert numbers.number_groups("MB-261123-4821", "ja") == "二六一一二三の四八二一"
    assert numbers.number_groups("MB-261123-4821", "vi") == "hai sáu một một hai ba, bốn tám hai một"
    assert application_flow.speak_receipt("MB-261123-4821", "vi") == "hai sáu một một hai ba, bốn tám hai một"
    assert numbers.digits("0105", "ja") == "ゼロ一ゼロ五"


def test_japanese_digits_are_read_by_openjtalk_one_by_one() -> None:
    pyopenjtalk = pytest.importorskip("pyopenjtalk")
    kana = pyopenjtalk.g2p(numbers.digits("261123", "ja"), kana=True)
    assert kana == "ニーロクイチイチニーサン", kana  # "261123" would be ニジューロクマン…


# -- answers to the check questions ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("said", "age", "birth_year"),
    [
        ("七十岁", 70, None),
        ("七十歲了", 70, None),
        ("我今年72", 72, None),
        ("1955年出生", None, 1955),
        ("72 tuổi", 72, None),
        ("bảy mươi hai tuổi ạ", 72, None),
        ("sinh năm 1955", None, 1955),
        ("70歳です", 70, None),
        ("七十歳", 70, None),
        ("1955年生まれです", None, 1955),
    ],
)
def test_ages_said_in_chinese_vietnamese_and_japanese(said: str, age: int | None, birth_year: int | None) -> None:
    fact = parse_answer(Attribute.AGE, said, ResidentProfile(), TODAY)
    assert isinstance(fact, Fact) and isinstance(fact.value, AgeValue), said
    assert (fact.value.age, fact.value.birth_year) == (age, birth_year)


@pytest.mark.parametrize(
    ("said", "children", "months", "read_back"),
    [
        # the answer each language's question asks for ("没有" / "không có" / "いません")
        ("没有", False, None, ("zh", "没有孩子")),
        ("我没有孩子", False, None, None),
        ("không có", False, None, ("vi", "không có con")),
        ("không", False, None, None),  # not "không" (zero) years old
        ("tôi không có con ạ", False, None, None),
        ("いません", False, None, ("ja", "子どもなし")),
        ("子供はいません", False, None, None),
        ("八个月", True, 8, ("zh", "最小的孩子8个月")),
        ("8 tháng", True, 8, None),
        ("con út tám tháng tuổi", True, 8, None),
        ("生後8か月です", True, 8, None),
        ("不到一岁", True, None, ("zh", "最小的孩子不满一岁")),
        ("chưa đầy một tuổi", True, None, ("vi", "con út chưa đầy một tuổi")),
        ("hai tuổi", True, None, ("vi", "con út 2 tuổi")),
        ("三岁", True, None, None),
    ],
)
def test_the_youngest_child_said_in_chinese_vietnamese_and_japanese(
        said: str, children: bool, months: int | None, read_back: tuple[str, str] | None) -> None:
    fact = parse_answer(Attribute.CHILD_AGE, said, ResidentProfile(), TODAY)
    assert isinstance(fact, Fact) and isinstance(fact.value, ChildValue), said
    assert (fact.value.has_children, fact.value.months) == (children, months)
    if read_back is not None:
        assert readback(fact, read_back[0]) == read_back[1]


@pytest.mark.parametrize(
    ("said", "won"),
    [
        ("每月150万韩元", 1_500_000),
        ("一百五十万", 1_500_000),
        ("大概两百万韩元", 2_000_000),
        ("没有收入", 0),
        ("1,5 triệu", 1_500_000),
        ("một triệu rưỡi won một tháng", 1_500_000),
        ("1.500.000 won", 1_500_000),
        ("月150万ウォンです", 1_500_000),
        ("百五十万ウォンぐらい", 1_500_000),
    ],
)
def test_monthly_income_in_won(said: str, won: int) -> None:
    fact = parse_answer(Attribute.INCOME, said, ResidentProfile(), TODAY)
    assert isinstance(fact, Fact) and isinstance(fact.value, IncomeValue), said
    assert fact.value.monthly_won == won


def test_an_amount_in_yen_is_asked_again_not_guessed() -> None:
    assert parse_answer(Attribute.INCOME, "月15万円です", ResidentProfile(), TODAY) is None


@pytest.mark.parametrize(
    ("said", "types"),
    [
        ("一个人住", {"1인가구"}),
        ("我是单亲妈妈", {"한부모"}),
        ("和老伴一起住", set()),
        ("sống một mình", {"1인가구"}),
        ("Tôi sống với vợ", set()),
        ("一人暮らしです", {"1인가구"}),
        ("ひとり親です", {"한부모"}),
    ],
)
def test_household(said: str, types: set[str]) -> None:
    fact = parse_answer(Attribute.HOUSEHOLD, said, ResidentProfile(), TODAY)
    assert isinstance(fact, Fact) and fact.value == frozenset(types), said


@pytest.mark.parametrize(
    ("said", "answer"),
    [("是", True), ("对", True), ("不是", False), ("没有", False), ("có", True), ("vâng", True),
     ("không", False), ("はい", True), ("いいえ", False), ("ありません", False), ("不知道", None)],
)
def test_yes_and_no(said: str, answer: bool | None) -> None:
    assert parse_yes_no(said) is answer


def test_flags_nationality_and_dont_know() -> None:
    def value(attribute: Attribute, said: str) -> object:
        fact = parse_answer(attribute, said, ResidentProfile(), TODAY)
        return fact.value if isinstance(fact, Fact) else fact

    assert value(Attribute.DISABILITY, "没有") is False
    assert value(Attribute.PREGNANCY, "Tôi đang mang thai") is True
    assert value(Attribute.FOREIGN_RESIDENT, "我是中国人") is True
    assert value(Attribute.FOREIGN_RESIDENT, "いいえ、韓国籍です") is False
    assert value(Attribute.FOREIGN_RESIDENT, "月150万ウォンです") is None  # not an answer to this question
    assert isinstance(parse_answer(Attribute.AGE, "không biết", ResidentProfile(), TODAY), DontKnow)
    assert isinstance(parse_answer(Attribute.INCOME, "わかりません", ResidentProfile(), TODAY), DontKnow)


def test_facts_volunteered_are_the_callers_own_not_a_parents() -> None:
    assert {f.attribute for f in volunteered("我七十岁，一个人住，可以领基础养老金吗", TODAY)} == {
        Attribute.AGE, Attribute.HOUSEHOLD}
    assert volunteered("我父亲七十岁了，可以领基础养老金吗？", TODAY) == []
    assert volunteered("Bố tôi 72 tuổi", TODAY) == []
    assert [f.attribute for f in volunteered("私は七十歳です", TODAY)] == [Attribute.AGE]


def test_facts_are_read_back_in_each_language() -> None:
    income = parse_answer(Attribute.INCOME, "每月150万韩元", ResidentProfile(), TODAY)
    alone = parse_answer(Attribute.HOUSEHOLD, "一个人住", ResidentProfile(), TODAY)
    assert isinstance(income, Fact) and isinstance(alone, Fact)
    assert readback(income, "zh") == "每月150万韩元"
    assert readback(income, "vi") == "một triệu năm trăm nghìn won mỗi tháng"
    assert readback(income, "ja") == "月150万ウォン"
    assert [readback(alone, lang) for lang in FLOW] == ["一个人住", "sống một mình", "一人暮らし"]


# -- verdicts -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "said"),
    [("zh", ("기초연금（基础养老金）", "65岁以上", "很可能")),
     ("vi", ("기초연금 (lương hưu cơ bản)", "từ 65 tuổi trở lên", "nhiều khả năng")),
     ("ja", ("기초연금（基礎年金）", "65歳以上", "可能性が高い"))],
)
def test_a_verdict_in_the_callers_language(lang: str, said: tuple[str, ...]) -> None:
    catalogue = load_sample()
    pension = catalogue.get("KR-BASIC-PENSION")
    profile = ResidentProfile(consent=True)
    profile.apply(Fact(Attribute.AGE, AgeValue(Span.exact(70), age=70)))
    profile.apply(Fact(Attribute.FOREIGN_RESIDENT, False))
    text = advice(assess_all([pension], profile), lang, offer_to_apply="")
    assert written_in(text) == lang, text
    for words in said:
        assert words in text, (words, text)
    if lang != "vi":
        assert not latin_words(text), text


# -- intents and field values -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("我能领基础养老金吗？", IntentName.CHECK_ELIGIBILITY),
        ("我父亲七十岁了，可以领基础养老金吗？", IntentName.FIND_BENEFIT),  # about a parent: a question
        ("Tôi có được nhận lương hưu cơ bản không?", IntentName.CHECK_ELIGIBILITY),
        ("私は基礎年金をもらえますか", IntentName.CHECK_ELIGIBILITY),
        ("我想申请基础养老金", IntentName.APPLY),
        ("Tôi muốn đăng ký", IntentName.APPLY),
        ("基礎年金を申請したいです", IntentName.APPLY),
        ("怎么申请", IntentName.DETAILS),
        ("是的", IntentName.AFFIRM), ("vâng", IntentName.AFFIRM), ("はい、お願いします", IntentName.AFFIRM),
        ("不是", IntentName.DENY), ("không", IntentName.DENY), ("いいえ", IntentName.DENY),
        ("取消", IntentName.CANCEL), ("hủy", IntentName.CANCEL), ("キャンセル", IntentName.CANCEL),
        ("最近的行政福利中心在哪里？", IntentName.FIND_FACILITY),
        ("Trung tâm hành chính gần nhất ở đâu?", IntentName.FIND_FACILITY),
        ("近くの住民センターはどこですか", IntentName.FIND_FACILITY),
    ],
)
def test_intents(said: str, intent: IntentName) -> None:
    assert detect_intent(said).name is intent


def test_application_values_said_in_these_languages() -> None:
    assert parse_name("我叫王芳") == "王芳"
    assert parse_name("名前は山田花子です") == "山田花子"
    assert parse_name("tên tôi là Nguyễn Thị Lan") == "Nguyễn Thị Lan"
    for not_a_name in ("提交", "是", "はい", "gửi đi", "vâng"):
        assert parse_name(not_a_name) is None, not_a_name
    assert parse_address("钟路区 社稷路 161") == "钟路区 社稷路 161"
    assert parse_account("国民银行 123456789012") == "국민 123456789012"
    assert parse_account("農協 302 1234 5678 91") == "농협 3021234567891"


@pytest.mark.parametrize(
    "said", ["不对，尾号是五六七九", "không, bốn số cuối là năm sáu bảy chín", "いいえ、末尾は5679です"]
)
def test_a_read_back_number_is_corrected_by_its_last_digits(said: str) -> None:
    assert correct_tail(FIELD_SPECS["phone"], "01012345678", said) == "01012345679"


def test_the_vietnamese_voice_reads_an_amount_in_words_without_pauses() -> None:
    import shutil

    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed")
    from tts.vi_ipa import VietnamesePhonemizer

    phonemize = VietnamesePhonemizer()
    words = phonemize(numbers.amount(1_500_000, "vi"))
    assert not re.search(r"[.,;]", words), words  # một triệu năm trăm nghìn won, in one breath
    assert "." in phonemize("1.500.000 won")  # the digits would be read "một. năm trăm. không không không"
