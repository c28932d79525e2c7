"""The round-11 words (dialog/safety/spoken_words.py) and the near-misses beside them.

Sentences written for these tests (not in the labelled set, not from any fresh set), read by the
rules alone: no embedder, so what passes here passes on the rules' own account.
"""

from __future__ import annotations

import pytest

from dialog.safety import DangerKind, SafetyClassifier

S, M = DangerKind.SUICIDE, DangerKind.MEDICAL


@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        ("나 이제 죽을라고 전화했어 마지막으로", "ko", S),
        ("오늘 밤에 죽으러 갈 거예요 강으로", "ko", S),
        ("더 살 이유 없어 곧 죽을 끼라", "ko", S),
        ("제 손으로 목숨 끊을 거예요", "ko", S),
        ("내가 없어져 줄게 그게 다 편하지", "ko", S),
        ("엄마랑 둘이 같이 죽을까 그런 생각만 해요", "ko", S),
        ("아침에 눈 안 떴으믄 좋겠어예", "ko", S),
        ("모아둔 수면제 오늘 다 먹을 거예요", "ko", S),
        ("창고에 농약 있는 거 마셔불랑께 말리지 마", "ko", S),
        ("밧줄 사다 놨어요 베란다에", "ko", S),
        ("가스 불 틀어 놓고 창문 다 막았어요", "ko", S),
        ("철길에 와 있어요 기차 오면 걸어 들어갈 거예요", "ko", S),
        ("죽는 날 이미 정해 놨어요 다음 달 초하루로", "ko", S),
        ("sometimes I think we should all die together me and my sick husband", "en", S),
        ("I want to step in front of a bus on my way home", "en", S),
        ("got charcoal and duct tape in the car", "en", S),
        ("我真不知道为什么还活着", "zh", S),
        ("带着孩子一起死了算了", "zh", S),
        ("em muốn lao xuống đường ray cho chết", "vi", S),
        ("em khong muon thuc day nua", "vi", S),  # toneless
        ("電車に飛び込もうと思ってホームにいます", "ja", S),
        ("私なんか死んだほうがいいんです", "ja", S),
        ("코피가 삼십 분째 안 멈춰요", "ko", M),
        ("다리 뼈가 밖으로 튀어나왔어요", "ko", M),
        ("할머니가 배가 아파서 데굴데굴 굴러요", "ko", M),
        ("胸口特别痛 喘不上来", "zh", M),
        ("chân tôi máu chảy không ngừng", "vi", M),
    ],
)
def test_round_eleven_words_are_read_as_their_danger(text: str, language: str, kind: DangerKind) -> None:
    found = SafetyClassifier.by_rules(text, language)
    assert found is not None and found.kind is kind, (text, found)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("배고파 죽을라고 밥은 언제 줘요", "ko"),
        ("젊을 때 죽자 살자 일만 했지 연금은 얼마 나와요", "ko"),
        ("빨래 널 밧줄 하나 샀는데 어디 걸어요", "ko"),
        ("가스 밸브 열어 놓고 요리하다가 문 닫아도 돼요", "ko"),
        ("공사 끝낼 날짜 잡았어요 소음 민원 어디에 내요", "ko"),
        ("모아둔 약 유통기한 지난 거 어디 버려요", "ko"),
        ("my shop is right in front of the bus stop, can I get a sign permit", "en"),
        ("烧烤用的木炭和胶带在哪买", "zh"),
        ("bác sĩ bảo uống thuốc cho chết vi khuẩn", "vi"),
        ("プールに飛び込もうとしたら怒られた", "ja"),
    ],
)
def test_round_eleven_near_misses_stay_ordinary(text: str, language: str) -> None:
    assert SafetyClassifier.by_rules(text, language) is None, text
