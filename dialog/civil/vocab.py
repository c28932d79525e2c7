"""The words civil-service answers are composed from, in every language the project speaks.

Entries carry facts as codes (``where=("online", "kiosk")``, ``bring=("id_card",)``); each code
has one short phrase per language here, so an answer is the same facts in ko, en, zh, vi and ja.
"""

from __future__ import annotations

LANGUAGES = ("ko", "en", "zh", "vi", "ja")

Phrases = dict[str, str]

#: where a service is done
WHERE: dict[str, Phrases] = {
    "online": {"ko": "온라인", "en": "online", "zh": "网上", "vi": "trực tuyến", "ja": "オンライン"},
    "kiosk": {
        "ko": "무인민원발급기",
        "en": "a self-service kiosk (무인민원발급기)",
        "zh": "自助发证机",
        "vi": "máy cấp giấy tờ tự động",
        "ja": "無人証明書発行機",
    },
    "community_centre": {
        "ko": "동 주민센터",
        "en": "your community centre (주민센터)",
        "zh": "居民中心（洞事务所）",
        "vi": "trung tâm hành chính phường (주민센터)",
        "ja": "住民センター",
    },
    "district_office": {
        "ko": "구청",
        "en": "the district office (구청)",
        "zh": "区厅",
        "vi": "văn phòng quận (구청)",
        "ja": "区役所",
    },
    "police": {
        "ko": "가까운 경찰서나 지구대",
        "en": "a police station or police box",
        "zh": "附近的警察局或派出所",
        "vi": "đồn cảnh sát gần nhất",
        "ja": "近くの警察署や交番",
    },
    "phone": {"ko": "전화", "en": "by phone", "zh": "电话", "vi": "qua điện thoại", "ja": "電話"},
    "bank": {"ko": "은행", "en": "a bank", "zh": "银行", "vi": "ngân hàng", "ja": "銀行"},
    "immigration": {
        "ko": "출입국·외국인사무소",
        "en": "the immigration office",
        "zh": "出入境·外国人办事处",
        "vi": "văn phòng xuất nhập cảnh",
        "ja": "出入国・外国人事務所",
    },
}

#: what to bring
BRING: dict[str, Phrases] = {
    "id_card": {"ko": "신분증", "en": "an ID card", "zh": "身份证件", "vi": "giấy tờ tùy thân", "ja": "身分証"},
    "photo": {
        "ko": "최근 6개월 안에 찍은 사진 1장",
        "en": "one photo taken in the last six months",
        "zh": "6个月内照片1张",
        "vi": "1 ảnh chụp trong 6 tháng gần đây",
        "ja": "6か月以内の写真1枚",
    },
    "old_passport": {
        "ko": "예전 여권",
        "en": "your old passport",
        "zh": "旧护照",
        "vi": "hộ chiếu cũ",
        "ja": "以前のパスポート",
    },
    "proxy_letter": {
        "ko": "대리인이 오면 위임장과 대리인 신분증",
        "en": "for a proxy: a letter of authority and their ID",
        "zh": "代理人需带委托书和代理人身份证",
        "vi": "người đại diện: giấy ủy quyền và giấy tờ của họ",
        "ja": "代理人の場合は委任状と代理人の身分証",
    },
    "notice": {
        "ko": "받은 고지서나 통지서",
        "en": "the notice you received",
        "zh": "收到的通知书",
        "vi": "giấy thông báo đã nhận",
        "ja": "届いた通知書",
    },
    "evidence": {
        "ko": "사진 같은 증빙 자료",
        "en": "evidence such as photos",
        "zh": "照片等证明材料",
        "vi": "bằng chứng như ảnh chụp",
        "ja": "写真などの証拠",
    },
    "lease": {
        "ko": "임대차계약서(확정일자를 받을 때)",
        "en": "your lease (for a fixed date stamp)",
        "zh": "租赁合同（办理确定日期时）",
        "vi": "hợp đồng thuê nhà (khi đóng dấu ngày xác định)",
        "ja": "賃貸借契約書（確定日付を受けるとき）",
    },
    "alien_card": {
        "ko": "여권과 사진 1장",
        "en": "your passport and one photo",
        "zh": "护照和照片1张",
        "vi": "hộ chiếu và 1 ảnh",
        "ja": "パスポートと写真1枚",
    },
    "nothing": {
        "ko": "따로 준비할 것은 없어요",
        "en": "nothing in particular",
        "zh": "不需要特别准备",
        "vi": "không cần chuẩn bị gì",
        "ja": "特に準備はいりません",
    },
}

#: what a fee is for
FEE_FOR: dict[str, Phrases] = {
    "online": {"ko": "온라인", "en": "online", "zh": "网上", "vi": "trực tuyến", "ja": "オンライン"},
    "kiosk": {"ko": "발급기", "en": "at a kiosk", "zh": "自助机", "vi": "tại máy tự động", "ja": "発行機"},
    "visit": {"ko": "창구 방문", "en": "at the counter", "zh": "窗口办理", "vi": "tại quầy", "ja": "窓口"},
    "item": {
        "ko": "품목에 따라",
        "en": "depending on the item",
        "zh": "按物品",
        "vi": "tùy loại đồ",
        "ja": "品目によって",
    },
    "ten_year": {
        "ko": "10년짜리 복수여권",
        "en": "for a 10-year passport",
        "zh": "10年多次护照",
        "vi": "cho hộ chiếu 10 năm",
        "ja": "10年パスポート",
    },
    "class": {
        "ko": "강좌마다 달라서 한 달에",
        "en": "a month, depending on the class",
        "zh": "各课程不同，每月",
        "vi": "mỗi tháng, tùy lớp",
        "ja": "講座によって異なり、月に",
    },
    "any": {"ko": "", "en": "", "zh": "", "vi": "", "ja": ""},
}

#: named online services
ONLINE: dict[str, Phrases] = {
    "gov24": {
        "ko": "정부24",
        "en": "Government24 (gov.kr)",
        "zh": "政府24（gov.kr）",
        "vi": "Government24 (gov.kr)",
        "ja": "政府24（gov.kr）",
    },
    "efamily": {
        "ko": "대법원 전자가족관계등록시스템",
        "en": "the court's family-registration site (efamily.scourt.go.kr)",
        "zh": "大法院电子家庭关系登记系统",
        "vi": "trang đăng ký quan hệ gia đình của tòa án",
        "ja": "大法院の電子家族関係登録システム",
    },
    "wetax": {
        "ko": "위택스나 서울시 이택스",
        "en": "WeTax (wetax.go.kr) or Seoul ETAX",
        "zh": "WeTax或首尔ETAX",
        "vi": "WeTax hoặc ETAX Seoul",
        "ja": "WeTaxかソウル市ETAX",
    },
    "efine": {
        "ko": "이파인이나 위택스",
        "en": "eFine (efine.go.kr) or WeTax",
        "zh": "eFine或WeTax",
        "vi": "eFine hoặc WeTax",
        "ja": "eFineかWeTax",
    },
    "district_site": {
        "ko": "구청 홈페이지",
        "en": "the district office website",
        "zh": "区厅网站",
        "vi": "trang web của quận",
        "ja": "区役所のホームページ",
    },
    "yeyak": {
        "ko": "서울시 공공서비스예약",
        "en": "Seoul Public Service Reservation (yeyak.seoul.go.kr)",
        "zh": "首尔市公共服务预约网",
        "vi": "trang đặt chỗ dịch vụ công Seoul",
        "ja": "ソウル市公共サービス予約",
    },
    "lost112": {
        "ko": "경찰청 유실물 통합포털 로스트112",
        "en": "LOST112 (lost112.go.kr)",
        "zh": "警察厅失物招领网LOST112",
        "vi": "LOST112 (lost112.go.kr)",
        "ja": "警察庁の遺失物ポータルLOST112",
    },
    "noise": {
        "ko": "층간소음 이웃사이센터",
        "en": "the Neighbour Noise Centre (noiseinfo.or.kr)",
        "zh": "层间噪音邻里中心",
        "vi": "Trung tâm tiếng ồn giữa các tầng",
        "ja": "階間騒音隣人間センター",
    },
    "epeople": {
        "ko": "국민신문고",
        "en": "e-People (epeople.go.kr)",
        "zh": "国民申闻鼓（epeople.go.kr）",
        "vi": "e-People (epeople.go.kr)",
        "ja": "国民申聞鼓（epeople.go.kr）",
    },
    "passport": {
        "ko": "정부24 여권 재발급",
        "en": "Government24 passport reissue",
        "zh": "政府24护照补发",
        "vi": "cấp lại hộ chiếu trên Government24",
        "ja": "政府24のパスポート再発給",
    },
    "hikorea": {
        "ko": "하이코리아",
        "en": "HiKorea (hikorea.go.kr)",
        "zh": "HiKorea（hikorea.go.kr）",
        "vi": "HiKorea (hikorea.go.kr)",
        "ja": "HiKorea（hikorea.go.kr）",
    },
    "": {"ko": "", "en": "", "zh": "", "vi": "", "ja": ""},
}


def phrase(table: dict[str, Phrases], code: str, language: str) -> str:
    """The phrase for ``code`` in ``language`` (English, then Korean, when a language lacks it)."""
    entry = table.get(code)
    if entry is None:
        return code
    return entry.get(language) or entry.get("en") or entry.get("ko", code)


__all__ = ["BRING", "FEE_FOR", "LANGUAGES", "ONLINE", "WHERE", "Phrases", "phrase"]
