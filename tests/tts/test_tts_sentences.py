from __future__ import annotations

import itertools
import re

import pytest

from tts.sentences import lead_with_a_clause, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "안녕하세요. 기초연금은 만 65세 이상 어르신께 드립니다. 신청하시겠어요?",
            ["안녕하세요.", "기초연금은 만 65세 이상 어르신께 드립니다.", "신청하시겠어요?"],
        ),
        (
            "지원금은 1.5배입니다. 월 30만 원. 신청은 주민센터에서 하세요.",
            ["지원금은 1.5배입니다.", "월 30만 원.", "신청은 주민센터에서 하세요."],
        ),
        ("가격은 10,000원입니다! 정말요? 네", ["가격은 10,000원입니다!", "정말요? 네"]),
        ("신청하세요.다음은 서류입니다.", ["신청하세요.", "다음은 서류입니다."]),
        (
            "Dr. Kim will call you at 3 p.m. tomorrow. Is that OK?! Great...",
            ["Dr. Kim will call you at 3 p.m. tomorrow.", "Is that OK?!", "Great..."],
        ),
        (
            "Version 2.0 is out now. See section 4.1 for details.",
            ["Version 2.0 is out now.", "See section 4.1 for details."],
        ),
        ("你好。我可以帮你申请。请带身份证。", ["你好。我可以帮你申请。", "请带身份证。"]),
        ("こんにちは。地域センターで申請できます。", ["こんにちは。", "地域センターで申請できます。"]),
        ('"좋아요." 그가 말했다. 그리고 떠났다.', ['"좋아요."', "그가 말했다.", "그리고 떠났다."]),
    ],
)
def test_splits_at_sentence_ends(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_line_breaks_end_sentences_and_list_numbers_do_not() -> None:
    text = "필요한 서류는 다음과 같습니다\n1. 신분증 사본\n2. 통장 사본\n3. 소득 증빙 서류"
    expected = ["필요한 서류는 다음과 같습니다", "1. 신분증 사본", "2. 통장 사본", "3. 소득 증빙 서류"]
    assert split_sentences(text) == expected


def test_short_fragments_stay_with_a_neighbour() -> None:
    assert split_sentences("네. 알겠습니다.") == ["네. 알겠습니다."]
    assert split_sentences("Yes. OK.") == ["Yes. OK."]
    # a short tail joins the sentence before it
    assert split_sentences("Xin chào. Bạn có thể nộp đơn tại trung tâm. Cảm ơn!") == [
        "Xin chào.",
        "Bạn có thể nộp đơn tại trung tâm. Cảm ơn!",
    ]


def test_long_sentence_is_cut_at_a_comma_or_space() -> None:
    clause = "소득 인정액이 선정 기준액 이하인 경우"
    text = ", ".join([clause] * 12) + "에 지원합니다."
    pieces = split_sentences(text, max_chars=80)
    assert len(pieces) > 1
    assert all(len(p) <= 80 for p in pieces)
    assert all(not p.startswith(",") for p in pieces)


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_blank_text_has_no_sentences(text: str) -> None:
    assert split_sentences(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "기초연금 신청은 주민센터에서 하실 수 있어요. 신분증과 통장 사본을 가져오세요!\n문의는 120번으로 하세요.",
        "Rent support: up to 200,000 won a month (2 years). Apply online... or at the office?",
        "一、带身份证。二、带存折！三、填写申请表。",
    ],
)
def test_nothing_but_whitespace_is_lost(text: str) -> None:
    assert re.sub(r"\s", "", "".join(split_sentences(text))) == re.sub(r"\s", "", text)


# -- a short first piece -------------------------------------------------------------------------

LONG_EN = "Basic Pension: A monthly pension for people aged 65 or over whose income is below a threshold."


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (LONG_EN + " Apply at the centre.", "Basic Pension:"),
        ("First Meeting Voucher (Birth Grant): A voucher for a birth, for example 2,000,000 won for a first "
         "child and 3,000,000 won from the second.", "First Meeting Voucher (Birth Grant):"),
        ("기초연금: 만 65세 이상 어르신 중 소득인정액이 선정기준액 이하인 분께 매달 연금을 드립니다.", "기초연금:"),
        ("A pension of 2,000,000 won a year is paid to people aged 65 or over — apply at the centre soon.",
         "A pension of 2,000,000 won a year is paid to people aged 65 or over —"),
    ],
)
def test_a_long_first_sentence_leads_with_its_first_clause(text: str, first: str) -> None:
    sentences = split_sentences(text)
    pieces = lead_with_a_clause(sentences)
    assert pieces[0] == first
    assert " ".join(pieces) == " ".join(sentences)  # nothing lost, only cut
    assert pieces[2:] == sentences[1:]  # later sentences untouched


@pytest.mark.parametrize(
    "text",
    [
        "I will connect you to a person now, please hold.",  # short: fast enough as it is
        "No clause mark at all in this first sentence which goes on and on about the monthly pension amount.",
        "Yes, " + LONG_EN,  # the only early mark comes too soon
        "This first sentence has its one comma much too far along the way to help the start of the audio, "
        "here.",
    ],
)
def test_first_sentences_that_are_kept_whole(text: str) -> None:
    sentences = split_sentences(text)
    if text.startswith("Yes, "):
        assert lead_with_a_clause(sentences)[0] == "Yes, Basic Pension:"
    else:
        assert lead_with_a_clause(sentences) == sentences


def test_nothing_to_lead_with() -> None:
    assert lead_with_a_clause([]) == []


# --- the first piece of a Hangul/CJK answer (spoken by the slower voices) -------------------------

KO_NO_MARK = ("만 65세 이상이시고 혼자 사시는 어르신이면 주민센터에서 안부 확인 서비스를 신청하실 수 있으며 "
              "매주 한 번 전화를 드립니다.")


def test_a_korean_first_sentence_with_no_mark_is_cut_at_a_phrase_ending() -> None:
    sentences = split_sentences(KO_NO_MARK + " 신분증을 가져오세요.")
    pieces = lead_with_a_clause(sentences, language="ko")
    assert len(pieces) > len(sentences)
    assert pieces[0] == "만 65세 이상이시고"  # cut after the connective ending "-고"
    assert " ".join(pieces) == " ".join(sentences)  # nothing lost, only cut
    assert pieces[-1] == "신분증을 가져오세요."  # later sentences untouched
    weights = [sum(2 if "\uac00" <= c <= "\ud7a3" else 1 for c in p) for p in pieces[:-1]]
    assert weights[0] <= 40
    for before, after in itertools.pairwise(weights[:-1]):  # the sentence's rest may be longer
        assert after <= 2 * before  # each next piece at most doubles, so it is ready in time


def test_korean_verb_forms_before_a_noun_are_not_taken_for_a_topic() -> None:
    text = "어르신께 매달 생활비를 드리는 제도로 소득인정액이 선정기준액 이하인 분이 받으실 수 있습니다."
    pieces = lead_with_a_clause(split_sentences(text), language="ko")
    assert all(not p.endswith("드리는") for p in pieces)
    assert " ".join(pieces) == text


def test_a_short_korean_first_sentence_is_kept_whole() -> None:
    sentences = split_sentences("기초연금을 안내해 드릴게요. 신청은 주민센터에서 하실 수 있어요.")
    assert lead_with_a_clause(sentences, language="ko") == sentences


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("65歳以上で一人暮らしの方は、住民センターで安否確認サービスを申し込むことができます。", "ja"),
        ("年满65岁、独自生活的老人，可以在居民中心申请每周一次的电话问候服务。", "zh"),
        (KO_NO_MARK, None),  # no language given: the rule before
    ],
)
def test_chinese_and_japanese_keep_the_rule_before(text: str, language: str | None) -> None:
    # cut sooner, their answers were heard worse (tests/lang/test_flows_heard_back.py, facility)
    sentences = split_sentences(text)
    assert lead_with_a_clause(sentences, language=language) == sentences


def test_the_old_rule_is_kept_for_the_baseline() -> None:
    sentences = split_sentences(KO_NO_MARK)
    assert lead_with_a_clause(sentences, language="ko", wide_max=None) == sentences  # no ASCII clause mark: kept whole
