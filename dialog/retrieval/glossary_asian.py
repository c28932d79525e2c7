"""Korean welfare terms for Chinese, Vietnamese and Japanese words, so BM25 can match Korean records.

The 복지로 list is Korean only; a Chinese, Vietnamese or Japanese question reaches it through the
embedder alone, which is weak across scripts. As ``dialog.retrieval.glossary`` does for English, the words
below (everyday words for a need, not programme names) add the Korean terms the records use.
Matching is by substring (Chinese and Japanese have no spaces; Vietnamese words are syllables),
case-insensitive. Written from general vocabulary; the held-out half of
``bench/colloquial_queries.py`` was not looked at.
"""

from __future__ import annotations

#: (word in zh / ja / vi, Korean terms)
TERMS: tuple[tuple[str, str], ...] = (
    # people
    ("老人", "노인 어르신"), ("老年", "노인 어르신"), ("高齢", "노인 어르신"),
    ("お年寄り", "노인 어르신"),
    ("người già", "노인 어르신"), ("cao tuổi", "노인 어르신"),
    ("残疾", "장애인"), ("残障", "장애인"), ("障害", "장애인"), ("障がい", "장애인"),
    ("khuyết tật", "장애인"),
    ("孩子", "아동 자녀"), ("儿童", "아동"), ("子ども", "아동 자녀"), ("子供", "아동 자녀"),
    ("trẻ em", "아동"),
    ("婴儿", "영아 아기"), ("宝宝", "영아 아기"), ("赤ちゃん", "영아 아기 출산"),
    ("em bé", "영아 아기"),
    ("外国", "외국인"), ("nước ngoài", "외국인"), ("结婚移民", "결혼이민자 다문화"),
    ("嫁到韩国", "결혼이민자 다문화"),
    ("lấy chồng hàn", "결혼이민자 다문화"), ("韓国人と結婚", "결혼이민자 다문화"),
    ("一个人住", "독거 홀로"), ("独居", "독거 홀로"), ("一人暮らし", "독거 홀로"),
    ("sống một mình", "독거 홀로"),
    ("单亲", "한부모"), ("一个人带孩子", "한부모"), ("ひとり親", "한부모"), ("一人で子ども", "한부모"),
    ("nuôi con một mình", "한부모"), ("离婚", "한부모"), ("離婚", "한부모"),
    ("ly hôn", "한부모"),
    # money and needs
    ("养老金", "연금 기초연금"), ("年金", "연금 기초연금"), ("lương hưu", "연금 기초연금"),
    ("每个月", "매월 월"), ("毎月", "매월 월"), ("hàng tháng", "매월 월"),
    ("工作", "일자리 취업"), ("仕事", "일자리 취업"), ("việc làm", "일자리 취업"),
    ("tìm việc", "구직 취업"),
    ("失业", "실업 구직"), ("失業", "실업 구직"), ("mất việc", "실업 구직"),
    ("收入", "소득"), ("収入", "소득"), ("thu nhập", "소득"),
    ("生活费", "생계 생활"), ("生活費", "생계 생활"), ("生活保護", "생계급여 기초생활"),
    ("最低生活", "생계급여 기초생활"),
    ("sinh hoạt", "생계 생활"),
    ("房租", "월세 주거 임차"), ("家賃", "월세 주거 임차"),
    ("tiền thuê nhà", "월세 주거 임차"), ("住房", "주거"),
    ("住宅", "주거"),
    ("看病", "의료 진료"), ("病院", "의료 진료 병원"), ("医院", "의료 진료 병원"),
    ("khám bệnh", "의료 진료"),
    ("医疗", "의료"), ("医療", "의료"),
    ("暖气", "난방 에너지바우처"), ("取暖", "난방 에너지바우처"), ("暖房", "난방 에너지바우처"),
    ("sưởi", "난방 에너지바우처"),
    ("电费", "전기요금 감면"), ("電気代", "전기요금 감면"), ("tiền điện", "전기요금 감면"),
    ("假牙", "틀니"), ("入れ歯", "틀니"), ("răng giả", "틀니"),
    ("痴呆", "치매"), ("认知症", "치매"), ("認知症", "치매"), ("mất trí", "치매"),
    ("忘事", "치매"), ("物忘れ", "치매"),
    ("癌", "암 검진"), ("がん", "암 검진"), ("ung thư", "암 검진"),
    ("流感", "인플루엔자 예방접종"), ("インフルエンザ", "인플루엔자 예방접종"), ("cúm", "인플루엔자 예방접종"),
    ("疫苗", "예방접종"), ("予防接種", "예방접종"), ("tiêm", "예방접종"),
    ("怀孕", "임신 임산부"), ("孕妇", "임신 임산부"), ("妊娠", "임신 임산부"), ("妊婦", "임신 임산부"),
    ("mang thai", "임신 임산부"), ("产检", "임신 진료비"), ("健診", "검진"),
    ("生孩子", "출산"), ("出生", "출산"), ("生まれ", "출산"), ("sinh con", "출산"),
    ("托儿所", "어린이집 보육료"), ("幼儿园", "어린이집 보육료"), ("保育園", "어린이집 보육료"),
    ("nhà trẻ", "어린이집 보육료"),
    ("照看孩子", "아이돌봄"), ("子どもを見て", "아이돌봄"), ("trông trẻ", "아이돌봄"),
    ("护工", "요양 돌봄"), ("卧床", "장기요양 요양"), ("寝たきり", "장기요양 요양"),
    ("介護", "요양 돌봄"),
    ("nằm liệt giường", "장기요양 요양"), ("照顾", "돌봄"), ("見守", "돌봄 안부"),
    ("chăm sóc", "돌봄"),
    ("紧急", "응급 긴급"), ("緊急", "응급 긴급"), ("khẩn cấp", "응급 긴급"),
    ("虐待", "학대"), ("ngược đãi", "학대"),
    ("翻译", "통역 번역"), ("通訳", "통역 번역"), ("phiên dịch", "통역 번역"),
    ("韩语", "한국어 교육"), ("韓国語", "한국어 교육"), ("tiếng hàn", "한국어 교육"),
    ("学习用品", "교육급여 교육"), ("学用品", "교육급여 교육"),
    ("đồ dùng học tập", "교육급여 교육"),
    ("上学", "교육 학생"), ("学校", "교육 학생"), ("học", "교육"),
    ("补助", "지원"), ("补贴", "지원"), ("補助", "지원"), ("手当", "수당"),
    ("hỗ trợ", "지원"), ("trợ cấp", "수당 지원"),
)


def expand_asian(text: str) -> str:
    """Korean terms for the Chinese, Japanese and Vietnamese words in ``text`` (space-separated)."""
    lower = text.lower()
    return " ".join(ko for word, ko in TERMS if word in lower)


__all__ = ["TERMS", "expand_asian"]
