"""Request bodies of the staff and alerts API (``voice_gateway/staff_api.py``).

They take JSON types exactly as the OpenAPI document declares them (strict: no ``"0"`` or ``0``
for false), and every text staff type goes through ``voice_gateway/staff_text.py``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from dialog.catalogue.programmes import Eligibility, Programme
from dialog.places.facilities import KINDS

from .staff_text import Line, Long, Name, Tag

_KIND_NAMES: tuple[str, ...] = tuple(sorted(KINDS))
#: a list of short labels (tags, districts, household types, application fields)
Tags = Annotated[list[Tag], Field(max_length=50)]


#: request bodies take JSON types as declared (no "0" or 0 for false): what the document says is what passes
STRICT = ConfigDict(strict=True)


def _json_int(value: object) -> object:
    """JSON Schema counts 65.0 as an integer; pydantic's strict mode would not."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


#: integers as JSON Schema means them (65 or 65.0; not "65", not true); the bounds come first, so that
#: they reach the JSON schema as minimum/maximum
#: ages (0–150), percentages of median income (0–1000), birth years, household sizes
Age = Annotated[int, Field(ge=0, le=150), BeforeValidator(_json_int)]
Percent = Annotated[int, Field(ge=0, le=1000), BeforeValidator(_json_int)]
BirthYear = Annotated[int, Field(ge=1900, le=2100), BeforeValidator(_json_int)]
HouseholdSize = Annotated[int, Field(ge=1, le=100), BeforeValidator(_json_int)]


# -- bodies -----------------------------------------------------------------------------------------------
class EligibilityBody(BaseModel):
    """Structured conditions (see ``dialog.catalogue.programmes.Eligibility``)."""

    model_config = STRICT

    min_age: Age | None = None
    max_age: Age | None = None
    age_of: Literal["beneficiary", "child"] = "beneficiary"
    income_max_pct_median: Percent | None = None
    household_types: Tags = []
    requires_disability: bool = False
    requires_pregnancy: bool = False
    requires_veteran: bool = False
    foreign_resident_ok: bool | None = None
    sex: Literal["female", "male"] | None = None
    districts: Tags = []
    requires_job_seeker: bool = False
    requires_student: bool = False
    requires_farmer: bool = False


class ProgrammeBody(BaseModel):
    """A programme as staff register it: every text is checked (``voice_gateway/staff_text.py``)."""

    model_config = STRICT

    id: str = Field(..., min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_.\-]+$")
    name_ko: Name
    name_en: Line = ""
    summary_ko: Long = ""
    summary_en: Long = ""
    target_ko: Long = ""
    target_en: Long = ""
    selection_criteria_ko: Long = ""
    selection_criteria_en: Long = ""
    support_ko: Long = ""
    support_en: Long = ""
    how_to_apply_ko: Long = ""
    how_to_apply_en: Long = ""
    agency: Line = ""
    contact: Line = ""
    lifecycle: Tags = []
    target_groups: Tags = []
    themes: Tags = []
    online_application: bool = False
    application_fields: Tags = []
    support_form: Line = ""
    support_cycle: Line = ""
    url: Line = ""
    eligibility: EligibilityBody = Field(default_factory=EligibilityBody)

    def programme(self) -> Programme:
        data: dict[str, Any] = self.model_dump()
        data["eligibility"] = Eligibility.from_dict(self.eligibility.model_dump()).to_dict()
        return Programme.from_dict(data)


class StaffBody(BaseModel):
    model_config = STRICT

    name: Name
    role: Literal["staff", "admin"] = "staff"


class FacilityBody(BaseModel):
    model_config = STRICT

    id: Tag
    kind: str = Field(..., description=f"one of {sorted(KINDS)}", json_schema_extra={"enum": list(_KIND_NAMES)})
    name_ko: Name
    name_en: Line = ""
    district: Line = ""
    dong: Line = ""
    address_ko: Line = ""
    lat: float = Field(..., ge=-90, le=90)
    lon: float = Field(..., ge=-180, le=180)


class ProfileBody(BaseModel):
    """What ``dialog.eligibility.profile.profile_from_simple`` reads (every key optional; no others)."""

    model_config = ConfigDict(strict=True, extra="forbid")

    birth_year: BirthYear | None = None
    age: Age | None = None
    youngest_child_age: Age | None = None
    children: bool | None = None
    household: Tags | None = None
    household_size: HouseholdSize | None = None
    income_pct_median: Annotated[float, Field(ge=0, le=10000)] | None = None
    sex: Literal["female", "male"] | None = None
    district: Line | None = None
    disability: bool | None = None
    pregnancy: bool | None = None
    veteran: bool | None = None
    foreign_resident: bool | None = None
    job_seeker: bool | None = None
    student: bool | None = None
    farmer: bool | None = None

    def simple(self) -> dict[str, Any]:
        return self.model_dump(exclude_none=True)


class SubscriptionBody(BaseModel):
    model_config = STRICT

    channel: Literal["sms", "kakao", "webhook"]
    address: str = Field(..., min_length=3, max_length=300, description="phone number, messenger id or URL")
    language: Literal["ko", "en", "zh", "vi", "ja"] = "ko"
    consent: bool = Field(..., description="the resident agreed to be alerted and to these facts being kept",
                          json_schema_extra={"const": True})
    profile: ProfileBody = Field(default_factory=lambda: ProfileBody(),
                                 description="the few facts matched against new programmes")


class ConfirmBody(BaseModel):
    model_config = STRICT

    code: str = Field(..., pattern=r"^[0-9]{6}$", description="the 6-digit code sent to the address")


class OptOutBody(BaseModel):
    model_config = STRICT

    code: str = Field(..., min_length=4, max_length=100)


__all__ = ["ConfirmBody", "EligibilityBody", "FacilityBody", "OptOutBody", "ProfileBody",
           "ProgrammeBody", "StaffBody", "SubscriptionBody", "Tags"]
