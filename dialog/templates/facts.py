"""Who a programme is for, said from its structured eligibility (``catalogue.Eligibility``).

Each function returns a short phrase in the caller's language, or "" when the record does not
state that condition; ``who_for`` joins them into one sentence. Age ranges, household types, the
income band (a share of the 기준 중위소득, the standard median income), disability, pregnancy,
veterans and residency (registered foreign residents) are covered.
"""

from __future__ import annotations

from collections.abc import Mapping

from dialog.catalogue.programmes import Eligibility

_AGE = {
    # (min only, max only, range)
    "ko": ("만 {lo}세 이상", "만 {hi}세 이하", "만 {lo}세부터 {hi}세까지"),
    "en": ("aged {lo} or over", "aged {hi} or under", "aged {lo} to {hi}"),
    "zh": ("{lo}岁以上", "{hi}岁以下", "{lo}岁到{hi}岁"),
    "vi": ("từ {lo} tuổi trở lên", "từ {hi} tuổi trở xuống", "từ {lo} đến {hi} tuổi"),
    "ja": ("{lo}歳以上", "{hi}歳以下", "{lo}歳から{hi}歳まで"),
}
_CHILD = {
    "ko": "{age} 자녀를 키우는 가정",
    "en": "families with a child {age}",
    "zh": "有{age}孩子的家庭",
    "vi": "gia đình có con {age}",
    "ja": "{age}のお子さんがいる家庭",
}
_INFANT = {
    "ko": "아기가 태어난 가정",
    "en": "families with a newborn baby",
    "zh": "刚生孩子的家庭",
    "vi": "gia đình vừa sinh con",
    "ja": "赤ちゃんが生まれた家庭",
}
_HOUSEHOLD: Mapping[str, Mapping[str, str]] = {
    "한부모": {
        "ko": "한부모 가족",
        "en": "single-parent families",
        "zh": "单亲家庭",
        "vi": "gia đình đơn thân",
        "ja": "ひとり親家庭",
    },
    "조손": {
        "ko": "조손 가족",
        "en": "grandparents raising grandchildren",
        "zh": "祖孙家庭",
        "vi": "gia đình ông bà nuôi cháu",
        "ja": "祖父母と孫の世帯",
    },
    "다자녀": {
        "ko": "다자녀 가정",
        "en": "families with many children",
        "zh": "多子女家庭",
        "vi": "gia đình đông con",
        "ja": "子どもが多い世帯",
    },
    "1인가구": {
        "ko": "혼자 사는 분",
        "en": "people living alone",
        "zh": "独居的人",
        "vi": "người sống một mình",
        "ja": "一人暮らしの方",
    },
}
_INCOME = {
    "ko": "가구 소득이 기준 중위소득의 {pct}% 이하",
    "en": "household income at or below {pct}% of the standard median income",
    "zh": "家庭收入在基准中位收入的{pct}%以下",
    "vi": "thu nhập hộ gia đình không quá {pct}% mức thu nhập trung vị chuẩn",
    "ja": "世帯の所得が基準中位所得の{pct}%以下",
}
_FLAGS: Mapping[str, Mapping[str, str]] = {
    "disability": {
        "ko": "등록 장애인",
        "en": "registered disabled people",
        "zh": "已登记的残疾人",
        "vi": "người khuyết tật đã đăng ký",
        "ja": "障害者登録をしている方",
    },
    "pregnancy": {
        "ko": "임신한 분",
        "en": "pregnant women",
        "zh": "孕妇",
        "vi": "phụ nữ mang thai",
        "ja": "妊娠中の方",
    },
    "veteran": {
        "ko": "국가유공자",
        "en": "national veterans",
        "zh": "国家有功者（退伍军人等）",
        "vi": "người có công với đất nước",
        "ja": "国家有功者",
    },
    "job_seeker": {
        "ko": "일자리를 찾는 분",
        "en": "job seekers",
        "zh": "求职者",
        "vi": "người đang tìm việc",
        "ja": "仕事を探している方",
    },
}
_RESIDENCY = {
    True: {
        "ko": "등록 외국인도 신청할 수 있어요.",
        "en": "Registered foreign residents can apply too.",
        "zh": "已登记的外国居民也可以申请。",
        "vi": "Người nước ngoài đã đăng ký cư trú cũng có thể đăng ký.",
        "ja": "登録している外国人住民も申請できます。",
    },
    False: {
        "ko": "대한민국 국적이 있어야 해요.",
        "en": "It is for Korean nationals only.",
        "zh": "只限韩国国籍的人。",
        "vi": "Chỉ dành cho người có quốc tịch Hàn Quốc.",
        "ja": "韓国籍の方のみが対象です。",
    },
}
_WHO = {
    "ko": "대상: {parts}.",
    "en": "Who it is for: {parts}.",
    "zh": "对象：{parts}。",
    "vi": "Đối tượng: {parts}.",
    "ja": "対象：{parts}。",
}
_OR = {"ko": " 또는 ", "en": " or ", "zh": "或", "vi": " hoặc ", "ja": "または"}
_JOIN = {"ko": ", ", "en": "; ", "zh": "，", "vi": "; ", "ja": "、"}


def age(e: Eligibility, language: str) -> str:
    lo, hi = e.min_age, e.max_age
    only_lo, only_hi, both = _AGE[language]
    if e.age_of == "child":
        if hi == 0 and lo is None:
            return _INFANT[language]
        span = (
            only_hi.format(hi=hi)
            if lo is None and hi is not None
            else only_lo.format(lo=lo)
            if hi is None and lo is not None
            else both.format(lo=lo, hi=hi)
            if lo is not None
            else ""
        )
        return _CHILD[language].format(age=span) if span else ""
    if lo is not None and hi is not None:
        return both.format(lo=lo, hi=hi)
    if lo is not None:
        return only_lo.format(lo=lo)
    if hi is not None:
        return only_hi.format(hi=hi)
    return ""


def parts(e: Eligibility, language: str) -> list[str]:
    """The conditions the record states, each a phrase in ``language``."""
    out = [age(e, language)]
    households = [_HOUSEHOLD[h][language] for h in e.household_types if h in _HOUSEHOLD]
    if households:  # alternatives: a single-parent *or* a grandparent-headed family
        out.append(_OR[language].join(households))
    if e.income_max_pct_median is not None:
        out.append(_INCOME[language].format(pct=e.income_max_pct_median))
    flags = (
        ("disability", e.requires_disability),
        ("pregnancy", e.requires_pregnancy),
        ("veteran", e.requires_veteran),
        ("job_seeker", e.requires_job_seeker),
    )
    out += [_FLAGS[name][language] for name, on in flags if on]
    return [p for p in out if p]


def who_for(e: Eligibility, language: str) -> str:
    """ "对象：65岁以上。已登记的外国居民也可以申请。" — or "" when the record states nothing."""
    listed = parts(e, language)
    sentence = _WHO[language].format(parts=_JOIN[language].join(listed)) if listed else ""
    if e.foreign_resident_ok is not None:
        sentence = f"{sentence} {_RESIDENCY[e.foreign_resident_ok][language]}".strip()
    return sentence


__all__ = ["age", "parts", "who_for"]
