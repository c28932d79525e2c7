"""Civil answers composed from an entry's fields, in ko, en, zh, vi and ja.

Short, plain, polite: the first answer says where it is done and one more fact (the one asked
for, else the entry's note); a follow-up answers one field. Every sentence comes from a field and
the phrases of ``vocab``, so the same facts are said in every language.
"""

from __future__ import annotations

from dialog.answers import josa
from dialog.civil.entry import CivilEntry, Fee
from dialog.civil.vocab import BRING, FEE_FOR, LANGUAGES, ONLINE, WHERE, phrase


def answer_language(language: str) -> str:
    return language if language in LANGUAGES else "en"


def _join(items: list[str], language: str, both: bool = False) -> str:
    """ "A, B or C" (``both``: "A, B and C") in ``language``."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    head, last = items[:-1], items[-1]
    match language:
        case "ko":
            if len(items) > 2 or both:
                return ", ".join(items)
            return f"{josa(head[0], '이나', '나')} {last}"
        case "en":
            return f"{', '.join(head)} {'and' if both else 'or'} {last}"
        case "zh" | "ja":
            return "、".join(items)
        case _:
            return f"{', '.join(head)} {'và' if both else 'hoặc'} {last}"


def place(entry: CivilEntry, code: str, language: str) -> str:
    """One place the entry is done, named as specifically as the entry allows."""
    if code == "online" and entry.online:
        name = phrase(ONLINE, entry.online, language)
        ko = name if "홈페이지" in name else f"{name} 누리집"
        return {
            "ko": ko,
            "en": f"online at {name}",
            "zh": f"网上（{name}）",
            "vi": f"trực tuyến ({name})",
            "ja": f"オンライン（{name}）",
        }[language]
    if code == "district_office" and entry.department_ko and language in ("ko", "en"):
        return entry.department_ko if language == "ko" else f"at {entry.department_en or 'the district office'}"
    if code == "phone" and entry.phone:
        return {
            "ko": f"전화 {entry.phone}번",
            "en": f"by phone on {entry.phone}",
            "zh": f"电话{entry.phone}",
            "vi": f"điện thoại {entry.phone}",
            "ja": f"電話{entry.phone}",
        }[language]
    text = phrase(WHERE, code, language)
    return f"at {text}" if language == "en" and code not in ("online", "phone") else text


def where_sentence(entry: CivilEntry, language: str) -> str:
    lang = answer_language(language)
    name = entry.name(lang)
    places = _join([place(entry, code, lang) for code in entry.where], lang)
    if not places:
        return phone_sentence(entry, lang)
    return {
        "ko": f"{josa(name, '은', '는')} {places}에서 할 수 있어요.",
        "en": f"You can arrange {name} {places}.",
        "zh": f"{name}可以在{places}办理。",
        "vi": f"{name}: có thể làm tại {places}.",
        "ja": f"{name}は{places}でできます。",
    }[lang]


def _won(fee: Fee, language: str) -> str:
    if fee.won == 0 and not fee.won_max:
        return {"ko": "무료", "en": "free", "zh": "免费", "vi": "miễn phí", "ja": "無料"}[language]
    low, high = f"{fee.won:,}", f"{fee.won_max:,}"
    if fee.won_max:
        return {
            "ko": f"{low}원에서 {high}원",
            "en": f"{low} to {high} won",
            "zh": f"{low}至{high}韩元",
            "vi": f"từ {low} đến {high} won",
            "ja": f"{low}から{high}ウォン",
        }[language]
    return {"ko": f"{low}원", "en": f"{low} won", "zh": f"{low}韩元", "vi": f"{low} won", "ja": f"{low}ウォン"}[
        language
    ]


def fee_sentence(entry: CivilEntry, language: str) -> str:
    lang = answer_language(language)
    if not entry.fees:
        if entry.topic in ("tax", "fines"):
            return {
                "ko": "따로 내는 수수료는 없고, 고지서에 적힌 금액을 내면 돼요.",
                "en": "There is no extra fee; you pay the amount on your notice.",
                "zh": "没有额外手续费，按通知书上的金额缴纳即可。",
                "vi": "Không có phí thêm; chỉ cần nộp số tiền ghi trên giấy thông báo.",
                "ja": "別の手数料はなく、通知書の金額を払えば大丈夫です。",
            }[lang]
        return {
            "ko": f"요금은 경우마다 달라서 {entry.phone or '120'}번에 확인해 주세요.",
            "en": f"The price differs; please check with {entry.phone or '120'}.",
            "zh": f"费用因情况而异，请向{entry.phone or '120'}确认。",
            "vi": f"Giá khác nhau tùy trường hợp, xin hỏi số {entry.phone or '120'}.",
            "ja": f"料金は場合によって違うので、{entry.phone or '120'}に確認してください。",
        }[lang]
    if all(f.won == 0 and not f.won_max for f in entry.fees):
        return {
            "ko": "수수료는 없어요. 무료예요.",
            "en": "It is free.",
            "zh": "免费。",
            "vi": "Miễn phí.",
            "ja": "無料です。",
        }[lang]
    parts = []
    for fee in entry.fees:
        when = phrase(FEE_FOR, fee.for_, lang)
        amount = _won(fee, lang)
        match lang:
            case "ko":
                parts.append(f"{when} {amount}".strip())
            case "en" | "vi":
                parts.append(f"{amount} {when}".strip())
            case _:
                parts.append(f"{when}{amount}")
    listed = _join(parts, lang, both=True)
    return {
        "ko": f"수수료는 {listed}이에요.",
        "en": f"The fee is {listed}.",
        "zh": f"手续费：{listed}。",
        "vi": f"Phí: {listed}.",
        "ja": f"手数料は{listed}です。",
    }[lang]


def _clock(hhmm: str, language: str) -> str:
    hour, minute = (int(x) for x in hhmm.split(":"))
    if language == "ko":
        half = "오전" if hour < 12 else ("낮" if hour == 12 else "오후")
        h = hour if hour <= 12 else hour - 12
        return f"{half} {h}시" + (f" {minute}분" if minute else "")
    if language == "en":
        suffix = "am" if hour < 12 else "pm"
        h = hour if hour <= 12 else hour - 12
        return f"{h}{f':{minute:02d}' if minute else ''} {suffix}"
    return hhmm


def hours_sentence(entry: CivilEntry, language: str) -> str:
    lang = answer_language(language)
    out: list[str] = []
    if entry.opens:
        o, c = _clock(entry.opens, lang), _clock(entry.closes, lang)
        out.append(
            {
                "ko": f"창구는 평일 {o}부터 {c}까지 해요.",
                "en": f"Offices are open on weekdays from {o} to {c}.",
                "zh": f"窗口工作日{o}到{c}办公。",
                "vi": f"Quầy làm việc các ngày trong tuần từ {o} đến {c}.",
                "ja": f"窓口は平日{o}から{c}までです。",
            }[lang]
        )
    if entry.online_always and "online" in entry.where:
        out.append(
            {
                "ko": "온라인은 24시간 할 수 있어요.",
                "en": "Online works at any hour.",
                "zh": "网上24小时都可以办理。",
                "vi": "Trực tuyến làm được 24 giờ.",
                "ja": "オンラインは24時間できます。",
            }[lang]
        )
    if not out:
        out.append(
            {
                "ko": f"상담 시간은 {entry.phone or '120'}번에 확인해 주세요.",
                "en": f"Please check the hours with {entry.phone or '120'}.",
                "zh": f"咨询时间请向{entry.phone or '120'}确认。",
                "vi": f"Xin hỏi giờ làm việc qua số {entry.phone or '120'}.",
                "ja": f"受付時間は{entry.phone or '120'}に確認してください。",
            }[lang]
        )
    return " ".join(out)


def online_sentence(entry: CivilEntry, language: str) -> str:
    lang = answer_language(language)
    if "online" in entry.where and entry.online:
        name = phrase(ONLINE, entry.online, lang)
        return {
            "ko": f"네, 온라인으로도 돼요. {name}에서 하시면 돼요.",
            "en": f"Yes, you can do it online at {name}.",
            "zh": f"可以，在{name}网上办理。",
            "vi": f"Được, có thể làm trực tuyến tại {name}.",
            "ja": f"はい、{name}でオンラインでもできます。",
        }[lang]
    offices = _join([place(entry, c, lang).removeprefix("at ") for c in entry.where if c != "online"], lang)
    text = {
        "ko": f"온라인으로는 안 되고, {offices}에 가셔야 해요.",
        "en": f"Not online; please go to {offices}.",
        "zh": f"不能在网上办理，请到{offices}。",
        "vi": f"Không làm trực tuyến được; xin đến {offices}.",
        "ja": f"オンラインではできず、{offices}に行く必要があります。",
    }[lang]
    note = entry.note(lang)
    return f"{text} {note}".strip() if note and ("온라인" in note or "online" in note.lower()) else text


def bring_sentence(entry: CivilEntry, language: str) -> str:
    lang = answer_language(language)
    if not entry.bring or entry.bring == ("nothing",):
        return {
            "ko": "따로 가져가실 것은 없어요.",
            "en": "You do not need to bring anything.",
            "zh": "不需要带什么。",
            "vi": "Không cần mang theo gì.",
            "ja": "特に持って行く物はありません。",
        }[lang]
    things = _join([phrase(BRING, code, lang) for code in entry.bring if code != "nothing"], lang, both=True)
    return {
        "ko": f"{things}{'을' if _batchim(things) else '를'} 가져가세요.",
        "en": f"Please bring {things}.",
        "zh": f"请带上{things}。",
        "vi": f"Xin mang theo {things}.",
        "ja": f"{things}を持って行ってください。",
    }[lang]


def _batchim(word: str) -> bool:
    return josa(word, "을", "를").endswith("을")


def phone_sentence(entry: CivilEntry, language: str) -> str:
    lang = answer_language(language)
    number = entry.phone or "120"
    return {
        "ko": f"문의는 {number}번으로 하시면 돼요.",
        "en": f"For questions, call {number}.",
        "zh": f"咨询请拨打{number}。",
        "vi": f"Cần hỏi thêm, xin gọi {number}.",
        "ja": f"お問い合わせは{number}へ。",
    }[lang]


FIELD_SENTENCES = {
    "fee": fee_sentence,
    "hours": hours_sentence,
    "online": online_sentence,
    "bring": bring_sentence,
    "where": where_sentence,
    "phone": phone_sentence,
}


def field_sentence(entry: CivilEntry, field: str, language: str) -> str:
    return FIELD_SENTENCES.get(field, where_sentence)(entry, language)


def overview(entry: CivilEntry, language: str, field: str = "") -> str:
    """The first answer: where it is done, then the fact asked for (else the note, else the fee)."""
    lang = answer_language(language)
    first = where_sentence(entry, lang)
    if field and field != "where":
        return f"{first} {field_sentence(entry, field, lang)}"
    second = entry.note(lang) or fee_sentence(entry, lang)
    return f"{first} {second}"


__all__ = ["FIELD_SENTENCES", "answer_language", "field_sentence", "overview", "place", "where_sentence"]
