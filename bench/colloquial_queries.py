"""Colloquial questions in ko, en, zh, vi, ja, labelled for both catalogues, split into halves.

Each *need* (a concept such as "a monthly pension for someone over 65") is asked the way a
resident might ask it — with their own circumstances, approximately, without the programme's
name — once per language, and labelled with the programmes that answer it in the sample
catalogue (``dialog/catalogue/sample_catalogue.json``) and in the real 461-service 복지로 list
(``../shared/data/kr_bokjiro_central``, imported with ``dialog.catalogue.importer``).

The questions were written for issue 17 by a helper who had not read the glossary or the ranking
code's tuning; they are still the project's own writing (the third-party questions are the
easylaw set in ``bench/bokjiro_queries.py``).

Held-out honesty: the split is by need, not by sentence (a need asked in Korean would otherwise
teach its Chinese twin), and deterministic (``sha1(need key)`` even → ``tuning``, odd →
``heldout``). Only the ``tuning`` half may be looked at while changing ranking code; the
``heldout`` half is reported, never tuned on.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal

from bench import bokjiro_queries as B
from dialog.retrieval.evaluation import LabelledQuery

LANGUAGES = ("ko", "en", "zh", "vi", "ja")
Half = Literal["tuning", "heldout"]
CatalogueName = Literal["sample", "bokjiro"]


@dataclass(frozen=True, slots=True)
class Need:
    key: str
    sample: tuple[str, ...]
    bokjiro: tuple[str, ...]
    #: one question per language, in LANGUAGES order
    asked: tuple[str, str, str, str, str]

    @property
    def half(self) -> Half:
        return "tuning" if hashlib.sha1(self.key.encode()).digest()[0] % 2 == 0 else "heldout"


def _ids(*parts: str | tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for p in parts:
        out.extend((p,) if isinstance(p, str) else p)
    return tuple(out)


def _n(key: str, sample: str | tuple[str, ...], bokjiro: str | tuple[str, ...],
       ko: str, en: str, zh: str, vi: str, ja: str) -> Need:
    return Need(key, _ids(sample), _ids(bokjiro), (ko, en, zh, vi, ja))


NEEDS: tuple[Need, ...] = (
    _n("pension", "KR-BASIC-PENSION", B.BASIC_PENSION,
       "나이가 칠십이 넘었는데 나라에서 매달 주는 돈 있어요?",
       "my mum is 75, is there a monthly pension from the government?",
       "我七十多岁了，国家每个月给老人发钱吗？",
       "Tôi 72 tuổi, nhà nước có trả tiền hàng tháng cho người già không?",
       "七十歳を過ぎましたが、国から毎月もらえるお金はありますか？"),
    _n("senior-work", "KR-SENIOR-JOBS", B.SENIOR_JOBS,
       "노인도 할 수 있는 일거리 좀 알아봐 주세요",
       "my dad is retired and wants some light work, anything for old people?",
       "老人可以做的工作有吗？",
       "người già có việc làm nào phù hợp không?",
       "高齢者でもできる仕事はありますか"),
    _n("alone-care", "KR-SENIOR-CARE", B.SENIOR_CARE,
       "엄마가 시골에서 혼자 사시는데 누가 가끔 들여다봐 줄 수 있나요",
       "someone to visit my grandmother who lives by herself",
       "我母亲一个人住，有没有人上门照顾老人？",
       "mẹ tôi sống một mình, có ai đến thăm và chăm sóc bà không?",
       "一人暮らしの母を見守ってくれるサービスはありますか"),
    _n("dementia", "KR-DEMENTIA-SUPPORT", B.DEMENTIA_TEST,
       "아버지가 자꾸 깜빡깜빡하셔서 검사 받아 보고 싶어요",
       "my father keeps forgetting things, where can he get tested for dementia",
       "我爸爸老是忘事，想做老年痴呆检查",
       "bố tôi hay quên, muốn đi kiểm tra chứng mất trí nhớ",
       "父の物忘れがひどいので認知症の検査を受けたい"),
    _n("bedridden", "KR-LONGTERM-CARE", (B.HOME_CARE, B.FACILITY_CARE, B.FAMILY_CARE_CASH),
       "어머니가 거동을 못 하셔서 요양보호사가 집에 와 줬으면 해요",
       "my mother can't get out of bed, can a care worker come to the house",
       "我妈妈卧床不起，能不能派护工到家里？",
       "mẹ tôi nằm liệt giường, có người đến nhà chăm sóc không?",
       "母が寝たきりで、介護の人に家に来てほしい"),
    _n("dentures", "KR-DENTURES", B.DENTURES,
       "이가 다 빠져서 틀니 하려는데 돈 좀 보태 주나요?",
       "I lost most of my teeth and need dentures, is there help with the cost",
       "牙齿掉光了，做假牙有补贴吗？",
       "tôi mất gần hết răng, làm răng giả có được hỗ trợ không?",
       "入れ歯を作りたいのですが補助はありますか"),
    _n("alarm", "KR-EMERGENCY-SAFETY", "WLF00001093",
       "혼자 계시다 쓰러지시면 어쩌나 걱정돼요 비상벨 같은 거 없나요",
       "an alarm button for my dad in case he falls when he's alone",
       "老人一个人住，有没有紧急呼叫的装置？",
       "có thiết bị báo khẩn cấp cho người già sống một mình không?",
       "一人暮らしの高齢者のための緊急通報装置はありますか"),
    _n("disability-money", ("KR-DISABILITY-PENSION", "KR-DISABILITY-ALLOWANCE"), B.DISABILITY_PENSION,
       "장애가 있어서 일을 못 하는데 매달 나오는 돈 없어요?",
       "I'm disabled and can't work, is there a monthly payment",
       "我是残疾人，不能工作，每个月有补助金吗？",
       "tôi bị khuyết tật không làm việc được, có tiền trợ cấp hàng tháng không?",
       "障害があって働けません。毎月の手当はありますか"),
    _n("disability-helper", "KR-DISABILITY-ACTIVITY", B.DISABILITY_ACTIVITY,
       "장애가 있는 아들 옆에서 일상생활을 도와줄 사람이 필요해요",
       "a helper for my disabled son's daily activities",
       "残疾的儿子需要有人帮忙日常生活",
       "con trai tôi bị khuyết tật cần người giúp sinh hoạt hằng ngày",
       "障害のある息子の日常生活を手伝ってくれる人が必要です"),
    _n("pregnancy", "KR-PREGNANCY-VOUCHER", B.PREGNANCY_CARD,
       "임신했는데 병원 다니는 비용 지원되는 카드가 있다던데요",
       "I'm pregnant, is there help with the cost of check-ups",
       "我怀孕了，产检费用有补助吗？",
       "tôi đang mang thai, có hỗ trợ chi phí khám thai không?",
       "妊娠しました。妊婦健診の費用の補助はありますか"),
    _n("birth-grant", "KR-FIRST-MEETING", B.FIRST_MEETING,
       "아기 낳으면 한 번에 주는 돈 있잖아요 그거 뭐예요",
       "is there a one-off payment when my baby is born",
       "生孩子的时候国家一次性给钱吗？",
       "sinh con có được nhận một khoản tiền một lần không?",
       "赤ちゃんが生まれたら一時金はもらえますか"),
    _n("baby-monthly", "KR-PARENT-ALLOWANCE", B.PARENT_ALLOWANCE,
       "돌 안 된 아기 키우는데 부모한테 매달 나오는 거 있어요?",
       "monthly money for parents with a baby under one",
       "孩子不到一岁，父母每个月有补助吗？",
       "con tôi chưa đầy một tuổi, cha mẹ có được trợ cấp hàng tháng không?",
       "一歳未満の赤ちゃんを育てる親への毎月の給付はありますか"),
    _n("child-monthly", "KR-CHILD-ALLOWANCE", B.CHILD_ALLOWANCE,
       "여섯 살 애 키우는데 애 앞으로 매달 나오는 돈 있나요",
       "my kid is six, do we get a monthly payment for children",
       "孩子六岁了，每个月有儿童补贴吗？",
       "con tôi sáu tuổi, có tiền trợ cấp trẻ em hàng tháng không?",
       "子どもが六歳ですが、毎月の子ども手当はもらえますか"),
    _n("daycare", "KR-CHILDCARE-FEE", B.DAYCARE,
       "애를 어린이집에 보내려는데 비용을 나라에서 내 주나요",
       "will the government pay for my toddler's nursery",
       "送孩子去托儿所，费用国家给补助吗？",
       "gửi con đi nhà trẻ có được nhà nước trả học phí không?",
       "保育園の費用を国が出してくれますか"),
    _n("childminder", "KR-CHILDCARE-SERVICE", B.CHILDMINDER,
       "맞벌이라 애 봐 줄 사람이 집으로 와 줬으면 좋겠어요",
       "we both work, can someone come and look after our kids at home",
       "我们夫妻都上班，有没有人上门帮忙照看孩子？",
       "vợ chồng tôi đều đi làm, có người đến nhà trông trẻ không?",
       "共働きなので家で子どもを見てくれる人に来てほしい"),
    _n("single-parent", "KR-SINGLE-PARENT", B.SINGLE_PARENT,
       "이혼하고 혼자 애 키우는데 도움 받을 수 있나요",
       "I'm raising my kids on my own after the divorce, any support",
       "离婚后一个人带孩子，有补助吗？",
       "tôi ly hôn và nuôi con một mình, có được hỗ trợ không?",
       "離婚して一人で子どもを育てています。支援はありますか"),
    _n("youth-rent", "KR-YOUTH-RENT", B.YOUTH_RENT,
       "스물다섯 살인데 월세가 너무 비싸서 힘들어요",
       "I'm 25 and my rent is too expensive",
       "我二十五岁，房租太贵了，有补贴吗？",
       "tôi 25 tuổi, tiền thuê nhà hàng tháng quá đắt",
       "二十五歳ですが家賃が高すぎて困っています"),
    _n("job-loss", "KR-JOB-SEEKER", B.JOB_SEEKER,
       "회사 그만두고 일자리 찾는 중인데 그동안 받을 돈 있나요",
       "I lost my job, is there money while I look for work",
       "我失业了，找工作期间有补助吗？",
       "tôi mất việc, trong lúc tìm việc có được trợ cấp không?",
       "失業中ですが、仕事を探している間にもらえるお金はありますか"),
    _n("sudden-crisis", "KR-EMERGENCY-WELFARE", B.EMERGENCY,
       "남편이 갑자기 쓰러져서 당장 먹고살 길이 막막해요",
       "my husband suddenly fell ill and we have no money right now",
       "丈夫突然病倒了，家里马上就没钱生活了",
       "chồng tôi đột nhiên bị bệnh, gia đình không còn tiền sinh hoạt",
       "夫が急に倒れて、すぐに生活費がありません"),
    _n("no-income", "KR-LIVELIHOOD-BENEFIT", B.LIVELIHOOD,
       "벌이가 하나도 없어서 기초생활수급자 신청하고 싶어요",
       "we have no income at all, how do we get basic living support",
       "完全没有收入，想申请最低生活保障",
       "tôi không có thu nhập gì, muốn xin trợ cấp sinh hoạt cơ bản",
       "収入が全くないので生活保護を受けたい"),
    _n("rent-poor", "KR-HOUSING-BENEFIT", B.HOUSING,
       "형편이 어려워서 집세 내기가 힘든데 나라에서 좀 보태 주나요",
       "we're poor and can't pay the rent, does the state help",
       "家里穷，交不起房租，国家有住房补贴吗？",
       "nhà nghèo không trả nổi tiền thuê nhà, nhà nước có hỗ trợ không?",
       "生活が苦しくて家賃が払えません。住宅の給付はありますか"),
    _n("doctor-poor", "KR-MEDICAL-BENEFIT", B.MEDICAL_AID,
       "돈이 없어서 아파도 병원을 못 가요",
       "I can't afford to see a doctor when I'm ill",
       "没钱看病怎么办？",
       "tôi không có tiền đi khám bệnh",
       "お金がなくて病気でも病院に行けません"),
    _n("heating", "KR-ENERGY-VOUCHER", B.ENERGY,
       "겨울에 보일러 기름값이 너무 부담돼요",
       "heating costs in winter are too much for us",
       "冬天的取暖费太贵了，有补助吗？",
       "tiền sưởi ấm mùa đông quá đắt với gia đình tôi",
       "冬の暖房費が負担です"),
    _n("interpreter", ("KR-DANURI-CALL", "KR-FAMILY-CENTRE", "KR-FOREIGNER-CENTRE"), B.INTERPRETATION,
       "한국말을 잘 못해서 통역해 줄 사람이 필요해요",
       "I don't speak Korean well, I need an interpreter",
       "我韩语不好，需要有人帮我翻译",
       "tôi không giỏi tiếng Hàn, cần người phiên dịch",
       "韓国語があまりできないので通訳が必要です"),
    _n("learn-korean", ("KR-KOREAN-CLASS", "KR-FAMILY-CENTRE"), B.MULTICULTURAL_VISITS,
       "외국에서 시집왔는데 한국어를 배우고 싶어요",
       "I married a Korean and want to learn the language",
       "我嫁到韩国，想学韩语",
       "tôi lấy chồng Hàn Quốc, muốn học tiếng Hàn",
       "韓国人と結婚しました。韓国語を習いたいです"),
    _n("flu-shot", "KR-VACCINATION", B.FLU,
       "어르신은 독감 주사 공짜로 맞을 수 있어요?",
       "can my grandpa get a free flu shot",
       "老人可以免费打流感疫苗吗？",
       "người già có được tiêm phòng cúm miễn phí không?",
       "高齢者はインフルエンザの予防接種が無料ですか"),
    _n("cancer-check", "KR-CANCER-SCREENING", B.CANCER,
       "암 있는지 검사하는 거 나라에서 해 주는 거 있어요?",
       "does the government pay for cancer check-ups",
       "国家有免费的癌症筛查吗？",
       "nhà nước có khám tầm soát ung thư miễn phí không?",
       "国のがん検診を受けたいです"),
    _n("elder-abuse", "KR-ELDER-ABUSE", B.ELDER_PROTECTION,
       "옆집 할머니가 아들한테 맞는 것 같아서 신고하고 싶어요",
       "I think my elderly neighbour is being abused by her son",
       "邻居老奶奶好像被儿子虐待了",
       "tôi nghĩ bà cụ hàng xóm bị con trai ngược đãi",
       "近所のお年寄りが息子に虐待されているようです"),
    _n("electricity", "KR-UTILITY-DISCOUNT", B.ELECTRICITY,
       "전기세 좀 깎아 주는 거 없나요",
       "is there a discount on my electricity bill",
       "电费可以减免吗？",
       "có được giảm tiền điện không?",
       "電気代の割引はありますか"),
    _n("school-costs", "KR-EDUCATION-BENEFIT", B.EDUCATION,
       "중학생 아이 학용품 살 돈도 빠듯해요",
       "we can't afford school supplies for our son",
       "孩子上学的学习用品都买不起",
       "không đủ tiền mua đồ dùng học tập cho con",
       "子どもの学用品を買うお金も足りません"),
)


def colloquial(catalogue: CatalogueName, half: Half | None = None,
               language: str | None = None) -> list[LabelledQuery]:
    """The labelled questions for ``catalogue`` (group ``"<lang>-<half>"``), filtered."""
    out = []
    for need in NEEDS:
        if half is not None and need.half != half:
            continue
        expected = need.sample if catalogue == "sample" else need.bokjiro
        for lang, text in zip(LANGUAGES, need.asked, strict=True):
            if language is None or lang == language:
                out.append(LabelledQuery(text, frozenset(expected), f"{lang}-{need.half}"))
    return out


__all__ = ["LANGUAGES", "NEEDS", "Need", "colloquial"]
