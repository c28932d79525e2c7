"""Public programmes (benefits, services, facilities) and their SQLite store.

The fields follow the Korean national public-service data (보조금24 / 복지로 open data): 지원대상
(target), 선정기준 (selection criteria), 지원내용 (support), 신청방법 (how to apply), 소관기관
(agency), life-cycle and target-group tags. Texts exist in Korean and, where written, English;
``Programme.text(field, language)`` picks the caller's language and falls back to Korean.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from malbeot_core.errors import NotFound

#: 생애주기 tags as the national data spells them (the importer normalises spacing)
LIFECYCLE_TAGS = ("영유아", "아동", "청소년", "청년", "중장년", "노년", "임신·출산")
#: 가구·대상 tags; "외국인" is the project's own addition for foreign residents
TARGET_GROUP_TAGS = ("저소득", "장애인", "한부모·조손", "다문화·탈북민", "다자녀", "보훈대상자", "외국인")

TextField = Literal["name", "summary", "target", "selection_criteria", "support", "how_to_apply"]


@dataclass(frozen=True, slots=True)
class Eligibility:
    """Structured eligibility conditions; ``None`` / empty means "not a condition"."""

    #: ages refer to ``age_of``: the person supported ("beneficiary") or their child ("child")
    min_age: int | None = None
    max_age: int | None = None
    age_of: Literal["beneficiary", "child"] = "beneficiary"
    #: household income ceiling as a percentage of the 기준 중위소득 (standard median income)
    income_max_pct_median: int | None = None
    #: household types that qualify, e.g. "한부모", "다자녀", "1인가구" (empty: any)
    household_types: tuple[str, ...] = ()
    requires_disability: bool = False
    requires_pregnancy: bool = False
    requires_veteran: bool = False
    #: registered foreign residents may apply (None: not stated)
    foreign_resident_ok: bool | None = None
    #: only women or only men (maternity, military-service programmes); None: either
    sex: Literal["female", "male"] | None = None
    #: districts (구/군) or dongs whose residents qualify (a local programme); empty: anywhere
    districts: tuple[str, ...] = ()
    requires_job_seeker: bool = False
    requires_student: bool = False
    requires_farmer: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Only the conditions that are set (a value other than the field's default).

        ``foreign_resident_ok: false`` is a condition and is kept (its default is ``None``).
        """
        defaults = {f.name: f.default for f in fields(self)}
        out: dict[str, Any] = {}
        for k, v in asdict(self).items():
            if v == defaults[k] and type(v) is type(defaults[k]):
                continue
            out[k] = list(v) if isinstance(v, tuple) else v
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Eligibility:
        if not data:
            return cls()
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown eligibility keys: {sorted(unknown)}")
        values = dict(data)
        for name in ("household_types", "districts"):
            if name in values:
                values[name] = tuple(values[name])
        return cls(**values)


@dataclass(frozen=True, slots=True)
class Programme:
    id: str
    name_ko: str
    name_en: str = ""
    summary_ko: str = ""
    summary_en: str = ""
    purpose: str = ""
    target_ko: str = ""
    target_en: str = ""
    selection_criteria_ko: str = ""
    selection_criteria_en: str = ""
    support_ko: str = ""
    support_en: str = ""
    how_to_apply_ko: str = ""
    how_to_apply_en: str = ""
    agency: str = ""
    contact: str = ""
    lifecycle: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    online_application: bool = False
    eligibility: Eligibility = field(default_factory=Eligibility)
    #: form of support as the national data names it (현금지급, 현물지급, 전자바우처 ...)
    support_form: str = ""
    #: how often it is paid or given (월, 년, 1회성, 수시 ...)
    support_cycle: str = ""
    url: str = ""
    legal_basis: tuple[str, ...] = ()
    #: where the record comes from ("sample", "bokjiro:central", ...)
    source: str = ""
    #: sample text written by the project, not official information
    illustrative: bool = False
    #: what a voice application asks for (``dialog.applications.application_fields``); empty: the default set
    application_fields: tuple[str, ...] = ()
    #: withdrawn by staff: kept for past applications, no longer offered
    retired: bool = False

    def text(self, name: TextField, language: str) -> str:
        """The field in ``language`` when written, else the Korean text (Korean callers get Korean)."""
        ko: str = getattr(self, f"{name}_ko")
        if language == "ko":
            return ko
        en: str = getattr(self, f"{name}_en")
        return en or ko

    def has_text(self, name: TextField, language: str) -> bool:
        return bool(getattr(self, f"{name}_{'ko' if language == 'ko' else 'en'}"))

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Eligibility):
                data[f.name] = value.to_dict()
            elif isinstance(value, tuple):
                data[f.name] = list(value)
            else:
                data[f.name] = value
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Programme:
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"programme {data.get('id')!r}: unknown keys {sorted(unknown)}")
        values: dict[str, Any] = dict(data)
        for name in ("lifecycle", "target_groups", "themes", "legal_basis", "application_fields"):
            if name in values:
                values[name] = tuple(values[name])
        values["eligibility"] = Eligibility.from_dict(values.get("eligibility"))
        values["online_application"] = bool(values.get("online_application", False))
        values["illustrative"] = bool(values.get("illustrative", False))
        values["retired"] = bool(values.get("retired", False))
        return cls(**values)


_COLUMNS = tuple(f.name for f in fields(Programme))
_JSON_COLUMNS = frozenset({"lifecycle", "target_groups", "themes", "legal_basis", "application_fields"})
_BOOL_COLUMNS = frozenset({"online_application", "illustrative", "retired"})
#: columns added after the first schema: (name, SQL type and default) for ALTER TABLE on older files
_ADDED_COLUMNS = (
    ("application_fields", "TEXT NOT NULL DEFAULT '[]'"),
    ("retired", "INTEGER NOT NULL DEFAULT 0"),
)
_TAG_COLUMNS = frozenset({"lifecycle", "target_groups", "themes"})


def _to_row(p: Programme) -> tuple[object, ...]:
    row: list[object] = []
    for name in _COLUMNS:
        value = getattr(p, name)
        if name in _JSON_COLUMNS:
            row.append(json.dumps(list(value), ensure_ascii=False))
        elif name == "eligibility":
            row.append(json.dumps(value.to_dict(), ensure_ascii=False))
        elif name in _BOOL_COLUMNS:
            row.append(int(value))
        else:
            row.append(value)
    return tuple(row)


def _from_row(row: sqlite3.Row) -> Programme:
    values: dict[str, Any] = {}
    for name in _COLUMNS:
        value = row[name]
        if name in _JSON_COLUMNS:
            values[name] = tuple(json.loads(value))
        elif name == "eligibility":
            values[name] = Eligibility.from_dict(json.loads(value))
        elif name in _BOOL_COLUMNS:
            values[name] = bool(value)
        else:
            values[name] = value
    return Programme(**values)


def _schema() -> str:
    return resources.files("dialog.catalogue").joinpath("catalogue.sql").read_text(encoding="utf-8")


class Catalogue:
    """SQLite-backed programme store; ``":memory:"`` (default) or a file path.

    One connection shared by threads, serialised with a lock (the dialog reads it from a worker thread).
    """

    def __init__(self, path: str | Path = ":memory:") -> None:
        self.path = str(path)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False)
        self._db.row_factory = sqlite3.Row
        with self._lock, self._db:
            self._db.executescript(_schema())
            present = {row[1] for row in self._db.execute("PRAGMA table_info(programmes)")}
            for name, decl in _ADDED_COLUMNS:
                if name not in present:  # a catalogue file written before the column existed
                    self._db.execute(f"ALTER TABLE programmes ADD COLUMN {name} {decl}")

    # -- writing ---------------------------------------------------------------------------------
    def upsert(self, programme: Programme) -> None:
        self.upsert_many([programme])

    def upsert_many(self, programmes: Iterable[Programme]) -> int:
        placeholders = ", ".join("?" for _ in _COLUMNS)
        updates = ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS if c != "id")
        sql = (
            f"INSERT INTO programmes ({', '.join(_COLUMNS)}) VALUES ({placeholders}) "
            f"ON CONFLICT(id) DO UPDATE SET {updates}"
        )
        rows = [_to_row(p) for p in programmes]
        with self._lock, self._db:
            self._db.executemany(sql, rows)
        return len(rows)

    def add(self, programme: Programme) -> None:
        """Insert a new programme; an existing id raises ``ValueError``."""
        if self.find(programme.id) is not None:
            raise ValueError(f"programme {programme.id!r} already in the catalogue")
        self.upsert(programme)

    def delete(self, programme_id: str) -> bool:
        with self._lock, self._db:
            cur = self._db.execute("DELETE FROM programmes WHERE id = ?", (programme_id,))
        return cur.rowcount > 0

    # -- reading ---------------------------------------------------------------------------------
    def _query(self, sql: str, params: tuple[object, ...] = ()) -> list[Programme]:
        with self._lock:
            rows = self._db.execute(sql, params).fetchall()
        return [_from_row(r) for r in rows]

    def find(self, programme_id: str) -> Programme | None:
        found = self._query("SELECT * FROM programmes WHERE id = ?", (programme_id,))
        return found[0] if found else None

    def get(self, programme_id: str) -> Programme:
        found = self.find(programme_id)
        if found is None:
            raise NotFound(f"no programme {programme_id!r} in the catalogue", stage="dialog")
        return found

    def all(self) -> list[Programme]:
        return self._query("SELECT * FROM programmes ORDER BY id")

    def active(self) -> list[Programme]:
        """Programmes still offered (not retired by staff)."""
        return self._query("SELECT * FROM programmes WHERE retired = 0 ORDER BY id")

    def retire(self, programme_id: str) -> bool:
        with self._lock, self._db:
            cur = self._db.execute("UPDATE programmes SET retired = 1 WHERE id = ?", (programme_id,))
        return cur.rowcount > 0

    def __iter__(self) -> Iterator[Programme]:
        return iter(self.all())

    def count(self) -> int:
        with self._lock:
            (n,) = self._db.execute("SELECT COUNT(*) FROM programmes").fetchone()
        return int(n)

    def __len__(self) -> int:
        return self.count()

    def search_text(self, text: str, limit: int = 20) -> list[Programme]:
        """Substring match on names and summaries (Korean or English), names first."""
        like = f"%{text.strip()}%"
        return self._query(
            "SELECT * FROM programmes WHERE name_ko LIKE ?1 OR name_en LIKE ?1 "
            "OR summary_ko LIKE ?1 OR summary_en LIKE ?1 "
            "ORDER BY (name_ko LIKE ?1 OR name_en LIKE ?1) DESC, id LIMIT ?2",
            (like, limit),
        )

    def with_tags(
        self,
        *,
        lifecycle: str | None = None,
        target_group: str | None = None,
        theme: str | None = None,
        online: bool | None = None,
    ) -> list[Programme]:
        """Programmes carrying every given tag (exact tag values, e.g. ``lifecycle="노년"``)."""
        clauses: list[str] = []
        params: list[object] = []
        for column, value in (("lifecycle", lifecycle), ("target_groups", target_group), ("themes", theme)):
            if value is not None:
                assert column in _TAG_COLUMNS
                clauses.append(f"EXISTS (SELECT 1 FROM json_each(programmes.{column}) WHERE value = ?)")
                params.append(value)
        if online is not None:
            clauses.append("online_application = ?")
            params.append(int(online))
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        return self._query(f"SELECT * FROM programmes {where} ORDER BY id", tuple(params))

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Catalogue:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = [
    "LIFECYCLE_TAGS",
    "TARGET_GROUP_TAGS",
    "Catalogue",
    "Eligibility",
    "Programme",
    "TextField",
]
