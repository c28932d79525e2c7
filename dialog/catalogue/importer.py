"""Import 복지로 (bokjiro.go.kr) open-data welfare-service records into ``Programme``.

List records carry ``servId, servNm, servDgst, servDtlLink, jurMnofNm, jurOrgNm, lifeArray,
trgterIndvdlArray, intrsThemaArray, srvPvsnNm, sprtCycNm, onapPsbltYn, rprsCtadr, inqNum,
svcfrstRegTs``; detail records add ``tgtrDtlCn`` (지원대상), ``slctCritCn`` (선정기준),
``alwServCn`` (지원내용), ``applmetList`` (신청방법) and ``baslawList`` (근거법령). Detail files may
wrap a record as ``{"list": {...}, "detail": {...}}``; both halves are merged.

The source text keeps literal ``&#13;`` line breaks and double-escaped entities
(``&amp;#9312;`` for ①); :func:`clean_text` undoes both. Imported programmes have no English
text: retrieval is cross-lingual.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from dialog.catalogue.programmes import Catalogue, Eligibility, Programme
from dialog.eligibility.conditions import eligibility_from_conditions

Record = Mapping[str, Any]

_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_AGE_MIN = re.compile(r"(?:만\s*)?(\d{1,3})\s*세\s*이상")
_AGE_MAX = re.compile(r"(?:만\s*)?(\d{1,3})\s*세\s*(이하|미만)")
_INCOME = re.compile(r"(?:기준\s*)?중위\s*소득\s*(\d{2,3})\s*%\s*이하")


def clean_text(value: object) -> str:
    """Unescape (twice-escaped) HTML entities, turn ``&#13;`` into line breaks, tidy spaces."""
    if value is None:
        return ""
    text = str(value)
    for _ in range(3):  # "&amp;#9312;" → "&#9312;" → "①"
        unescaped = html.unescape(text)
        if unescaped == text:
            break
        text = unescaped
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n", "\n".join(line for line in lines if line)).strip()


def split_tags(value: object) -> tuple[str, ...]:
    """``"청년,중장년,임신 · 출산"`` → ``("청년", "중장년", "임신·출산")`` (list values accepted too)."""
    if value is None:
        return ()
    items: Iterable[object] = value if isinstance(value, list | tuple) else str(value).split(",")
    out: list[str] = []
    for item in items:
        tag = re.sub(r"\s*·\s*", "·", clean_text(item)).strip()
        if tag and tag not in out:
            out.append(tag)
    return tuple(out)


def unwrap(obj: object) -> Iterator[dict[str, Any]]:
    """Service records inside a file's JSON value: a record, a list, or a ``list``/``detail`` wrapper."""
    if isinstance(obj, list):
        for item in obj:
            yield from unwrap(item)
        return
    if not isinstance(obj, dict):
        return
    if "servId" in obj:
        yield obj
        return
    halves = [obj[key] for key in ("list", "detail") if isinstance(obj.get(key), dict)]
    if halves:
        merged: dict[str, Any] = {}
        for half in halves:  # detail values (fuller) override list values
            merged.update({k: v for k, v in half.items() if v not in (None, "")})
        if "servId" in merged:
            yield merged
        return
    for key in ("servList", "wantedList", "wantedDtl", "items", "records"):
        if key in obj:
            yield from unwrap(obj[key])


def read_records(path: str | Path) -> list[dict[str, Any]]:
    """Records of a ``.jsonl`` file (one JSON value a line) or a ``.json`` file."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        values = [json.loads(line) for line in text.splitlines() if line.strip()]
        return [r for v in values for r in unwrap(v)]
    return list(unwrap(json.loads(text)))


def _detail_items(value: object) -> list[Mapping[str, Any]]:
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, dict)]
    return []


def _how_to_apply(record: Record, contact: str, online: bool) -> str:
    steps: list[str] = []
    for item in _detail_items(record.get("applmetList")):
        if "신청" in str(item.get("servSeDetailNm", "")) and "이의" not in str(item.get("servSeDetailNm", "")):
            step = clean_text(item.get("servSeDetailLink"))
            if step and step not in steps:
                steps.append(step)
    if steps:
        sentences = [step if step.endswith((".", "다")) else f"{step}." for step in steps]
        if contact:
            sentences.append(f"문의 전화는 {contact}번입니다.")
        return " ".join(sentences)
    # no application method in the list record: say only what the record does state
    parts = []
    if online:
        parts.append("복지로(www.bokjiro.go.kr)에서 온라인으로 신청할 수 있습니다.")
    parts.append(f"자세한 신청 방법은 {contact or '129'}번으로 문의하세요.")
    return " ".join(parts)


def _eligibility(*texts: str) -> Eligibility:
    """Conditions stated unambiguously in the detail text (one age floor, one age ceiling, one income
    ceiling). A child's age ("아동", "자녀", "영유아") is not the applicant's: such ceilings are left out."""
    joined = "\n".join(t for t in texts if t)
    ages = {int(a) for a in _AGE_MIN.findall(joined)}
    ceilings = {int(a) - (1 if kind == "미만" else 0) for a, kind in _AGE_MAX.findall(joined)}
    about_children = re.search(r"아동|자녀|영유아|아이|출생", joined) is not None
    incomes = {int(i) for i in _INCOME.findall(joined)}
    min_age = ages.pop() if len(ages) == 1 else None
    max_age = ceilings.pop() if len(ceilings) == 1 and not about_children else None
    if min_age is not None and max_age is not None and max_age < min_age:
        max_age = None
    return Eligibility(
        min_age=min_age,
        max_age=max_age,
        income_max_pct_median=max(incomes) if incomes else None,
    )


def programme_from_record(record: Record, source: str = "bokjiro") -> Programme:
    """One 복지로 record (list fields, optionally merged with detail fields) as a ``Programme``."""
    serv_id = clean_text(record.get("servId"))
    name = clean_text(record.get("servNm"))
    if not serv_id or not name:
        raise ValueError(f"record without servId/servNm: {sorted(record)[:8]}")
    ministry = clean_text(record.get("jurMnofNm"))
    department = clean_text(record.get("jurOrgNm"))
    agency = ministry if department in ministry else f"{ministry} {department}".strip()
    contact = clean_text(record.get("rprsCtadr"))
    online = str(record.get("onapPsbltYn", "")).strip().upper() == "Y"
    target = clean_text(record.get("tgtrDtlCn"))
    criteria = clean_text(record.get("slctCritCn"))
    laws = tuple(
        law
        for law in (clean_text(i.get("servSeDetailNm")) for i in _detail_items(record.get("baslawList")))
        if law
    )
    return Programme(
        id=serv_id,
        name_ko=name,
        summary_ko=clean_text(record.get("servDgst") or record.get("wlfareInfoOutlCn")),
        target_ko=target,
        selection_criteria_ko=criteria,
        support_ko=clean_text(record.get("alwServCn")),
        how_to_apply_ko=_how_to_apply(record, contact, online),
        agency=agency,
        contact=contact,
        lifecycle=split_tags(record.get("lifeArray")),
        target_groups=split_tags(record.get("trgterIndvdlArray")),
        themes=split_tags(record.get("intrsThemaArray")),
        online_application=online,
        eligibility=_eligibility(target, criteria),
        support_form=clean_text(record.get("srvPvsnNm")),
        support_cycle=clean_text(record.get("sprtCycNm")),
        url=clean_text(record.get("servDtlLink")),
        legal_basis=laws,
        source=source,
        illustrative=False,
    )


def import_records(records: Iterable[Record], source: str = "bokjiro") -> list[Programme]:
    """Programmes from records; several records with one ``servId`` are merged (later fields win)."""
    merged: dict[str, dict[str, Any]] = {}
    for record in records:
        serv_id = str(record.get("servId", "")).strip()
        merged.setdefault(serv_id, {}).update({k: v for k, v in record.items() if v not in (None, "")})
    return [programme_from_record(r, source) for r in merged.values()]


def import_bokjiro(
    list_path: str | Path, detail_dir: str | Path | None = None, source: str = "bokjiro"
) -> list[Programme]:
    """The list file's services, enriched with the ``<detail_dir>/*.json`` detail records of listed ids."""
    records = read_records(list_path)
    listed = {str(r.get("servId", "")).strip() for r in records}
    if detail_dir is not None:
        for path in sorted(Path(detail_dir).glob("*.json")):
            records.extend(r for r in read_records(path) if str(r.get("servId", "")).strip() in listed)
    return import_records(records, source)


def import_into(catalogue: Catalogue, programmes: Iterable[Programme]) -> int:
    return catalogue.upsert_many(programmes)


def apply_conditions(catalogue: Catalogue, records: Iterable[Record], id_key: str = "서비스ID") -> int:
    """Merge national condition-code records (``dialog.eligibility.conditions``) into catalogue programmes by id;
    returns how many programmes were updated."""
    updated: list[Programme] = []
    for record in records:
        programme = catalogue.find(str(record.get(id_key, "")).strip())
        if programme is not None:
            updated.append(replace(programme, eligibility=eligibility_from_conditions(record, programme.eligibility)))
    return catalogue.upsert_many(updated)


__all__ = [
    "apply_conditions",
    "clean_text",
    "import_bokjiro",
    "import_into",
    "import_records",
    "programme_from_record",
    "read_records",
    "split_tags",
    "unwrap",
]
