"""More words of suicidal thought (round 11): the intent in spoken and dialect verb forms, dying
together, a means made ready, and stepping in front of a train.

Written from the tuning-only lines of round 11 (``"split": "tune"`` in ``data/utterances.jsonl``, batch
2506) that the older rules missed, as families rather than sentences: "죽을라고", "죽으러 가요", "죽을
끼라", "마셔불라고", "눈 안 떴으믄" (the endings elderly and dialect speakers use, as ASR writes them),
"둘이 죽으면 좋겠어", "we should both die together", "밧줄을 사 왔어요", "가스 밸브 열어놓고 문 다
닫아놨어요", "charcoal and tape", "기차 오면 들어갈라고", "jump in front of the subway", "lao xuống đường
ray", "飛び込みたくなる". Each names its near-misses in ``unless`` (hunger and heat hyperbole, "죽자
살자 일했다", a rope for the laundry, a gas stove left on by mistake, boarding a train). Same shape as
:data:`dialog.safety.suicide_words.SUICIDE_WORDS`.
"""

from __future__ import annotations

from dialog.safety.suicide_words import HYPERBOLE_KO, SuicideWords

#: "배고파 죽을라고", "힘들어 죽을 거라" — the hyperbole of the spoken forms
_HYPERBOLE_SPOKEN_KO = rf"({HYPERBOLE_KO}|힘들어|아파|짜증\s*나|궁금해|좋아|귀여워|부러워)(서)?\s*죽"

SPOKEN_WORDS: tuple[SuicideWords, ...] = (
    # -- Korean ---------------------------------------------------------------------------------
    (
        "ko_spoken_intent",
        r"죽을라(고|꼬|구|카|칸다|캤)|죽을란다|죽으러\s*(가|간|갈|왔|나)|죽을\s*(거라|거니까|거다|거여|기라|끼라|꺼라|꺼니까)"
        r"|(스스로|제\s*손으로|내\s*손으로)\s*(죽|끝내|목숨)|없어져\s*(줄라|주려|줄게|줄\s*거)"
        r"|(같이|둘이|함께|애들이랑|애들하고)[^.]{0,16}?죽(을까|으면\s*좋|자\b|자고|을라|으려|어\s*버리|는\s*게\s*나)"
        r"|죽(겄|겠)지[^.]{0,10}?바라|죽기(를|만)\s*바라|죽기(엔|에는|에)\s*충분",
        True,
        rf"{_HYPERBOLE_SPOKEN_KO}|죽자\s*살자|죽기\s*살기|드라마|영화|소설",
    ),
    (
        "ko_spoken_not_wake",
        r"(안|못)\s*(떴|뜨|깼|깨|깨어났|일어났)으믄|(깨지|일어나지)\s*말았으믄|자다가\s*(그냥\s*)?(갔|죽었)으믄",
        True,
        "",
    ),
    (
        "ko_means_ready",
        r"(모아\s*(둔|놓은|놨던)|모은)\s*(약|수면제|수면\s*유도제)"
        r"|(수면제|농약|제초제|쥐약|락스)[^.]{0,30}?(마셔|먹어)\s*(불라|뿔라|불랑께|불\s*거|버릴라|버리려)"
        r"|밧줄[을를]?\s*(하나\s*)?(사\s*왔|샀|사다\s*놨|준비|걸어\s*놨)|(나무|문고리|천장|대들보)에\s*(끈|줄|밧줄)?[을를]?\s*(걸면|묶을|매달)"
        r"|목에\s*(끈|줄|밧줄)[을를]?\s*(감아|감았|둘러|걸어\s*봤)"
        r"|가스\s*(밸브|불|를)?[을를]?\s*(열어|틀어)\s*(놓|놨|두)[^.]{0,20}?(문|창문)[^.]{0,8}?(닫|막)"
        r"|칼[을를]?\s*(쥐고|들고)[^.]{0,20}?(나를|날|내\s*몸을?|저를|제\s*몸을?)\s*(찌를|찌르|그을)"
        r"|뛰어\s*내리기\s*전|뛰어\s*내릴까|(통장|도장|열쇠)[^.]{0,40}(맡겨|줬|주고|넘겨)[^.]{0,30}약\s*(다\s*)?먹고\s*(갈|가)"
        r"|(철길|선로|철로|기찻길|건널목|찻길)[^.]{0,30}?(오면|오는\s*데로?)[^.]{0,15}?(들어갈|뛰어들|걸어\s*들어)"
        r"|(트럭|차|기차|열차|전철|지하철)[^.]{0,10}?(걸어\s*)?(들어가|뛰어들)[^.]{0,4}?죽"
        r"|(죽는|죽을|끝낼)\s*날(짜)?[은는을이도]?[^.]{0,20}?(정했|정해\s*놨|잡았|잡아\s*놨)",
        True,
        r"버리|버려|약국에|수거|폐의약품|유통\s*기한|빨래|텐트|해먹|화분|캠핑|이사|짐|낚시|실수로|깜빡|환기|요리"
        r"|결혼|이삿날|제삿날|수술\s*날|공사|작업|서류|계약|드라마|영화|뉴스",
    ),
    # -- Chinese --------------------------------------------------------------------------------
    (
        "zh_spoken",
        r"死了倒(干净|好|省心)|为什么(还)?活着|盼着[^。]{0,10}死|睡着(了)?就死|不想再醒(来|过来)"
        r"|(一起|两个人|带着[^。]{0,4})死了?(算了|吧|好)|(炭|木炭)[^。]{0,10}(胶带|封)",
        True,
        r"(累|热|冷|饿|困|笑|烦)死了|电视剧|电影|小说|烧烤|火锅",
    ),
    # -- Vietnamese (also heard toneless, see rules.py) -----------------------------------------
    (
        "vi_spoken",
        r"(uống|lao|nhảy|đâm)[^.]{0,30}cho chết|không còn đường (nào )?(khác )?ngoài cái chết"
        r"|(than|than hoa)[^.]{0,10}(băng keo|băng dính)|dây thừng[^.]{0,40}(tạm biệt|chết|treo)"
        r"|(cố tình|cố ý) không uống thuốc|lao (xuống|vào) (đường ray|đầu tàu|xe tải)"
        r"|(tôi|em|mình|mẹ|anh|chị) chết đi (thì|cho)|phải đi chết|không muốn thức dậy nữa|thuốc ngủ[^.]{0,30}uống hết",
        True,
        r"mệt|nóng|lạnh|đói|buồn cười|phim|nướng|cắm trại|vi khuẩn|con sâu|sâu bọ|muỗi|gián|chuột|kiến",
    ),
    # -- Japanese -------------------------------------------------------------------------------
    (
        "ja_spoken",
        r"飛び込みたく|飛び込もう|飛び込んで死|(私|俺|僕|わたし)なんか死んだほうが|死んだほうが\s*(みんな|家族)",
        True,
        r"プール|海水浴|ドラマ|映画",
    ),
    # -- English --------------------------------------------------------------------------------
    (
        "en_spoken",
        r"\b((both|all) (of us )?die together|we should (both |all )?die|better off if i (was|were) dead"
        r"|(jump|step|walk|throw myself) in front of (a |the )?(subway|train|bus|truck|car)"
        r"(?!\s*(station|stop|park|door|wash|seat))"
        r"|(charcoal|coal)\b[^.]{0,25}\b(tape|sealed|seal)"
        r"|on (the )?[^.]{0,20}(bridge|대교)[^.]{0,60}\b(let go|jump))\b",
        True,
        r"\b(movie|show|film|novel|barbecue|bbq|grill)\b",
    ),
)

__all__ = ["SPOKEN_WORDS"]
