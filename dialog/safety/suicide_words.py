"""Words of suicidal thought, direct and indirect, in Korean, English, Chinese, Vietnamese and Japanese.

Each entry: ``(name, pattern, strong, unless)``. A *strong* one fires whatever else is said; a weak
one only outside information questions (see :mod:`dialog.safety.rules`). ``unless`` names what
turns the words into ordinary speech ("서류 다 끝내고 싶어요", "mệt muốn chết", "짐이 많아서").

Written as elderly callers say it and as ASR writes it: a wish to die or to not wake up, being a
burden, following a late spouse, asking to be "taken", a method or a plan (pills saved up, 번개탄,
a roof or a bridge), and the life-is-pointless family. Hyperbole ("배고파 죽겠어요", "死にそう",
"热死了") never matches: these want a wish or a plan, not "죽겠".
"""

from __future__ import annotations

#: (name, pattern, strong, unless)
SuicideWords = tuple[str, str, bool, str]

#: what Korean calls "죽겠다" out of: heat, cold, hunger, work, sleepiness, boredom, laughter (no danger)
HYPERBOLE_KO = r"(더워|추워|배고파|배가\s*고파|바빠|졸려|심심해|웃겨)"

_TASKS = r"서류|신청|일을|공사|이사|준비|수속|절차|계약|작업|숙제|오늘\s*안에|빨리\s*끝내"

SUICIDE_WORDS: tuple[SuicideWords, ...] = (
    # -- Korean ---------------------------------------------------------------------------------
    (
        "ko_suicide",
        r"죽고\s*싶|살기\s*싫|살고\s*싶지\s*않|(그만|더\s*이상|더는)\s*살고\s*싶|목숨을?\s*끊"
        r"|끝내\s*버리고\s*싶|끝내\s*버릴|사라지고\s*싶|없어지고\s*싶"
        r"|세상\s*(뜨|떠나)고\s*싶|뛰어내(리고|리려|릴)|투신"
        r"|(살|있을|살아갈|살아야\s*할)\s*(이유|의미)가?\s*없|죽는\s*게\s*(낫|나아)"
        r"|죽어\s*버리|죽으려(고|구)|죽을\s*용기|유서|영영\s*안\s*깼|따라가고\s*싶|내가\s*없어지면"
        r"|(없는|없어지는|사라지는)\s*게\s*(낫|나아)|없어져야(지|겠|\s*돼)"
        r"|나\s*같은\s*(건|게|것은|사람은?|늙은이는?)\s*(빨리\s*)?(죽|없어|사라)"
        r"|빨리\s*죽어야|죽어야\s*(지|겠|돼|해)|죽어\s*버릴래|이대로\s*(죽|가)(었으면|고\s*싶|을래)"
        r"|나쁜\s*생각(을|이|만)?\s*(자꾸\s*)?(해|하게|들|만)|죽을\s*생각|(아무|살)\s*희망이\s*없"
        r"|희망이\s*하나도\s*없|극단적(인)?\s*선택|(인생|삶)을?\s*(끝내|마감|포기)|눈을?\s*감고\s*싶"
        r"|(하늘나라|저세상|저승)[^.]{0,6}?(가고|가야|가면|갔으면)|죽었으면\s*좋겠"
        r"|다\s*포기하고\s*싶|연탄을?\s*피우"
        r"|죽(고만\s*싶|을\s*생각|으려|을래|었으면)|죽는\s*게\s*(낫|나아|나을|낫겠)|사느니\s*(차라리\s*)?(죽|없)"
        r"|(그만|안|더\s*안)\s*살래|자다가\s*(그냥\s*)?(갔으면|죽었으면|떠났으면)",
        True,
        rf"{HYPERBOLE_KO}(서)?\s*죽(으려|을래)",
    ),
    ("ko_suicide_end", r"(다|모두|전부|모든\s*걸|그냥)\s*끝내고\s*싶|모든\s*게\s*끝났으면", True, _TASKS),
    (
        "ko_not_wake",
        r"(눈을?|눈)\s*(안|못)\s*(떴|뜨)으면|(안|못)\s*(깨어났|깨어나|깼|일어났|깨)으면"
        r"|(깨지|깨어나지|일어나지)\s*(말|않)았으면|영원히\s*잠들",
        True,
        "",
    ),
    (
        "ko_pointless",
        r"사는\s*게\s*(너무\s*)?(괴로|지긋지긋|지겨|고통)|사는\s*게\s*(아무\s*)?의미가?\s*없"
        r"|살아\s*있는\s*게\s*(너무\s*)?(힘들|괴로|고통|싫)"
        r"|살아서\s*(뭐|뭘|무엇)\s*(해|하|할)|살아\s*(봐야|봤자)\s*(뭐|뭘|자식|고생|짐)",
        True,
        "",
    ),
    (
        "ko_taken",
        r"(데려가|데리고\s*가)(셨|줬|주셨|갔)으면|(곁|옆)으로\s*가고\s*싶|그만\s*가고\s*싶"
        r"|(먼저\s*간|먼저\s*보낸)\s*\S+\s*(따라|곁)",
        True,
        # "병원을 이제 그만 가고 싶어요 … 방문 진료": a place given up, not a life
        r"(병원|경로당|복지관|교회|성당|센터|학교|회사|모임|데이케어|주간\s*보호|요양원)[을를에은는도]?\s*(이제\s*)?(그만|안)\s*가",
    ),
    (
        "ko_burden",
        r"짐(이|만)?\s*(되기\s*싫|되는|될\s*바에|돼서|되고|만\s*되)|짐덩어리",
        False,
        r"요양원|요양병원|이사|이삿짐|짐이\s*많|짐을|짐\s*(옮|싸|정리|보관)",
    ),
    (
        "ko_method",
        r"농약을?\s*(마시|먹)|약을?\s*(모아|한꺼번에|한\s*번에|다\s*털어)|수면제를?\s*(모아|한꺼번에|다)"
        r"|손목을?\s*(그|긋)|목을?\s*매|번개탄|(다리|옥상)\s*위에\s*(있|서|올라)|옥상에\s*올라",
        True,
        # "남은 약 모아서 약국에 … 버려 줘요", "약을 한꺼번에 석 달 치 받아 왔는데 어떻게 보관해요",
        # "번개탄으로 고기 구워"
        r"버리|버려|약국에|수거|폐의약품|보관|처방|받아\s*왔|고기|구워|캠핑|바비큐",
    ),
    (
        "ko_plan",
        r"죽어\s*버(리|릴|려)|죽는다고\s*(하|그래|해|난리)|죽어\s*버리겠다고|영원히\s*(자|잠)|(자고|잠들고)\s*싶[^.]{0,8}?영원히"
        r"|(영감|남편|마누라|아내|할멈|할아범|먼저\s*간)[^.]{0,20}?따라\s*(가|갈)"
        r"|(다|모두|전부)\s*정리했[^.]{0,30}?(가려|떠나|갈\s*거)|(애들|자식)한테\s*(다\s*)?(주고|나눠\s*주고)[^.]{0,10}?(가려|떠나)"
        r"|옥상[^.]{0,15}?올라가|뛰어들(까|고|려|래|겠|어\s*버)|살\s*(가치|자격)가?이?\s*없",
        True,
        # "남편 따라가서 병원 진료 받았는데": following someone on an errand
        r"병원|진료|시장|장\s*보|구경|여행|놀러|교회|성당|모임|이사",
    ),
    (
        "ko_ways",
        r"(죽는|죽을|자살)\s*방법|사는\s*게\s*(너무\s*)?(고문|지옥)|(나만|내가)\s*없으면[^.]{0,10}?(편할|편하|낫|좋을|행복)",
        True,
        "",
    ),
    (
        # a plan said plainly, unless it is the hyperbole of heat, hunger, work ("더워서 죽을 거예요")
        "ko_will_die",
        r"죽을\s*(거예요|거야|겁니다)|죽을래|마지막\s*인사",
        True,
        rf"({HYPERBOLE_KO}|힘들어|아파|짜증)[^.]{{0,6}}?죽을|장례|빈소|발인|조문"
        r"|이사|퇴직|전근|졸업",
    ),
    ("ko_suicide_weak", r"자살", False, ""),
    # -- English --------------------------------------------------------------------------------
    (
        "en_suicide",
        r"\b(kill(ing|ed)? myself|end(ing)? my (own )?life|take my (own )?life|want(ed)? to die"
        r"|don'?t want to (live|be alive|be here)|no reason to live"
        r"|better off (dead|without me|if i was gone"
        r"|if i were gone)|end it all|wish i (was|were) dead|wish i could die"
        r"|(sleep|asleep) and (never|not) wake|never wake up|point (of|in) living"
        r"|(going|want) to jump|jump off|saving up (my )?(sleeping )?pills|goodbye (letter|note)"
        r"|suicide note|can'?t go on (like this|anymore|any more)"
        r"|(thinking|think|thought) (about|of) (ending (it|things|my life)|dying|death)"
        r"|take all (my|the|of my) (pills|tablets|medicine)|done with (life|living)|end(ing)? things"
        r"|no point (anymore|any more|in living|in going on)"
        r"|(going|plan(ning)?) to (die|kill myself))\b",
        True,
        "",
    ),
    (
        "en_plan",
        r"\b(tired of living|sick of living|rope (is )?ready|have the rope|noose|not worth living)\b",
        True,
        "",
    ),
    (
        "en_ways",
        r"\b(ways to die|how to die|how to kill myself"
        r"|(happier|better) if i (just )?(disappeared|was gone|were gone|died))\b",
        True,
        "",
    ),
    ("en_burden", r"\ba burden\b", False, ""),
    ("en_suicide_weak", r"suicid", False, ""),
    # -- Chinese --------------------------------------------------------------------------------
    (
        "zh_suicide",
        r"想死|不想活|活不下去|结束(我的)?生命|活着没意思|一死了之|不如死了|死了算了|跳下去|跳楼"
        r"|离开这个世界|结束这一切|结束自己|别再醒|不要再醒|不再醒来|攒.{0,3}药"
        r"|活着没有?意思|去陪(老伴|他|她)|怎么死|去死|寻死|一睡不醒|拖累|不想再活",
        True,
        r"(累|热|冷|饿|困|笑|烦)死了算了",
    ),
    ("zh_plan", r"喝农药|遗书|活够了|活着没有?价值|自我了断|了断|怎么自杀|没有我大家", True, ""),
    ("zh_suicide_weak", r"自杀|累赘|安眠药", False, ""),
    # -- Vietnamese -----------------------------------------------------------------------------
    (
        "vi_suicide",
        r"muốn chết|không muốn sống|chán sống|tự tử|tự sát|kết thúc cuộc đời|kết liễu|chết đi cho xong"
        r"|chết cho xong|chết quách|nhảy (xuống|cầu|lầu)|chấm dứt (tất cả|cuộc sống|mọi thứ)"
        r"|không bao giờ tỉnh|gom thuốc|uống hết thuốc|biến mất|không thiết sống|nghĩ đến cái chết"
        r"|nghĩ đến (chuyện )?chết|không muốn tỉnh",
        True,
        r"(mệt|đói|nóng|lạnh|buồn ngủ|sợ|lo|đau|buồn cười|cười|vui)\s+(quá\s+)?muốn chết"
        r"|(bác sĩ (dặn|bảo)|theo toa|đơn thuốc|phải)[^.]{0,20}uống hết thuốc|uống hết (thuốc )?kháng sinh",
    ),
    (
        "vi_plan",
        r"uống thuốc trừ sâu|thư tuyệt mệnh|sống chẳng còn (gì|ý nghĩa)|cách (để )?chết|không có tôi",
        True,
        "",
    ),
    ("vi_burden", r"gánh nặng", False, ""),
    # -- Japanese -------------------------------------------------------------------------------
    (
        "ja_suicide",
        r"死にたい|生きていたくな|消えたい|いなくなりたい|命を絶|生きるのがつら|生きていても仕方"
        r"|生きている意味|死んだほうが(まし|いい)|飛び降り|終わりにしたい|目が覚めなければ"
        r"|起きなければいい|薬をため|睡眠薬を.{0,6}(全部|ため)|死ぬことばかり|死ぬことを考え"
        r"|死んで(しまい|しまお)たい|死のう|死ぬつもり"
        r"|消えて(しまい)?たい|重荷になる|生きているのが(嫌|いや)",
        True,
        "",
    ),
    ("ja_plan", r"遺書|死なせて|死ぬ方法|私がいなければ|いなくなれば", True, ""),
    ("ja_suicide_weak", r"自殺", False, ""),
)

__all__ = ["SUICIDE_WORDS"]
