"""The staff API's civil-service entries: register, edit, retire (``/v1/staff/civil-entries``).

Same authentication as the rest of ``/v1/staff`` (``voice_gateway/staff_api.py``): a staff member
registers entries and edits or retires their own; an admin edits any, including the sample and
imported ones (taking them over). Each change rebuilds the civil index, so callers hear it at once.
"""

from __future__ import annotations

from fastapi import APIRouter, Request

from dialog.civil.knowledge import CivilKnowledge
from records.civil import CivilRegistry
from records.programmes import NotOwner

from .civil_bodies import CivilEntryBody
from .error_body import errors
from .logs import logger
from .services import Services
from .staff_api import STAFF, StaffMember, _error

log = logger("staff")
router = APIRouter(prefix="/v1/staff/civil-entries", tags=["staff"])


def _services(request: Request) -> Services:
    services: Services = request.app.state.malbeot.services
    return services


def _knowledge(request: Request) -> CivilKnowledge:
    return _services(request).civil_knowledge


def _registry(request: Request) -> CivilRegistry:
    return _services(request).records.civil(_knowledge(request))


@router.get("", openapi_extra=STAFF, responses=errors(401))
def list_entries(request: Request, member: StaffMember, all: bool = False) -> dict[str, object]:
    """The caller's entries (an admin: every staff-managed one); ``all=true``: the whole knowledge base."""
    if all:
        return {"entries": [e.to_dict() for e in _knowledge(request).all()]}
    owned = _registry(request).managed(None if member.is_admin else member)
    return {"entries": [e.to_dict() for e in owned]}


@router.post("", status_code=201, openapi_extra=STAFF, responses=errors(401, 409, 422))
def create_entry(request: Request, body: CivilEntryBody, member: StaffMember) -> dict[str, object]:
    """Register an entry (owned by the caller)."""
    try:
        entry = body.entry()
    except ValueError as exc:
        raise _error(422, "bad_message", str(exc)) from exc
    try:
        entry = _registry(request).create(entry, member)
    except ValueError as exc:
        raise _error(409, "conflict", str(exc)) from exc
    _services(request).refresh_civil()
    log.info("staff %s registered civil entry %s", member.id, entry.id)
    return {"entry": entry.to_dict()}


@router.get("/{entry_id}", openapi_extra=STAFF, responses=errors(401, 404))
def get_entry(request: Request, entry_id: str, _: StaffMember) -> dict[str, object]:
    entry = _knowledge(request).find(entry_id)
    if entry is None:
        raise _error(404, "not_found", f"no civil entry {entry_id!r}")
    return {"entry": entry.to_dict()}


@router.put("/{entry_id}", openapi_extra=STAFF, responses=errors(401, 403, 404, 409, 422))
def edit_entry(request: Request, entry_id: str, body: CivilEntryBody, member: StaffMember) -> dict[str, object]:
    """Replace an entry (its owner or an admin)."""
    if body.id != entry_id:
        raise _error(409, "conflict", "the body's id differs from the path")
    if _knowledge(request).find(entry_id) is None:
        raise _error(404, "not_found", f"no civil entry {entry_id!r}")
    try:
        entry = body.entry()
    except ValueError as exc:
        raise _error(422, "bad_message", str(exc)) from exc
    try:
        updated = _registry(request).update(entry, member)
    except NotOwner as exc:
        raise _error(403, "forbidden", "not your civil entry") from exc
    _services(request).refresh_civil()
    return {"entry": updated.to_dict()}


@router.post("/{entry_id}/retire", openapi_extra=STAFF, responses=errors(401, 403, 404))
def retire_entry(request: Request, entry_id: str, member: StaffMember) -> dict[str, object]:
    """Withdraw an entry: no longer answered."""
    if _knowledge(request).find(entry_id) is None:
        raise _error(404, "not_found", f"no civil entry {entry_id!r}")
    try:
        retired = _registry(request).retire(entry_id, member)
    except NotOwner as exc:
        raise _error(403, "forbidden", "not your civil entry") from exc
    _services(request).refresh_civil()
    return {"entry": retired.to_dict()}


__all__ = ["router"]
