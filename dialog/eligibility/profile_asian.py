"""Answers to the eligibility questions said in Chinese, Vietnamese or Japanese.

``dialog.eligibility.profile`` reads Korean and English answers and asks these readers for the rest; they
return plain values (ages, won, household types, yes/no) that it turns into facts:

- ages and birth years: "七十岁", "七十歲", "我今年72", "72 tuổi", "bảy mươi hai tuổi", "70歳", "七十歳",
  "1955年出生", "sinh năm 1955", "1955年生まれ";
- monthly household income in Korean won: "每月150万韩元", "一百五十万", "1,5 triệu", "một triệu rưỡi",
  "1.500.000 won", "月150万ウォン" (Vietnamese writes the decimal with a comma and thousands with dots).
  Yen (円) is not read as won: the question asks for won, and a yen amount is asked again;
- household: "一个人住", "独居", "sống một mình", "一人暮らし", single parents, grandparents raising
  grandchildren, three or more children, multicultural families, or none of those ("和老伴一起住");
- yes / no: 是 / 对 / 有 / 不是 / 没有, có / vâng / dạ / không, はい / ええ / いいえ / ありません;
- "I don't know": 不知道, không biết, わかりません.
"""

from __future__ import annotations

import re

#: text written in Chinese or Japanese characters or with Vietnamese letters (what these readers are for)
SCRIPT = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uff10-\uff19]"
                    r"|[áàéèíìóòúùýãõũĩăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)


# -- numbers -----------------------------------------------------------------------------------------
_CJK_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
               "八": 8, "九": 9}
_CJK_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CJK_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
CJK_NUMBER = r"[0-9０-９.,，零〇一二两兩三四五六七八九十拾百佰千仟万萬亿億]+"


def cjk_number(text: str) -> float | None:
    """Chinese/Japanese numerals, also mixed with digits: "七十二" → 72, "一百五十万" → 1500000,
    "百五十万" → 1500000, "150万" → 1500000, "1.5万" → 15000, "1,500,000" → 1500000."""
    s = text.translate(str.maketrans("０１２３４５６７８９，", "0123456789,")).replace(",", "")
    if not s or not re.fullmatch(CJK_NUMBER, s):
        return None
    total, section, number = 0.0, 0.0, 0.0
    digits = ""
    seen = after_digit = False
    for ch in s + "$":
        if ch.isdigit() or ch == ".":
            digits += ch
            continue
        if digits:
            try:
                number = float(digits)
            except ValueError:
                return None
            digits, seen = "", True
        if ch == "$":
            break
        if ch in _CJK_DIGITS:  # "一九五五": digits in a row are a positional number
            number = number * 10 + _CJK_DIGITS[ch] if after_digit else float(_CJK_DIGITS[ch])
            seen = after_digit = True
            continue
        after_digit = False
        if ch in _CJK_UNITS:
            section += (number or 1) * _CJK_UNITS[ch]
            number, seen = 0.0, True
        elif ch in _CJK_BIG:
            total += (section + number or 1) * _CJK_BIG[ch]
            section, number, seen = 0.0, 0.0, True
    if not seen:
        return None
    return total + section + number


_VI_UNITS = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
             "nhăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}
_VI_SCALES = {"nghìn": 1000, "ngàn": 1000, "triệu": 1_000_000, "tỷ": 1_000_000_000, "tỉ": 1_000_000_000}
_VI_WORDS = {*_VI_UNITS, *_VI_SCALES, "mười", "mươi", "trăm", "linh", "lẻ", "rưỡi", "phẩy"}


def _vi_digits(token: str) -> float | None:
    """"1.500.000" → 1500000 (dots group thousands), "1,5" → 1.5 (a comma is the decimal point)."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", token):
        return float(token.replace(".", ""))
    if re.fullmatch(r"\d+(?:,\d+)?", token):
        return float(token.replace(",", "."))
    if re.fullmatch(r"\d+\.\d{1,2}", token):
        return float(token)
    return None


def _vi_run(tokens: list[str]) -> float:
    total, group, number = 0.0, 0.0, 0.0
    last_scale = 0.0
    decimal = False
    for tok in tokens:
        value = _vi_digits(tok)
        if value is not None:
            number = number + value / 10 if decimal else value
            decimal = False
        elif tok in _VI_UNITS:
            number = number + _VI_UNITS[tok] / 10 if decimal else number + _VI_UNITS[tok]
            decimal = False
        elif tok == "phẩy":
            decimal = True
        elif tok == "mười":
            number += 10
        elif tok == "mươi":
            number *= 10
        elif tok == "trăm":
            group += (number or 1) * 100
            number, last_scale = 0.0, 100.0
        elif tok in _VI_SCALES:
            scale = _VI_SCALES[tok]
            total += ((group + number) or 1) * scale
            group, number, last_scale = 0.0, 0.0, float(scale)
        elif tok == "rưỡi" and last_scale:
            total += last_scale / 2
    return total + group + number


def vi_number(text: str) -> float | None:
    """The largest number said in Vietnamese words or digits: "một triệu rưỡi" → 1500000,
    "1,5 triệu" → 1500000, "bảy mươi hai" → 72, "1.500.000" → 1500000."""
    runs: list[list[str]] = [[]]
    for raw in text.lower().split():
        tok = raw.strip("!?;:()\"“”")
        tok = tok.rstrip(".") if not re.fullmatch(r"[\d.]+\d", tok) else tok
        if tok.endswith(",") and not re.fullmatch(r"\d+,\d+", tok):
            tok = tok.rstrip(",")
        if tok in _VI_WORDS or _vi_digits(tok) is not None:
            runs[-1].append(tok)
        else:
            runs.append([])
    values = [_vi_run(r) for r in runs if r and any(t not in ("linh", "lẻ", "rưỡi", "phẩy") for t in r)]
    return max(values) if values else None


# -- ages ----------------------------------------------------------------------------------------------
_BIRTH_CJK = re.compile(rf"({CJK_NUMBER})\s*年\s*(?:出生|出世|生まれ|生|に生まれ)")
_BIRTH_VI = re.compile(r"sinh năm\s*(\d{2,4})")
_AGE_CJK = re.compile(rf"({CJK_NUMBER})\s*(?:周岁|周歲|岁|歲|歳|才)")
_AGE_VI = re.compile(r"((?:\d+|[a-zà-ỹđ]+)(?:\s+[a-zà-ỹđ]+)*?)\s*tuổi")
_BARE_END = re.compile(r"(?:了|啦|吧|左右|多|です|だ|ぐらい|くらい|ạ|rồi)$")


def _counted(cjk: re.Pattern[str], vi: re.Pattern[str], text: str, lower: str) -> int | None:
    """The number before a counter: Chinese/Japanese numerals (``cjk`` group 1), or the run of
    Vietnamese number words or digits that ends right before the counter (``vi`` group 1)."""
    if m := cjk.search(text):
        value = cjk_number(m.group(1))
        if value is not None:
            return int(value)
    if m := vi.search(lower):
        words = m.group(1).split()
        for start in range(len(words)):  # "bố tôi bảy mươi hai tuổi": only the number words count
            if all(w in _VI_WORDS or w.isdigit() for w in words[start:]):
                number = vi_number(" ".join(words[start:]))
                return None if number is None else int(number)
    return None


def age(text: str, *, bare: bool = True) -> tuple[str, int] | None:
    """("birth_year", 1955) or ("age", 70) said in zh, vi or ja; ``bare`` also reads a number alone."""
    lower = text.lower()
    if m := _BIRTH_CJK.search(text):
        year = cjk_number(m.group(1))
        if year is not None:
            return "birth_year", int(year)
    if m := _BIRTH_VI.search(lower):
        return "birth_year", int(m.group(1))
    years = _counted(_AGE_CJK, _AGE_VI, text, lower)  # "七十岁", "bố tôi bảy mươi hai tuổi"
    if years is not None:
        return "age", years
    if bare:
        s = _BARE_END.sub("", re.sub(r"[\s。．.!！?？、，,]+$", "", text.strip()))
        s = re.sub(r"^(?:我今年|今年|我|私は|わたしは|tôi năm nay|năm nay|tôi)\s*", "", s.lower()).strip()
        value = cjk_number(s) if re.fullmatch(CJK_NUMBER, s) else None
        if value is None and s and all(w in _VI_WORDS for w in s.split()):
            value = vi_number(s)
        if value is not None:
            return ("birth_year", int(value)) if 1900 <= value <= 2100 else ("age", int(value))
    return None


# -- the youngest child -------------------------------------------------------------------------------
_NO_CHILD = re.compile(r"^(?:没有|沒有|没|无|無)(?:孩子|小孩|子女|儿女|兒女)?(?:的|啊|呢)?$|没有孩子|沒有孩子|没有小孩|"
                       r"没有子女|无子女|無子女|không có con|chưa có con|^không(?: có)?(?: ạ| đâu)?$|"
                       r"^chưa(?: có)?(?: ạ)?$|子供はいません|子どもはいません|子供がいません|子どもがいません|"
                       r"子供はいない|子どもはいない|子供はおりません|^いません|^いない|^おりません")
_NEWBORN = re.compile(r"刚出生|剛出生|刚生|不到一岁|不到一歲|不满一岁|不滿一歲|没满周岁|沒滿週歲|还没满一岁|"
                      r"mới sinh|chưa đầy (?:một|1) tuổi|chưa được (?:một|1) tuổi|chưa tròn (?:một|1) tuổi|"
                      r"sơ sinh|生まれたばかり|1歳未満|一歳未満|0歳|ゼロ歳|新生児")
_MONTHS_CJK = re.compile(rf"({CJK_NUMBER})\s*(?:个月|個月|か月|ヶ月|ケ月|カ月|ヵ月|箇月)")
_MONTHS_VI = re.compile(r"((?:\d+|[a-zà-ỹđ]+)(?:\s+[a-zà-ỹđ]+)*?)\s*tháng")


def child(text: str) -> tuple[str, int] | None:
    """The youngest child said in zh, vi or ja: ("none", 0) for no children ("没有", "không có",
    "いません"), ("months", n) for "八个月", "8 tháng", "生後8か月", ("baby", 0) for "刚出生",
    "chưa đầy một tuổi", "1歳未満"; ``None`` otherwise
    (years are read as ages)."""
    s = " ".join(text.lower().split()).strip(" .!?。！？、，,")
    if _NO_CHILD.search(s):
        return "none", 0
    if _NEWBORN.search(s):
        return "baby", 0
    months = _counted(_MONTHS_CJK, _MONTHS_VI, s, s)  # "八个月", "con tôi được tám tháng"
    return None if months is None else ("months", months)


# -- income -------------------------------------------------------------------------------------------
_MONEY_CJK = re.compile(rf"({CJK_NUMBER})\s*(万|萬|亿|億)?\s*(韩元|韓元|韩币|韓幣|元|块|ウォン|won|円)?")
_YEN = re.compile(r"円")
_VI_MONEY = re.compile(r"\d|triệu|nghìn|ngàn|trăm|mươi|rưỡi|\bwon\b|\bvnd\b|đồng")
#: "1.500.000": dots group thousands (Vietnamese and European writing), never a decimal point
DOT_THOUSANDS = re.compile(r"\b\d{1,3}(?:\.\d{3})+\b")
_CJK_SCRIPT = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_NO_INCOME = re.compile(r"没有收入|没收入|无收入|沒有收入|收入为零|không có thu nhập|không có lương|"
                        r"收入はありません|収入がない|収入なし|無収入")
_RECIPIENT = re.compile(r"基本生活保障|低保|最低生活|次贫|trợ cấp sinh hoạt|hộ nghèo|cận nghèo|"
                        r"生活保護|基礎生活|受給者")
_YEARLY = re.compile(r"每年|一年|年收入|年收|mỗi năm|một năm|hằng năm|年間|年に")
_BARE_MONEY_CJK = re.compile(rf"^(?:每月|一个月|一個月|月|大概|大约|差不多|约)*\s*({CJK_NUMBER})\s*(万|萬)?"
                             r"\s*(?:左右|ぐらい|くらい|です|吧|的样子)?$")


def income(text: str) -> int | str | None:
    """A monthly household income in won, "none" or "recipient" (zh, vi, ja); None: not understood."""
    lower = text.lower()
    if _NO_INCOME.search(lower):
        return 0
    if _RECIPIENT.search(lower):
        return "recipient"
    amount: float | None = None
    if _CJK_SCRIPT.search(text):
        if _YEN.search(text):
            return None  # asked in won; yen is asked again rather than guessed
        for m in _MONEY_CJK.finditer(text):
            value = cjk_number(m.group(1))
            if value is None or not (m.group(2) or m.group(3)):
                continue
            amount = value * (_CJK_BIG[m.group(2)] if m.group(2) else 1)
            break
        if amount is None and (m2 := _BARE_MONEY_CJK.match(text.strip(" 。.！!"))):
            value = cjk_number(m2.group(1))
            if value is not None:  # "一百五十" after "how much a month": 万 won, as Korean callers say it
                amount = value * 10_000 if (m2.group(2) or value < 10_000) else value
    elif _VI_MONEY.search(lower):
        value = vi_number(lower)
        if value is not None:
            amount = value * 10_000 if value < 1_000 and not re.search(r"triệu|nghìn|ngàn", lower) else value
    if amount is None:
        return None
    if _YEARLY.search(lower):
        amount /= 12
    return round(amount)


# -- household, yes/no, other answers ----------------------------------------------------------------------
HOUSEHOLD_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("1인가구", re.compile(r"一个人住|一個人住|一人住|独居|獨居|自己住|一个人生活|单身|sống một mình|ở một mình|"
                        r"sống 1 mình|một mình|一人暮らし|ひとり暮らし|独り暮らし|一人で(?:住|暮ら)")),
    ("한부모", re.compile(r"单亲|單親|单身妈妈|单身爸爸|đơn thân|một mình nuôi con|ひとり親|一人親|シングルマザー|"
                       r"シングルファーザー|母子家庭|父子家庭")),
    ("조손", re.compile(r"祖孙|祖孫|带孙子|带孙女|照顾孙|ông bà nuôi cháu|nuôi cháu|祖父母と孫|孫を育て|孫と")),
    ("다자녀", re.compile(r"多子女|(?:三|四|五|3|4|5)个(?:以上的?)?孩子|(?:ba|bốn|năm|3|4|5) (?:đứa )?con|đông con|"
                       r"子どもが(?:三|四|五|3|4|5)人|子供が(?:三|四|五|3|4|5)人|多子")),
    ("다문화", re.compile(r"多文化|国际婚姻|đa văn hóa|kết hôn với người hàn|国際結婚")),
)
HOUSEHOLD_NONE = re.compile(r"都不是|都没有|和家人|跟家人|和老伴|跟老伴|和妻子|和丈夫|和老婆|和老公|和爱人|和父母|"
                            r"không phải|không có|với vợ|với chồng|với gia đình|với bố mẹ|cùng gia đình|"
                            r"家族と|夫と|妻と|両親と|どれでもない|どれも|いいえ|当てはまらない")
_SINGLE_PARENT_OR_GRAND = ("한부모", "조손")


def household(text: str) -> frozenset[str] | None:
    lower = text.lower()
    found = {name for name, rx in HOUSEHOLD_WORDS if rx.search(lower)}
    if any(t in found for t in _SINGLE_PARENT_OR_GRAND):
        found.discard("1인가구")  # "một mình nuôi con" is a single parent
    if found:
        return frozenset(found)
    if HOUSEHOLD_NONE.search(lower):
        return frozenset()
    return None


_NO = re.compile(r"^(?:不是|不对|不|没有|沒有|没|不用|不要|不需要)|不是|没有|沒有|"
                 r"^(?:không|chưa|không phải|dạ không)\b|\bkhông\s*(?:ạ|có|phải)?\s*$|\bchưa\b|"
                 r"^(?:いいえ|いえ|違います|ちがいます|ありません|ないです)|ありません|いません|していません|ではありません|じゃない")
_YES = re.compile(r"^(?:是|是的|对|對|对的|有|好|好的|可以|行|嗯|没错|沒錯|当然|是啊|对啊)|有的|^我是|是的$|"
                  r"^(?:có|vâng|dạ|đúng|phải|được|ừ|ờ)\b|\bcó ạ\b|\bđúng rồi\b|"
                  r"^(?:はい|ええ|そうです|うん|お願いします)|あります|います|そうです|しています")
_DONT_KNOW = re.compile(r"不知道|不清楚|不太清楚|不记得|不想说|不方便说|跳过|không biết|không rõ|không nhớ|"
                        r"không muốn nói|bỏ qua|わかりません|分かりません|わからない|知りません|覚えていません|"
                        r"言いたくない|答えたくない|スキップ")


def yes_no(text: str) -> bool | None:
    s = " ".join(text.lower().split()).strip(" .!?。！？、，,")
    if _DONT_KNOW.search(s):
        return None
    if _NO.search(s):
        return False
    if _YES.search(s):
        return True
    return None


def dont_know(text: str) -> bool:
    return _DONT_KNOW.search(text.lower()) is not None


#: words that answer a yes/no question with yes, without a "no"
FLAG_WORDS = {
    "disability": r"残疾|殘疾|残障|khuyết tật|障害",
    "pregnancy": r"怀孕|懷孕|孕|mang thai|có thai|có bầu|妊娠",
    "veteran": r"有功者|退伍军人|退役军人|người có công|cựu chiến binh|有功者|報勲",
    "job_seeker": r"找工作|求职|失业|đang tìm việc|thất nghiệp|求職|仕事を探",
    "student": r"学生|學生|học sinh|sinh viên|学生",
    "farmer": r"农业|务农|种地|农民|nông nghiệp|làm nông|làm ruộng|農業|農家",
}
FOREIGN = re.compile(r"外国|外國|中国人|中國人|越南人|华侨|签证|người nước ngoài|quốc tịch (?:việt|trung|nước ngoài)|"
                     r"người việt|người trung|外国籍|外国人|中国籍|ベトナム|ビザ")
KOREAN = re.compile(r"韩国国籍|韓國國籍|韩国人|韓國人|入籍|quốc tịch hàn|người hàn|韓国籍|韓国人|日本人ではなく韓国")
FEMALE = re.compile(r"女|nữ|phụ nữ|đàn bà|bà\b")
MALE = re.compile(r"男|\bnam\b|đàn ông|ông\b")
#: the caller speaks of themselves (a volunteered age is theirs, not a parent's)
FIRST_PERSON = re.compile(r"我(?![父母爸妈爷奶外公婆丈老儿女孩家的])"
                          r"|(?<!bố )(?<!mẹ )(?<!ông )(?<!bà )(?<!vợ )(?<!chồng )(?<!con )(?<!của )\btôi\b"
                          r"|私|わたし|僕|自分")
LIVES_ALONE = re.compile(r"一个人住|一個人住|独居|獨居|sống một mình|ở một mình|一人暮らし|ひとり暮らし|独り暮らし")
PREGNANT = re.compile(r"我(?:正在|现在)?怀孕|我懷孕|tôi (?:đang )?mang thai|tôi có thai|妊娠しています|妊娠中です")


__all__ = [
    "CJK_NUMBER",
    "DOT_THOUSANDS",
    "FEMALE",
    "FIRST_PERSON",
    "FLAG_WORDS",
    "FOREIGN",
    "KOREAN",
    "LIVES_ALONE",
    "MALE",
    "PREGNANT",
    "SCRIPT",
    "age",
    "child",
    "cjk_number",
    "dont_know",
    "household",
    "income",
    "vi_number",
    "yes_no",
]
