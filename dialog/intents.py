"""Rule-based intent detection for spoken Korean and English (plus a few zh/vi/ja phrases).

Spoken input arrives from speech recognition, so the rules are tolerant: Korean phrases are
matched on the text with spaces removed (ASR spacing varies: "상담원 연결" / "상담원연결"), a few
common mis-recognitions are listed ("천천이", "상담언"), and short control utterances ("다시요",
"끝", "bye") count only when the utterance is short, so that a substantive question that
merely contains such a word ("서비스가 끝나면 또 이용할 수 있어?") stays a benefit question.

The first matching rule wins, in this order: talk_to_person, change_language, goodbye, slower,
repeat, cancel, find_facility, check_eligibility, apply, details, thanks, affirm, deny; anything
else with content is ``find_benefit``, and an utterance with no content is ``unclear``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from dialog.retrieval.tokenize import normalise, tokenize


class IntentName(StrEnum):
    FIND_BENEFIT = "find_benefit"
    DETAILS = "details"
    REPEAT = "repeat"
    SLOWER = "slower"
    TALK_TO_PERSON = "talk_to_person"
    CHANGE_LANGUAGE = "change_language"
    GOODBYE = "goodbye"
    THANKS = "thanks"
    #: "제가 받을 수 있을까요?", "am I eligible?"
    CHECK_ELIGIBILITY = "check_eligibility"
    #: "지금 신청해 주세요", "I want to apply"
    APPLY = "apply"
    #: "가까운 대피소가 어디예요?", "where is the nearest shelter"
    FIND_FACILITY = "find_facility"
    #: "취소할게요", "cancel" (an application or a check in progress)
    CANCEL = "cancel"
    AFFIRM = "affirm"
    DENY = "deny"
    UNCLEAR = "unclear"


@dataclass(frozen=True, slots=True)
class Intent:
    name: IntentName
    confidence: float
    #: e.g. ``{"language": "en"}`` for change_language
    slots: dict[str, str] = field(default_factory=dict)
    #: the utterance without the matched command phrase (a question asked along with it)
    rest: str = ""


@dataclass(frozen=True, slots=True)
class _Rule:
    intent: IntentName
    #: matched against the compact text (lower case, no spaces or punctuation)
    compact: tuple[str, ...] = ()
    #: matched against the spaced text (lower case, single spaces) with word boundaries
    spaced: tuple[str, ...] = ()
    #: the rule counts only for utterances of at most this many compact characters (0: any length)
    max_len: int = 0
    confidence: float = 0.9


def _rx(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


# -- languages -----------------------------------------------------------------------------------
#: language → (compact patterns: a Korean name with 로/a request, or a CJK name; Latin-script names)
_LANGUAGE_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (
        (r"영어로", r"영어(?:로)?(?:말|대화|얘기|해주|해줘|부탁|안내|바꿔|할게|하자)", r"잉글리시", r"英语", r"英語"),
        (r"english",),
    ),
    "ko": (
        (r"한국어로", r"한국말로", r"한국어(?:로)?(?:말|해주|해줘|부탁|안내|바꿔)", r"韩语", r"韓国語", r"韩国语"),
        (r"korean", r"tiếng hàn"),
    ),
    "zh": (
        (r"중국어로", r"중국말로", r"중국어(?:로)?(?:말|해주|해줘|부탁|안내|바꿔)",
         r"中文", r"汉语", r"普通话", r"中国語"),
        (r"chinese", r"mandarin", r"tiếng trung"),
    ),
    "vi": (
        (r"베트남어로", r"베트남말로", r"베트남어(?:로)?(?:말|해주|해줘|부탁|안내|바꿔)", r"越南语", r"ベトナム語"),
        (r"vietnamese", r"tiếng việt", r"tieng viet"),
    ),
    "ja": (
        (r"일본어로", r"일본말로", r"일본어(?:로)?(?:말|해주|해줘|부탁|안내|바꿔)", r"日本語", r"日语", r"にほんご"),
        (r"japanese", r"tiếng nhật"),
    ),
}


def _latin_switch(names: tuple[str, ...]) -> re.Pattern[str]:
    """A Latin-script language name in a request to switch ("in English", "English please")."""
    name = "|".join(names)
    return re.compile(
        rf"\b(?:in|speak|speaking|switch to|change to|use|talk in|answer in|nói|bằng|sang)\s+(?:{name})\b"
        rf"|\b(?:{name})\s*,?\s*(?:please|được không|đi)\b"
        rf"|^(?:{name})$"
    )


_LANGUAGE_RULES: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (language, re.compile("|".join(compact)), _latin_switch(spaced))
    for language, (compact, spaced) in _LANGUAGE_NAMES.items()
)

_RULES: tuple[_Rule, ...] = (
    _Rule(
        IntentName.TALK_TO_PERSON,
        compact=(
            r"상담원", r"상담언", r"상담사(?:님)?(?:랑|하고|와|과|한테|에게|연결|바꿔|통화)", r"상담사연결",
            r"직원(?:이랑|하고|과|와|한테|에게|연결|바꿔|분)", r"담당자(?:랑|하고|와|한테|연결|바꿔|분)",
            r"사람(?:이랑|하고|과|와|한테)(?:통화|얘기|이야기|연결|말하)", r"사람(?:으로|좀)?(?:바꿔|연결)",
            r"실제사람", r"진짜사람", r"교환원", r"人工", r"客服", r"转人工", r"オペレーター", r"担当者", r"人と話",
        ),
        spaced=(
            r"\bagent\b", r"\boperator\b", r"\breal person\b", r"\bhuman being\b", r"\brepresentative\b",
            r"\b(?:speak|talk) (?:to|with) (?:a |an )?(?:real )?(?:person|human|someone|somebody|staff)\b",
            r"\bconnect me\b", r"^\W*transfer(?: me| my call)?\W*$", r"\btransfer me\b",
            r"nhân viên", r"người thật", r"tư vấn viên",
        ),
    ),
    _Rule(
        IntentName.GOODBYE,
        compact=(
            r"안녕히(?:계세요|가세요|계십시오)", r"끊을게", r"끊겠습니다", r"끊어요", r"끊습니다", r"고마워요안녕",
            r"감사합니다안녕", r"再见", r"拜拜", r"さようなら", r"失礼します",
        ),
        spaced=(r"\bgood ?bye\b", r"\bbye\b", r"\bhang up\b", r"tạm biệt", r"chào tạm biệt"),
    ),
    _Rule(
        IntentName.GOODBYE,
        compact=(r"^끝(?:이에요|입니다|낼게요|낼게|났어요|)$", r"^그만(?:할게요|할게|하세요|)$",
                 r"^됐어요$", r"^됐습니다$", r"^이제됐어요$", r"^없어요$", r"^수고하세요$",
                 r"^수고하셨습니다$", r"^안녕$", r"^안녕히$"),
        spaced=(r"^that'?s all\b", r"^that is all\b", r"^nothing else\b", r"^no more\b", r"^i'?m done\b",
                r"^no,? that'?s it\b", r"^that'?s it\b"),
        max_len=14,
        confidence=0.8,
    ),
    _Rule(
        IntentName.SLOWER,
        compact=(
            r"천천히", r"천천이", r"천천히요", r"느리게", r"너무빨라", r"빨라요", r"빠르네요", r"빨리말",
            r"慢一点", r"慢点", r"说慢", r"ゆっくり",
        ),
        spaced=(r"\bslower\b", r"\bslow down\b", r"\bmore slowly\b", r"\btoo fast\b", r"\bslowly\b",
                r"nói chậm", r"chậm lại", r"chậm hơn"),
    ),
    _Rule(
        IntentName.REPEAT,
        compact=(
            r"다시말", r"다시한번", r"다시한번만", r"한번더말", r"한번만더", r"다시들려", r"다시얘기", r"다시해주",
            r"뭐라고(?:요|하셨|하신|하셨어요)?", r"못알아들", r"못들었", r"안들려", r"잘안들", r"다시요", r"再说一遍",
            r"重复", r"もう一度", r"もう一回",
        ),
        spaced=(
            r"\brepeat\b", r"\bsay (?:that|it) again\b", r"\bsay again\b", r"\bpardon\b", r"\bonce more\b",
            r"\bwhat did you say\b", r"\bcome again\b", r"\bone more time\b", r"\bagain please\b",
            r"\bdidn'?t (?:hear|catch)\b", r"nhắc lại", r"nói lại",
        ),
    ),
    _Rule(
        IntentName.REPEAT,
        compact=(r"^다시$", r"^뭐요$", r"^네에$"),
        spaced=(r"^again\b", r"^sorry\?$", r"^what\?$"),
        max_len=6,
        confidence=0.7,
    ),
    _Rule(
        IntentName.CANCEL,
        compact=(r"^(?:신청)?취소(?:할게요|할게|해주세요|해줘|요|합니다|)$", r"^그만할래요$", r"신청안할래",
                 r"신청안할게", r"신청그만",
                 r"^(?:取消|取消申请|不申请了|不要申请了|算了)(?:吧)?$",
                 r"^(?:キャンセル|取り消し|やめます|申請をやめます)(?:します|して|してください|で)?(?:ください)?$"),
        spaced=(r"^cancel(?: it| that| the application)?(?: please)?$", r"^stop the application\b",
                r"\bi don'?t want to apply\b", r"^hủy(?: đơn| đăng ký| bỏ)?(?: đi| ạ)?$", r"^không đăng ký nữa\b"),
        max_len=16,
    ),
    _Rule(
        IntentName.FIND_FACILITY,
        compact=(
            r"(?:가까운|가장가까운|근처|주변|제일가까운)(?:\S*?)(?:대피소|대피시설|쉼터|주민센터|행정복지센터|동사무소|도서관|"
            r"복지관|경로당|보건소)",
            r"(?:대피소|대피시설|쉼터|주민센터|행정복지센터|동사무소|도서관|복지관|경로당|보건소)(?:가|는|이|은)?(?:어디|어딨|어디에)",
            r"(?:最近的|附近的?|离我最近|近くの|一番近い|最寄りの)\S*?(?:避难所|避暑|图书馆|保健所|行政福利中心|居民中心|"
            r"避難所|図書館|住民センター|行政福祉センター)",
            r"(?:避难所|图书馆|保健所|行政福利中心|居民中心|避難所|図書館|住民センター|行政福祉センター)\S{0,3}"
            r"(?:在哪|在什么地方|はどこ|どこ)",
        ),
        spaced=(
            r"\b(?:nearest|closest|near me|nearby)\b.*\b(?:shelter|community cent(?:re|er)|library|"
            r"welfare cent(?:re|er)|senior cent(?:re|er)|health cent(?:re|er))",
            r"\bwhere(?: is|'s) (?:the |a )?(?:shelter|community cent(?:re|er)|library|health cent(?:re|er))",
            r"(?:nơi trú ẩn|thư viện|trạm y tế|trung tâm hành chính)\b.*\b(?:gần nhất|ở đâu|chỗ nào)",
        ),
    ),
    _Rule(
        IntentName.CHECK_ELIGIBILITY,
        compact=(
            r"^(?!.*(?:어떻게|어디|방법|서류)).*(?:^저|제가|저도|저는|나도|내가|나는|저희|우리)\S*"
            r"(?:받을수있|받을수있을|받을자격|해당(?:되|돼)|대상(?:이|에)?(?:되|돼|인가|일까|해당)|신청할수있)",
            r"^(?!.*(?:어떻게|어디|방법|서류)).*(?:자격이(?:되|있|돼)|받을자격|수급자격|자격확인|자격(?:이)?(?:되나|될까))",
            # "기초연금 받을 수 있는지 확인해 주세요", "대상인지 알아봐 주세요"
            r"(?:받을수있는지|받을수있나|대상인지|대상이되는지|해당되는지)(?:좀|한번)?(?:확인|알아봐|알아보|봐주|체크)",
            # zh/ja: the caller asks about themselves ("我能领吗", "私はもらえますか"), not about a parent
            r"^(?!.*(?:怎么|如何|哪里|どうやって|どこで|方法)).*我(?:也)?(?:能|可以|能不能|可不可以)(?:领|領|拿|申请|得到|享受)",
            r"我\S{0,4}(?:有资格|符合条件|符合资格|够条件)",
            r"(?:帮我|给我)(?:确认|查一下|看一下)(?:能不能|是否|有没有资格)",
            r"^(?!.*(?:どうやって|どこで|方法)).*(?:私|わたし|自分)(?:は|も)?\S{0,12}"
            r"(?:もらえ|受けられ|受け取れ|対象になり|対象になる|対象ですか|申請でき|資格)",
        ),
        spaced=(
            r"\bam i eligible\b", r"\b(?:do|would|could) i qualify\b", r"\bwould i be eligible\b",
            r"\bam i entitled\b", r"\bcan i (?:get|receive|claim) (?:it|this|that|them)\b",
            r"\bcheck (?:if|whether) i (?:can|qualify|am eligible)\b", r"\bcheck my eligibility\b",
            r"\bdo i meet the\b", r"\bam i able to get\b", r"^(?!.*\bwho\b).*\b(?:i|me)\b.*\b(?:eligible|qualify)\b",
            r"(?<!bố )(?<!mẹ )(?<!ông )(?<!bà )(?<!vợ )(?<!chồng )\btôi có (?:được nhận|đủ điều kiện|thể nhận)",
            r"\bkiểm tra (?:giúp tôi|xem tôi|cho tôi)", r"\btôi có đủ điều kiện\b",
        ),
    ),
    _Rule(
        IntentName.APPLY,
        compact=(
            r"^(?!.*(?:어떻게|어디|방법|서류|뭐가|무엇)).*(?:신청해(?:주세요|줘|주실|줄래|주시)|신청할게|신청하고싶|신청할래|"
            r"지금신청|바로신청|전화로신청|여기서신청|접수해(?:주세요|줘)|신청하겠습니다|신청하기)",
            r"^(?!.*(?:怎么|如何|哪里|在哪|方法|どうやって|どこで)).*(?:我(?:想|要)申请|帮我申请|给我申请|现在申请|"
            r"申请吧|(?:申請|申し込み)(?:したい|します|をお願い|してください|お願いします)|今申請)",
        ),
        spaced=(
            r"^(?!.*\bhow\b).*\b(?:i(?:'d| would)? (?:like|want) to apply|apply now|sign me up|"
            r"submit (?:an |the |my )?application|let'?s apply|please apply for me|apply for me)\b",
            r"^(?!.*\b(?:cách|thế nào|ở đâu|làm sao)\b).*\b(?:tôi muốn đăng ký|đăng ký (?:giúp|cho) tôi|đăng ký ngay|"
            r"tôi đăng ký luôn)",
        ),
    ),
    _Rule(
        IntentName.DETAILS,
        compact=(
            r"신청방법", r"신청하는방법", r"어떻게신청", r"어디서신청", r"어디에서신청", r"어디에신청", r"어디로신청",
            r"신청(?:은|는)?어떻게", r"신청(?:은|는)?어디", r"신청하려면", r"신청할려면", r"신청하고싶", r"신청할게",
            r"자세히", r"자세하게", r"더알려", r"좀더알려", r"더자세", r"구체적", r"누가받을수", r"대상이누구",
            r"대상은누구", r"뭘가져가", r"무엇을가져가", r"뭐가져가", r"준비물", r"서류", r"어떻게받", r"받으려면",
            r"怎么申请", r"如何申请", r"详细", r"申請方法", r"詳しく", r"どうやって申請",
        ),
        spaced=(
            r"\bhow (?:do|can|would|should) i apply\b", r"\bhow to apply\b", r"\bwhere (?:do|can) i apply\b",
            r"\bapply for (?:it|that|this)\b", r"\bmore details?\b", r"\btell me more\b", r"\bmore about\b",
            r"\bmore information\b", r"\bwho can (?:get|apply)\b", r"\bwhat documents\b", r"\bwhat do i need\b",
            r"\bhow do i get (?:it|that|this)\b", r"\bdetails\b", r"cách đăng ký", r"chi tiết", r"làm sao để đăng ký",
            r"đăng ký (?:thế nào|như thế nào|ở đâu)",
        ),
    ),
    _Rule(
        IntentName.THANKS,
        compact=(r"^(?:네|아)?(?:고마워요|고맙습니다|감사합니다|감사해요|고마워)$", r"^谢谢$", r"^ありがとう"),
        spaced=(r"^(?:ok |okay )?thank(?:s| you)(?: very much| so much)?$", r"^cảm ơn"),
        max_len=12,
        confidence=0.8,
    ),
    _Rule(
        IntentName.AFFIRM,
        compact=(r"^(?:네|예|응|어|그래요|좋아요|그래|알려주세요|부탁해요|부탁합니다|네네|네알려주세요|네부탁해요)$",
                 r"^(?:是|是的|对|對|对的|好|好的|可以|行|没错|对啊|是啊|嗯|要|要的|好啊)$",
                 r"^(?:はい|ええ|そうです|はいそうです|お願いします|はいお願いします|うん|はい申請します)$"),
        spaced=(r"^(?:yes|yeah|yep|sure|ok|okay|please|yes,? please|sure,? please|(?:ok|okay,? )?go ahead)[.!]?$",
                r"^(?:vâng|có|dạ|dạ vâng|vâng ạ|có ạ|được|được ạ|đúng|đúng rồi|đúng ạ|ừ|vâng,? đúng rồi)[.!]?$"),
        max_len=10,
        confidence=0.7,
    ),
    _Rule(
        IntentName.DENY,
        compact=(r"^(?:아니요|아니오|아뇨|아니|괜찮아요|아니에요)$", r"^不用", r"^(?:不是|不|不对|不要|没有|不了)$",
                 r"^(?:いいえ|いえ|違います|ちがいます|いいえ違います|結構です)$"),
        spaced=(r"^(?:no|nope|no,? thanks|no,? thank you|not now)[.!]?$",
                r"^(?:không|không ạ|không phải|dạ không|sai rồi|không đúng)[.!]?$"),
        max_len=10,
        confidence=0.7,
    ),
)

_COMPILED = tuple((rule, _rx(rule.compact), _rx(rule.spaced)) for rule in _RULES)
_PUNCT = re.compile(r"[\s.,!?~…·'\"“”‘’()\[\]:;\-、。，！？「」『』（）]+")
_CONTENT = re.compile(r"[가-힣a-zA-Z\u3040-\u30ff\u4e00-\u9fff\u00c0-\u024f\u1e00-\u1eff0-9]")


def _forms(text: str) -> tuple[str, str]:
    spaced = " ".join(normalise(text).split())
    compact = _PUNCT.sub("", spaced)
    return spaced, compact


def _rest(spaced: str, compact: str, crx: re.Pattern[str] | None, srx: re.Pattern[str] | None) -> str:
    """The utterance without the command phrase (spaced form where the phrase was found spaced)."""
    if srx is not None and srx.search(spaced):
        return " ".join(srx.sub(" ", spaced).split())
    if crx is not None:
        return crx.sub("", compact)
    return spaced


#: a language named as what the caller cannot speak or wants to learn ("我韩语不好", "韓国語を勉強したい",
#: "한국어로 말을 잘 못해요") is not a request to be answered in it
_NOT_A_SWITCH = re.compile(r"不好|不太好|不会|不懂|听不懂|学|教|课|考试|苦手|できな|わから|分から|勉強|習|教室|話せな|"
                           r"못해|못하|서툴|배우|공부|교육|수업")


def _target_language(spaced: str, compact: str) -> str | None:
    named_only = _NOT_A_SWITCH.search(compact) is not None
    for language, compact_rx, latin_rx in _LANGUAGE_RULES:
        if (compact_rx.search(compact) and not named_only) or latin_rx.search(spaced):
            return language
    return None


def detect_intent(text: str) -> Intent:
    """The intent of one utterance (speech-recognised or typed)."""
    spaced, compact = _forms(text)
    if not _CONTENT.search(compact):
        return Intent(IntentName.UNCLEAR, 0.9)
    for rule, crx, srx in _COMPILED:
        if rule.max_len and len(compact) > rule.max_len:
            continue
        hit = (crx is not None and crx.search(compact)) or (srx is not None and srx.search(spaced))
        if not hit:
            continue
        if rule.intent is IntentName.TALK_TO_PERSON:
            return Intent(rule.intent, rule.confidence)
        language = _target_language(spaced, compact)
        if language is not None and rule.intent is not IntentName.GOODBYE:
            break  # "영어로 다시 말해 주세요": the language switch wins, the rest is kept
        return Intent(rule.intent, rule.confidence, rest=_rest(spaced, compact, crx, srx))
    language = _target_language(spaced, compact)
    if language is not None:
        return Intent(IntentName.CHANGE_LANGUAGE, 0.9, {"language": language}, rest=_language_rest(spaced, language))
    if len(compact) < 2:
        return Intent(IntentName.UNCLEAR, 0.6)
    return Intent(IntentName.FIND_BENEFIT, 0.5, rest=spaced)


_LANGUAGE_PHRASE = re.compile(
    r"(?:영어|한국어|한국말|중국어|중국말|베트남어|베트남말|일본어|일본말)\s*(?:로|으로)?\s*"
    r"(?:(?:말|말씀|안내|대답|얘기|설명)?\s*해\s*(?:주세요|줘요|줘|주실래요|주시겠어요|주실\s*수\s*있나요|줄래요|줄래)"
    r"|부탁해요|부탁합니다|부탁드려요|바꿔\s*주세요|바꿔\s*줘|할게요|해요|하자)?"
    r"|(?:(?:please\s+)?(?:speak|talk|switch\s+to|change\s+to|in|answer\s+in)\s+)?"
    r"(?:english|korean|chinese|mandarin|vietnamese|japanese)(?:\s*,?\s*please)?"
    r"|请?(?:说|讲|講|用)?(?:中文|汉语|普通话|英语|韩语|日语|越南语)(?:吧|好吗|说|可以吗|行吗)?"
    r"|(?:日本語|英語|韓国語)(?:で)?(?:お願いします|話してください|話して)?"
    r"|(?:(?:nói|bằng|sang)\s+)?tiếng\s+(?:việt|anh|hàn|trung|nhật)(?:\s+(?:được không|đi))?"
)


def _language_rest(spaced: str, language: str) -> str:
    """What is left of a language-switch utterance ("영어로 기초연금 알려줘" → "기초연금 알려줘");
    empty when only request words are left ("can you speak English" → "")."""
    rest = " ".join(_LANGUAGE_PHRASE.sub(" ", spaced).split()).strip(" ,.?!")
    return rest if tokenize(rest) else ""


__all__ = ["Intent", "IntentName", "detect_intent"]
