"""A small bilingual glossary written by the project.

``TAG_EN`` gives English words for the national data's tags (life stage, target group, theme,
form of support), so that passages of Korean-only imported programmes carry a few English
words. ``EN_KO`` maps English query words (after :func:`dialog.retrieval.tokenize.stem_english`) to Korean
terms, used to expand English queries for BM25 (dictionary-based query translation).
"""

from __future__ import annotations

from collections.abc import Iterable

from dialog.retrieval.tokenize import stem_english

TAG_EN: dict[str, str] = {
    # life stage (생애주기)
    "영유아": "infant baby toddler",
    "아동": "child children",
    "청소년": "teenager youth",
    "청년": "young adult youth",
    "중장년": "middle-aged adult",
    "노년": "senior elderly older people",
    "임신·출산": "pregnancy childbirth",
    # target groups (가구·대상)
    "저소득": "low income",
    "장애인": "disabled disability",
    "한부모·조손": "single parent grandparent family",
    "다문화·탈북민": "multicultural family migrant North Korean defector",
    "다자녀": "large family many children",
    "보훈대상자": "veteran",
    "외국인": "foreigner foreign resident",
    # themes (관심주제)
    "생활지원": "living support",
    "신체건강": "health medical",
    "정신건강": "mental health counselling",
    "서민금융": "finance loan savings",
    "교육": "education learning",
    "일자리": "job employment work",
    "보호·돌봄": "care",
    "안전·위기": "safety crisis emergency",
    "주거": "housing rent",
    "보육": "childcare daycare",
    "법률": "legal",
    "문화·여가": "culture leisure",
    "입양·위탁": "adoption foster",
    "에너지": "energy heating electricity",
    # form of support (제공유형)
    "현금지급": "cash payment",
    "현물지급": "in-kind goods",
    "전자바우처(바우처)": "voucher",
    "실물바우처": "voucher",
    "현금대여(융자)": "loan",
    "감면": "discount reduction",
    "시설입소": "residential facility",
    "프로그램/서비스(서비스)": "service programme",
}

#: English word → Korean terms for BM25 query expansion (keyed by stem in ``EN_KO_STEMS``)
EN_KO: dict[str, str] = {
    "pension": "연금",
    "senior": "노인 어르신",
    "elderly": "노인 어르신",
    "old": "노인 어르신",
    "older": "노인 어르신",
    "aged": "노인",
    "grandparent": "조손 노인",
    "retire": "노후 노인",
    "job": "일자리 취업",
    "work": "일자리 근로",
    "employment": "고용 취업",
    "unemployed": "실직 구직",
    "care": "돌봄",
    "caregiver": "돌봄 요양",
    "nursing": "요양 간호",
    "dementia": "치매",
    "alzheimer": "치매",
    "disability": "장애인 장애",
    "disabled": "장애인 장애",
    "wheelchair": "장애인 휠체어",
    "blind": "시각장애",
    "deaf": "청각장애",
    "baby": "영아 아기 출산",
    "newborn": "신생아 출생",
    "birth": "출생 출산",
    "pregnant": "임신 임신부",
    "pregnancy": "임신",
    "infertility": "난임",
    "child": "아동 자녀",
    "children": "아동 자녀",
    "kid": "아동 자녀",
    "daycare": "보육 어린이집",
    "childcare": "보육 돌봄",
    "kindergarten": "유치원 보육",
    "parent": "부모",
    "single": "한부모",
    "youth": "청년",
    "young": "청년",
    "student": "학생",
    "school": "학교 학생",
    "rent": "월세 임대",
    "housing": "주거 주택",
    "house": "주택 주거",
    "home": "주택 가정",
    "saving": "저축 자산",
    "loan": "대출 융자",
    "debt": "채무 대출",
    "income": "소득",
    "poor": "저소득 생계",
    "low": "저소득",
    "living": "생계 생활",
    "livelihood": "생계",
    "emergency": "긴급 위기",
    "crisis": "위기 긴급",
    "medical": "의료",
    "hospital": "의료 병원",
    "health": "건강",
    "checkup": "검진",
    "screening": "검진",
    "cancer": "암",
    "vaccine": "예방접종",
    "vaccination": "예방접종",
    "flu": "인플루엔자 예방접종",
    "dental": "치과 틀니",
    "denture": "틀니",
    "mental": "정신건강",
    "depression": "우울 정신건강",
    "suicide": "자살",
    "foreigner": "외국인",
    "foreign": "외국인",
    "immigrant": "이민자 외국인",
    "migrant": "이주 이민자",
    "multicultural": "다문화",
    "korean": "한국어",
    "language": "언어 한국어",
    "interpretation": "통역",
    "interpreter": "통역",
    "translation": "번역 통역",
    "class": "교육 강좌",
    "education": "교육",
    "learning": "학습 평생교육",
    "culture": "문화",
    "library": "도서관",
    "energy": "에너지",
    "heating": "난방",
    "electricity": "전기",
    "gas": "가스",
    "bill": "요금",
    "discount": "감면 할인",
    "food": "식품 급식",
    "meal": "급식 식사",
    "transport": "교통",
    "subway": "지하철 교통",
    "bus": "버스 교통",
    "taxi": "택시 교통",
    "veteran": "국가유공자 보훈",
    "legal": "법률",
    "lawyer": "법률",
    "abuse": "학대",
    "violence": "폭력",
    "shelter": "쉼터",
    "heat": "무더위 폭염",
    "cold": "한파",
    "voucher": "바우처 이용권",
    "allowance": "수당",
    "benefit": "급여 지원",
    "support": "지원",
    "defector": "북한이탈주민",
    "babysitter": "아이돌봄 육아 도우미",
    "babysitting": "아이돌봄 육아 돌봄",
    "nanny": "아이돌봄 육아 도우미",
    "childminder": "아이돌봄 육아 도우미",
    "dual": "맞벌이",
    "postnatal": "산모 산후 신생아",
    "postpartum": "산모 산후 신생아",
    "maternity": "출산 산모",
    "mother": "어머니 모",
    "father": "아버지 부",
    "helper": "도우미 지원",
    "assistant": "활동지원 도우미",
    "assistance": "지원 활동지원",
    "visit": "방문",
    "alone": "독거 홀로",
    "lonely": "독거 고독",
    "isolated": "고립 은둔",
    "seeker": "구직 취업",
    "unemployment": "실업 구직",
    "training": "훈련 직업훈련",
    "scholarship": "장학금",
    "tuition": "등록금 교육비",
    "textbook": "교과서 교육",
    "university": "대학생",
    "college": "대학생",
    "teen": "청소년",
    "teenager": "청소년",
    "aid": "급여 지원",
    "public": "공공",
    "deposit": "보증금 전세",
    "mortgage": "주택담보 대출",
    "funeral": "장제 장례",
    "hearing": "청각 보청기",
    "vision": "시각",
    "eye": "안과 개안",
    "glasses": "안경",
    "knee": "무릎 관절",
    "surgery": "수술",
    "equipment": "보조기기 용구",
    "device": "보조기기",
    "counseling": "상담",
    "counselling": "상담",
    "addiction": "중독",
    "alcohol": "알코올 중독",
    "gambling": "도박",
    "victim": "피해자",
    "domestic": "가정폭력",
    "homeless": "노숙인",
    "foster": "위탁 가정위탁",
    "adoption": "입양",
    "orphan": "보호아동 보호대상아동",
    "grandchild": "손자녀 조손",
    "marriage": "결혼이민자 결혼",
    "refugee": "난민",
    "farmer": "농업인 농어업인",
    "fisher": "어업인",
    "military": "병역 군",
    "twin": "다태아 쌍둥이",
    "formula": "분유 조제분유",
    "diaper": "기저귀",
    "nutrition": "영양",
    "teeth": "치과 구강",
    "insurance": "보험",
    "tax": "세금 감면",
    "water": "수도",
    "phone": "통신",
    "internet": "통신 인터넷",
    "cash": "현금",
    "free": "무료",
    "family": "가족 가정",
    "household": "가구",
    "pay": "비용 지원",
    "cost": "비용",
    "expense": "비용",
    # spoken English for administrative notions (issue 17: how often, who, what kind of help)
    "monthly": "매월 월 연금 수당",
    "lump": "일시금 일시",
    "nursery": "어린이집 보육 보육료",
    "toddler": "영유아 유아 보육",
    "preschool": "유아 보육 어린이집",
    "check": "검진 진료",
    "bedridden": "장기요양 요양 거동",
    "bed": "장기요양 거동",
    "grandmother": "노인 어르신",
    "grandfather": "노인 어르신",
    "grandma": "노인 어르신",
    "grandpa": "노인 어르신",
    "winter": "난방 동절기",
    "mistreat": "학대",
    "neglect": "방임 학대",
    "beaten": "폭력 학대",
}


#: spoken Korean → the administrative words the national data uses (matched inside the query)
KO_COLLOQUIAL: dict[str, str] = {
    "독감": "인플루엔자 예방접종",
    "주사": "예방접종 접종",
    "아기": "영아 영유아 출산",
    "애기": "영아 영유아 출산",
    "갓난": "영아 신생아",
    "애들": "아동 자녀",
    "아이들": "아동 자녀",
    "할머니": "노인 어르신",
    "할아버지": "노인 어르신",
    "병원비": "의료비",
    "치료비": "의료비",
    "약값": "의료비 약제비",
    "집세": "월세 임대료",
    "방세": "월세 임대료",
    "실직": "실업 구직",
    "해고": "실업 구직",
    "백수": "구직 취업",
    "밥": "급식 식사",
    "반찬": "급식 식사",
    "보일러": "난방 에너지",
    "난방": "에너지",
    "한국말": "한국어",
    "통역": "통번역",
    "아파서": "질병 의료",
    "아프": "질병 의료",
    "혼자": "독거 1인",
    "산후조리": "산모 신생아 산후",
    "임산부": "임신 임신부",
    "집수리": "주택 개보수 수선",
    "용돈": "수당 현금",
    # how often or how it is paid, in speech (issue 17: "매달 주는 돈", "한 번에 주는 돈")
    "매달": "매월 월 연금 수당",
    "다달이": "매월 월 연금 수당",
    "한번에": "일시 일시금",
    "목돈": "일시금",
    # who helps and how, in speech
    "봐줄": "돌봄",
    "봐주": "돌봄",
    "돌봐": "돌봄",
    "들여다": "안부 돌봄",
    "요양보호사": "장기요양 재가 방문요양",
    "거동": "장기요양 요양",
    "어린이집": "보육료 보육",
    "유치원": "유아 교육비",
    "때리": "폭력 학대",
    "때려": "폭력 학대",
    "시집": "결혼이민자 다문화",
    "맞벌이": "맞벌이 돌봄",
}


#: English phrases whose meaning is not that of their words ("can't work" is no job search, "both
#: work" is 맞벌이, "come to the house" is a home visit, not housing): matched on the lower-cased
#: query before its words; the words of a matched phrase are not expanded on their own
EN_PHRASES: dict[str, str] = {
    "can't work": "근로능력",
    "cannot work": "근로능력",
    "unable to work": "근로능력",
    "both work": "맞벌이",
    "both working": "맞벌이",
    "look after": "돌봄",
    "take care of": "돌봄",
    "looking after": "돌봄",
    "one-off": "일시금",
    "one off": "일시금",
    "lump sum": "일시금",
    "check-up": "검진 진료",
    "check up": "검진 진료",
    "come to the house": "방문 재가",
    "come to our house": "방문 재가",
    "come to my house": "방문 재가",
    "at home": "방문 재가",
    "home visit": "방문 재가",
    "by herself": "독거",
    "by himself": "독거",
    "by themselves": "독거",
    "lives alone": "독거",
    "live alone": "독거",
    "living alone": "독거",
    "daily activities": "일상생활 활동지원",
    "daily life": "일상생활",
    "get out of bed": "거동 장기요양",
    "sign language": "수어 청각장애",
}
_PHRASE_ORDER = sorted(EN_PHRASES, key=len, reverse=True)


def english_phrases(text: str) -> tuple[str, str]:
    """(Korean terms of the phrases found in ``text``, ``text`` with those phrases cut out)."""
    rest = " ".join(text.lower().replace("’", "'").split())
    found = []
    for phrase in _PHRASE_ORDER:
        if phrase in rest:
            found.append(EN_PHRASES[phrase])
            rest = rest.replace(phrase, " ")
    return " ".join(found), rest


def _by_stem(words: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for word, terms in words.items():
        stem = stem_english(word)
        out[stem] = f"{out[stem]} {terms}" if stem in out else terms
    return out


EN_KO_STEMS = _by_stem(EN_KO)


def tag_words(tags: Iterable[str]) -> str:
    """English words for the tags that the glossary knows (unknown tags are left out)."""
    return " ".join(TAG_EN[t] for t in tags if t in TAG_EN)


def expand_english(stems: Iterable[str]) -> str:
    """Korean terms for English query stems (space-separated; empty when none is known)."""
    return " ".join(terms for s in stems if (terms := _lookup_stem(s)))


def _lookup_stem(stem: str) -> str:
    """Glossary terms for an English stem; "abus" (abused) and "retir" (retired) also find the
    entries of "abuse" and "retire", whose own stems keep the final e."""
    return EN_KO_STEMS.get(stem) or EN_KO_STEMS.get(stem + "e", "")


def expand_korean(text: str) -> str:
    """Administrative terms for spoken words found anywhere in ``text`` (spacing does not matter)."""
    compact = "".join(text.split())
    return " ".join(terms for word, terms in KO_COLLOQUIAL.items() if word in compact)


__all__ = [
    "EN_KO",
    "EN_KO_STEMS",
    "EN_PHRASES",
    "KO_COLLOQUIAL",
    "TAG_EN",
    "english_phrases",
    "expand_english",
    "expand_korean",
    "tag_words",
]
