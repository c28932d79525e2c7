"""More words of suicidal thought (round 9): a plan made or a means asked about, self-harm done on
purpose, another person at the edge now, and the wish said in forms the older rules missed.

Written from the tuning-only lines of round 9 (``"split": "tune"`` in ``data/utterances.jsonl``, batch
2147) that the rules before it missed, as families rather than sentences: "죽을 준비", "얼마나 먹어야
죽어요", "죽을라꼬 … 수면제 샀어예", "일부러 … 지졌어요", "난간에 올라가 있어요", "죽는 생각만 나요",
"绳子我准备好了", "拿头撞墙", "跳进汉江", "rạch tay", "bao nhiêu viên … thì chết", "首をつるロープ",
"自分を傷つける", "he wants to die", charcoal, "stopped eating so I can die". Same shape as
:data:`dialog.safety.suicide_words.SUICIDE_WORDS`: ``(name, pattern, strong, unless)``.
"""

from __future__ import annotations

from dialog.safety.suicide_words import HYPERBOLE_KO, SuicideWords

_HYPERBOLE_KO = rf"{HYPERBOLE_KO}[^.]{{0,6}}?죽"
_MEANS_KO = r"수면제|농약|제초제|쥐약|락스|번개탄|연탄|약|밧줄|끈|줄"

PLAN_WORDS: tuple[SuicideWords, ...] = (
    # -- Korean ---------------------------------------------------------------------------------
    (
        "ko_plan_made",
        r"죽을\s*준비|죽(을라꼬|을라고|을라구|을려고|으려고|을라|을까\s*하고)[^.]{0,25}?"
        rf"({_MEANS_KO}|샀|사\s*왔|모았|나왔|갔|왔|올라)"
        rf"|({_MEANS_KO})[^.]{{0,8}}?(얼마나|몇\s*(알|개|병|통|봉지))[^.]{{0,12}}?(먹어야|먹으면|마셔야|마시면|삼켜야)\s*(죽|끝|안\s*깨)"
        r"|빠져\s*죽(을라|으려|을래|고\s*싶|을\s*거|어야|을까)|(제|내)\s*손으로\s*(끝|죽|마감)"
        r"|죽(을랍니다|을랍|을란다|을래요|을라요|을끼다|을\s*끼다)"
        r"|(다|전부)\s*(태웠|나눠\s*줬|줘\s*버렸|줬)[^.]{0,25}?(갈|떠날)\s*준비",
        True,
        rf"{_HYPERBOLE_KO}|뻔했|뻔\s*했|드라마|예전에|옛날에",
    ),
    (
        "ko_wish_more",
        r"(죽는|죽을|죽고\s*싶은|죽어야겠다는)\s*생각(만|이|밖에|뿐)?\s*(나|들|해|자꾸|계속|떠나)"
        r"|살고\s*싶지(가|는|도)?\s*않|(죽는|죽을)\s*(거|것)\s*(말고는|말곤|외에는)|살아서\s*(뭐|뭣|머)\s*합"
        r"|(내가|제가)\s*(나를|저를|날|절|내\s*몸을|제\s*몸을)\s*해(치|칠|쳐)"
        r"|죽(게|도록)\s*[^.]{0,8}?(약|주사)[^.]{0,6}?(달라|줘|주세요|주라)"
        r"|(영감|할멈|할아범|먼저\s*간\s*\S+)\s*(있는|계신)\s*(데|곳)(로|으로)?\s*(빨리\s*)?(가고\s*싶|갈래|가야|갈라|갈란다|가면\s*되지)",
        True,
        rf"{_HYPERBOLE_KO}|드라마|영화",
    ),
    (
        "ko_harm_on_purpose",
        r"일부러[^.]{0,20}?(지졌|지지|데었|데게|긋|그었|그어|찔렀|찌르|박았|박아|베었|베|부어|때렸|때려)"
        r"|(손|손등|손목|팔|다리|허벅지)[을를에]?\s*(라이터|담뱃불|칼|면도날|커터)[로으]*\s*(지|긋|그|베|찔)",
        True,
        r"실수로|요리|칼질|넘어져|모르고",
    ),
    (
        "ko_at_the_edge",
        r"(난간|옥상\s*끝|창문\s*밖|창틀|철길|선로)에\s*(올라가|올라갔|올라서|서\s*있|매달|앉아\s*있)",
        True,
        r"공사|청소|고양이|강아지|새가|구경|작업|수리",
    ),
    # -- English --------------------------------------------------------------------------------
    (
        "en_plan_made",
        r"\b((says|said|keeps saying|told me|is saying) (that )?(he|she|they) (wants?|want) to"
        r" (die|end it|kill (him|her|them)self)"
        r"|(he|she) wants to (die|kill (him|her)self)|charcoal\b[^.]{0,40}\b(room|burn|tonight|seal|car)"
        r"|so (that )?i (can|could|will|would) (just )?die|starv(e|ing) myself"
        r"|(stopped|stop|quit) eating[^.]{0,25}\bdie"
        r"|how many (pills|tablets|sleeping pills)[^.]{0,25}\b(die|kill|fatal|to never wake)"
        r"|(bought|got|have) (the |a )?(charcoal|pills|poison) (to|for|so)[^.]{0,20}\b(die|end|tonight|burn)"
        r"|ready to die|be with my late (husband|wife|son|daughter|mother|father)|goodbye forever"
        r"|won'?t (be )?call(ing)? (you )?again[^.]{0,20}\bgoodbye)\b",
        True,
        r"\b(barbecue|bbq|grill|diet|fasting|ramadan|surgery|colonoscopy|blood test)\b",
    ),
    # -- Chinese --------------------------------------------------------------------------------
    (
        "zh_plan_made",
        r"(农药|安眠药|老鼠药|绳子|木炭|炭|刀片)[^。]{0,6}(已经)?(买好|准备好|备好|攒够|藏好|挂好)"
        r"|后事[^。]{0,4}(都)?(交代|安排)好|死了才(能)?解脱|(就这样|干脆|就)死了(吧|算了)"
        r"|喝了?(农药|百草枯|敌敌畏|除草剂)|吞了?[^。]{0,4}(安眠药|一瓶药|整瓶)"
        r"|(想|要|就想)(这样)?饿死|饿死(自己|算了)|把自己饿死|最后一次(打电话|给你们打|联系)"
        r"|(拿|用)头撞墙|撞墙撞到|自残|割腕|划(手|手腕|手臂|胳膊)|(手臂|手腕|胳膊|腿)上划"
        r"|跳(进|入|到|下)[^。]{0,4}(江|河|海|湖|水库)|早点死了?(好|算了)|还不如早点死|没(什么|有)?牵挂了",
        True,
        r"(累|热|冷|笑|烦|困)死了|游泳|跳水|电视剧|电影|小说|新闻|(父亲|母亲|爸爸|妈妈|爷爷|奶奶|老人)的后事",
    ),
    # -- Vietnamese (also heard toneless, see rules.py) -----------------------------------------
    (
        "vi_plan_made",
        r"rạch (tay|cổ tay|người|da)|cắt (tay|cổ tay) (mình|của mình)|tự làm (đau|hại|tổn thương)"
        r"|(mất|qua đời|chết) (rồi|lâu rồi)[^.]{0,30}(đi theo|theo) (mẹ|bố|ba|má|chồng|vợ|con|anh ấy|bà|ông)"
        r"|bao nhiêu (viên|liều|lọ)[^.]{0,25}(thì|để|mới|là) chết|(để dành|tích|gom|giấu) thuốc[^.]{0,30}(đủ|đi|chết)"
        r"|đủ để (đi|chết)|uống hết (thuốc|lọ|vỉ|cả lọ)|thuốc ngủ[^.]{0,20}uống hết"
        r"|nếu (em|tôi|mẹ|chị) (chết|không còn)[^.]{0,10}(thì )?ai (nuôi|chăm|lo)|sống[^.]{0,15}không còn ý nghĩa",
        True,
        r"năm ngoái|trước đây|bác sĩ (dặn|nói)|theo toa|chợ|du lịch|về quê",
    ),
    # -- Japanese -------------------------------------------------------------------------------
    (
        "ja_plan_made",
        r"首を?(つる|吊る|吊ろう|くくる)|首(つり|吊り)|(ロープ|縄|練炭|睡眠薬)を[^。]{0,6}(買って|用意|ためて|集め)"
        r"|(自分|じぶん)を[^。]{0,3}(傷つけ|きずつけ)|リストカット|リスカ|(手首|腕|うで|てくび)を[^。]{0,3}(切|きっ|きり)"
        r"|しにたい|しにたく|きえたい|きえてしまいたい|いなくなりたい|もうすぐいなくなる"
        r"|わざと[^。]{0,10}(打ちつけ|ぶつけ|切っ|傷)|頭を[^。]{0,6}打ちつけ",
        True,
        r"料理|包丁で指|うっかり|ドラマ|映画|ニュース",
    ),
)

__all__ = ["PLAN_WORDS"]
