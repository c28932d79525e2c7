"""The check-in flow with the real dialog (the packaged e5 retrieval over the sample catalogue): a need
heard on the call is answered with programmes that fit; an ordinary answer offers none."""

from __future__ import annotations

import pytest

from voice_gateway.checkin.flow import CheckinFlow
from voice_gateway.services import Services

pytestmark = [pytest.mark.slow]


def test_a_need_heard_gets_programmes_from_the_real_retrieval(real_services: Services) -> None:
    flow = CheckinFlow(real_services.dialog, "김영순", "ko")
    flow.greeting()
    fine = flow.hear("네 잘 지내요", "ko")
    assert fine is not None and fine.programmes == ()
    flow.hear("네 먹었어요", "ko")
    need = flow.hear("혼자 살아서 식사 챙기기가 힘들어요. 도시락 배달 같은 게 필요해요", "ko")
    assert need is not None and need.action == "hangup"
    print("offered:", [(p.id, p.name) for p in need.programmes], need.text)
    assert need.programmes, need.text
    assert need.programmes[0].name in need.text
    assert flow.report().outcome == "not_well"  # 힘들어요


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("뭐라고요? 다시 말해 주세요", None),  # a request: the same question again
        ("숨을 못 쉬겠어요 사람 좀 불러 주세요", "danger_medical"),  # danger outranks "a person"
        ("사람이랑 통화하고 싶어요", "checkin_handoff"),
    ],
)
def test_requests_and_danger_with_the_real_dialog(real_services: Services, said: str, kind: str | None) -> None:
    flow = CheckinFlow(real_services.dialog, "김영순", "ko")
    greeting = flow.greeting()
    reply = flow.hear(said, "ko")
    assert reply is not None
    if kind is None:
        assert reply.text == greeting.text and flow.heard == []
    else:
        assert reply.intent == kind, reply.text
        assert reply.action in ("handoff", "handoff_urgent")
