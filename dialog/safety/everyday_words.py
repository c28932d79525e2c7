"""More clear words of danger, written from how callers say it (round 6), in five languages.

Each entry: ``(name, kind, pattern, strong, unless)``, read by :mod:`dialog.safety.rules` like the
others. Written from knowledge of spoken Korean (elderly and dialect forms, fillers as ASR writes
them) and of how foreign residents say it in en/zh/vi/ja, and checked against the tuning half only
(the extra tuning lines of batch 1098 were written first, then these words): a face or a mouth gone
crooked, lips turning blue, a fall with no getting up, a plan or a goodbye, being hit or locked in
by family, flames and black smoke, a stranger at the door or a caller posing as the police.
"""

from __future__ import annotations

from dialog.safety.kinds import DangerKind

M, S, A, F, C = DangerKind.MEDICAL, DangerKind.SUICIDE, DangerKind.ABUSE, DangerKind.FIRE, DangerKind.CRIME

#: (name, kind, pattern, strong, unless)
EVERYDAY_WORDS: tuple[tuple[str, DangerKind, str, bool, str], ...] = (
    # -- medical ----------------------------------------------------------------------------------
    ("ko_face", M, r"입이\s*(한쪽으로\s*)?(삐뚤|비뚤|돌아)|(얼굴|입술|입술이랑\s*얼굴)이?\s*(새파래|시퍼레"
                   r"|시퍼렇|파랗게|퍼렇게"
                   r"|보라색|보랏빛|검푸르)|숨소리가\s*(안\s*들|없|이상)|눈이?\s*(허옇게\s*)?뒤집|흰자만\s*보", True,
     r"멍|추워서|추운"),
    ("ko_body", M, r"숨이\s*(턱턱|꽉|콱|컥)\s*막|몸이\s*(뻣뻣|딱딱하게)\s*(해|굳)|한쪽\s*(눈|팔|다리|얼굴)[^.]{0,12}?"
                   r"(안\s*보|힘이\s*(쭉\s*)?빠|질질|저리|감각)|다리를\s*질질\s*끌|팔다리가\s*말을\s*안\s*들"
                   r"|말이\s*(자꾸\s*)?헛나|갑자기[^.]{0,10}?엉뚱한\s*소리|고꾸라|꼬꾸라|정신이\s*흐릿"
                   r"|식은땀[^.]{0,15}?(횡설수설|정신|가슴|의식|쓰러|어지)|횡설수설|사레[^.]{0,12}?(켁|숨|얼굴)"
                   r"|(살갗|피부)이?\s*(다\s*)?벗겨|심장이\s*(너무\s*)?(빨리\s*뛰|벌렁|쿵쾅)[^.]{0,12}?(캄캄"
                   r"|어지|쓰러|숨)"
                   r"|머리가\s*(깨질|터질)\s*것\s*(같|처럼)[^.]{0,12}?(토|구역|마비"
                   r"|말)", True, r"요즘|늘|항상|가끔|예전"),
    ("ko_no_getting_up", M, r"(넘어|쓰러|고꾸라|자빠|엎어|미끄러)[^.]{0,24}?((못|몬|안)\s*일어|꼼짝(도|을)?\s*못"
                            r"|허리를?\s*못\s*펴|신음)|꼼짝(도|을)?\s*못\s*하겠|몸이\s*(하나도\s*)?안\s*움직",
     True, r"(었|했)을\s*때|작년|예전|지난|눈이\s*와서|코로나|격리"),
    ("ko_help_me", M, r"(나|저|사람)\s*(좀\s*)?살려\s*(줘|주세요|주이소|달라)|살려\s*달라는|가슴이\s*찢어질", True,
     r"가게|장사|경제|동네|회사"),
    ("en_medical_spoken", M, r"\b((is|i'?m|lying|he'?s|she'?s) on the (\w+ )?floor|can'?t move (her|his"
                             r"|my) (hip|legs?|arms?"
                             r"|body)|face (went|is|has gone) (all )?(crooked|lopsided|droopy)|can'?t lift (his"
                             r"|her|my) (\w+ )?arm"
                             r"|crushing (pain|chest)|(turning|turned|going|gone) (blue|grey|gray|purple)"
                             r"|breathing is (very |really )?(shallow|weak)|won'?t open (his|her) eyes"
                             r"|can'?t get (myself )?up|sweating and confused|not making (any )?sense)\b", True,
     r"\b(last year|years ago|used to)\b"),
    ("zh_medical_spoken", M, r"冒冷汗|叫[^。]{0,4}都?不应|噎到|噎着|脸[都全]?[发变]?紫|嘴唇[发变]?紫|喘不动|喘不上来"
                             r"|(滚|摔)下来[^。]{0,6}(流血|不动|起不来)|头[^。]{0,2}流血|流血不止", True, r"去年|以前"),
    ("vi_medical_spoken", M, r"không (đứng|ngồi) (lên|dậy) nổi|méo miệng|nói ngọng|gọi (mãi|mấy lần|hoài) không"
                             r"|thở (rất |quá )?yếu|môi tím|tím tái|cứng đờ|ngực (bị )?đè",
                             True, r"năm ngoái|trước đây"),
    ("ja_medical_spoken", M, r"転んで(立て|起き)|立ち上がれ|顔が(片方|半分)?[^。]{0,3}下が|言葉が出(な|ま)|呼びかけても"
                             r"|目を開けな|目を開けま|唇が紫|白目|がくがく震え|痙攣", True, r"去年|以前"),
    # -- suicide ----------------------------------------------------------------------------------
    ("ko_gone", S, r"없어져\s*(줘야|주는\s*게|버릴)|사라질래|사라져\s*버릴|(약|수면제)을?를?\s*(한\s*움큼"
                   r"|한\s*주먹|몽땅|전부)"
                   r"|(수면제|약)을?를?\s*(조금씩\s*)?모아|데려가\s*(줬으면|주셨으면|주면|가셨으면)|왜\s*(나를"
                   r"|날)\s*안\s*데려가"
                   r"|세상에\s*미련|이제\s*미련\s*없|죽으면\s*(이\s*)?(고생|편하|편할|다\s*끝)|오라고\s*(부르|손짓)"
                   r"|살아\s*있을\s*(필요|이유|자격)|살\s*필요가\s*없|살아\s*있는\s*게\s*죄|먼저\s*가는\s*게\s*(맞|낫)"
                   r"|영영\s*(떠나|가)|이\s*약\s*(다|전부)\s*먹으면|먹으면\s*죽(을|나|어)|버틸\s*(힘|자신)이?\s*없"
                   r"|마지막이었으면|(얼른|어서|퍼뜩)\s*죽어야|가스를?\s*(틀어|켜)\s*놓고\s*(자|잘)|저\s*세상\s*(가|갔)"
                   r"|목숨[^.]{0,6}?(끝|끊)|오늘\s*끝낼|나도\s*(갈래|가야겠|따라\s*가)|혼자\s*살\s*자신이\s*없"
                   r"|나\s*하나(만)?\s*없으면|눈\s*감으면\s*좋겠|눈\s*감았으면|느니[^.]{0,10}?(가는|죽는|없어지는)\s*게"
                   r"|(사는\s*것|숨\s*쉬는\s*것|사는\s*게)도?\s*지겨|아침이\s*(안\s*왔|오지\s*않았)으면|다\s*놓고\s*싶"
                   r"|마지막으로[^.]{0,10}?(다리|한강|옥상)|(한강\s*다리|옥상|다리\s*위)[^.]{0,10}?마지막"
                   r"|뛰어내리면", True,
     r"서류|일을|숙제|다리가\s*아파|다리\s*수술|약국에|버려|버리|수거|폐의약품|보관"),
    ("en_suicide_spoken", S, r"\b(point in (waking|living|going on)|(go to sleep|sleep) and not (come back|wake)"
                             r"|be with my (late )?(wife|husband) soon|said my goodbyes|(nobody"
                             r"|no one) would (miss|notice)"
                             r"|driv(e|ing) off (the|a) bridge|want it all to stop|make it all stop"
                             r"|can'?t do this any ?more"
                             r"|letters? to my (kids|children|family)[^.]{0,30}ready to go)\b", True, ""),
    ("zh_suicide_spoken", S, r"撑不下去|熬不下去|不想再熬|活着(就是)?受罪|不如早点走|不想一个人(留|活)在这世上"
                             r"|写好了[^。]{0,10}信[^。]{0,10}(走|去)|今晚就走", True, ""),
    ("vi_suicide_spoken", S, r"không (còn )?muốn tồn tại|ngủ (một giấc )?(rồi )?không (dậy|tỉnh) nữa|để dành thuốc ngủ"
                             r"|tích thuốc ngủ|tốt hơn nếu (tôi )?không còn|không chịu nổi nữa|kết thúc (hết|tất cả)"
                             r"|viết thư cho (các )?con[^.]{0,20}(đi|ra đi)", True, r"buồn cười"),
    ("ja_suicide_spoken", S, r"生きていく自信が|終わらせたい|(薬|睡眠薬)を[^。]{0,6}全部飲|(夫|妻"
                             r"|主人)のところに行きたい"
                             r"|必要としていな|朝が来なければ|いない方がいい"
                             r"|いなくなった方が", True, r"書類|仕事|今日中|宿題|手続き"),
    # -- abuse ------------------------------------------------------------------------------------
    ("ko_family_harm", A, r"(아들|딸|남편|며느리|사위|손자|손주|영감|아내|자식|요양보호사|간병인)[^.]{0,20}?"
                          r"(손을\s*대|밀어붙|벽에\s*밀|걷어\s*(차|찼)|후려|욕을\s*(해|하|퍼)|거칠게|빨리\s*죽으라"
                          r"|한\s*끼만|휴대폰을?\s*(뺏|빼앗|부수|숨)|못\s*만나게|여권을?\s*(숨|뺏|빼앗|안\s*줘)"
                          r"|도장을?\s*(가져|훔)|몰래\s*대출|방에만?\s*있으라)"
                          r"|(며칠|하루\s*종일|며칠째)\s*굶|묶인\s*자국|(매일|맨날)\s*비명", True, r"작년|예전|었었"),
    ("en_abuse_spoken", A, r"\b(keeps me locked|strangled me|choked me|slapped (my|me|her|him)"
                           r"|won'?t let me (call|see|talk)"
                           r"|took my phone|shoves me|kicks me|takes my pension)\b", True, ""),
    ("zh_abuse_spoken", A, r"踢我|把我锁|锁在家|皮带抽|用皮带|拿走了?我的(存折|钱|工资|退休金|养老金)|(存折"
                           r"|退休金|养老金)拿走", True, ""),
    ("vi_abuse_spoken", A, r"đá tôi|đe dọa|quất|(bằng|cầm|lấy) roi|roi (mây|da|tre)"
                           r"|giấu (hết )?giấy tờ|lấy hết (lương hưu"
                           r"|tiền)", True, r"giáo dục|phòng chống"),
    ("ja_abuse_spoken", A, r"蹴ります|蹴る|首を絞め|乱暴に|怒鳴|食べさせてくれ", True, ""),
    # -- fire -------------------------------------------------------------------------------------
    ("ko_fire_spoken", F, r"불이\s*(확\s*)?(번졌|번져|나요|난다|붙었|옮)|옮겨\s*붙|불나|활활|매캐|탄내|시꺼먼\s*연기"
                          r"|검은\s*연기|(커튼|이불|벽지|지붕|장판)에?이?가?\s*(불|타)", True,
     r"작년|예전|지난|불나방|화나|열이\s*나|고기|굽|생선|담배"),
    ("en_fire_spoken", F, r"\b(filling (up )?with (black )?smoke|black smoke|alight|flames|sparks (coming|flying)"
                          r"|set (the|my) \w+ on fire)\b", True, ""),
    ("zh_fire_spoken", F, r"起火|油锅[^。]{0,3}着|黑烟|火光|火苗", True, ""),
    ("vi_fire_spoken", F, r"bốc lửa|tóe lửa|lửa (cháy|bùng|lan)|mùi khét|khói đen", True, ""),
    ("ja_fire_spoken", F, r"火が上が|火花|焦げ臭|煙だらけ|煙まみれ|炎が", True, ""),
    # -- crime ------------------------------------------------------------------------------------
    ("ko_stranger", C, r"(어떤|모르는|낯선|수상한)\s*(사람|남자|놈|여자|아저씨|청년)들?"
                       r"[^.]{0,25}?(서\s*있|들어오|열고|맴돌"
                       r"|위협|태웠|잡아채|빼\s*갔|따고|서성|더듬|뺏|빼앗)|잡아채|잡아챘|빼\s*갔어|도망갔"
                       r"|부스럭[^.]{0,10}?(누가|사람)|(누가|사람이)\s*(있는\s*것\s*같|숨어)|집\s*안에\s*누가"
                       r"|(경찰|검찰|검사|직원|우체국)이?라(고|면서|는)[^.]{0,30}?(비밀번호|돈|계좌|통장|카드)"
                       r"|행패|난동|위협(해|하)|문(을|고리를)?\s*(따고|돌려|흔들)|문고리를?\s*(자꾸\s*)?(돌|잡아)"
                       r"|억지로\s*(차에|끌고)|몸을\s*더듬|더듬어|담(을|장을)?\s*넘|창문을?\s*(열고"
                       r"|넘어)[^.]{0,6}?들어오"
                       r"|낫을?\s*들|안\s*내려\s*줘|(청년|놈|남자)들이[^.]{0,20}?(뺏"
                       r"|빼앗)", True, r"작년|예전|지난번|었었|택배"),
    ("en_crime_spoken", C, r"\b(trying the (windows?|doors?)|kicking (in )?(my|the) door|(prosecutor"
                           r"|police officer|from the bank)"
                           r"[^.]{0,40}(cash|money|transfer)|beating (someone|a man|a woman|him|her) up|grabbed my \w+"
                           r"|ran off with|waiting outside my door)\b", True, r"\blast (year|month|week)\b"),
    ("zh_crime_spoken", C, r"撬[^。]{0,4}(窗|门|锁)|拿刀|拿着刀|冒充(警察|公检法|银行)|安全账户|转来转去"
                           r"|在我家门口[^。]{0,6}(转|站|守)"
                           r"|抢了我的", True, r"去年|以前"),
    ("vi_crime_spoken", C, r"cạy cửa|trèo (qua tường|vào nhà)|(công an|cảnh sát)[^.]{0,20}chuyển tiền|chuyển tiền ngay"
                           r"|giả (danh|làm) (công an|cảnh sát)", True, r"năm ngoái|trước đây"),
    ("ja_crime_spoken", C, r"誰かいます|誰かが(家|中|部屋)に|物音が|名乗る[^。]{0,20}(振り込|お金|送金)|振り込め|奪われ"
                           r"|鍵を[^。]{0,10}回して", True, r"去年|以前"),
)

__all__ = ["EVERYDAY_WORDS"]
