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
import unicodedata
from dataclasses import dataclass

from dialog.safety.everyday_words import EVERYDAY_WORDS
from dialog.safety.farewell_words import FAREWELL_WORDS
from dialog.safety.indirect_words import INDIRECT_WORDS
from dialog.safety.kinds import AbuseTarget, DangerKind
from dialog.safety.plan_words import PLAN_WORDS
from dialog.safety.settled_words import SETTLED_WORDS
from dialog.safety.spoken_words import SPOKEN_WORDS
from dialog.safety.suicide_words import SUICIDE_WORDS


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    kind: DangerKind
    pattern: re.Pattern[str]
    strong: bool = True
    #: words that make the match ordinary speech ("고기 굽다가 타는 냄새", "mệt muốn chết")
    unless: re.Pattern[str] | None = None
    #: the rule without Vietnamese tone marks, for Vietnamese that ASR wrote toneless (suicide rules only)
    toneless: Rule | None = None

    def fires(self, said: str, info: bool, bare: str = "") -> bool:
        if bare and self.toneless is not None and self.toneless.fires(bare, info):
            return True
        if not self.pattern.search(said) or (info and not self.strong):
            return False
        return self.unless is None or self.unless.search(said) is None


def toneless(text: str) -> str:
    """Vietnamese without its tone and vowel marks ("muốn chết" → "muon chet"; đ → d)."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D")


#: Vietnamese written without marks: no letter outside ASCII and two of its commonest words
_TONELESS_VI = re.compile(r"\b(toi|khong|duoc|nguoi|muon|roi|nua|chet|minh|cua|song|lam|het|cho|di|nay"
                          r"|da|de|trong|ai|luon|qua|thi|nhung|nha|ve|bi)\b")


def toneless_vietnamese(said: str) -> bool:
    return said.isascii() and len(set(_TONELESS_VI.findall(said))) >= 2


def _rule(name: str, kind: DangerKind, pattern: str, strong: bool = True, unless: str = "") -> Rule:
    bare = None
    if name.startswith("vi_") and kind is DangerKind.SUICIDE:
        bare = _rule("bare_" + name, kind, toneless(pattern), strong, toneless(unless))
    return Rule(name, kind, re.compile(pattern, re.IGNORECASE), strong,
                re.compile(unless, re.IGNORECASE) if unless else None, bare)


M, S, A, F, C = DangerKind.MEDICAL, DangerKind.SUICIDE, DangerKind.ABUSE, DangerKind.FIRE, DangerKind.CRIME

RULES: tuple[Rule, ...] = (
    # -- medical ----------------------------------------------------------------------------------
    _rule("ko_breath", M, r"숨(을|이|도)?\s*(잘\s*)?(못|안)\s*(쉬|쉰)|숨이\s*(막혀|막히|가빠|넘어가)|숨을?\s*헐떡"
                          r"|숨\s*쉬기가?\s*(너무\s*)?(힘들|어려)|호흡이\s*(없|곤란|안\s*돼)"
                          r"|온몸이\s*(퉁퉁\s*)?붓|입술이\s*(파래|파랗|퍼렇)"),
    _rule("ko_short_breath", M, r"숨이\s*(차서|차요|차고|차)",
          unless=r"계단|운동|걸으|걸을|오르|뛰|좀\s*차|엘리베이터|임대|이사"),
    _rule("ko_sting_weak", M, r"(벌|뱀)에\s*(쏘|물)", strong=False),
    _rule("ko_chest", M, r"가슴이[^.]{0,12}?(아파|아프|조여|조이|터질|쥐어)|심장이[^.]{0,8}?(조|아파|아프|멎)"
                         r"|가슴이\s*답답[^.]{0,12}?(숨|아파|식은땀|쓰러)"),
    _rule("ko_fall", M, r"(넘어|굴러|굴렀|낙상|미끄러)[^.]{0,24}?(못\s*일어|일어날\s*수가?\s*없|일어나질?\s*못"
                        r"|못\s*움직|안\s*움직)"),
    _rule("ko_stroke", M, r"말이\s*어눌|발음이\s*(이상|새)|한쪽[^.]{0,12}?(마비|처지|처져|못\s*움직|안\s*움직)"
                          r"|얼굴[^.]{0,8}?(처지|처져|처졌|돌아갔)|마비가?\s*(왔|됐|와)"),
    _rule("ko_unconscious", M, r"의식이\s*없|정신을\s*잃|(불러도|깨워도)\s*(대답|반응|말)?[이을도]?\s*(없|안)"
                               r"|깨지를?\s*않|숨을?\s*안\s*쉬|심장이\s*멈|고개를\s*(푹\s*)?떨구"
                               r"|갑자기[^.]{0,12}?(대답이\s*없|대답을?\s*안|반응이\s*없)"),
    _rule("ko_ambulance", M, r"(구급차|앰뷸런스|일일구|119)[^.]{0,6}?(불러|보내|와\s*주)"),
    _rule("ko_bleeding", M, r"피를?\s*(많이\s*)?(토했|토해|쏟)|피가\s*(많이|안\s*멈|멈추지|철철)"
                            r"|(머리|입|귀)에서\s*피가?\s*(많이\s*)?(나|쏟|흘)"
                            r"|코피가?[^.]{0,12}?(안\s*멈|멈추지|안\s*그쳐|계속\s*(나|흘|쏟))"),
    _rule("ko_collapse", M, r"침을\s*(질질\s*)?흘리|갑자기\s*말을\s*(못|안)"
                            r"|축\s*늘어|정신이\s*(혼미|가물|자꾸\s*없어|없어지)"
                            r"|의식이\s*(흐려|가물|없어지)|경기를\s*(해|하)|목에\s*(걸렸|걸려)[^.]{0,10}?(숨|켁)"),
    _rule("ko_fall_weak", M, r"(계단|침대|사다리|지붕)에서\s*(떨어|굴러)", strong=False),
    _rule("ko_medical_more", M, r"갑자기\s*머리가\s*(터질|깨질|빠개질)|피가\s*(계속|자꾸)\s*(나|흘)|멈추질\s*않"
                               r"|축\s*(늘어|처졌|처져)|(가슴|배)[을를]?\s*(움켜|부여)|(불러도|깨워도)[^.]{0,8}?눈만"),
    _rule("ko_seizure", M, r"경련|발작|쓰러(지|졌|져|짐)|구급차", strong=False),
    _rule("ko_medical_broad", M, r"기절|실신|혼절|까무러|맥박이\s*(없|안)|맥이\s*안\s*(잡|뛰)|거품을?\s*물"
                                 r"|뼈가\s*부러|머리를?\s*(세게\s*)?(부딪|박|다쳐)[^.]{0,12}?(피|의식|토|못)|피가\s*멈추지"
                                 r"|(세제|락스|농약|약)을?\s*(잘못\s*)?(마셨|삼켰|먹었)[^.]{0,10}?(토|늘어|의식|정신|숨)"
                                 r"|연탄\s*가스|가스\s*중독|열사병|화상을?\s*(크게|심하게)|심하게\s*데었|끓는\s*물에\s*(데|화상)"
                                 r"|기도가\s*막|목이\s*부어서\s*숨|숨소리가\s*이상|컥컥|캑캑|심근경색|심장마비"
                                 r"|(중풍|뇌졸중|풍)이?\s*(온|왔|오는)|입이\s*(한쪽으로\s*)?돌아가"
                                 r"|(저혈당|알레르기|아나필락시스)\s*쇼크|쇼크가?\s*(와|왔|온)|(락스|세제|농약|독약|표백제|살충제)[을를]?\s*(마셨|먹었|삼켰)"
                                 r"|말이\s*(잘\s*)?안\s*나와|말이\s*꼬여|혀가\s*꼬여|죽네[^.]{0,8}(가슴|숨)|(가슴|숨)[^.]{0,8}죽네"
                                 r"|사람\s*살려|뼈가\s*(튀어\s*나|밖으로|보여)|(데굴데굴|떼굴떼굴)\s*(구르|굴러|굴르)",
          unless=r"(온|왔|된)\s*지\s|년\s*(전|됐)|오래\s*(됐|전)"),
    _rule("ko_limb_weak", M, r"(팔|다리|팔다리)에\s*힘이\s*(하나도\s*)?(없|빠)", strong=False,
          unless=r"걷기|걸을|보행|지팡이|운동|요즘|늘"),
    _rule("en_medical", M, r"\b(collapsed|passed out|unconscious|not breathing|can'?t breathe|cannot breathe"
                           r"|can not breathe|trouble breathing|chest pains?|heart attack|face is drooping"
                           r"|can'?t get up|cannot get up|bleeding (a lot|heavily|badly)|seizure|overdosed?"
                           r"|isn'?t moving|is not moving|won'?t wake up"
                           r"|can'?t wake (him|her)|not responding|unresponsive"
                           r"|slurred|having a heart attack|chok(ing|ed)|lips (are )?(turning )?blue"
                           r"|(call|send|get) (me |us )?an ambulance|bleeding won'?t stop|won'?t stop bleeding"
                           r"|breathing (really )?(strangely|funny|weird)"
                           r"|won'?t respond|cut (myself|himself|herself) badly)\b"),
    _rule("en_medical_more", M, r"\b(hit (her|his|my) head|took too many|too many (of my )?pills|overdos\w*)\b"),
    _rule("en_medical_weak", M, r"\b(stroke|ambulance|fell down|fell off|went numb)\b", strong=False),
    _rule("zh_medical", M, r"晕倒|昏倒|昏迷|叫不醒|喘不过气|呼吸困难|没有呼吸|胸口(很|好|特别|非常|太)?[疼痛]|胸痛"
                           r"|心脏病发|起不来"
                           r"|叫救护车|不省人事|动不了|说话不清|半边[^。]{0,4}(不能动|麻|没知觉)|喘不上气|昏过去|抽搐"
                           r"|心脏[^。]{0,3}(痛|疼)|快不行了|噎住|嘴唇发紫|说不出话|嘴歪|高烧[^。]{0,4}抽|抽风|血止不住"
                           r"|流[^。]{0,3}很多血", unless=r"花钱|多少钱|费用|免费|收费"),
    _rule("zh_medical_more", M, r"没反应|不呼吸|不喘气|突然倒|倒在(地|桌|床)"),
    _rule("zh_medical_weak_more", M, r"摔断|骨折", strong=False),
    _rule("zh_medical_weak", M, r"中风|摔倒|救护车", strong=False),
    _rule("vi_medical", M, r"ngất|bất tỉnh|không thở được|khó thở|đau ngực|đột quỵ|không (đứng )?dậy được"
                           r"|không đứng lên được|gọi xe cấp cứu|co giật"
                           r"|không cử động được|liệt (một )?bên|nói không rõ"
                           r"|không tỉnh|vã mồ hôi|ngã cầu thang|tức ngực|hóc|nghẹn",
                           unless=r"mất tiền|bao nhiêu|miễn phí|phải trả"),
    _rule("vi_medical_more", M, r"đập đầu|lơ mơ|uống nhầm|quá liều|ngã gục|gục xuống"
                                r"|máu (chảy )?không (ngừng|cầm được|cầm lại được|ngưng)|chảy máu không ngừng"),
    _rule("vi_medical_weak_more", M, r"gãy (chân|tay|xương)", strong=False),
    _rule("vi_medical_weak", M, r"xe cấp cứu", strong=False),
    _rule("ja_medical", M, r"倒れ|意識がな|息ができ(な|ま)|息をしてい(な|ま)|息が苦し|胸が(痛|苦し)|起き上がれ"
                           r"|救急車を(呼んで|お願い|よこ)|けいれん|動けません|動けない|ろれつ|呼んでも返事|胸が締め付け"
                           r"|階段から落ち|喉に詰ま|血が止ま(ら|りません)|引きつけ",
          unless=r"(暑くて|疲れて|忙しくて|眠くて)倒れそう"),
    _rule("ja_medical_more", M, r"頭が割れるよう|(お腹|胸)を(抱え|押さえ)"),
    _rule("ja_medical_weak", M, r"脳卒中|救急車", strong=False),
    # -- suicide: dialog/safety/suicide_words.py --------------------------------------------------
    *(_rule(name, S, pattern, strong, unless)
      for name, pattern, strong, unless in (*SUICIDE_WORDS, *FAREWELL_WORDS, *PLAN_WORDS, *SETTLED_WORDS,
                                                  *SPOKEN_WORDS)),
    # -- fire -------------------------------------------------------------------------------------
    _rule("ko_fire", F, r"불이\s*(났|나서|나고|붙|커졌|번지|활활|옮겨|올라)|불났|불이야|화재가?\s*(났|발생)|불길"
                        r"|연기가\s*(많이|꽉|가득|나|들어|자욱)|연기가?[^.]{0,8}?(가득|자욱|꽉|차요|차서|올라|나와|새어)"
                        r"|시커먼\s*연기|타는\s*냄새|가스\s*(냄새|가?\s*새)|불꽃이\s*튀",
          unless=r"담배|고기|굽다|구워|생선"),
    _rule("en_fire", F, r"\bon fire\b|there'?s a fire|\bfire in (my|the|our)\b|smoke everywhere|full of smoke"
                        r"|smell gas|gas leak|\bburning\b|smoke (coming|pouring)"
                        r"|caught fire|catch(ing)? fire|full of smoke",
          unless=r"burning (feeling|sensation|pain)|(feet|foot|eyes|chest|stomach) (are |is )?burning"
                 r"|\b(what (do|should) (i|we) do|in the future)\b"
                 r"|burning (myself|my (arms?|wrists?|skin|legs?))"),
    _rule("zh_fire", F, r"着火|失火|冒烟|烟很大|很大的烟|煤气泄漏|燃气泄漏|烧焦|煤气味|燃气味|烧起来|全是烟|浓烟",
          unless=r"以后|万一|如果|应该打什么|怎么办才好"),
    _rule("fire_more", F, r"(장판|이불|차|집|건물|커튼|소파|쓰레기|나무|산|창고)(이|가)\s*(활활\s*)?"
                          r"타(고\s*있|요|는\s*중)"
                          r"|\bfire coming\b|着大火|起大火|大火|火が移|녹으면서\s*타|녹아내리"),
    _rule("zh_fire_weak", F, r"火灾", strong=False),
    _rule("ko_fire_broad", F, r"화재|폭발|펑\s*(하고|소리)|불꽃|스파크|합선"
                              r"|누전[^.]{0,10}?(타|연기|불)|화염|불\s*(붙|났)",
          strong=False, unless=r"불꽃놀이|축제|감지기|경보기|대피소|보험|소화기|훈련|화가|인기|짜증"),
    _rule("vi_fire", F, r"cháy(?! nổ| nắng)|khói|rò rỉ gas|mùi gas",
                        unless=r"thuốc lá|hút thuốc|khói bụi|báo cháy|chữa cháy|phòng cháy|cứu hỏa"),
    _rule("ja_fire", F, r"火事|燃えて|煙が|煙で(いっぱい|充満|前が)"
                        r"|火がつ|ガス漏れ|ガスの(臭|匂)い|火が出", unless=r"タバコ|たばこ|煙草"),
    # -- crime ------------------------------------------------------------------------------------
    _rule("ko_crime", C, r"강도|누가[^.]{0,15}?(들어오|들어왔|부수|깨고|따라오|쫓아|눌러)"
                         r"|(모르는|낯선)\s*(사람|남자|여자)[^.]{0,15}?(따라|집\s*안|들어|문을)|따라와요|쫓아와"
                         r"|흉기|칼(을)?\s*들고|칼을\s*들|(경찰|일일이|112)[^.]{0,4}?불러|침입|납치|끌고\s*갔|뺏겼|소매치기"
                         r"|보이스\s*피싱[^.]{0,12}?(지금|협박|보내라|송금)|검찰이라|금감원이라"
                         r"|계좌로\s*돈을?\s*(옮기|보내)라|문을?\s*(두드리|열라|부수|따려)|문\s*열라고"
                         r"|(검찰청|경찰청|검사)(이라|라면서|에서\s*(왔|전화))|돈을?\s*(다\s*)?(찾아서|뽑아서)\s*(보내|가져)"
                         r"|날치기|훔쳐\s*(갔|가|간)|문을\s*(발로\s*)?(걷어\s*)?차|문을?\s*발로|발로\s*문을|돈\s*내놓"
                         r"|(은행|금융)\s*직원이라[^.]{0,20}?돈|돈\s*(가지러|받으러)\s*(온|오)|서성(거|이)|기웃거"
                         r"|창문?\s*(으로|밖에서|너머로?)[^.]{0,6}?(들여다|엿보|훔쳐보)",
          unless=r"택배|작년|지난번|었었|장난감|(나|내)\s*자신을\s*해(치|칠)|자해|스스로를?\s*해(치|칠)"),
    _rule("crime_more", C, r"(모르는|어떤|낯선)\s*(남자|사람|놈|여자)[^.]{0,20}?(몸을|만져|만지)"
                           r"|(나|저)를\s*(계속\s*)?따라오|따라오고\s*있|낚아채|낚아챘"
                           r"|\btrying (the|my) doors?\b|壊そうと"),
    _rule("ko_crime_weak", C, r"도둑(?!\s*맞|고양이)", strong=False),
    _rule("ko_crime_broad", C, r"스토킹|스토커|유괴|(누가|사람이|남자가|놈이)[^.]{0,10}?숨어\s*있"
                               r"|(모르는|낯선)\s*(사람|남자|여자)[^.]{0,20}?(쳐다|지켜|기다|서\s*있|서있)"
                               r"|총을?\s*(들|쏘)|(칼|흉기)로\s*(위협|찌르)|돈\s*(안\s*)?(주면|보내면)[^.]{0,10}?(죽|해치)"
                               r"|사기\s*전화[^.]{0,12}?(지금|보내|송금)|몰래\s*카메라|몰카"
                               r"|(다쳤다고|사고\s*났다고|납치)[^.]{0,20}?돈"),
    _rule("en_crime", C, r"break(ing)? in|broke in|breaking into|burglar|intruder|robb(ed|ing)|following me"
                         r"|with a knife|has a knife|\bgun\b|call the police|stalk|stranger in my|someone is in my"
                         r"|trying to get in|stole my|snatched|banging on my (door|window)|shouting threats"
                         r"|trying to open my (door|window)|grabbed my (purse|bag|phone)|kidnapp"),
    _rule("zh_crime", C, r"闯进|小偷|抢劫|跟踪|拿着刀|报警|有人在我家|跟着我"
                         r"|撬[^。]{0,4}门|抢了我|砸[^。]{0,4}门|偷看|偷窥|绑架", unless=r"报警器|报警电话|去年|以前"),
    _rule("vi_crime", C, r"đột nhập|trộm|cướp|theo dõi tôi|đi theo tôi|cầm dao|gọi công an|gọi cảnh sát|đập cửa"
                         r"|bắt cóc|giật (túi|điện thoại|dây chuyền|ví)",
          unless=r"năm ngoái|trước đây|bảo hiểm|tự làm (hại|đau)|tự tử|rạch tay"),
    _rule("ja_crime", C, r"入ってきま|入ってきた|泥棒|強盗|つけられ|刃物|ナイフ|警察を呼|こじ開け|ひったく|誘拐"
                         r"|ドアを(叩|たた|蹴)|知らない(人|男|女)が[^。]{0,10}(家|前|ずっと|つい)"),
    # -- abuse ------------------------------------------------------------------------------------
    _rule("ko_abuse", A, r"때리(고|는|면|잖|니까|네)|때려(요|서|도|대|놓)?|(한테|에게|테)\s*맞|맞는\s*소리"
                         r"|맞아서\s*(멍|다쳤|피)|멍이\s*들|(돈|카드|통장)[^.]{0,12}?(뺏|빼앗|가져가)|가둬|가두"
                         r"|굶기|굶고\s*있|목을?\s*졸|밀치|밀쳐|밀쳤|밀어서|떠밀|죽인다고|죽이겠다고|죽일\s*거|협박|죽여\s*버린|내쫓|밥을?\s*안\s*(줘|주)"
                         r"|밖에서\s*잠가|못\s*나가게|(나|저)를\s*패|두들겨\s*패|패요|꼬집|손찌검"
                         r"|머리채를?\s*(잡|끌)|(물건|그릇|재떨이)을?\s*(막\s*)?던지|묶어\s*(놓|놔|놨|둬)|기저귀를?\s*안\s*갈"
                         r"|성추행|성폭행|몸을\s*(자꾸\s*)?만지|연금[^.]{0,12}?(뺏|빼앗|가져가)",
          unless=r"뭐\s*가져가|가져가야|가져가면|가져가나요|가져갈까"),
    _rule("abuse_more", A, r"팼|殴り|殴って|몸을\s*(자꾸\s*|계속\s*)?만져|(저|나)를\s*(발로\s*)?(밟|걷어\s*차)"),
    _rule("ko_abuse_weak", A, r"폭행|학대|폭력|방치", strong=False),
    _rule("en_abuse", A, r"\b(hits|hit|beats|beat|beating|hurts|hurting|slaps|kicks|punche[sd]|pushe[sd]|shove[sd]"
                         r"|choked|grabs) (me|my)\b|(took|takes) my passport"
                         r"|takes my (\w+ )?(money|card|pension)|locks me|locked me|won'?t give me food"
                         r"|threatens? to (kill|hurt)|won'?t let me (out|leave|eat)"
                         r"|keeps (all )?my (money|pension|card)",
          unless=r"\b(knee|back|leg|head|hip|shoulder|foot|feet|arm|neck|tooth|stomach|eye)s? (really |still )?hurts?"),
    _rule("en_abuse_weak", A, r"abus(e|ed|ing)|domestic violence", strong=False),
    _rule("zh_abuse", A, r"打我|殴打|抢我的钱|打孩子|被打|关在|不给我饭|不让我出门|威胁"),
    _rule("zh_abuse_weak", A, r"家暴|虐待|家庭暴力", strong=False),
    _rule("vi_abuse", A, r"đánh tôi|đánh đập|đánh con|lấy tiền của tôi|lấy hết tiền|nhốt|dọa giết|dọa đánh"
                         r"|đánh vợ|bị đánh(?! giá)|giữ hộ chiếu|không cho tôi ra|xô tôi|bóp cổ|chửi tôi"),
    _rule("vi_abuse_weak", A, r"bạo hành|bạo lực|ngược đãi", strong=False),
    _rule("ja_abuse", A, r"殴られ|殴る|叩かれ|蹴られ|閉じ込め|ご飯をくれ(ない|ません)"
                         r"|暴力をふる|お金を[^。]{0,4}取られ|取り上げ"
                         r"|外に出してくれ|突き飛ば|年金を[^。]{0,4}(持っていき|持って行き|取)"),
    _rule("ja_abuse_weak", A, r"暴力|虐待", strong=False),
    # -- round 6, five languages: dialog/safety/everyday_words.py ---------------------------------
    *(_rule(name, kind, pattern, strong, unless) for name, kind, pattern, strong, unless in EVERYDAY_WORDS),
    # -- round 7, indirect words: dialog/safety/indirect_words.py ---------------------------------
    *(_rule(name, kind, pattern, strong, unless) for name, kind, pattern, strong, unless in INDIRECT_WORDS),
)

#: information questions and past events: a weak rule does not fire on these
_INFO = re.compile(
    r"지원|신청|프로그램|교육|보험|감면|예방|설치|할인|강사|견학|비용|상담소|센터|작년|예전|지난\s*(해|달|번|주)|었었"
    r"|재활|신고는|방법|얼마|번호가|등록|진단서|(었|셨|였)을\s*때"
    r"|\b(programmes?|programs?|support|services?|insurance|apply|education|prevention|survivors?|last year"
    r"|install\w*)\b"
    r"|项目|援助|补助|保险|申请|教育|预防|多少钱|号码|电话是多少|报销"
    r"|hỗ trợ|chương trình|bảo hiểm|đăng ký|giáo dục|phòng chống|mất tiền|bao nhiêu|số điện thoại"
    r"|支援|保険|申請|教室|予防|プログラム|相談窓口|費用|料金|お金がかか|何番"
    r"|보호자도|동승|같이\s*타도"
    r"|돈이\s*(드|들)|무료|去年|以前|上个月|花钱|费用|收费|免费|năm ngoái|trước đây|miễn phí|講習|講座",
    re.IGNORECASE,
)

_PARTNER = re.compile(r"남편|아내|부인|와이프|신랑|husband|wife|partner|丈夫|老公|妻子|chồng|vợ|夫|妻", re.IGNORECASE)
_CHILD = re.compile(r"아이|아동|애가|애를|애기|\bchild|\bkids?\b|孩子|儿童|trẻ em|đứa bé|子供|子ども", re.IGNORECASE)


#: a family member or carer named beside violence makes it abuse, not a crime by a stranger
_FAMILY = re.compile(r"아들|딸이|딸한테|딸\s|손자|손녀|며느리|사위|남편|아내|자식|시어머니|시아버지|요양보호사|간병인"
                     r"|\b(son|daughter|grandson|granddaughter|husband|wife|carer|caregiver|daughter-in-law)\b"
                     r"|儿子|女儿|孙子|丈夫|老公|媳妇|儿媳|con trai|con gái|con dâu|chồng|vợ tôi|息子|娘|夫|嫁",
                     re.IGNORECASE)


def by_family(text: str) -> bool:
    """The utterance names a family member or a carer."""
    return _FAMILY.search(normalise(text)) is not None


def normalise(text: str) -> str:
    """Lower case, punctuation as spaces, single spaces (the form ASR gives)."""
    cleaned = re.sub(r"[!?,.~…。！？，、\"“”]+", " ", text.lower())
    return re.sub(r"\s+", " ", cleaned).strip()


#: a story told, not lived: what a drama, a film or the news showed ("드라마에서 남편이 부인을 때리는 거
#:보고", "电视剧里那个人被打", "ドラマで泥棒が入る場面") — no rule fires on it (the probe still reads it)
_STORY = re.compile(
    r"(드라마|영화|뉴스|소설|연속극)(에서|에|속|\s*보니까|를\s*보니까)|나오는\s*(영화|드라마)"
    r"|\b(in|on) (a|the) (tv )?(show|drama|movie|film|series)\b"
    r"|(电视剧|电影|新闻)(里|中|的)|(ドラマ|映画|ニュース)(で|の中)|trong phim|phim (hôm|tối)",
    re.IGNORECASE,
)


def matching_rules(text: str) -> list[Rule]:
    """Every rule that fires on ``text`` (weak rules only outside information questions; none on a story)."""
    said = normalise(text)
    if _STORY.search(said):
        return []
    info = _INFO.search(said) is not None
    bare = toneless(said) if toneless_vietnamese(said) else ""
    return [rule for rule in RULES if rule.fires(said, info, bare)]


#: a child's (or grandchild's) partner: "딸 남편", "娘の夫", "my daughter's husband" — the caller is
#: the elder harmed by a family member, not a partner harmed by theirs
_KIN_PARTNER = re.compile(
    r"(딸|아들|손녀|손자)(의|네)?\s*(남편|아내|부인|와이프|신랑)"
    r"|\b(daughter|son|granddaughter|grandson)'?s?\s+(husband|wife|partner)\b"
    r"|(husband|wife|partner) of my (daughter|son|granddaughter|grandson)"
    r"|(娘|息子|孫)(の)?(夫|妻|嫁)|(女儿|儿子|孙女|孙子)(的)?(丈夫|老公|妻子|老婆)"
    r"|(chồng|vợ) (của )?(con gái|con trai|cháu)",
    re.IGNORECASE,
)


def abuse_target(text: str) -> AbuseTarget:
    said = _KIN_PARTNER.sub(" ", normalise(text))
    if _PARTNER.search(said):
        return AbuseTarget.PARTNER
    if _CHILD.search(said):
        return AbuseTarget.CHILD
    return AbuseTarget.ELDER


def information_question(text: str) -> bool:
    """The utterance asks about a programme, an insurance, an education… or tells of the past."""
    return _INFO.search(normalise(text)) is not None


__all__ = ["RULES", "Rule", "abuse_target", "by_family", "information_question", "matching_rules", "normalise"]
