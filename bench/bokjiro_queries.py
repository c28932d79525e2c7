"""Labelled queries for the 복지로 central-government service list (../shared/data/kr_bokjiro_central).

The queries below are written by the project (spoken-style Korean and plain English), each
labelled with the ``servId`` values that answer it. ``EASYLAW_LABELS`` labels questions of
../shared/data/kr_queries_easylaw_elderly/QA.csv by row (0-based data row, after the header);
the questions themselves stay in shared data and are read at run time. Labels are the project's
own judgement; a question is labelled only where one or a few listed services clearly answer it.
"""

from __future__ import annotations

import csv
from pathlib import Path

from dialog.retrieval.evaluation import LabelledQuery

BASIC_PENSION = "WLF00001164"
SENIOR_JOBS = "WLF00001155"
SENIOR_CARE = "WLF00003191"
DEMENTIA_TEST = "WLF00005004"
FIRST_MEETING = "WLF00004656"
PARENT_ALLOWANCE = "WLF00004657"
CHILD_ALLOWANCE = "WLF00001171"
DAYCARE = ("WLF00003250", "WLF00006335")
HOME_CHILDCARE = "WLF00003253"
CHILDMINDER = "WLF00000024"
SINGLE_PARENT = "WLF00001068"
YOUTH_RENT = ("WLF00004661", "WLF00001063")
LIVELIHOOD = ("WLF00001132", "WLF00003180")
HOUSING = "WLF00003201"
MEDICAL_AID = "WLF00000102"
EDUCATION = "WLF00001089"
ENERGY = "WLF00000072"
DISABILITY_PENSION = "WLF00003249"
DISABILITY_ACTIVITY = "WLF00003260"
INTERPRETATION = "WLF00003175"
MULTICULTURAL_VISITS = "WLF00003192"
FLU = ("WLF00003213", "WLF00003242")
CANCER = "WLF00001176"
JOB_SEEKER = "WLF00003245"
PREGNANCY_CARD = ("WLF00006313", "WLF00000061")
POSTNATAL = "WLF00001188"
EMERGENCY = ("WLF00003180", "WLF00003179")
DENTURES = "WLF00001169"
ELECTRICITY = "WLF00004639"
HOME_CARE = "WLF00003248"
FACILITY_CARE = "WLF00003194"
FAMILY_CARE_CASH = "WLF00001086"
CARE_COPAY = "WLF00001177"
CARE_EQUIPMENT = "WLF00000103"
ELDER_PROTECTION = "WLF00003252"


def _q(text: str, *expected: str | tuple[str, ...], group: str) -> LabelledQuery:
    ids: set[str] = set()
    for e in expected:
        ids.update((e,) if isinstance(e, str) else e)
    return LabelledQuery(text, frozenset(ids), group)


KOREAN = [
    _q("65세 넘은 어르신이 매달 받는 연금", BASIC_PENSION, group="ko"),
    _q("어르신 일자리 구하고 싶어요", SENIOR_JOBS, group="ko"),
    _q("혼자 사시는 어머니를 돌봐 주는 서비스 있나요", SENIOR_CARE, group="ko"),
    _q("치매 검사 비용 지원", DEMENTIA_TEST, group="ko"),
    _q("아기가 태어나면 주는 바우처", FIRST_MEETING, group="ko"),
    _q("두 살 안 된 아기 키우는 집에 주는 돈", PARENT_ALLOWANCE, group="ko"),
    _q("어린 아이 있으면 매달 나오는 아동수당", CHILD_ALLOWANCE, group="ko"),
    _q("어린이집 보육료", DAYCARE, group="ko"),
    _q("집에서 아이 키우면 주는 수당", HOME_CHILDCARE, group="ko"),
    _q("맞벌이라서 아이 봐 줄 사람이 필요해요", CHILDMINDER, group="ko"),
    _q("한부모 가정 아이 양육비", SINGLE_PARENT, group="ko"),
    _q("청년 월세 지원", YOUTH_RENT, group="ko"),
    _q("생활이 어려워서 생계비가 필요해요", LIVELIHOOD, group="ko"),
    _q("월세 내기 힘든 저소득층 주거급여", HOUSING, group="ko"),
    _q("병원비를 나라에서 내주는 의료급여", MEDICAL_AID, group="ko"),
    _q("형편이 어려운 학생 교육비 지원", EDUCATION, group="ko"),
    _q("겨울 난방비 바우처", ENERGY, group="ko"),
    _q("장애인이 매달 받는 연금", DISABILITY_PENSION, group="ko"),
    _q("장애인 활동을 도와주는 사람", DISABILITY_ACTIVITY, group="ko"),
    _q("결혼이민자 통역 번역 서비스", INTERPRETATION, group="ko"),
    _q("다문화 가족 집으로 오는 한국어 교육", MULTICULTURAL_VISITS, group="ko"),
    _q("독감 주사 무료로 맞는 곳", FLU, group="ko"),
    _q("암 검진 받고 싶어요", CANCER, group="ko"),
    _q("일자리 찾는 동안 수당 주는 제도", JOB_SEEKER, group="ko"),
    _q("임신 출산 진료비 카드", PREGNANCY_CARD, group="ko"),
    _q("출산하고 나서 산후 도우미", POSTNATAL, group="ko"),
    _q("가장이 갑자기 아파서 생계가 막막해요", EMERGENCY, group="ko"),
    _q("어르신틀니지원", DENTURES, group="ko"),
    _q("전기요금할인받을수있나요", ELECTRICITY, group="ko"),
]

ENGLISH = [
    _q("monthly pension for people over 65", BASIC_PENSION, group="en"),
    _q("jobs for senior citizens", SENIOR_JOBS, group="en"),
    _q("someone to check on my elderly father who lives alone", SENIOR_CARE, group="en"),
    _q("help paying for a dementia test", DEMENTIA_TEST, group="en"),
    _q("voucher when a baby is born", FIRST_MEETING, group="en"),
    _q("cash for parents of babies under two", PARENT_ALLOWANCE, group="en"),
    _q("child allowance", CHILD_ALLOWANCE, group="en"),
    _q("daycare fee support", DAYCARE, group="en"),
    _q("allowance for raising a child at home", HOME_CHILDCARE, group="en"),
    _q("babysitter service for working parents", CHILDMINDER, group="en"),
    _q("single parent child support payment", SINGLE_PARENT, group="en"),
    _q("rent support for young people", YOUTH_RENT, group="en"),
    _q("I have no money for living costs", LIVELIHOOD, group="en"),
    _q("housing benefit for low income households", HOUSING, group="en"),
    _q("medical aid for low-income families", MEDICAL_AID, group="en"),
    _q("education costs for poor students", EDUCATION, group="en"),
    _q("heating bill voucher", ENERGY, group="en"),
    _q("disability pension", DISABILITY_PENSION, group="en"),
    _q("personal assistant for a disabled person", DISABILITY_ACTIVITY, group="en"),
    _q("interpretation and translation for marriage migrants", INTERPRETATION, group="en"),
    _q("Korean lessons at home for multicultural families", MULTICULTURAL_VISITS, group="en"),
    _q("free flu vaccine", FLU, group="en"),
    _q("cancer screening", CANCER, group="en"),
    _q("job seeker allowance", JOB_SEEKER, group="en"),
    _q("pregnancy medical expenses card", PREGNANCY_CARD, group="en"),
    _q("postnatal care helper after giving birth", POSTNATAL, group="en"),
    _q("emergency living support when the breadwinner is sick", EMERGENCY, group="en"),
    _q("dentures for older people", DENTURES, group="en"),
    _q("electricity bill discount", ELECTRICITY, group="en"),
]

# Held-out sets: written after the glossary (dialog/retrieval/glossary.py) was last changed, and not used to
# change it; the ko/en sets above were used while extending the glossary, so their figures are
# optimistic, these are not.
KOREAN_HELDOUT = [
    _q("눈 수술비가 부담되는 어르신", "WLF00001115", group="ko-heldout"),
    _q("무릎 관절 수술 비용 도와주는 곳", "WLF00001179", group="ko-heldout"),
    _q("혼자 사는 노인 집에 응급 호출기 설치", "WLF00001093", group="ko-heldout"),
    _q("가스비 깎아 주는 제도", "WLF00004638", group="ko-heldout"),
    _q("수도세 감면", "WLF00006224", group="ko-heldout"),
    _q("TV 수신료 안 내도 되나요", "WLF00004637", group="ko-heldout"),
    _q("장애 아동 어린이집 비용", "WLF00001067", group="ko-heldout"),
    _q("다문화 가정 아이가 말이 늦어요", "WLF00003282", group="ko-heldout"),
    _q("보육원 나와서 자립하는 청년 지원금", ("WLF00005445", "WLF00001175"), group="ko-heldout"),
    _q("집을 담보로 매달 연금 받기", "WLF00001108", group="ko-heldout"),
    _q("장례 치를 돈이 없어요", "WLF00000892", group="ko-heldout"),
    _q("가정폭력 당했을 때 도움 받을 곳", ("WLF00001084", "WLF00001072"), group="ko-heldout"),
    _q("외국인 노동자 병원 진료 지원", "WLF00003256", group="ko-heldout"),
    _q("청소년인데 아기를 낳았어요 병원비", "WLF00003246", group="ko-heldout"),
    _q("소변이 새는 병 치료 도움 어르신", "WLF00006291", group="ko-heldout"),
]

ENGLISH_HELDOUT = [
    _q("cataract surgery for elderly people", "WLF00001115", group="en-heldout"),
    _q("knee replacement operation support for seniors", "WLF00001179", group="en-heldout"),
    _q("emergency alarm for old people living alone", "WLF00001093", group="en-heldout"),
    _q("gas bill discount", "WLF00004638", group="en-heldout"),
    _q("water bill reduction for poor families", "WLF00006224", group="en-heldout"),
    _q("exemption from the TV licence fee", "WLF00004637", group="en-heldout"),
    _q("daycare costs for a disabled child", "WLF00001067", group="en-heldout"),
    _q("speech development help for children of multicultural families", "WLF00003282", group="en-heldout"),
    _q("money for young adults leaving foster care", ("WLF00005445", "WLF00001175"), group="en-heldout"),
    _q("reverse mortgage pension using my house", "WLF00001108", group="en-heldout"),
    _q("help with funeral costs", "WLF00000892", group="en-heldout"),
    _q("hotline for women suffering domestic violence", ("WLF00001084", "WLF00001072"), group="en-heldout"),
    _q("medical support for foreign workers", "WLF00003256", group="en-heldout"),
    _q("hospital costs for teenage mothers", "WLF00003246", group="en-heldout"),
    _q("treatment for urinary incontinence", "WLF00006291", group="en-heldout"),
]

#: QA.csv data row → (its 2차 category, for checking the row, and the services that answer it)
EASYLAW_LABELS: dict[int, tuple[str, tuple[str, ...]]] = {
    6: ("재가노인복지시설", (CARE_EQUIPMENT,)),
    8: ("노인맞춤돌봄서비스,정의,대상자", (SENIOR_CARE,)),
    9: ("노인맞춤돌봄서비스,종류", (SENIOR_CARE,)),
    10: ("노인맞춤돌봄서비스,절차", (SENIOR_CARE,)),
    11: ("노인맞춤돌봄서비스,종결", (SENIOR_CARE,)),
    16: ("기초연금,대상자", (BASIC_PENSION,)),
    17: ("기초연금,신청", (BASIC_PENSION,)),
    18: ("기초연금,변동사항", (BASIC_PENSION,)),
    19: ("기초연금액", (BASIC_PENSION,)),
    20: ("기초연금,감액", (BASIC_PENSION,)),
    21: ("기초연금,미지급", (BASIC_PENSION,)),
    22: ("기초연금,이의신청", (BASIC_PENSION,)),
    23: ("기초연금,반환", (BASIC_PENSION,)),
    24: ("기초연금,정지", (BASIC_PENSION,)),
    26: ("장기요양급여,종류", (HOME_CARE, FACILITY_CARE, FAMILY_CARE_CASH)),
    28: ("장기요양급여,본인부담금", (CARE_COPAY,)),
    33: ("장기요양급여,수급,한도액", (HOME_CARE,)),
    35: ("생활비,기초생활보장제도,개념", (LIVELIHOOD[0],)),
    36: ("생활비,기초생활보장제도,신청", (LIVELIHOOD[0],)),
    38: ("노인학대,종류", (ELDER_PROTECTION,)),
    39: ("노인학대,신고", (ELDER_PROTECTION,)),
    41: ("노인학대,기관", (ELDER_PROTECTION,)),
    44: ("지원,정부,단체", (SENIOR_JOBS,)),
    45: ("노인일자리사업,유형", (SENIOR_JOBS,)),
    46: ("노인일자리사업,유형", (SENIOR_JOBS,)),
    47: ("노인일자리사업,참여", (SENIOR_JOBS,)),
    48: ("전담,기관,정보", (SENIOR_JOBS,)),
    56: ("치매검진사업", (DEMENTIA_TEST,)),
    57: ("치매검진사업", (DEMENTIA_TEST,)),
    58: ("치매검진,비용", (DEMENTIA_TEST,)),
    59: ("국민건강보험공단", (DEMENTIA_TEST,)),
    64: ("시설,입소비용", (FACILITY_CARE,)),
    66: ("가족요양비", (FAMILY_CARE_CASH,)),
}


def easylaw_queries(shared_data: Path) -> list[LabelledQuery]:
    """The labelled easylaw questions, read from shared data (raises if a row no longer matches)."""
    path = shared_data / "kr_queries_easylaw_elderly" / "QA.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))[1:]
    out = []
    for index, (category, expected) in sorted(EASYLAW_LABELS.items()):
        row = rows[index]
        if row[1] != category:
            raise ValueError(f"QA.csv row {index} is {row[1]!r}, labelled as {category!r}")
        out.append(LabelledQuery(row[2], frozenset(expected), "easylaw"))
    return out


__all__ = ["EASYLAW_LABELS", "ENGLISH", "ENGLISH_HELDOUT", "KOREAN", "KOREAN_HELDOUT", "easylaw_queries"]
