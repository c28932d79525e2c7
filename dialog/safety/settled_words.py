"""More words of suicidal thought (round 10): affairs settled, a day chosen, the last call, a means
at hand with the intent said, and someone else about to do it now.

Written from the tuning-only lines of round 10 (``"split": "tune"`` in ``data/utterances.jsonl``, batch
2324) that the older rules missed, as families rather than sentences: "이게 마지막 전화예요", "그 뒤엔
제가 없을 거라서요", "날짜 정해서 가려고요", "곧 갈 사람이", "바다 들어갈란다", "안 일어날 만큼",
"下个月的药不用给我开了 我用不上了", "存折和印章 … 密码", "không cần gọi cho em nữa … không có ai nghe
máy", "来月のお薬はもういりません", "I won't be around much longer", "my husband … said he's ending
it". Each names its near-misses in ``unless`` (a wedding date, a last call of the day, swimming, a
barbecue, giving old clothes away). Same shape as :data:`dialog.safety.suicide_words.SUICIDE_WORDS`.
"""

from __future__ import annotations

from dialog.safety.suicide_words import HYPERBOLE_KO, SuicideWords

_TASKS_KO = r"서류|신청|공사|이사|수속|절차|계약|작업|숙제|공부|다이어트|장사|가게|사업|연애|회사|청소|정리\s*작업"
_TRIPS_KO = r"여행|출장|이민|출국|귀국|휴가|고향|시장|병원에|요양원|입원"

SETTLED_WORDS: tuple[SuicideWords, ...] = (
    # -- Korean ---------------------------------------------------------------------------------
    (
        "ko_day_chosen",
        r"(끝낼|갈|죽을)\s*날(짜)?(만|을|를|도)?\s*(세|기다|잡|정했|받아)|날(짜)?\s*(정해서|잡아서|잡아\s*놓고)\s*(가|끝|죽)"
        r"|(끝내기로|가기로|죽기로)\s*(했|결심|마음|맘)|오늘로\s*(끝|그만|마지막)|그만\s*할래요?\s*(이제\s*)?오늘로"
        r"|(곧|오늘|내일|이번\s*주)\s*(다\s*)?끝낼\s*(거|게|건|래)|다\s*끝낼\s*(건데|거라|거니까|테니)"
        r"|곧\s*갈\s*사람|갈\s*일만\s*남|(아주|영영|아예)\s*가\s*버(릴|리려|린다)"
        r"|수의(도|를|까지)?\s*(사|맞춰)\s*(놨|뒀)[^.]{0,30}(알아서\s*가|가려|갈라)"
        r"|(잘\s*있으라|고마웠다|미안하다)고[^.]{0,30}(전화|연락)[^.]{0,6}(안\s*받|안\s*돼|안\s*되|꺼)",
        True,
        rf"{_TASKS_KO}|{_TRIPS_KO}|결혼|상견례|수술\s*날|이삿날|제삿날",
    ),
    (
        "ko_gone_after",
        r"(그\s*뒤|그\s*후|그\s*다음|그때)(엔|에는|에|면)?\s*(나도|저도|제가|내가|나는|저는)\s*없"
        r"|(제가|내가|나는|저는)\s*없을\s*(거라|거니까|테니|텐데)|(나|내가|제가)\s*없어진\s*(거|줄|걸)\s*(아무도\s*)?모를"
        r"|마지막\s*(전화|통화)(예요|에요|입니다|이야|야|라서|인\s*것\s*같)|마지막으로\s*(걸어|전화해)\s*(본|보는)"
        r"|마지막\s*(밥|끼니|식사)(이라|라고|라\s*생각)|(안|다시는?\s*안)\s*(일어날|깰|깨어날)\s*만큼"
        r"|내일(이|은)\s*(안\s*왔으면|없었으면)|(떨어지는|뛰어내리는)\s*상상",
        True,
        rf"{_TRIPS_KO}|상담\s*시간|몇\s*시|접수|다이어트|오늘\s*마지막\s*(전화|통화)\s*(상담|접수)|드라마|영화",
    ),
    (
        "ko_means_said",
        r"(번개탄|번게탄|연탄)[^.]{0,20}(피울라|피우려|피워\s*놓|피워\s*놨|피울\s*거)|문틈[^.]{0,6}막"
        r"|(농약|농냑|제초제|쥐약|락스)[^.]{0,25}(먹을라|마실라|마셔\s*버|먹어\s*버|나\s*먹|내가\s*먹|마시겠다|먹겠다)"
        r"|(목에\s*걸|목\s*맬)\s*(끈|줄)|(끈|줄|밧줄)[^.]{0,10}목에\s*걸"
        r"|몇\s*(통|알|병)[^.]{0,12}(먹으면|먹어야)[^.]{0,12}(간이|확실|한\s*번에|안\s*깨)"
        r"|떨어지면\s*(확실히|바로|한\s*번에)\s*(가|죽)|(창문|난간|창틀)[^.]{0,15}(걸터\s*앉|넘어\s*서|밖에\s*서)"
        r"|(기차|기찻길|철길|철로|선로)[^.]{0,30}앞에\s*(설라|서려|뛰어들|누울라|누우려)"
        r"|(바다|강물?|저수지|호수)(에|로|으로)?\s*(그냥\s*)?(들어갈|뛰어들|걸어\s*들어갈?)\s*(란다|래|라고|려고|거|용기|까)"
        r"|들어갈\s*용기|굶(다\s*보면|어서|어)[^.]{0,6}(가겠|가려|죽|갈라)|스스로\s*(끝내|목숨)|(끝내는|죽는)\s*방법"
        r"|(라이터|담뱃불|뜨거운\s*물|다리미)[로으]*\s*[^.]{0,8}?(손등|손목|팔|다리|허벅지)[을를]?\s*(지지|지졌|데우|데워|긋|그었)"
        r"|자기\s*(배|목|손목)[를을]?\s*(찌르|긋)겠다|(다|전부)\s*끝내겠다고",
        True,
        rf"{HYPERBOLE_KO}|고기|구워|캠핑|난방|보일러|밭에\s*뿌|살포|수영|물놀이|해수욕|낚시|실수로|모르고|요리|설거지"
        r"|드라마|영화|뉴스",
    ),
    # -- Chinese --------------------------------------------------------------------------------
    (
        "zh_settled",
        r"我[^。]{0,4}没几天(了|活头)|我自己(都)?想好了|最后一(个|通)电话|(照顾|养)不了它了|要走了[^。]{0,3}不回来"
        r"|存折[^。]{0,10}密码|药[^。]{0,8}用不上了|绳子[^。]{0,15}反锁|反锁[^。]{0,15}绳子|都送人了[^。]{0,15}(该走|要走)"
        r"|药全(部)?吃(掉|了)|去(跟|和)[^。]{0,4}(老公|老伴|老婆|妈妈|爸爸|儿子|女儿)团聚"
        r"|(楼顶|天台|屋顶|桥上)[^。]{0,15}(跳了|跳下|可以跳|要跳)",
        True,
        r"春节|过年|放假|考试|出差|旅游|回国|舞|跳绳|医生说|病好",
    ),
    # -- Vietnamese (also heard toneless, see rules.py) -----------------------------------------
    (
        "vi_settled",
        r"tự (chọn|quyết) (rồi|ra đi)|đi luôn không (về|quay)|cuộc gọi cuối cùng|vĩnh biệt"
        r"|thư (cho|gửi) (con|vợ|chồng|mẹ|bố)[^.]{0,50}(đi rồi|không còn)|kết thúc (tất cả|mọi thứ|cuộc đời)"
        r"|(cố tình|cố ý) nhịn ăn|nhịn ăn[^.]{0,20}(đi luôn|chết|kiệt sức)|sổ ngân hàng[^.]{0,40}mật khẩu"
        r"|(không cần|khỏi) (kê|lấy|mua) thuốc[^.]{0,15}nữa|(không|chẳng) (có )?ai nghe máy"
        r"|(ra|xuống|vào) (biển|sông|hồ)[^.]{0,15}không quay|đi một nơi (rất )?xa[^.]{0,20}không (làm phiền|quay)"
        r"|không làm phiền ai nữa"
        r"|(nước sôi|bật lửa|tàn thuốc|lửa)[^.]{0,4} (dội|đốt|dí|châm) (lên|vào) (tay|chân|người|da)",
        True,
        r"công việc|hồ sơ|giấy tờ|hợp đồng|dự án|dọn|lễ|đám tang|phim|du lịch|về quê|về nước|nấu|bỏng do",
    ),
    # -- Japanese -------------------------------------------------------------------------------
    (
        "ja_settled",
        r"自分で(いなくなる|終わり|終わらせ)|(戻らない|戻れない|遠い)(ところ|所|場所)[へに]行|最後の電話"
        r"|(全部|すべて|人生を?|自分を)終わりに(する|します|しよう)|さようなら[^。]{0,10}(来て|言って)[^。]{0,20}(つながらない|出ない)"
        r"|通帳と印鑑[^。]{0,25}(暗証番号|後のこと)|来月の(お)?薬は?もう(いりません|要らない|いらない)"
        r"|手すりの外|(飛ぶ|飛び降りる)って言って|出る人(は|が)?いない|(海|川|湖)に[^。]{0,6}(歩いて)?入って(いこう|いく|行こう|行く)"
        r"|逝きたい|残して逝|(何箱|何錠|何瓶)[^。]{0,10}飲んだら|一気に飲もうと|(炭|練炭)を(焚|たい|燃や)"
        r"|もう誰にも迷惑(を)?かけません",
        True,
        r"旅行|出張|引っ越|帰国|仕事|作業|片付け|泳|海水浴|バーベキュー|焼肉|キャンプ|ドラマ|映画",
    ),
    # -- English --------------------------------------------------------------------------------
    (
        "en_settled",
        r"\b(won'?t be around (much )?(longer|for long|after)|i'?m going for good|my last call"
        r"|goodbye (letters?|notes?)|suicide note|(he'?s|she'?s|i'?m) ending it|end(ing)? it (all|tonight)|finishing it"
        r"|i cut my (arms?|wrists?|legs?)|cut(ting)? myself|(don'?t|not|never) survive the fall"
        r"|(stopped|stop|quit) eating on purpose|fade out|won'?t be anyone (here )?to answer"
        r"|swallowed the (whole|entire) bottle|brave enough to (walk in|jump|do it))\b",
        True,
        r"\b(moving|move|country|visa expires|back home|back to|shaving|cooking|paper|homework|report|project"
        r"|movie|show)\b",
    ),
)

__all__ = ["SETTLED_WORDS"]
