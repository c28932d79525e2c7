"""Benefit questions worded like civil errands, for the one search (issue 20).

Written on 2026-12-05, after the civil search was tuned, to probe it afresh: each asks for a *benefit*
of the sample catalogue with an errand word in it (서류, 예약, 잃어버렸, 수강, 고지서, 丢, 预约, làm mất,
予約, 申し込み …). No rule or threshold has been tuned on them; ``bench/civil_recall.py`` reports how
many the one search hands to civil services (each one a wrong answer a caller would hear).
"""

from __future__ import annotations

from dialog.evaluation import LabelledQuery

#: (question, the sample-catalogue programme it asks about)
QUESTIONS: tuple[tuple[str, str], ...] = (
    ("기초연금 신청할 때 무슨 서류 가져가야 돼요", "KR-BASIC-PENSION"),
    ("장애인연금 받으려면 어디 가서 신청해요", "KR-DISABILITY-PENSION"),
    ("이사 왔는데 여기서도 기초연금 계속 나와요", "KR-BASIC-PENSION"),
    ("전기요금 깎아 주는 거 있다던데 어떻게 해요", "KR-UTILITY-DISCOUNT"),
    ("전화요금 할인 신청은 어디서 해요", "KR-UTILITY-DISCOUNT"),
    ("난방비 지원 카드 발급 받고 싶어요", "KR-ENERGY-VOUCHER"),
    ("아기 낳았는데 바우처 카드는 어디서 만들어요", "KR-FIRST-MEETING"),
    ("우리 엄마 요양등급 받으려면 서류 뭐 내요", "KR-LONGTERM-CARE"),
    ("노인 일자리 신청서 어디서 받아요", "KR-SENIOR-JOBS"),
    ("치매 검사 받으려면 예약해야 돼요", "KR-DEMENTIA-SUPPORT"),
    ("틀니 할 때 건강보험 되는 거 등록해야 돼요", "KR-DENTURES"),
    ("지하철 무료로 타는 카드 재발급은 어떻게 해요", "KR-SENIOR-TRANSPORT"),
    ("어르신 교통카드 잃어버렸는데 다시 받을 수 있어요", "KR-SENIOR-TRANSPORT"),
    ("장애인 콜택시 예약은 어떻게 해요", "KR-DISABILITY-TAXI"),
    ("문화누리카드 분실했는데 어떡해요", "KR-CULTURE-VOUCHER"),
    ("아동급식카드 잃어버렸어요", "KR-CHILD-MEAL-CARD"),
    ("월세가 밀려서 고지서가 계속 와요 도와주는 거 있어요", "KR-HOUSING-BENEFIT"),
    ("건강검진 예약하고 싶은데 공짜예요", "KR-HEALTH-CHECKUP"),
    ("암검진 대상자 확인서 떼야 돼요", "KR-CANCER-SCREENING"),
    ("예방주사 예약은 어디서 해요", "KR-VACCINATION"),
    ("한국어 수업 수강 신청하고 싶어요", "KR-KOREAN-CLASS"),
    ("주민 강좌 무료 교실 있어요", "KR-LIFELONG-LEARNING-CENTRE"),
    ("도서관 회원증 만들려면 뭐 가져가요", "KR-PUBLIC-LIBRARY"),
    ("청년 월세 지원 서류 제출은 온라인으로 돼요", "KR-YOUTH-RENT"),
    ("생계급여 신청하려면 통장 사본 떼야 돼요", "KR-LIVELIHOOD-BENEFIT"),
    ("의료급여 증명서 발급 받고 싶어요", "KR-MEDICAL-BENEFIT"),
    ("어린이집 보육료 신청 서류가 뭐예요", "KR-CHILDCARE-FEE"),
    ("아이돌봄 서비스 예약은 어떻게 해요", "KR-CHILDCARE-SERVICE"),
    ("산후도우미 신청 기한 지나면 어떡해요", "KR-POSTNATAL-CARE"),
    ("가게 망해서 세금도 못 내고 생활비가 없어요", "KR-EMERGENCY-WELFARE"),
    ("집주인이 나가라는데 싼 임대주택 신청하고 싶어요", "KR-PUBLIC-RENTAL"),
    ("보훈 대상자 등록은 어떻게 해요", "KR-VETERANS"),
    ("무더위쉼터 어디 있어요", "KR-HEAT-COLD-SHELTER"),
    ("푸드뱅크 이용 등록하려면", "KR-FOOD-BANK"),
    ("무료 변호사 상담 예약하고 싶어요", "KR-LEGAL-AID"),
    ("국민취업지원 신청했는데 서류 또 내야 돼요", "KR-JOB-SEEKER"),
    ("What papers do I need to apply for the basic pension", "KR-BASIC-PENSION"),
    ("I lost my senior transit card can I get a new one", "KR-SENIOR-TRANSPORT"),
    ("How do I book the accessible call taxi", "KR-DISABILITY-TAXI"),
    ("Can I sign up for free Korean classes", "KR-KOREAN-CLASS"),
    ("Where do I register for the food bank", "KR-FOOD-BANK"),
    ("I cannot pay my electricity bill is there a discount", "KR-UTILITY-DISCOUNT"),
    ("Do I need a certificate to get the disability pension", "KR-DISABILITY-PENSION"),
    ("申请基础养老金需要带什么材料", "KR-BASIC-PENSION"),
    ("我想报名免费韩语课", "KR-KOREAN-CLASS"),
    ("儿童餐卡丢了怎么办", "KR-CHILD-MEAL-CARD"),
    ("怎么预约免费体检", "KR-HEALTH-CHECKUP"),
    ("电费太贵了有减免吗", "KR-UTILITY-DISCOUNT"),
    ("Tôi làm mất thẻ ăn của con thì làm sao", "KR-CHILD-MEAL-CARD"),
    ("Đăng ký học tiếng Hàn miễn phí ở đâu", "KR-KOREAN-CLASS"),
    ("Tôi muốn đặt lịch khám sức khỏe miễn phí", "KR-HEALTH-CHECKUP"),
    ("Cần giấy tờ gì để nhận trợ cấp nuôi con", "KR-CHILD-ALLOWANCE"),
    ("Tiền điện cao quá có được giảm không", "KR-UTILITY-DISCOUNT"),
    ("基礎年金の申請に必要な書類は何ですか", "KR-BASIC-PENSION"),
    ("無料の韓国語教室に申し込みたいです", "KR-KOREAN-CLASS"),
    ("健康診断の予約をしたいです", "KR-HEALTH-CHECKUP"),
    ("子どもの給食カードをなくしました", "KR-CHILD-MEAL-CARD"),
    ("電気代の割引はありますか", "KR-UTILITY-DISCOUNT"),
)


def errand_worded() -> list[LabelledQuery]:
    return [LabelledQuery(text, frozenset({expected}), "errand-worded") for text, expected in QUESTIONS]


__all__ = ["QUESTIONS", "errand_worded"]
