"""The civil needs of ``bench/civil_queries.py`` (issue 20): the labelled need type and ``NEEDS``, the
questions split by need into the ``tuning`` and ``heldout`` halves (see ``bench/civil_queries.py``
for how they were written and the held-out rule).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal

Half = Literal["tuning", "heldout"]


@dataclass(frozen=True, slots=True)
class CivilNeed:
    key: str
    answers: tuple[str, ...]
    #: (language, question) pairs
    asked: tuple[tuple[str, str], ...]

    @property
    def half(self) -> Half:
        return "tuning" if hashlib.sha1(self.key.encode()).digest()[0] % 2 == 0 else "heldout"


def _n(key: str, answers: str | tuple[str, ...], *asked: tuple[str, str]) -> CivilNeed:
    return CivilNeed(key, (answers,) if isinstance(answers, str) else answers, asked)


def ko(text: str) -> tuple[str, str]:
    return ("ko", text)


def en(text: str) -> tuple[str, str]:
    return ("en", text)


def zh(text: str) -> tuple[str, str]:
    return ("zh", text)


def vi(text: str) -> tuple[str, str]:
    return ("vi", text)


def ja(text: str) -> tuple[str, str]:
    return ("ja", text)


NEEDS: tuple[CivilNeed, ...] = (
    _n(
        "deungbon-get",
        "CIVIL-RESIDENT-CERT",
        ko("주민등록등본 떼려면 어떻게 해요?"),
        ko("등본 한 통 떼야 되는데 어디 가야 돼요"),
        ko("주민 등록 등 본 발급 받을라면요"),
        en("How do I get a copy of my resident registration?"),
        zh("怎么开居民登记誊本？"),
    ),
    _n(
        "chobon-for-job",
        "CIVIL-RESIDENT-CERT",
        ko("회사에서 초본을 내라는데 그거 어디서 떼요"),
        ko("주민등록초본 집에서 뽑을 수 있나요"),
        vi("Tôi cần giấy xác nhận địa chỉ cư trú để nộp cho công ty, làm ở đâu?"),
        ja("住民票の抄本はどこで取れますか"),
    ),
    _n(
        "deungbon-kiosk",
        "CIVIL-RESIDENT-CERT",
        ko("무인 민원 발급기에서 등본 뽑을 수 있어요?"),
        ko("등본을 기계에서 뽑으려면 뭐가 필요해요"),
        en("Can I print my proof of address at a machine?"),
    ),
    _n(
        "family-cert",
        "CIVIL-FAMILY-CERT",
        ko("가족관계증명서 떼려면 어디로 가요"),
        ko("가족 관계 증명서 인터넷으로 뗄 수 있어요?"),
        en("Where can I get a family relations certificate?"),
        zh("家庭关系证明书在哪里办？"),
    ),
    _n(
        "family-cert-school",
        "CIVIL-FAMILY-CERT",
        ko("애 학교에 가족관계 서류 내야 된대요"),
        ko("혼인관계증명서도 같은 데서 떼요?"),
        ja("家族関係証明書はどうやって取りますか"),
    ),
    _n(
        "seal-cert",
        "CIVIL-SEAL-CERT",
        ko("인감증명서 떼야 되는데 어떻게 해요"),
        ko("인감 증명 대리로 떼 줄 수 있어요?"),
        en("I need a seal certificate for selling my car"),
        vi("Làm giấy chứng nhận con dấu ở đâu?"),
    ),
    _n(
        "seal-register",
        "CIVIL-SEAL-CERT",
        ko("부동산 계약하는데 인감이 필요하대요"),
        ko("인감도장 등록이랑 증명서는 어디서 해요"),
        zh("卖房子需要印鉴证明，在哪里开？"),
    ),
    _n(
        "move-in",
        "CIVIL-MOVE-IN",
        ko("이사 왔는데 전입신고 어떻게 해요?"),
        ko("전입 신고는 며칠 안에 해야 돼요"),
        en("I just moved here, how do I register my new address?"),
        vi("Tôi mới chuyển nhà, khai báo địa chỉ mới thế nào?"),
    ),
    _n(
        "move-in-online",
        "CIVIL-MOVE-IN",
        ko("이사했는데 주소 옮기는 거 인터넷으로 돼요"),
        ko("새 집으로 주소 이전 하려면요"),
        zh("搬家了要去哪里申报新地址？"),
        ja("引っ越したので転入届を出したいです"),
    ),
    _n(
        "passport-new",
        "CIVIL-PASSPORT",
        ko("여권 발급은 어디서 해요?"),
        ko("여권 처음 만들려면 어디 가야 돼요"),
        en("Where do I apply for a passport?"),
        zh("在哪里办护照？"),
        ja("パスポートはどこで作れますか"),
    ),
    _n(
        "passport-renew",
        "CIVIL-PASSPORT",
        ko("여권 기간이 끝났는데 새로 하려면요"),
        ko("여권재발급 온라인으로도 되나요"),
        vi("Hộ chiếu của tôi hết hạn, làm lại ở đâu?"),
        en("My passport expired, how do I renew it?"),
    ),
    _n(
        "bulky-waste",
        "CIVIL-BULKY-WASTE",
        ko("대형 폐기물은 어떻게 버려요?"),
        ko("쇼파 버리려는데 스티커 어디서 사요"),
        ko("헌 냉장고 내놓으려면 신고해야 돼요?"),
        en("How do I throw away an old sofa?"),
    ),
    _n(
        "bulky-furniture",
        "CIVIL-BULKY-WASTE",
        ko("장롱이랑 침대 버려야 되는데 어디다 말해요"),
        ko("이사 가면서 가구 버릴 거 있는데요"),
        zh("旧家具怎么扔？"),
        vi("Vứt tủ quần áo cũ thế nào?"),
        ja("古いベッドを捨てたいです"),
    ),
    _n(
        "parking-fine-pay",
        "CIVIL-PARKING-FINE-PAY",
        ko("주차 위반 과태료 어디서 내요"),
        ko("주차 딱지 끊겼는데 돈 어떻게 내요"),
        en("How do I pay a parking ticket?"),
        zh("停车罚款在哪里交？"),
    ),
    _n(
        "parking-fine-discount",
        "CIVIL-PARKING-FINE-PAY",
        ko("과태료 빨리 내면 깎아 준다던데요"),
        ko("불법 주차 벌금 고지서 받았어요"),
        vi("Tôi bị phạt đỗ xe, nộp tiền ở đâu?"),
        ja("駐車違反の罰金はどうやって払いますか"),
    ),
    _n(
        "parking-objection",
        "CIVIL-PARKING-FINE-OBJECTION",
        ko("주정차 위반 과태료 이의신청은 어떻게 해요?"),
        ko("주차 단속 억울한데 의견 진술 어떻게 해요"),
        en("I want to appeal a parking fine"),
        zh("违章停车罚单不合理，怎么申诉？"),
    ),
    _n(
        "parking-objection-unfair",
        "CIVIL-PARKING-FINE-OBJECTION",
        ko("잠깐 세웠는데 딱지 끊겨서 이의제기 하고 싶어요"),
        ko("과태료 취소해 달라고 하려면요"),
        vi("Tôi muốn khiếu nại vé phạt đỗ xe"),
        ja("駐車違反に異議を申し立てたいです"),
    ),
    _n(
        "property-tax",
        "CIVIL-LOCAL-TAX",
        ko("재산세 고지서 나왔는데 어디서 내요"),
        ko("자동차세 인터넷으로 낼 수 있어요?"),
        en("How can I pay my property tax?"),
        zh("财产税怎么交？"),
    ),
    _n(
        "local-tax-general",
        "CIVIL-LOCAL-TAX",
        ko("지방세 납부 어떻게 해요"),
        ko("세금 고지서 받았는데 은행 가야 돼요"),
        vi("Nộp thuế ô tô ở đâu?"),
        ja("自動車税はどこで払えますか"),
    ),
    _n(
        "classes-signup",
        "CIVIL-CENTRE-CLASSES",
        ko("주민센터 요가 강좌 신청하고 싶어요"),
        ko("동사무소 노래교실 어떻게 등록해요"),
        en("How do I sign up for a yoga class at the community centre?"),
        zh("居民中心的课程怎么报名？"),
    ),
    _n(
        "classes-what",
        "CIVIL-CENTRE-CLASSES",
        ko("자치 회관 프로그램 뭐 있어요"),
        ko("어르신 컴퓨터 배우는 교실 있어요?"),
        vi("Tôi muốn học lớp yoga ở phường"),
        ja("住民センターの講座に申し込みたいです"),
    ),
    _n(
        "booking",
        "CIVIL-FACILITY-BOOKING",
        ko("구민회관 강당 빌릴 수 있어요?"),
        ko("체육관 대관 예약은 어디서 해요"),
        en("Can I book a meeting room at a public building?"),
        zh("怎么预约体育馆？"),
    ),
    _n(
        "booking-sports",
        "CIVIL-FACILITY-BOOKING",
        ko("테니스장 예약 하려면 어떻게 해요"),
        ko("동네 운동장 빌리려면요"),
        vi("Đặt sân thể thao công cộng thế nào?"),
        ja("公共の体育館を予約したいです"),
    ),
    _n(
        "lost-wallet",
        "CIVIL-LOST-FOUND",
        ko("지갑을 잃어버렸는데 어디다 물어봐요"),
        ko("버스에 핸드폰 놓고 내렸어요"),
        en("I lost my wallet, where do I ask?"),
        zh("我的钱包丢了，怎么办？"),
    ),
    _n(
        "found-item",
        "CIVIL-LOST-FOUND",
        ko("길에서 지갑 주웠는데 어디 갖다줘요"),
        ko("분실물 센터 전화번호 알려주세요"),
        vi("Tôi bị mất điện thoại, tìm ở đâu?"),
        ja("財布をなくしました"),
    ),
    _n(
        "floor-noise",
        "CIVIL-FLOOR-NOISE",
        ko("윗집이 너무 쿵쿵거려서 못 살겠어요"),
        ko("층간 소음 어디에 신고해요"),
        en("My upstairs neighbours are too noisy"),
        zh("楼上邻居太吵了怎么办？"),
    ),
    _n(
        "floor-noise-kids",
        "CIVIL-FLOOR-NOISE",
        ko("위층 애들 뛰는 소리 때문에 상담 받고 싶어요"),
        ko("아랫집에서 시끄럽다고 자꾸 올라와요"),
        vi("Hàng xóm tầng trên quá ồn"),
        ja("上の階の足音がうるさいです"),
    ),
    _n(
        "construction-noise",
        "CIVIL-LIVING-NOISE",
        ko("새벽부터 공사하는 소리 때문에 민원 넣고 싶어요"),
        ko("앞에 공사장 소음이 너무 심해요"),
        en("The construction site next door is too loud"),
        zh("附近工地噪音太大，怎么投诉？"),
    ),
    _n(
        "street-noise",
        "CIVIL-LIVING-NOISE",
        ko("확성기 소리가 시끄러운데 어디 신고해요"),
        ko("가게 음악 소리 생활 소음 신고 되나요"),
        ja("工事の騒音がひどいです"),
    ),
    _n(
        "id-card-lost",
        "CIVIL-ID-CARD-REISSUE",
        ko("주민등록증을 잃어버렸어요"),
        ko("주민증 재발급 받으려면 사진 있어야 돼요"),
        en("I lost my resident ID card"),
        zh("身份证丢了怎么补办？"),
    ),
    _n(
        "id-card-old",
        "CIVIL-ID-CARD-REISSUE",
        ko("주민등록증이 너무 낡아서 새로 하고 싶어요"),
        ko("신분증 분실했는데 다시 만들려면요"),
        vi("Tôi muốn làm lại thẻ căn cước"),
    ),
    _n(
        "foreigner-register",
        "CIVIL-FOREIGN-RESIDENT",
        ko("외국인 등록증은 어디서 만들어요"),
        en("Where do I get my residence card as a foreigner?"),
        zh("外国人登录证在哪里办？"),
        vi("Đăng ký người nước ngoài ở đâu?"),
        ja("在留カードはどこで作りますか"),
    ),
    _n(
        "visa-extend",
        "CIVIL-FOREIGN-RESIDENT",
        ko("비자 연장하려면 어디 가야 해요"),
        en("I need to extend my visa"),
        zh("签证到期了要延期"),
        vi("Tôi cần gia hạn visa"),
    ),
    _n(
        "general-complaint",
        "CIVIL-GENERAL-120",
        ko("구청에 민원 넣으려면 어디로 전화해요"),
        ko("이런 거는 어디에 물어봐야 될지 모르겠어요"),
        en("Who do I call to file a complaint with the city?"),
        zh("向市政府投诉打什么电话？"),
    ),
    _n(
        "general-broken",
        "CIVIL-GENERAL-120",
        ko("동네 가로등이 고장 났는데 어디 말해요"),
        ko("길에 보도블럭이 깨졌는데 신고 어디로 해요"),
        vi("Tôi muốn phản ánh với thành phố"),
        ja("市役所に苦情を言いたいです"),
    ),
)


__all__ = ["NEEDS", "CivilNeed", "Half", "en", "ja", "ko", "vi", "zh"]
