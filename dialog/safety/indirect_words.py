"""Round 7: indirect words of danger — plans and goodbyes, family taking money or food, a stranger at the door.

Each entry: ``(name, kind, pattern, strong, unless)``, read by :mod:`dialog.safety.rules` like the
others. Written from knowledge of how elderly Korean callers put it on the phone (as ASR writes
it: no punctuation, fillers such as 아이고/그냥/좀, dialect endings such as 주이소/갈라고) and of how
foreign residents say it in en/zh/vi/ja, from 382 tuning-only lines written and committed first
(ee0f110, 51f4a2a, cc7383d; taken out of the labelled set again so that the stored probe matches the
tuning half it was learnt on, bench/README.md round 7) and from the tuning half's own misses; no
held-out line was read:

- suicide: pills or poison put by ("수면제 … 모아 두고", "농약 병을 … 숨겨 놨어"), affairs settled and
  a goodbye ("정리 다 했으니까 가도 돼요", "그동안 고마웠다고 … 이제 갈라고"), not waking ("안 깨면
  좋겠어요", "잠들면 그대로 갔으면"), going to the dead ("먼저 간 … 보러 가고 싶어"), being taken
  ("하느님 … 데려가 주이소"), no reason left ("살 이유가 하나도 없어");
- abuse: a child, relative or carer taking the pension or the deeds ("내 … 수급비를 … 한 푼도 안
  줘요"), food withheld ("밥을 굶겨요", "한 번밖에 안 차려 줘요"), fear of a family member ("또 때릴까
  봐"), neglect ("기저귀도 안 갈아", "혼자 두고 며칠째"), a child with bruises or unfed for days;
- crime: someone at the door now ("비밀번호를 누르고", "문을 막 잡아당겨요", "손잡이를 돌려"), someone
  in the house, being followed, a bag snatched, a weapon shown, a scam in progress ("통장이 범죄에
  쓰였다고 … 옮기래요"), a driver who will not stop;
- medical: choking on rice cake, confused talk with a cold sweat, eyes that will not open after a
  slump, a child's fever fit.
"""

from __future__ import annotations

from dialog.safety.kinds import DangerKind

M, S, A, F, C = DangerKind.MEDICAL, DangerKind.SUICIDE, DangerKind.ABUSE, DangerKind.FIRE, DangerKind.CRIME

_KIN = r"(아들|딸|며느리|사위|손자|손녀|손주|조카|동생|자식|영감|남편|신랑|아내|마누라|요양보호사|간병인|보호사)"
_OWN = r"(연금|기초연금|수급비|기초수급비|통장|카드|도장|인감|땅\s*문서|집\s*문서|문서|월급|돈)"

#: (name, kind, pattern, strong, unless)
INDIRECT_WORDS: tuple[tuple[str, DangerKind, str, bool, str], ...] = (
    # -- suicide ----------------------------------------------------------------------------------
    (
        "ko_put_by",
        S,
        r"(수면제|알약|약)[^.]{0,24}?모아\s*(두|놓|놨|뒀|둔|놔)|(한|두|몇)\s*달\s*치[^.]{0,6}?모아"
        r"|(이걸로|이거로|이거\s*먹고)\s*(끝|가|죽)|농약\s*(병)?[^.]{0,12}?(숨겨|사\s*놨|사다\s*놨"
        r"|사\s*뒀|마실라|마시려|마실\s*거)|(약|알약)을?\s*(다|몽땅|전부)\s*(삼켜|털어\s*넣)"
        r"|목\s*(을\s*)?맬\s*(데|곳)|가스\s*불?\s*(켜|틀어)\s*놓고[^.]{0,12}?(문\s*(다\s*)?닫|잘까|잠들)"
        r"|물에\s*(빠져|뛰어들어)\s*(버릴까|죽|버리)",
        True,
        r"버리|버려|약국에|수거|폐의약품|보관|처방|뻔",
    ),
    (
        "ko_goodbye",
        S,
        r"(나눠\s*주|넘겨\s*주|넘겨\s*줬|정리)[^.]{0,30}?(가도\s*돼|갈\s*거니까|곧\s*갈|떠날\s*거|갈라고"
        r"|가려고|필요\s*없으니까)|그동안\s*고마웠[^.]{0,30}?(갈라|가려|떠나|마지막)"
        r"|마지막으로[^.]{0,20}?(고마웠|고맙다|미안하다|잘\s*있어라)"
        r"|세상\s*(뜨기|떠나기)\s*전에[^.]{0,25}?(곧|이제)\s*(갈|떠날)"
        r"|(아무도\s*모르게|조용히)\s*(가려|갈\s*거|떠나려|사라지려)|오늘\s*밤이\s*마지막",
        True,
        r"이사|요양원|시골|이민|여행|퇴직|전근|졸업|병원에|입원",
    ),
    (
        "ko_not_wake_more",
        S,
        r"(안|못)\s*(깨|깨어나|일어나)면\s*좋|깨지\s*말고"
        r"|(잠들면|자다가|자는\s*채로)\s*(그대로|그냥)\s*(갔으면|가면\s*좋|가고\s*싶|가게)|영영\s*편해지|눈\s*뜨는\s*게\s*(무서|싫|괴로)"
        r"|(사는\s*거|사는\s*것|이렇게\s*사는\s*게)\s*(이제\s*)?(그만하고|끝내고)\s*싶",
        True,
        "",
    ),
    (
        "ko_go_to_dead",
        S,
        r"먼저\s*(간|보낸|떠난)[^.]{0,10}?(보러|만나러|곁|옆|따라)(으로|에)?\s*(가|갈)"
        r"|(부르는|오라고)[^.]{0,20}?가야\s*(될|할|겠)"
        r"|(하느님|하나님|부처님|조상님|영감|할멈)[^.]{0,20}?데려가"
        r"|(나\s*좀|나를|날)\s*데려가\s*(주이소|주세요|줘|주소|가이소|가소)"
        r"|굶어서\s*(가|죽)|(안\s*먹고|굶고)[^.]{0,8}?(가려|죽으려|갈\s*거)|그냥\s*빨리\s*가게",
        True,
        r"병원|시장|장\s*보|구경|여행|놀러|교회|성당|버스",
    ),
    (
        "ko_no_reason",
        S,
        r"(살|살아갈|살아야\s*할|살아\s*있을)\s*(이유|의미|낙)가?\s*(하나도|아무것도|전혀|이제)\s*없"
        r"|살아\s*있는\s*게[^.]{0,12}?(죄|민폐)|(목숨|목숨\s*줄|명줄)[^.]{0,4}?(내려놓|놓고\s*싶|놓을)"
        r"|없어지면\s*(그만|끝|되)|사라져\s*(주는|줘야|줄)|내가\s*(빨리|얼른|먼저)\s*(가야|죽어야|없어져야)",
        True,
        "",
    ),
    (
        "en_suicide_more",
        S,
        r"\b(stockpil\w+ [^.]{0,20}(pills|tablets|medication)"
        r"|won'?t need (them|it|anything) (much )?(longer|anymore|any more)"
        r"|giving (all )?my (things|belongings) away"
        r"|letters? to (each of )?my (kids|children|family|son|daughter)[^.]{0,40}(ready|goodbye)"
        r"|point in (carrying on|going on|being here)|walk into the (sea|river|water|lake)"
        r"|(had )?enough of (living|life)|want it (all )?to be over"
        r"|i should just (go|disappear)$)\b",
        True,
        "",
    ),
    (
        "zh_suicide_more",
        S,
        r"(想|早点|早日)[^。]{0,3}解脱|也想跟着?(他|她|老伴)(一起)?去"
        r"|随(他|她)而去|再也(别|不要|不)醒"
        r"|(东西|财产|钱)[^。]{0,10}(分给|留给)[^。]{0,10}(走|去)",
        True,
        "",
    ),
    (
        "vi_suicide_more",
        S,
        r"đi cho (xong|rồi)|sống[^.]{0,20}(chẳng|không) để làm gì|sống (để )?làm gì nữa"
        r"|muốn (đi )?theo (chồng|vợ|ông ấy|bà ấy|ông nhà|bà nhà|anh ấy)|thư (từ biệt|vĩnh biệt)"
        r"|ngủ[^.]{0,15}không (bao giờ )?(dậy|tỉnh)( lại)? nữa",
        True,
        r"sang|qua hàn|đến hàn|về quê|đi chợ|đi làm",
    ),
    (
        "ja_suicide_more",
        S,
        r"死んだ(ほう|方)が(まし|いい|良い)|(薬|睡眠薬)を[^。]{0,6}(貯め|溜め|ため)"
        r"|(全部|すべて|もう)終わりに(して|したい)|(夫|妻|主人|母|父)のところ(に|へ)[^。]{0,4}行きたい"
        r"|思い残すことは(もう)?(ない|ありません)",
        True,
        r"書類|仕事|今日中|宿題|手続き",
    ),
    # from the older tuning lines the probe alone caught
    (
        "ko_plain_end",
        S,
        r"살아\s*(봐야|봤자)[^.]{0,6}?(뭐|뭘|자식|고생|짐|애들)|조용히\s*(갈|떠날)\s*수"
        r"|차라리[^.]{0,15}?(갔으면|죽었으면|가\s*버렸으면)|굶(어서|다가?)\s*(가|죽)"
        r"|(내가|나)\s*없(더라도|어도)\s*(놀라지|슬퍼하지|울지)|사는\s*게\s*(너무\s*)?형벌"
        r"|(세상에|이\s*세상에)\s*없어야|어떻게\s*(하면\s*)?죽(을까|을지)"
        r"|(없어지는|사라지는)\s*게\s*답|이상한\s*생각이\s*(자꾸\s*)?들|사느니[^.]{0,10}?(가\s*버리)"
        r"|확\s*가\s*버리|다\s*소용없[^.]{0,6}?끝낼\s*(거|래)|그만\s*살(란다|련다|랍니다)"
        r"|(간|가신)\s*(데|곳)[^.]{0,6}?(나도\s*)?(얼른|빨리)?\s*(가야|가고\s*싶|갈래)"
        r"|(안|못)\s*(깨어나|깨|일어나)게\s*해\s*(달라|주)|눈\s*(안|못)\s*뜨고\s*싶"
        r"|(수면제|약)[^.]{0,12}?(사\s*모으|모으고\s*있)|죽을\s*날만\s*기다|한\s*발(짝)?만\s*(내디디|내밀|떼)면"
        r"|(내|나의)\s*마지막\s*날이\s*될|미리[^.]{0,10}?(고맙다고|인사)[^.]{0,10}?(해\s*뒀|했)"
        r"|(아무|이제)\s*(아무\s*)?미련도\s*없|묻어\s*(달라고|줘)[^.]{0,10}?(써|적어)\s*놨"
        r"|내가\s*죽어도[^.]{0,10}?(슬퍼할|울어\s*줄|모를)|사는\s*게\s*벌\s*받",
        True,
        r"서류|신청|일을|공사|이사|수속|절차|계약|작업|숙제",
    ),
    (
        "en_plain_end",
        S,
        r"\b(nothing (left )?to live for|swallow (all|everything)|(not|won'?t) (going to )?be here"
        r" (much|for) long(er)?|(went|go|gone) away for good|how many [^.]{0,15}pills (it )?"
        r"(takes|would)|gave away my (things|belongings)|i won'?t need them$)\b",
        True,
        "",
    ),
    ("zh_plain_end", S, r"活着[^。]{0,4}浪费|不如(早点)?走了|没有我[^。]{0,6}更好", True, ""),
    ("vi_plain_end", S, r"thà chết|(cách|muốn)( để)? ra đi", True, ""),
    ("ja_plain_end", S, r"(そろそろ|もう)終わりにします|いない(ほう|方)が", True, r"書類|仕事|今日中|宿題|手続き"),
    (
        "ko_plain_abuse",
        A,
        r"목을?\s*(조르|졸라)|밥[을도]?\s*안\s*(줘|주)|(애|아이|애기)를?\s*(막\s*)?(패|때리)"
        r"|먹다\s*남은\s*(밥|거)만\s*(줘|주)|" + _KIN + r"[^.]{0,30}?가만\s*안\s*두",
        True,
        r"작년|예전|었었|식당|경로당|복지관|급식|학교",
    ),
    (
        "other_plain_abuse",
        A,
        r"\b((he|she)'?ll (hurt|kill) me|(he|she) (will|would|'d) (hurt|kill) me)\b"
        r"|银行卡[都全]?(被)?拿走|不让我吃(饱|饭)|私を(叩|殴|蹴)",
        True,
        "",
    ),
    (
        "ko_plain_medical",
        M,
        r"갑자기\s*말이\s*(잘\s*)?안\s*나오|숨을\s*몰아\s*쉬|가슴이\s*(조인|죄어)"
        r"|머리를?\s*(찧|부딪|박)[^.]{0,15}?(졸려|토|의식)|가슴을\s*(잡고|움켜)[^.]{0,6}?(주저앉|쓰러)"
        r"|축\s*처지|입술이\s*(하얘|하얗)",
        True,
        r"작년|예전|지난|(었|했)을\s*때",
    ),
    # -- fire -------------------------------------------------------------------------------------
    ("ko_fire_spread", F, r"불이[^.]{0,8}?(번졌|번져|옮겨\s*붙)", True, r"작년|예전|지난|불나방|소문"),
    (
        "fire_burning7",
        F,
        r"(더미|방석|의자|옷|책|상자|박스|종이|매트리스|가구|쿠션|담요|전선|콘센트|멀티탭)(이|가)\s*(활활\s*)?타고\s*있"
        r"|불이\s*(점점\s*)?(커져|커지)|산불이[^.]{0,12}?(내려왔|번지|번져|났어|가까이|다가|마을)|녹으면서[^.]{0,6}?타"
        r"|\b((a )?strong smell of gas|smell of gas|gas smell)\b",
        True,
        r"작년|예전|지난|뉴스|예방|조심|감시|what (do|should) (i|we) do|in the future|\bif\b",
    ),
    # -- abuse ------------------------------------------------------------------------------------
    (
        "ko_takes_mine",
        A,
        r"내\s*" + _OWN + r"[^.]{0,20}?(빼\s*가|빼\s*갔|가져가|가져갔|안\s*돌려|한\s*푼도\s*안|팔아)"
        r"|(연금|수급비|기초연금|월급)[^.]{0,15}?(다|전부|몽땅)\s*(가져가|가져갔|뺏|써\s*버)"
        r"|" + _KIN + r"[^.]{0,25}?(관리한다면서|관리한다고)[^.]{0,15}?안\s*(줘|줍)"
        r"|(통장|카드)에서\s*돈을?\s*(다\s*)?(빼\s*가|빼\s*갔)",
        True,
        r"가져가야|가져가면|가져가나요|가져갈까|은행|주민센터에",
    ),
    (
        "ko_kin_harm",
        A,
        _KIN + r"[^.]{0,30}?(겁을\s*(줘|주|준)|밥\s*안\s*준다|불\s*(질러|지른다|지르겠)|멱살"
        r"|무서워서|(혼자\s*두고|내버려\s*둬|내버려\s*두|버려두고)[^.]{0,15}?(며칠|안\s*와|먹을)"
        r"|쫓아\s*(내|낸|냈)|(한\s*번|한\s*끼)밖에\s*안\s*(줘|차려|줍))"
        r"|밥을?\s*굶겨|때릴까\s*봐|(평생|맨날|자꾸|또|어제|어젯밤에?|오늘)\s*(나를|저를|날)?\s*때렸"
        r"|기저귀[를도]?\s*안\s*갈|멍이\s*(자꾸\s*|계속\s*|또\s*)?(들어|보여|보이)",
        True,
        r"작년|예전|었었|넘어져서|부딪",
    ),
    (
        "ko_child_neglect",
        A,
        r"(아이|애|애기|아기)[^.]{0,20}?(며칠째|며칠\s*동안)[^.]{0,6}?(밥을?\s*)?(못|안)\s*먹"
        r"|(아이|애|애기|아기)[^.]{0,12}?(몸|팔|다리|얼굴)에\s*멍",
        True,
        "",
    ),
    (
        "en_abuse_more",
        A,
        r"\b(pull(s|ed)? my hair|hid(es)? my (phone|passport|money|pension|card)"
        r"|won'?t feed (me|him|her|them)|bruises all over|covered in bruises"
        r"|screams at (him|her|them) every)\b",
        True,
        "",
    ),
    ("zh_abuse_more", A, r"(退休金|养老金|存折|工资)[都全]?(被)?拿走|掐我", True, ""),
    ("vi_abuse_more", A, r"(cầm|giữ) hết (lương hưu|tiền)|bỏ đói|đánh (bầm|chảy máu|tím)", True, ""),
    (
        "ja_abuse_more",
        A,
        r"(息子|娘|嫁|婿|孫)[^。]{0,10}(年金|お金|貯金)を[^。]{0,6}(使い込|使って|取|持ち出)",
        True,
        "",
    ),
    # -- crime ------------------------------------------------------------------------------------
    (
        "ko_at_door",
        C,
        r"누가[^.]{0,15}?(비밀번호를?\s*누르|문을?\s*(막\s*)?(잡아당|당기|당겨|흔들)|(창문|문)을?\s*열려"
        r"|손잡이를?\s*돌|귀를\s*대)|누가[^.]{0,10}?(안에|집에|방에)\s*있는\s*것\s*같"
        r"|(문고리|손잡이|도어락)를?\s*(자꾸\s*)?돌려"
        r"|(사람|남자|놈|여자|아저씨|누가|누군가)[^.]{0,20}?(따라\s*와|뒤에\s*(딱\s*)?붙어)"
        r"|(안방|거실|부엌|베란다|다락|작은방)에서\s*(뭔가\s*|누가\s*)?(부스럭|덜컹|발소리)"
        r"|방충망이\s*뜯|발자국이\s*(있|찍)|유리\s*깨지는\s*소리"
        r"|문을?\s*(쾅쾅|쿵쿵|탕탕|막)\s*(치|두드|차|때리)|열라고\s*(소리|고함)",
        True,
        r"작년|예전|지난번|었었|택배|수리|지원|교체|손주|강아지|고양이",
    ),
    (
        "ko_robbed",
        C,
        r"(가방|지갑|핸드폰|휴대폰|목걸이|봉투)[을를]?\s*(채\s*(갔|가|가서)|가져갔|들고\s*(도망|튀|달아))"
        r"|(밀치고|밀쳐서)[^.]{0,10}?(봉투|가방|돈|지갑)|칼[을로]?\s*(보여|들이|겨누)"
        r"|돈\s*(내라|내놔)\s*(고|며|면서)|(망치|몽둥이|쇠파이프|방망이|각목)[을를]?\s*(들고|휘두르)"
        r"|(유리|창문|문)[를을]?\s*(깨고|부수고)\s*있|(통장|계좌)[이가]?\s*범죄에"
        r"|(돈|예금)[을를]?[^.]{0,15}?옮기(라|래)|(사칭|가짜\s*(직원|경찰|기사))"
        r"|안\s*세워\s*(줘|주)|이상한\s*(데|곳|길)로\s*(가|데려)|(낯선|수상한|모르는)\s*차(가|들이)?"
        r"[^.]{0,20}?(며칠|계속|자꾸|서\s*있)|(점검|검침)[^.]{0,20}?안\s*보냈",
        True,
        r"작년|예전|지난번|었었|장난감|장난|버스",
    ),
    (
        "en_crime_more",
        C,
        r"\b(climbing (in |into |through )+(my|the|a)|smashing (car |the |my )?windows?"
        r"|(man|someone|somebody|stranger) in my (garden|yard|house|room|kitchen)"
        r"|looking (in )?through (my|the) windows?|someone is inside|hear footsteps"
        r"|(from|is|he'?s|claims to be)[^.]{0,10}police[^.]{0,40}(cash|money|withdraw|transfer))\b",
        True,
        r"\blast (year|month|week)\b",
    ),
    (
        "zh_crime_more",
        C,
        r"家里进(了)?人|进贼|翻得乱七八糟|拿着(棍子|棒子|铁棍|砖头)|有人[^。]{0,8}打人",
        True,
        r"去年|以前",
    ),
    ("vi_crime_more", C, r"người lạ[^.]{0,20}(đứng|lảng vảng|rình)|cố (mở|phá|cạy) cửa", True, r"năm ngoái|trước đây"),
    ("ja_crime_more", C, r"(ずっと|後ろから)[^。]{0,6}ついて(き|来)|入ろうとして|割られ", True, r"去年|以前"),
    # -- medical ----------------------------------------------------------------------------------
    (
        "ko_medical_more7",
        M,
        r"(떡|음식|사탕|고기|밥)[^.]{0,8}?목에\s*걸(려|렸)"
        r"|(식은땀|당뇨|저혈당|갑자기)[^.]{0,20}?헛소리"
        r"|(토하고|쓰러져|열이)[^.]{0,10}?정신을?\s*못\s*차"
        r"|(스르르|갑자기|쓰러지더니|미끄러지더니)[^.]{0,10}?눈을?\s*(안|못)\s*떠"
        r"|(쌕쌕|그르렁)[^.]{0,10}?(숨|말을\s*못|소리)|숨[^.]{0,10}?(쌕쌕|그르렁)|눈이\s*돌아가(요|고|더니)"
        r"|몸을\s*(덜덜|부들부들)\s*떨[^.]{0,10}?(눈|경기|의식)",
        True,
        r"작년|예전|지난",
    ),
    (
        "ko_medical_signs7",
        M,
        r"(숟가락|젓가락|컵)을?\s*(툭\s*)?떨어뜨리[^.]{0,10}?(말|마비|힘)|(벌벌|덜덜|부들부들)\s*떨[^.]{0,10}?정신"
        r"|(한쪽|한\s*쪽)\s*(얼굴|입)[^.]{0,6}?(내려앉|처지|처졌|돌아가)|(가\s*보니|만져\s*보니)[^.]{0,8}?몸이\s*(차가|뻣뻣)"
        r"|주저앉[^.]{0,10}?(대답|말을|정신|의식)|(약|알약)[^.]{0,12}?잘못\s*(먹|드|삼)|(열이|펄펄)[^.]{0,10}?헛소리"
        r"|말을\s*하는데[^.]{0,10}?무슨\s*말인지|(바닥|어지러)[^.]{0,20}?일어날\s*수가?\s*없|피를[^.]{0,8}?토(했|해)"
        r"|(오른쪽|왼쪽|한쪽)\s*(팔|다리|팔다리)[^.]{0,6}?힘이\s*(쭉\s*|하나도\s*)?(없|빠)",
        True,
        r"작년|예전|지난|(었|했)을\s*때",
    ),
    (
        "other_medical_signs7",
        M,
        r"\b(pain in (my|his|her) chest|swallowed (a handful|too many|all))\b|脸[^。]{0,3}(歪|斜)"
        r"|胸口[^。]{0,2}(剧痛|疼得|痛得)|顔の(片側|半分|片方)が下が|胸が[^。]{0,4}(痛|苦し)|冷や汗",
        True,
        r"去年|以前|last year",
    ),
    ("en_medical_more7", M, r"\b(can'?t find (her|his|my) words|arm (is|went|has gone) limp)\b", True, ""),
    (
        "vi_medical_more7",
        M,
        r"nằm dưới đất[^.]{0,20}(không trả lời|không dậy|bất động)|gọi (mà )?không (trả lời|thưa)"
        r"|nói không ra (tiếng|lời)|tay không nhấc (lên )?được",
        True,
        "",
    ),
    (
        "ja_medical_more7",
        M,
        r"(急に|突然)[^。]{0,4}話せな|(片手|片腕|腕)が上がら|(片手|片腕|腕)が上がりません",
        True,
        "",
    ),
)

__all__ = ["INDIRECT_WORDS"]
