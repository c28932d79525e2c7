"""``DEV_NEEDS`` of ``bench/civil_queries.py``: the second tuning set of civil needs (issue 20)."""

from __future__ import annotations

from bench.civil_needs import CivilNeed, _n, en, ja, ko, vi, zh

#: a second tuning set, written after the first held-out figures were seen (0.930 with 1 benefit
#: first): tuning goes on here, so the held-out half stays unlooked-at
DEV_NEEDS: tuple[CivilNeed, ...] = (
    _n(
        "dev-deungbon",
        "CIVIL-RESIDENT-CERT",
        ko("은행에서 등본 가져오라는데요"),
        ko("주민 등록 초본 한 장 필요해요"),
        en("I need proof of my address for the bank"),
    ),
    _n("dev-family", "CIVIL-FAMILY-CERT", ko("가족관계 증명 떼는 데 돈 들어요?"), zh("需要家庭关系证明，去哪里开？")),
    _n("dev-seal", "CIVIL-SEAL-CERT", ko("아들이 대신 인감 떼러 가도 돼요?"), ja("印鑑証明を取りたいです")),
    _n(
        "dev-move",
        "CIVIL-MOVE-IN",
        ko("딸네 집으로 이사했는데 주소 옮겨야 돼요"),
        en("Where do I report my change of address?"),
        vi("Tôi vừa chuyển đến đây, phải khai báo ở đâu?"),
    ),
    _n(
        "dev-passport",
        "CIVIL-PASSPORT",
        ko("손주 여권 만들어 주려고요"),
        ko("여권 사진 몇 장 가져가요"),
        zh("护照过期了，怎么重新办？"),
    ),
    _n(
        "dev-waste",
        "CIVIL-BULKY-WASTE",
        ko("헌 책상 버리는 거 신고 어떻게 해요"),
        ko("안 쓰는 침대 내다 버리려고요"),
        en("How do I get rid of an old mattress?"),
        ja("古いタンスを処分したいです"),
    ),
    _n(
        "dev-fine",
        "CIVIL-PARKING-FINE-PAY",
        ko("과태료 고지서 왔는데 카드로 내도 돼요?"),
        en("I got a parking ticket in the mail"),
        zh("收到违章停车的罚单了"),
    ),
    _n(
        "dev-objection",
        "CIVIL-PARKING-FINE-OBJECTION",
        ko("주차 단속이 잘못된 것 같아요 사진도 있어요"),
        en("The parking ticket is wrong, how do I contest it?"),
    ),
    _n(
        "dev-tax",
        "CIVIL-LOCAL-TAX",
        ko("칠월에 나오는 재산세 어떻게 내요"),
        ko("주민세 고지서 받았어요"),
        vi("Tôi nhận được giấy báo thuế tài sản"),
    ),
    _n(
        "dev-classes",
        "CIVIL-CENTRE-CLASSES",
        ko("동네 주민센터에서 하는 노래 교실 들어가고 싶어요"),
        en("Are there any hobby classes at the community centre?"),
        ja("ヨガ教室に申し込みたいです"),
    ),
    _n(
        "dev-booking",
        "CIVIL-FACILITY-BOOKING",
        ko("주민센터 회의실 빌릴 수 있나요"),
        en("I want to rent a public sports hall"),
        zh("想租社区的会议室"),
    ),
    _n(
        "dev-lost",
        "CIVIL-LOST-FOUND",
        ko("택시에 가방을 두고 내렸어요"),
        ko("잃어버린 물건 찾는 사이트 있어요?"),
        en("I left my bag on the subway"),
    ),
    _n(
        "dev-floor",
        "CIVIL-FLOOR-NOISE",
        ko("밤마다 윗층에서 쿵쿵 울려요"),
        en("The family upstairs stomps all night"),
        vi("Tầng trên ồn ào cả đêm"),
    ),
    _n("dev-noise", "CIVIL-LIVING-NOISE", ko("옆 건물 공사 소리가 너무 커요"), zh("晚上装修噪音很大")),
    _n(
        "dev-id",
        "CIVIL-ID-CARD-REISSUE",
        ko("주민증을 어디서 흘렸는지 없어요"),
        en("I need a new resident registration card"),
    ),
    _n(
        "dev-foreign",
        "CIVIL-FOREIGN-RESIDENT",
        vi("Thẻ cư trú của tôi sắp hết hạn"),
        en("How do I extend my residence permit?"),
        zh("我的外国人登录证快到期了"),
    ),
    _n(
        "dev-general",
        "CIVIL-GENERAL-120",
        ko("쓰레기 무단 투기 신고는 어디에 해요"),
        ko("동네 불편한 거 말할 데가 어디예요"),
        en("Where can I complain about a broken streetlight?"),
    ),
)


__all__ = ["DEV_NEEDS"]
