"""Benefit questions worded like civil errands, for the one search (issue 20).

Written on 2026-12-05, after the civil search was tuned, to probe it afresh: each asks for a *benefit*
of the sample catalogue with an errand word in it (서류, 예약, 잃어버렸, 수강, 고지서, 丢, 预约, làm mất,
予約, 申し込み …); ``bench/civil_recall.py`` reports how many the one search hands to civil services
(each one a wrong answer a caller would hear). ``QUESTIONS`` showed the weakness and was looked at
while changing the cues (so it now overstates); ``SEALED`` was written before that change and
measured only before and after it.
"""

from __future__ import annotations

from dialog.retrieval.evaluation import LabelledQuery

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


#: a second set, written before the cue change (``dialog.civil.cues``) and run only to measure it
SEALED: tuple[tuple[str, str], ...] = (
    ("장애수당 받으려면 진단서 떼 와야 돼요", "KR-DISABILITY-ALLOWANCE"),
    ("활동지원 서비스 신청 서류 어디서 받아요", "KR-DISABILITY-ACTIVITY"),
    ("부모급여 신청은 온라인으로 해도 돼요", "KR-PARENT-ALLOWANCE"),
    ("아동수당 통장 바꾸려면 뭐 가져가요", "KR-CHILD-ALLOWANCE"),
    ("국민행복카드 새로 발급받고 싶어요", "KR-PREGNANCY-VOUCHER"),
    ("에너지바우처 카드 잃어버렸어요", "KR-ENERGY-VOUCHER"),
    ("경로당 등록하려면 어떻게 해요", "KR-SENIOR-CENTRE"),
    ("복지관 프로그램 수강하고 싶어요", "KR-SENIOR-CENTRE"),
    ("도시락 배달 신청 서류 있어요", "KR-SENIOR-MEALS"),
    ("응급 안전 호출기 고장 났어요", "KR-EMERGENCY-SAFETY"),
    ("임플란트 건강보험 되는지 확인서 떼야 돼요", "KR-DENTURES"),
    ("난임 시술비 지원 서류 제출 어디로 해요", "KR-INFERTILITY"),
    ("한부모 양육비 신청할 때 필요한 증명서", "KR-SINGLE-PARENT"),
    ("청년도약계좌 가입 예약해야 돼요", "KR-YOUTH-SAVINGS"),
    ("주거급여 받는데 이사 가면 다시 신고해요", "KR-HOUSING-BENEFIT"),
    ("교육급여 신청 기간 지났어요", "KR-EDUCATION-BENEFIT"),
    ("자활근로 등록하려면 어디 가요", "KR-SELF-SUFFICIENCY"),
    ("임대주택 신청서 어디서 내요", "KR-PUBLIC-RENTAL"),
    ("정신건강 상담 예약하고 싶어요", "KR-MENTAL-HEALTH"),
    ("보건소 진료 예약 어떻게 해요", "KR-HEALTH-CENTRE"),
    ("평생교육바우처 카드 분실했어요", "KR-LIFELONG-VOUCHER"),
    ("외국인 주민센터 한국어 교실 등록", "KR-FOREIGNER-CENTRE"),
    ("다문화 가족센터 프로그램 신청하고 싶어요", "KR-FAMILY-CENTRE"),
    ("How do I renew my disability allowance", "KR-DISABILITY-ALLOWANCE"),
    ("Which documents do I bring for the housing benefit", "KR-HOUSING-BENEFIT"),
    ("I lost my culture voucher card", "KR-CULTURE-VOUCHER"),
    ("Can I book a dementia screening", "KR-DEMENTIA-SUPPORT"),
    ("How do I register for senior jobs", "KR-SENIOR-JOBS"),
    ("我的文化卡丢了", "KR-CULTURE-VOUCHER"),
    ("老人交通卡怎么补办", "KR-SENIOR-TRANSPORT"),
    ("怎么预约痴呆检查", "KR-DEMENTIA-SUPPORT"),
    ("申请住房补贴需要什么证明", "KR-HOUSING-BENEFIT"),
    ("Tôi muốn đăng ký việc làm cho người cao tuổi", "KR-SENIOR-JOBS"),
    ("Làm sao đặt lịch tiêm chủng cho con", "KR-VACCINATION"),
    ("Tôi bị mất thẻ năng lượng", "KR-ENERGY-VOUCHER"),
    ("Giấy tờ xin trợ cấp nhà ở là gì", "KR-HOUSING-BENEFIT"),
    ("障害者タクシーの予約はどうしますか", "KR-DISABILITY-TAXI"),
    ("予防接種の予約をしたいです", "KR-VACCINATION"),
    ("文化カードをなくしました", "KR-CULTURE-VOUCHER"),
    ("住宅手当の申請書類は何ですか", "KR-HOUSING-BENEFIT"),
)


def errand_worded(sealed: bool = False) -> list[LabelledQuery]:
    rows = SEALED if sealed else QUESTIONS
    group = "errand-worded-sealed" if sealed else "errand-worded"
    return [LabelledQuery(text, frozenset({expected}), group) for text, expected in rows]


__all__ = ["QUESTIONS", "SEALED", "errand_worded"]
