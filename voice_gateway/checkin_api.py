"""Staff API for check-in calls: residents who agreed to them (register, list, get, update, retire)
and every call's outcome.

Same tokens and roles as ``staff_api`` (``Authorization: Bearer``). Names and phone numbers are
sealed at rest and masked in every answer; ``reveal=true`` on one resident opens them (logged, without
values). Outcomes carry the redacted transcript only.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from records.checkin_windows import Window
from records.checkins import Registration, Resident

from .error_body import errors
from .logs import logger
from .staff_api import RowId, StaffMember, _error, _hub

log = logger("checkin")
STAFF = {"x-required-role": "staff"}
router = APIRouter(prefix="/v1/staff/checkins", tags=["check-in calls"])


class WindowBody(BaseModel):
    days: list[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]] = Field(
        default_factory=list, description="weekdays (empty: every day)")
    start: str = Field(..., pattern=r"^\d{2}:\d{2}$", description="HH:MM, Asia/Seoul")
    end: str = Field(..., pattern=r"^\d{2}:\d{2}$", description="HH:MM, Asia/Seoul")


class ResidentBody(BaseModel):
    name: str = Field(..., min_length=1, max_length=200)
    phone: str = Field(..., min_length=7, max_length=100, description="phone number or SIP URI")
    language: Literal["ko", "en", "zh", "vi", "ja"] = "ko"
    windows: list[WindowBody] = Field(..., min_length=1, max_length=14)
    contact_name: str = Field(default="", max_length=200)
    contact_phone: str = Field(default="", max_length=100)
    consent: bool = Field(..., description="the resident agreed to check-in calls and to these facts being kept")

    def registration(self) -> Registration:
        try:
            windows = tuple(Window.from_dict(w.model_dump()) for w in self.windows)
            return Registration(self.name, self.phone, self.language, windows, self.contact_name,
                                self.contact_phone, self.consent)
        except ValueError as exc:
            raise _error(422, "bad_message", str(exc)) from exc


def _found(resident: Resident | None, resident_id: int) -> Resident:
    if resident is None:
        raise _error(404, "not_found", f"no resident {resident_id}")
    return resident


@router.post("/residents", status_code=201, openapi_extra=STAFF, responses=errors(401, 422))
def register(request: Request, body: ResidentBody, member: StaffMember) -> dict[str, object]:
    """Register a resident who agreed to check-in calls (answer masked)."""
    resident = _hub(request).checkin_residents.register(body.registration(), member.id)
    log.info("staff %s registered check-in resident %s", member.id, resident.id)
    return {"resident": resident.masked()}


@router.get("/residents", openapi_extra=STAFF, responses=errors(401, 422))
def list_residents(request: Request, _: StaffMember, active: bool = False) -> dict[str, object]:
    return {"residents": [r.masked() for r in _hub(request).checkin_residents.list(active_only=active)]}


@router.get("/residents/{resident_id}", openapi_extra=STAFF, responses=errors(401, 403, 404, 422))
def get_resident(request: Request, resident_id: RowId, member: StaffMember,
                 reveal: Annotated[bool, Query(description="open name and numbers (logged)")] = False,
                 ) -> dict[str, object]:
    resident = _found(_hub(request).checkin_residents.get(resident_id), resident_id)
    if reveal:
        log.info("staff %s read check-in resident %s unmasked", member.id, resident_id)
        return {"resident": resident.revealed()}
    return {"resident": resident.masked()}


@router.put("/residents/{resident_id}", openapi_extra=STAFF, responses=errors(401, 404, 409, 422))
def update_resident(request: Request, resident_id: RowId, body: ResidentBody, member: StaffMember) -> dict[str, object]:
    store = _hub(request).checkin_residents
    if not _found(store.get(resident_id), resident_id).active:
        raise _error(409, "conflict", f"resident {resident_id} is retired")
    resident = _found(store.update(resident_id, body.registration()), resident_id)
    log.info("staff %s updated check-in resident %s", member.id, resident_id)
    return {"resident": resident.masked()}


@router.post("/residents/{resident_id}/retire", openapi_extra=STAFF, responses=errors(401, 404, 422))
def retire_resident(request: Request, resident_id: RowId, member: StaffMember) -> dict[str, object]:
    """No more calls; name and numbers are erased, the redacted call history stays."""
    resident = _found(_hub(request).checkin_residents.retire(resident_id), resident_id)
    log.info("staff %s retired check-in resident %s", member.id, resident_id)
    return {"resident": resident.masked()}


@router.get("/calls", openapi_extra=STAFF, responses=errors(401, 422))
def list_calls(request: Request, _: StaffMember,
               resident_id: Annotated[int | None, Query(ge=1, le=2**63 - 1)] = None,
               limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> dict[str, object]:
    """Planned and finished calls, newest first: state, tries, outcome, redacted transcript, summary."""
    return {"calls": _hub(request).checkin_calls.calls(resident_id, limit)}


__all__ = ["router"]
