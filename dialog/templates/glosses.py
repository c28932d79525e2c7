"""Short glosses of programme names in Chinese, Vietnamese and Japanese, written by the project.

A programme keeps its Korean name (the word the caller will hear at the office) followed by a
short gloss in the caller's language: "기초연금（基础养老金）". Keyed by catalogue id; a programme
without a gloss here (an imported 복지로 record) is glossed by its kind of support instead.
"""

from __future__ import annotations

from collections.abc import Mapping

#: id → (zh, vi, ja)
_GLOSSES: Mapping[str, tuple[str, str, str]] = {
    "KR-BASIC-PENSION": ("基础养老金", "lương hưu cơ bản", "基礎年金"),
    "KR-SENIOR-JOBS": ("老年人工作和社会活动支援", "việc làm cho người cao tuổi", "高齢者の仕事・社会活動支援"),
    "KR-SENIOR-CARE": ("老年人定制照护服务", "dịch vụ chăm sóc người cao tuổi", "高齢者向けの見守り・介護サービス"),
    "KR-DEMENTIA-SUPPORT": (
        "痴呆症筛查和治疗费支援",
        "khám và hỗ trợ chữa bệnh sa sút trí tuệ",
        "認知症の検診・治療費支援",
    ),
    "KR-LONGTERM-CARE": (
        "老年长期护理保险",
        "bảo hiểm chăm sóc dài hạn người cao tuổi",
        "高齢者の長期療養保険（介護保険）",
    ),
    "KR-SENIOR-TRANSPORT": ("老年人免费乘地铁", "đi tàu điện ngầm miễn phí cho người cao tuổi", "高齢者の地下鉄無料"),
    "KR-SENIOR-CENTRE": ("老年福利馆和敬老堂", "trung tâm phúc lợi người cao tuổi", "高齢者福祉館・敬老堂"),
    "KR-SENIOR-MEALS": ("老年人免费供餐和送餐", "bữa ăn miễn phí cho người cao tuổi", "高齢者の無料給食・弁当配達"),
    "KR-EMERGENCY-SAFETY": (
        "独居老人和残疾人紧急安全服务",
        "dịch vụ báo khẩn cấp cho người sống một mình",
        "一人暮らしの方の緊急安全サービス",
    ),
    "KR-ELDER-ABUSE": (
        "老年人保护机构（虐待咨询）",
        "cơ quan bảo vệ người cao tuổi bị ngược đãi",
        "高齢者虐待の相談機関",
    ),
    "KR-DENTURES": (
        "老年人假牙和种植牙医保",
        "bảo hiểm răng giả cho người cao tuổi",
        "高齢者の入れ歯・インプラント保険",
    ),
    "KR-DISABILITY-PENSION": ("残疾人养老金", "lương hưu cho người khuyết tật", "障害者年金"),
    "KR-DISABILITY-ALLOWANCE": ("残疾人补贴", "trợ cấp người khuyết tật", "障害手当"),
    "KR-DISABILITY-ACTIVITY": ("残疾人活动支援", "hỗ trợ sinh hoạt cho người khuyết tật", "障害者の活動支援"),
    "KR-DISABILITY-TAXI": ("残疾人叫车服务", "taxi cho người khuyết tật", "障害者向けコールタクシー"),
    "KR-PREGNANCY-VOUCHER": ("怀孕和分娩医疗费支援", "hỗ trợ chi phí khám thai và sinh con", "妊娠・出産の医療費支援"),
    "KR-FIRST-MEETING": ("新生儿首次见面券", "phiếu hỗ trợ khi sinh con", "出産時の初めての出会い利用券"),
    "KR-PARENT-ALLOWANCE": ("父母津贴", "trợ cấp cha mẹ", "親への給付金"),
    "KR-CHILD-ALLOWANCE": ("儿童津贴", "trợ cấp trẻ em", "児童手当"),
    "KR-CHILDCARE-FEE": ("托儿所保育费支援", "hỗ trợ học phí nhà trẻ", "保育園の保育料支援"),
    "KR-HOME-CHILDCARE": ("在家养育津贴", "trợ cấp nuôi con tại nhà", "家庭養育手当"),
    "KR-CHILDCARE-SERVICE": ("上门照看孩子服务", "dịch vụ trông trẻ tại nhà", "子どもの見守りサービス"),
    "KR-POSTNATAL-CARE": ("产妇和新生儿健康管理支援", "chăm sóc sản phụ và trẻ sơ sinh", "産婦・新生児の健康管理支援"),
    "KR-INFERTILITY": ("不孕治疗费支援", "hỗ trợ chi phí điều trị hiếm muộn", "不妊治療費の支援"),
    "KR-CHILD-MEAL-CARD": ("儿童餐卡", "thẻ bữa ăn cho trẻ em", "児童給食カード"),
    "KR-SINGLE-PARENT": ("单亲家庭育儿费", "tiền nuôi con cho gia đình đơn thân", "ひとり親家庭の養育費"),
    "KR-YOUTH-RENT": ("青年月租支援", "hỗ trợ tiền thuê nhà cho thanh niên", "若者の家賃支援"),
    "KR-YOUTH-SAVINGS": ("青年储蓄账户", "tài khoản tiết kiệm thanh niên", "若者の積立口座"),
    "KR-JOB-SEEKER": ("国民就业支援制度", "chương trình hỗ trợ tìm việc", "国民就業支援制度"),
    "KR-YOUTH-CENTRE": ("青年中心", "trung tâm thanh niên", "若者センター"),
    "KR-FAMILY-CENTRE": (
        "家庭中心（多文化家庭支援）",
        "trung tâm gia đình (hỗ trợ gia đình đa văn hóa)",
        "家族センター（多文化家族の支援）",
    ),
    "KR-DANURI-CALL": (
        "多文化家庭热线（多语言咨询和翻译）",
        "tổng đài Danuri (tư vấn và phiên dịch đa ngôn ngữ)",
        "ダヌリコールセンター（多言語相談・通訳）",
    ),
    "KR-FOREIGNER-CENTRE": ("外国居民支援中心", "trung tâm hỗ trợ người nước ngoài", "外国人住民支援センター"),
    "KR-KOREAN-CLASS": (
        "社会融合项目（韩语教育）",
        "chương trình hội nhập xã hội (học tiếng Hàn)",
        "社会統合プログラム（韓国語教育）",
    ),
    "KR-NORTH-DEFECTOR": ("脱北居民支援", "hỗ trợ người rời bỏ Bắc Triều Tiên", "北朝鮮離脱住民の支援"),
    "KR-EMERGENCY-WELFARE": ("紧急福利支援", "hỗ trợ phúc lợi khẩn cấp", "緊急福祉支援"),
    "KR-LIVELIHOOD-BENEFIT": ("生计补助（最低生活保障）", "trợ cấp sinh hoạt cơ bản", "生計給付（基礎生活保障）"),
    "KR-HOUSING-BENEFIT": ("住房补助", "trợ cấp nhà ở", "住居給付"),
    "KR-MEDICAL-BENEFIT": ("医疗补助", "trợ cấp y tế", "医療給付"),
    "KR-EDUCATION-BENEFIT": ("教育补助", "trợ cấp giáo dục", "教育給付"),
    "KR-SELF-SUFFICIENCY": ("自立工作项目", "chương trình việc làm tự lập", "自活勤労"),
    "KR-PUBLIC-RENTAL": ("公共租赁住房", "nhà thuê công cộng", "公共賃貸住宅"),
    "KR-ENERGY-VOUCHER": ("能源券（取暖和电费）", "phiếu hỗ trợ năng lượng", "エネルギーバウチャー"),
    "KR-UTILITY-DISCOUNT": ("电费、燃气费、通信费减免", "giảm tiền điện, ga, điện thoại", "電気・ガス・通信料金の減免"),
    "KR-FOOD-BANK": ("食物银行", "ngân hàng thực phẩm", "フードバンク"),
    "KR-WELFARE-CALL-129": ("保健福祉咨询中心129", "tổng đài tư vấn y tế phúc lợi 129", "保健福祉相談センター129"),
    "KR-LEGAL-AID": ("免费法律咨询", "tư vấn pháp luật miễn phí", "無料法律相談"),
    "KR-MENTAL-HEALTH": ("心理健康福利中心", "trung tâm sức khỏe tâm thần", "精神健康福祉センター"),
    "KR-VETERANS": ("国家有功者支援", "hỗ trợ người có công", "国家有功者の支援"),
    "KR-HEALTH-CHECKUP": ("国家健康体检", "khám sức khỏe quốc gia", "国の健康診断"),
    "KR-CANCER-SCREENING": ("国家癌症筛查", "khám tầm soát ung thư quốc gia", "国のがん検診"),
    "KR-VACCINATION": ("国家预防接种", "tiêm chủng quốc gia", "国の予防接種"),
    "KR-HEALTH-CENTRE": ("保健所", "trạm y tế công cộng", "保健所"),
    "KR-LIFELONG-VOUCHER": ("终身教育券", "phiếu học tập suốt đời", "生涯教育バウチャー"),
    "KR-LIFELONG-LEARNING-CENTRE": ("终身学习馆（居民课程）", "trung tâm học tập suốt đời", "生涯学習館（住民講座）"),
    "KR-CULTURE-VOUCHER": ("文化卡（文化消费券）", "thẻ văn hóa", "文化ヌリカード（文化バウチャー）"),
    "KR-COMMUNITY-CENTRE": (
        "行政福利中心（居民中心）",
        "trung tâm hành chính phúc lợi phường",
        "行政福祉センター（住民センター）",
    ),
    "KR-PUBLIC-LIBRARY": ("区立图书馆", "thư viện quận", "区立図書館"),
    "KR-HEAT-COLD-SHELTER": ("避暑和避寒场所", "nơi tránh nóng và tránh rét", "暑さ・寒さ避難所"),
}
_INDEX = {"zh": 0, "vi": 1, "ja": 2}


def gloss(programme_id: str, language: str) -> str:
    """The gloss of a programme's name in ``language`` ("" when none is written)."""
    row = _GLOSSES.get(programme_id)
    if row is None or language not in _INDEX:
        return ""
    return row[_INDEX[language]]


def glossed_ids() -> frozenset[str]:
    return frozenset(_GLOSSES)


__all__ = ["gloss", "glossed_ids"]
