"""What Malbeot says to a caller in danger: the number first, calm and short, in their language.

The first sentence always carries the number (spoken as a listener expects it: "일일구", "one one
nine"), and is protected from barge-in and silence; the second offers a person now (the hand-off,
marked urgent). Foreign residents in an abuse or suicide case also hear the Danuri helpline
(1577-1366, 13 languages). Numbers are written as words so every voice reads them digit by digit.
"""

from __future__ import annotations

from dialog.safety.kinds import (
    DANURI,
    ELDER_ABUSE,
    EMERGENCY,
    POLICE,
    SUICIDE_LINE,
    WOMEN_LINE,
    AbuseTarget,
    Danger,
    DangerKind,
    numbers_for,
)

LANGUAGES = ("ko", "en", "zh", "vi", "ja")

#: each number as it is said, digit by digit (Korean: "일일구", never "백십구")
SPOKEN: dict[str, dict[str, str]] = {
    "ko": {EMERGENCY: "일일구", POLICE: "일일이", SUICIDE_LINE: "일공구", WOMEN_LINE: "일삼육육",
           ELDER_ABUSE: "일오칠칠에 일삼팔구", DANURI: "일오칠칠에 일삼육육"},
    "en": {EMERGENCY: "one one nine", POLICE: "one one two", SUICIDE_LINE: "one zero nine",
           WOMEN_LINE: "one three six six", ELDER_ABUSE: "one five seven seven, one three eight nine",
           DANURI: "one five seven seven, one three six six"},
    "zh": {EMERGENCY: "一一九", POLICE: "一一二", SUICIDE_LINE: "一零九", WOMEN_LINE: "一三六六",
           ELDER_ABUSE: "一五七七，一三八九", DANURI: "一五七七，一三六六"},
    "vi": {EMERGENCY: "một một chín", POLICE: "một một hai", SUICIDE_LINE: "một không chín",
           WOMEN_LINE: "một ba sáu sáu", ELDER_ABUSE: "một năm bảy bảy, một ba tám chín",
           DANURI: "một năm bảy bảy, một ba sáu sáu"},
    "ja": {EMERGENCY: "いち いち きゅう", POLICE: "いち いち に", SUICIDE_LINE: "いち ぜろ きゅう",
           WOMEN_LINE: "いち さん ろく ろく", ELDER_ABUSE: "いち ご なな なな、いち さん はち きゅう",
           DANURI: "いち ご なな なな、いち さん ろく ろく"},
}

#: the first sentence, by kind (abuse: by who is hurt); {n} is the main number, {p} the police
_FIRST: dict[str, dict[str, str]] = {
    "medical": {
        "ko": "지금 바로 {n}에 전화하세요, {n}예요.",
        "en": "Please call {n} right now, {n}.",
        "zh": "请马上拨打{n}，{n}。",
        "vi": "Hãy gọi ngay {n}, {n}.",
        "ja": "すぐに{n}に電話してください、{n}です。",
    },
    "fire": {
        "ko": "먼저 밖으로 나가시고 바로 {n}에 전화하세요, {n}예요.",
        "en": "Get outside first, then call {n} right away, {n}.",
        "zh": "请先到室外，然后马上拨打{n}。",
        "vi": "Hãy ra ngoài trước, rồi gọi ngay {n}.",
        "ja": "まず外に出て、すぐに{n}に電話してください。",
    },
    "crime": {
        "ko": "안전한 곳에서 지금 바로 {n}에 전화하세요, {n}예요.",
        "en": "Get somewhere safe and call the police on {n} now, {n}.",
        "zh": "请到安全的地方，马上拨打{n}报警。",
        "vi": "Hãy đến chỗ an toàn và gọi cảnh sát {n} ngay.",
        "ja": "安全な場所で、すぐに{n}に電話してください。",
    },
    "suicide": {
        "ko": "많이 힘드셨지요, 지금 {n}에 전화하시면 스물네 시간 언제든 이야기를 들어 드려요.",
        "en": "I'm sorry it is so hard; you can call {n} any time, day or night, and someone will listen.",
        "zh": "您一定很辛苦，请拨打{n}，二十四小时都有人倾听。",
        "vi": "Chắc hẳn bạn đang rất khó khăn, hãy gọi {n}, có người lắng nghe suốt hai mươi bốn giờ.",
        "ja": "とてもつらいですね、{n}に電話すれば二十四時間いつでも話を聞いてもらえます。",
    },
    "abuse_elder": {
        "ko": "지금 위험하시면 {p}에, 노인 학대 상담은 {n}로 전화하세요.",
        "en": "If you are in danger now call {p}; for elder abuse help call {n}.",
        "zh": "如果现在有危险请拨打{p}，老人受虐咨询请拨打{n}。",
        "vi": "Nếu đang nguy hiểm hãy gọi {p}; hỗ trợ người cao tuổi bị ngược đãi gọi {n}.",
        "ja": "今危険なら{p}に、高齢者虐待の相談は{n}に電話してください。",
    },
    "abuse_partner": {
        "ko": "지금 위험하시면 {p}에, 가정폭력 상담은 {n}에 전화하세요.",
        "en": "If you are in danger now call {p}; for help with violence at home call {n}.",
        "zh": "如果现在有危险请拨打{p}，家庭暴力求助请拨打{n}。",
        "vi": "Nếu đang nguy hiểm hãy gọi {p}; bị bạo lực gia đình hãy gọi {n}.",
        "ja": "今危険なら{p}に、家庭内暴力の相談は{n}に電話してください。",
    },
    "abuse_child": {
        "ko": "아이가 위험하면 지금 바로 {n}에 신고하세요, {n}예요.",
        "en": "If a child is in danger, call {n} right now, {n}.",
        "zh": "如果孩子有危险，请马上拨打{n}。",
        "vi": "Nếu trẻ em đang gặp nguy hiểm, hãy gọi ngay {n}.",
        "ja": "子どもが危険なら、すぐに{n}に電話してください。",
    },
}

_DANURI = {
    "ko": "외국인 주민은 다누리 콜센터 {d}에서 열세 개 언어로 도와 드려요.",
    "en": "The Danuri helpline, {d}, helps foreign residents in thirteen languages.",
    "zh": "多努里热线{d}可以用十三种语言帮助外国居民。",
    "vi": "Tổng đài Danuri {d} hỗ trợ người nước ngoài bằng mười ba thứ tiếng, có tiếng Việt.",
    "ja": "ダヌリコールセンター{d}は十三の言語で外国人住民を手伝います。",
}

_PERSON = {
    "ko": "담당 직원에게 바로 알렸고, 지금 사람과 연결해 드릴게요.",
    "en": "I have alerted our staff, and I will connect you to a person now.",
    "zh": "我已经通知了工作人员，现在为您转接真人。",
    "vi": "Tôi đã báo cho nhân viên, và sẽ nối máy với người thật ngay bây giờ.",
    "ja": "担当職員にすぐ知らせました。今から人におつなぎします。",
}


def _key(danger: Danger) -> str:
    if danger.kind is not DangerKind.ABUSE:
        return danger.kind.value
    return f"abuse_{(danger.abuse_target or AbuseTarget.ELDER).value}"


def danger_reply(danger: Danger, language: str) -> tuple[str, str, tuple[str, ...]]:
    """(text, language, numbers): the first sentence holds the main number, then Danuri, then a person."""
    lang = language if language in LANGUAGES else "en"
    numbers = numbers_for(danger, lang)
    spoken = SPOKEN[lang]
    main = numbers[0]
    first = _FIRST[_key(danger)][lang].format(n=spoken[main], p=spoken[POLICE])
    parts = [first]
    if DANURI in numbers:
        parts.append(_DANURI[lang].format(d=spoken[DANURI]))
    parts.append(_PERSON[lang])
    return " ".join(parts), lang, numbers


__all__ = ["LANGUAGES", "SPOKEN", "danger_reply"]
