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
