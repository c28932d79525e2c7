"""Rules for the clearest words of danger, in Korean, English, Chinese, Vietnamese and Japanese.

A *strong* rule fires whatever else is said ("숨을 못 쉬어요", "때려요"). A *weak* rule names a
topic that ordinary questions also name ("자살", "가정폭력", "쓰러졌") and fires only when the
utterance is not an information question about a programme ("… 예방 교육", "… 지원 프로그램
있어요") or about the past ("작년에 …"). Korean hyperbole ("배고파 죽겠어요", "더워 죽겠다") is
never matched: the suicide rules want a wish ("죽고 싶", "살기 싫"), not "죽겠".

Text is matched as ASR writes it: lower case, no punctuation, numbers as digits or Hangul words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .kinds import AbuseTarget, DangerKind


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    kind: DangerKind
    pattern: re.Pattern[str]
    strong: bool = True


def _rule(name: str, kind: DangerKind, pattern: str, strong: bool = True) -> Rule:
    return Rule(name, kind, re.compile(pattern, re.IGNORECASE), strong)


M, S, A, F, C = DangerKind.MEDICAL, DangerKind.SUICIDE, DangerKind.ABUSE, DangerKind.FIRE, DangerKind.CRIME

RULES: tuple[Rule, ...] = (
    # -- medical ----------------------------------------------------------------------------------
    _rule("ko_breath", M, r"숨(을|이|도)?\s*(잘\s*)?(못|안)\s*(쉬|쉰)|숨이\s*(막혀|막히|차서|가빠|넘어가)"
                          r"|숨\s*쉬기가?\s*(너무\s*)?(힘들|어려)|호흡이\s*(없|곤란|안\s*돼)"),
    _rule("ko_chest", M, r"가슴이[^.]{0,12}?(아파|아프|조여|조이|답답|터질|쥐어)|심장이[^.]{0,8}?(조|아파|아프|멎)"),
    _rule("ko_fall", M, r"(넘어|굴러|굴렀|낙상|미끄러)[^.]{0,24}?(못\s*일어|일어날\s*수가?\s*없|일어나질?\s*못"
                        r"|못\s*움직|안\s*움직)"),
    _rule("ko_stroke", M, r"말이\s*어눌|발음이\s*(이상|새)|한쪽[^.]{0,12}?(마비|처지|처져|못\s*움직|안\s*움직)"
                          r"|얼굴[^.]{0,8}?(처지|처져|처졌|돌아갔)|마비가?\s*(왔|됐|와)"),
    _rule("ko_unconscious", M, r"의식이\s*없|정신을\s*잃|(불러도|깨워도)\s*(대답|반응|말)?[이을도]?\s*(없|안)"
                               r"|깨지를?\s*않|숨을?\s*안\s*쉬|심장이\s*멈"),
    _rule("ko_ambulance", M, r"(구급차|앰뷸런스|일일구|119)[^.]{0,6}?(불러|보내|와\s*주)"),
    _rule("ko_bleeding", M, r"피를?\s*(많이\s*)?(토했|토해|쏟)|피가\s*(많이|안\s*멈|멈추지|철철)"),
    _rule("ko_seizure", M, r"경련|발작|쓰러(지|졌|져|짐)|구급차", strong=False),
    _rule("en_medical", M, r"\b(collapsed|passed out|unconscious|not breathing|can'?t breathe|cannot breathe"
                           r"|can not breathe|trouble breathing|chest pains?|heart attack|face is drooping"
                           r"|can'?t get up|cannot get up|bleeding (a lot|heavily|badly)|seizure|overdosed?)\b"),
    _rule("en_medical_weak", M, r"\b(stroke|ambulance)\b", strong=False),
    _rule("zh_medical", M, r"晕倒|昏倒|昏迷|叫不醒|喘不过气|呼吸困难|没有呼吸|胸口[很好]?[疼痛]|胸痛|心脏病发|起不来"
                           r"|救护车|不省人事"),
    _rule("zh_medical_weak", M, r"中风", strong=False),
    _rule("vi_medical", M, r"ngất|bất tỉnh|không thở được|khó thở|đau ngực|đột quỵ|không (đứng )?dậy được"
                           r"|không đứng lên được|xe cấp cứu|co giật"),
    _rule("ja_medical", M, r"倒れ|意識がな|息ができ(な|ま)|息をしてい(な|ま)|息が苦し|胸が(痛|苦し)|起き上がれ|救急車"
                           r"|けいれん"),
    _rule("ja_medical_weak", M, r"脳卒中", strong=False),
    # -- suicide ----------------------------------------------------------------------------------
    _rule("ko_suicide", S, r"죽고\s*싶|살기\s*싫|살고\s*싶지\s*않|(그만|더\s*이상|더는)\s*살고\s*싶|목숨을?\s*끊"
                           r"|(다|모두|전부)\s*끝내고\s*싶|끝내\s*버리고\s*싶|사라지고\s*싶|없어지고\s*싶"
                           r"|세상\s*(뜨|떠나)고\s*싶|뛰어내리(고|려)|살\s*(이유|의미)가?\s*없|죽는\s*게\s*(낫|나아)"
                           r"|죽어\s*버리고|유서|영영\s*안\s*깼|따라가고\s*싶|내가\s*없어지면|없는\s*게\s*(낫|나아)"),
    _rule("ko_suicide_weak", S, r"자살", strong=False),
    _rule("en_suicide", S, r"\b(kill(ing)? myself|end(ing)? my (own )?life|take my (own )?life|want to die"
                           r"|don'?t want to (live|be alive)|no reason to live|better off (dead|without me)"
                           r"|end it all)\b"),
    _rule("en_suicide_weak", S, r"suicid", strong=False),
    _rule("zh_suicide", S, r"想死|不想活|活不下去|结束(我的)?生命|活着没意思"),
    _rule("zh_suicide_weak", S, r"自杀", strong=False),
    _rule("vi_suicide", S, r"muốn chết|không muốn sống|tự tử|tự sát|kết thúc cuộc đời|kết liễu"),
    _rule("ja_suicide", S, r"死にたい|生きていたくな|消えたい|命を絶|生きるのがつら"),
    _rule("ja_suicide_weak", S, r"自殺", strong=False),
    # -- fire -------------------------------------------------------------------------------------
    _rule("ko_fire", F, r"불이\s*(났|나서|나고|붙|커졌|번지|활활)|불났|불이야|화재가?\s*(났|발생)|불길"
                        r"|연기가\s*(많이|꽉|가득|나|들어|자욱)|타는\s*냄새|가스\s*(냄새|가?\s*새)|불꽃이\s*튀"),
    _rule("en_fire", F, r"\bon fire\b|there'?s a fire|\bfire in (my|the|our)\b|smoke everywhere|full of smoke"
                        r"|smell gas|gas leak|\bburning\b"),
    _rule("zh_fire", F, r"着火|失火|冒烟|烟很大|很大的烟|煤气泄漏|燃气泄漏"),
    _rule("zh_fire_weak", F, r"火灾", strong=False),
    _rule("vi_fire", F, r"cháy(?! nổ)|khói|rò rỉ gas|mùi gas"),
    _rule("ja_fire", F, r"火事|燃えて|煙が|ガス漏れ|ガスの(臭|匂)い"),
    # -- crime ------------------------------------------------------------------------------------
    _rule("ko_crime", C, r"강도|누가[^.]{0,15}?(들어오|들어왔|부수|깨고|따라오|쫓아|눌러)"
                         r"|(모르는|낯선)\s*(사람|남자|여자)[^.]{0,15}?(따라|집\s*안|들어|문을)|따라와요|쫓아와"
                         r"|흉기|칼을\s*들|(경찰|일일이|112)[^.]{0,4}?불러|침입|납치|끌고\s*갔|뺏겼|소매치기"
                         r"|보이스\s*피싱[^.]{0,12}?(지금|협박|보내라|송금)|검찰이라|금감원이라"
                         r"|계좌로\s*돈을?\s*(옮기|보내)라|문을?\s*(두드리|열라|부수|따려)"),
    _rule("ko_crime_weak", C, r"도둑(?!\s*맞)", strong=False),
    _rule("en_crime", C, r"break(ing)? in|broke in|breaking into|burglar|intruder|robb(ed|ing)|following me"
                         r"|with a knife|has a knife|\bgun\b|call the police|stalk"),
    _rule("zh_crime", C, r"闯进|小偷|抢劫|跟踪|拿着刀|报警|有人在我家"),
    _rule("vi_crime", C, r"đột nhập|trộm|cướp|theo dõi tôi|đi theo tôi|cầm dao|gọi công an|gọi cảnh sát"),
    _rule("ja_crime", C, r"入ってきま|入ってきた|泥棒|強盗|つけられ|刃物|ナイフ|警察を呼"),
    # -- abuse ------------------------------------------------------------------------------------
    _rule("ko_abuse", A, r"때리(고|는|면|잖|니까|네)|때려(요|서|도|대|놓)?|(한테|에게|테)\s*맞|맞는\s*소리"
                         r"|맞아서\s*(멍|다쳤|피)|멍이\s*들|(돈|카드|통장)[^.]{0,12}?(뺏|빼앗|가져가)|가둬|가두"
                         r"|굶기|목을?\s*졸|밀치|밀쳐|협박|죽여\s*버린|내쫓"),
    _rule("ko_abuse_weak", A, r"폭행|학대|폭력|방치", strong=False),
    _rule("en_abuse", A, r"\b(hits|hit|beats|beat|beating|hurts|hurting|slaps|kicks|punche[sd]) me\b"
                         r"|takes my money|locks me|locked me|won'?t give me food"),
    _rule("en_abuse_weak", A, r"abus(e|ed|ing)|domestic violence", strong=False),
    _rule("zh_abuse", A, r"打我|殴打|抢我的钱|打孩子"),
    _rule("zh_abuse_weak", A, r"家暴|虐待|家庭暴力", strong=False),
    _rule("vi_abuse", A, r"đánh tôi|đánh đập|đánh con|lấy tiền của tôi"),
    _rule("vi_abuse_weak", A, r"bạo hành|bạo lực|ngược đãi", strong=False),
    _rule("ja_abuse", A, r"殴られ|殴る|叩かれ|蹴られ"),
    _rule("ja_abuse_weak", A, r"暴力|虐待", strong=False),
)

#: information questions and past events: a weak rule does not fire on these
_INFO = re.compile(
    r"지원|신청|프로그램|교육|보험|감면|예방|설치|할인|강사|견학|비용|상담소|센터|작년|예전|지난\s*(해|달|번|주)|었었"
    r"|재활|신고는|방법"
    r"|\b(programmes?|programs?|support|services?|insurance|apply|education|prevention|survivors?|last year"
    r"|install\w*)\b"
    r"|项目|援助|补助|保险|申请|教育|预防"
    r"|hỗ trợ|chương trình|bảo hiểm|đăng ký|giáo dục|phòng chống"
    r"|支援|保険|申請|教室|予防|プログラム|相談窓口",
    re.IGNORECASE,
)

_PARTNER = re.compile(r"남편|아내|부인|와이프|신랑|husband|wife|partner|丈夫|老公|妻子|chồng|vợ|夫|妻", re.IGNORECASE)
_CHILD = re.compile(r"아이|아동|애가|애를|애기|\bchild|\bkids?\b|孩子|儿童|trẻ em|đứa bé|子供|子ども", re.IGNORECASE)


def normalise(text: str) -> str:
    """Lower case, punctuation as spaces, single spaces (the form ASR gives)."""
    cleaned = re.sub(r"[!?,.~…。！？，、\"“”]+", " ", text.lower())
    return re.sub(r"\s+", " ", cleaned).strip()


def matching_rules(text: str) -> list[Rule]:
    """Every rule that fires on ``text`` (weak rules only outside information questions)."""
    said = normalise(text)
    info = _INFO.search(said) is not None
    return [rule for rule in RULES if rule.pattern.search(said) and (rule.strong or not info)]


def abuse_target(text: str) -> AbuseTarget:
    said = normalise(text)
    if _PARTNER.search(said):
        return AbuseTarget.PARTNER
    if _CHILD.search(said):
        return AbuseTarget.CHILD
    return AbuseTarget.ELDER


def information_question(text: str) -> bool:
    """The utterance asks about a programme, an insurance, an education… or tells of the past."""
    return _INFO.search(normalise(text)) is not None


__all__ = ["RULES", "Rule", "abuse_target", "information_question", "matching_rules", "normalise"]
