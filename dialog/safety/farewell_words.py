"""More words of suicidal thought (round 8): dialect and misspelt wishes, farewells, a method named,
self-harm, and "nobody would notice".

Written from the tuning-only lines of round 8 (``"split": "tune"`` in ``data/utterances.jsonl``, batch
1962) that the rules of :mod:`dialog.safety.suicide_words` and :mod:`dialog.safety.indirect_words`
missed, as families rather than sentences: "고마 죽어삐고 싶데이", "죽어불고 싶당께", "죽고십어요" (the
wish in 경상도 and 전라도 speech and as ASR misspells it), "나 찾지 말라고 전해 주세요", "다시 전화할
일 없을 거예요", "엄마 먼저 간다", a river, rails or a railing named as the way, "팔을 긋고 싶은", "i
bought a rope", "别找我", "死路一条", "練炭", "これでお別れです". Same shape as
:data:`dialog.safety.suicide_words.SUICIDE_WORDS`: ``(name, pattern, strong, unless)``.
"""

from __future__ import annotations

from dialog.safety.suicide_words import HYPERBOLE_KO, SuicideWords

_ERRANDS = r"이사|이민|출국|귀국|여행|출장|퇴직|전근|졸업|병원|시장|버스|회사|학교|요양원|입원|집에\s*(가|들어)"

FAREWELL_WORDS: tuple[SuicideWords, ...] = (
    # -- Korean ---------------------------------------------------------------------------------
    (
        "ko_wish_spoken",
        r"죽고\s*(십|시퍼|싶)|죽어\s*(삐|뿌|불|뿔|뻐|부)(고|리고|까|릴까|려|야|면|ㄹ)|콱\s*죽|자\s+살\s*(하고|할|하려|했)"
        r"|(죽는|죽을|죽)\s*(수|길|것)\s*밖에|태어나지\s*(말았|않았)어야|내\s*손으로\s*(끝|죽|마감)"
        r"|사라져\s*버리고\s*(싶|십)|(사라져|없어져)\s*버릴(까|래|\s*거)|죽어야\s*(쓰|겄|것)|(안|못)\s*깨었으면",
        True,
        rf"{HYPERBOLE_KO}[^.]{{0,6}}?죽",
    ),
    (
        "ko_stop_living",
        r"(그만|이만|고마|고만)\s*(살랑|살어야|살아야|살까|살란다|살겠|살래)"
        r"|(더\s*)?살아서\s*(뭣|머|뭐)\s*(해|하|할)|더는\s*못\s*버티|오늘이\s*마지막(일|이)",
        True,
        rf"{_ERRANDS}|집에서|여기서|동네|신청|접수|마감|세일|근무|수업|허리|무릎|통증",
    ),
    (
        "ko_farewell",
        r"(나|날|저|절|나를|저를)\s*찾지\s*(말|마)|다시(는)?\s*(전화할|연락할|볼|만날)\s*일\s*(은\s*)?없"
        r"|(엄마|아빠|애비|에미|할미|할매|할배|나|내|저)(는|가)?\s*먼저\s*(간다|갈게|가마|갑니다)"
        r"|마지막으로\s*(인사|목소리|전화)|그동안\s*고마웠[^.]{0,40}?(간다|갈게|가요)|떠날\s*(정리|준비)를?\s*(다|끝)|다시는\s*(안|못)\s*돌아"
        r"|가기만\s*하면\s*(돼|된다|되)|(그냥|이제|다|그만)\s*끝(내려고|낼래|낼\s*거|내야지|내\s*놓을|내\s*버릴)",
        True,
        rf"{_ERRANDS}|서류|일을|공사|수속|절차|계약|작업|숙제|고향|나라|한국",
    ),
    (
        "ko_way_named",
        r"(강물|바다|저수지|물)에\s*(들어가|빠지|뛰어)[^.]{0,10}?(편해|끝|죽|버릴)|(기찻길|철길|철로|선로)에\s*(누워|뛰어)"
        r"|(난간|다리)[^.]{0,6}?(넘어가|뛰어내)|들이받아\s*버릴|(얼어|굶어)\s*죽(을라|으려|을\s*거|을래)"
        r"|(영감|남편|아내|마누라|할멈|할아범|엄마|아버지|어머니)\s*(곁|옆)으로[^.]{0,6}?(가야|가고\s*싶|갈래|가려|갈\s*거|갈라)"
        r"|(약|밥)[^.]{0,20}?(안\s*먹|끊)[^.]{0,20}?(빨리\s*)?(가려|갈라|죽으려|가게)",
        True,
        r"병원|병실|자리|요양원|이사|낚시|수영|구경|산책|의사|선생님이",
    ),
    (
        "ko_self_harm",
        r"(팔|손목|허벅지|몸)[을를에]?\s*(칼로\s*)?(긋|그어|그었|지지|지졌|상처\s*내)|담뱃불로\s*(지지|지졌)"
        r"|자해|(나|내)\s*자신을\s*해(치|칠)|스스로를?\s*해(치|칠)|(내가|나)\s*(죽어도|없어져도|사라져도)\s*(누가|아무도)",
        True,
        r"요리|칼질|실수로|다쳐서\s*병원|넘어져",
    ),
    # -- English --------------------------------------------------------------------------------
    (
        "en_farewell",
        r"\b((don'?t|not to) (come )?look(ing)? for me|lived long enough|(ready|want|going) to end it"
        r"|end(ing)? it (all|feels|is the only)|only way out|written (letters|notes) (for|to) (everyone|everybody|my)"
        r"|(bought|got|have) a rope|(taking|take|swallow(ing)?) (them|it|the pills|the tablets) all"
        r"|took all (of )?(my|the) (sleeping )?(pills|tablets)"
        r"|(driv(e|ing)|crash(ing)?) (my car |the car )?into (the |a )?(river|sea|wall|lake|truck)"
        r"|(hurting|harming|cutting|burning) myself|self[- ]harm|(cutting|burning) my (arms?|wrists?|skin|legs?))\b"
        r"|\b(nobody|no one)[^.]{0,25}(notice|care|miss)[^.]{0,6}if i (was|were|am|died|disappeared)",
        True,
        r"\b(cooking|stove|oven|by accident|accidentally|shaving|clothesline|washing line|tent|boat"
        r"|contract|subscription|lease|membership)\b",
    ),
    # -- Chinese --------------------------------------------------------------------------------
    (
        "zh_farewell",
        r"烧炭|(木炭|炭)[^。]{0,12}(门窗|关好|屋里)|(别|不要)(来)?找我|(想|要)[^。]{0,10}消失|又(开始)?想(自杀|死)"
        r"|(自杀|寻死)过[^。]{0,10}又|死路一条|了结自己|死了(就)?(解脱|一了百了|干净)|一了百了"
        r"|(东西|衣服|钱|财产)[^。]{0,6}(都|全)送[^。]{0,10}(用不上|用不着)",
        True,
        r"捐|慈善|回收|办事|自己去|医院",
    ),
    # -- Vietnamese (also heard toneless, see rules.py) -----------------------------------------
    (
        "vi_farewell",
        r"cho hết đồ[^.]{0,30}không cần (đến )?nữa|than (để )?đốt|đốt than|đừng tìm tôi|muốn biến mất"
        r"|đi (luôn )?cho (xong|rồi)|không ai cần tôi nữa",
        True,
        "",
    ),
    # -- Japanese -------------------------------------------------------------------------------
    (
        "ja_farewell",
        r"生きて(いて|い)?も[^。]{0,6}意味|練炭|いなくなっても[^。]{0,6}(誰も|だれも)|手首を[^。]{0,3}切"
        r"|死にたく|これで(お別れ|さようなら)|(電車|線路|ホーム)に飛び込|飛び込みたい",
        True,
        r"引っ越|退職|転勤|卒業|帰国|プール|海水浴",
    ),
)

__all__ = ["FAREWELL_WORDS"]
