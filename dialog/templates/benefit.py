"""What a programme gives and how often, from the 복지로 fields 지원형태 and 지원주기."""

from __future__ import annotations

from collections.abc import Mapping

#: 지원형태 → what it is, per language (a noun phrase)
KIND: Mapping[str, Mapping[str, str]] = {
    "현금지급": {
        "ko": "현금 지원",
        "en": "a cash payment",
        "zh": "现金补助",
        "vi": "một khoản trợ cấp tiền mặt",
        "ja": "現金の給付",
    },
    "현물지급": {
        "ko": "물품 지원",
        "en": "support in kind",
        "zh": "实物支援",
        "vi": "một hình thức hỗ trợ bằng hiện vật",
        "ja": "物品の支援",
    },
    "전자바우처(바우처)": {
        "ko": "바우처",
        "en": "a voucher",
        "zh": "消费券（电子凭证）",
        "vi": "một phiếu hỗ trợ (voucher)",
        "ja": "バウチャー（利用券）",
    },
    "실물바우처": {
        "ko": "바우처",
        "en": "a voucher",
        "zh": "消费券",
        "vi": "một phiếu hỗ trợ (voucher)",
        "ja": "バウチャー（利用券）",
    },
    "현금대여(융자)": {"ko": "융자", "en": "a loan", "zh": "贷款", "vi": "một khoản vay", "ja": "貸付"},
    "감면": {
        "ko": "요금 감면",
        "en": "a discount or fee reduction",
        "zh": "费用减免",
        "vi": "một hình thức giảm phí",
        "ja": "料金の減免",
    },
    "시설입소": {
        "ko": "시설 입소",
        "en": "a place in a care facility",
        "zh": "入住福利设施",
        "vi": "chỗ ở trong cơ sở chăm sóc",
        "ja": "施設への入所",
    },
    "프로그램/서비스(서비스)": {
        "ko": "서비스",
        "en": "a service",
        "zh": "一项服务",
        "vi": "một dịch vụ",
        "ja": "サービス",
    },
    "자원봉사": {
        "ko": "자원봉사 도움",
        "en": "volunteer help",
        "zh": "志愿者帮助",
        "vi": "hỗ trợ của tình nguyện viên",
        "ja": "ボランティアの支援",
    },
    "현물대여": {
        "ko": "물품·주거 대여",
        "en": "something lent to you",
        "zh": "租借（物品或住房）",
        "vi": "cho thuê hoặc cho mượn",
        "ja": "貸与",
    },
    "지역화폐": {"ko": "지역화폐", "en": "local currency", "zh": "地区货币", "vi": "tiền địa phương", "ja": "地域通貨"},
}

#: 지원주기 → how often, per language ("" for 수시: whenever needed says nothing)
CYCLE: Mapping[str, Mapping[str, str]] = {
    "월": {"ko": "매달", "en": "every month", "zh": "每月", "vi": "hằng tháng", "ja": "毎月"},
    "년": {"ko": "해마다", "en": "every year", "zh": "每年", "vi": "hằng năm", "ja": "毎年"},
    "반기": {"ko": "반년마다", "en": "twice a year", "zh": "每半年", "vi": "mỗi nửa năm", "ja": "半年ごと"},
    "분기": {"ko": "석 달마다", "en": "every quarter", "zh": "每季度", "vi": "mỗi quý", "ja": "四半期ごと"},
    "주": {"ko": "매주", "en": "every week", "zh": "每周", "vi": "hằng tuần", "ja": "毎週"},
    "1회성": {"ko": "한 번", "en": "once", "zh": "一次性", "vi": "một lần", "ja": "一回"},
}


def kind(support_form: str, language: str) -> str:
    return KIND.get(support_form, {}).get(language, "")


def cycle(support_cycle: str, language: str) -> str:
    return CYCLE.get(support_cycle, {}).get(language, "")


__all__ = ["CYCLE", "KIND", "cycle", "kind"]
