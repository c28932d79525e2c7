"""Request body of the staff API's civil-service entries (``voice_gateway/civil_api.py``).

Codes (where, what to bring, fee kinds, online services, topics) are the ones
``dialog.civil.vocab`` can say in every language; texts go through ``voice_gateway/staff_text.py``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, Field

from dialog.civil.entry import TOPICS, CivilEntry
from dialog.civil.vocab import BRING, FEE_FOR, ONLINE, WHERE

from .staff_bodies import STRICT, Tags, _json_int
from .staff_text import Line, Long, Name

Language = Literal["ko", "en", "zh", "vi", "ja"]
Won = Annotated[int, Field(ge=0, le=100_000_000), BeforeValidator(_json_int)]  # 5000.0 is a JSON integer


def _enum(values: object) -> dict[str, Any]:
    return {"enum": sorted(values)}  # type: ignore[call-overload]


class FeeBody(BaseModel):
    model_config = STRICT

    won: Won
    for_: str = Field("any", alias="for", json_schema_extra=_enum(FEE_FOR))
    won_max: Won = 0


class CivilEntryBody(BaseModel):
    """A civil-service entry as staff register it (facts as fields; answers are composed from them)."""

    model_config = STRICT

    id: str = Field(..., min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_.\-]+$")
    names: dict[Language, Name] = Field(
        ..., description="the name per language; ko is required", json_schema_extra={"required": ["ko"]}
    )
    topic: str = Field(..., json_schema_extra=_enum(TOPICS))
    where: Annotated[list[str], Field(max_length=10, json_schema_extra={"items": _enum(WHERE)})] = []
    department_ko: Line = ""
    department_en: Line = ""
    opens: str = Field("", pattern=r"^(|([01]\d|2[0-3]):[0-5]\d)$")
    closes: str = Field("", pattern=r"^(|([01]\d|2[0-3]):[0-5]\d)$")
    online_always: bool = False
    bring: Annotated[list[str], Field(max_length=10, json_schema_extra={"items": _enum(BRING)})] = []
    fees: Annotated[list[FeeBody], Field(max_length=10)] = []
    online: str = Field("", json_schema_extra=_enum(ONLINE))
    url: Line = ""
    phone: str = Field("", max_length=20, pattern=r"^[0-9\-]*$")
    notes: dict[Language, Long] = {}
    aliases: dict[Language, Tags] = {}
    source: Line = ""
    source_url: Line = ""
    sign_up: bool = False

    def entry(self) -> CivilEntry:
        """The entry (``ValueError`` with every problem when a code is unknown)."""
        data: dict[str, Any] = self.model_dump()
        data["fees"] = [{"won": f.won, "for": f.for_, "won_max": f.won_max} for f in self.fees]
        return CivilEntry.from_dict(data)


__all__ = ["CivilEntryBody", "FeeBody"]
