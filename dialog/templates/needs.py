"""The need a 지원 분야 (theme) stands for, as a clarifying question names it, per language."""

from __future__ import annotations

from collections.abc import Mapping

NEEDS: Mapping[str, Mapping[str, str]] = {
    "생활지원": {
        "ko": "생활비나 연금",
        "en": "money for living costs or a pension",
        "zh": "生活费或养老金",
        "vi": "tiền sinh hoạt hoặc lương hưu",
        "ja": "生活費や年金",
    },
    "보호·돌봄": {
        "ko": "돌봄 서비스",
        "en": "care services",
        "zh": "照护服务",
        "vi": "dịch vụ chăm sóc",
        "ja": "介護・見守りのサービス",
    },
    "신체건강": {
        "ko": "건강이나 병원비 지원",
        "en": "health or medical costs",
        "zh": "健康或医疗费支援",
        "vi": "sức khỏe hoặc chi phí khám chữa bệnh",
        "ja": "健康や医療費の支援",
    },
    "일자리": {"ko": "일자리", "en": "work", "zh": "工作", "vi": "việc làm", "ja": "仕事"},
    "주거": {"ko": "집 문제 지원", "en": "housing", "zh": "住房", "vi": "nhà ở", "ja": "住まい"},
    "교육": {"ko": "교육 지원", "en": "education", "zh": "教育支援", "vi": "hỗ trợ học tập", "ja": "教育の支援"},
    "보육": {
        "ko": "아이 돌봄과 보육",
        "en": "childcare",
        "zh": "育儿和托儿",
        "vi": "chăm sóc và nuôi dạy trẻ",
        "ja": "子育てと保育",
    },
    "안전·위기": {
        "ko": "위기 상황 지원",
        "en": "help in a crisis",
        "zh": "紧急情况支援",
        "vi": "hỗ trợ khi gặp khó khăn khẩn cấp",
        "ja": "緊急時の支援",
    },
    "임신·출산": {
        "ko": "임신·출산 지원",
        "en": "pregnancy and birth support",
        "zh": "怀孕和生育支援",
        "vi": "hỗ trợ mang thai và sinh con",
        "ja": "妊娠・出産の支援",
    },
    "법률": {"ko": "법률 상담", "en": "legal advice", "zh": "法律咨询", "vi": "tư vấn pháp luật", "ja": "法律相談"},
    "정신건강": {
        "ko": "마음 상담",
        "en": "mental health support",
        "zh": "心理咨询",
        "vi": "tư vấn sức khỏe tâm thần",
        "ja": "心の相談",
    },
    "문화·여가": {
        "ko": "문화·여가 활동",
        "en": "culture and leisure",
        "zh": "文化休闲活动",
        "vi": "hoạt động văn hóa, giải trí",
        "ja": "文化・余暇の活動",
    },
    "에너지": {
        "ko": "에너지 요금 지원",
        "en": "energy bills",
        "zh": "能源费用支援",
        "vi": "hỗ trợ tiền điện, sưởi",
        "ja": "光熱費の支援",
    },
    "서민금융": {
        "ko": "금융 지원",
        "en": "loans and finance",
        "zh": "金融支援",
        "vi": "hỗ trợ tài chính",
        "ja": "金融の支援",
    },
}


def need(themes: tuple[str, ...] | list[str], language: str) -> str:
    """The first theme's need in ``language`` ("" when none is written)."""
    for theme in themes:
        if theme in NEEDS and language in NEEDS[theme]:
            return NEEDS[theme][language]
    return ""


__all__ = ["NEEDS", "need"]
