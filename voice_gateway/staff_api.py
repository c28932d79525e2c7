"""The staff API: programmes, applications, facilities and alert subscriptions; and residents' alert opt-in/out.

Every ``/v1/staff`` endpoint needs ``Authorization: Bearer <token>``: no or an unknown token → 401,
a staff token on an admin endpoint → 403 (each operation names its role as ``x-required-role`` in
the OpenAPI document). Staff register, edit and retire their own programmes and see the
applications for them; admins do everything and manage staff.

Applications are listed and exported masked; ``reveal=true`` decrypts them for the programme's
owner or an admin (and is logged, without values). Programmes registered here are stored in the
records database and put back into the catalogue at start-up; each change rebuilds the search
index, so callers can find a new programme at once.

``/v1/alerts`` (no staff token): a resident opts in to alerts about new programmes that may suit
them (channel, address, the few facts needed, explicit consent) and opts out with the code given.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi import Path as FastPath
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from dialog.places.facilities import KINDS, Facility
from records.alerts import CONFIRM_SECONDS, Confirmation
from records.applications import to_csv
from records.hub import RecordsHub
from records.programmes import NotOwner, ProgrammeRegistry
from records.staff import Member

from .error_body import errors
from .logs import logger
from .resident_alerts import AlertService
from .services import Services
from .staff_bodies import ConfirmBody, FacilityBody, OptOutBody, ProgrammeBody, StaffBody, SubscriptionBody

log = logger("staff")
bearer = HTTPBearer(auto_error=False, description="A staff API token (``python -m records create-staff``)")
STAFF = {"x-required-role": "staff"}
ADMIN = {"x-required-role": "admin"}


def _services(request: Request) -> Services:
    services: Services = request.app.state.malbeot.services
    return services


def _hub(request: Request) -> RecordsHub:
    return _services(request).records


def _alerts(request: Request) -> AlertService:
    return _services(request).alerts


def _error(status: int, code: str, message: str) -> HTTPException:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return HTTPException(status, detail={"code": code, "stage": "staff", "message": message}, headers=headers)


def staff_member(request: Request,
                 credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> Member:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise _error(401, "unauthorized", "a staff token is needed (Authorization: Bearer …)")
    member = _hub(request).staff.authenticate(credentials.credentials)
    if member is None:
        raise _error(401, "unauthorized", "unknown or revoked token")
    return member


def admin_member(member: Annotated[Member, Depends(staff_member)]) -> Member:
    if not member.is_admin:
        raise _error(403, "forbidden", "this needs an admin")
    return member


StaffMember = Annotated[Member, Depends(staff_member)]
AdminMember = Annotated[Member, Depends(admin_member)]

router = APIRouter(prefix="/v1/staff", tags=["staff"])
alerts_router = APIRouter(prefix="/v1/alerts", tags=["alerts"])


#: a database row id in a path: a positive SQLite integer (anything larger would overflow the query: 422)
RowId = Annotated[int, FastPath(ge=1, le=2**63 - 1)]


def _registry(request: Request) -> ProgrammeRegistry:
    services = _services(request)
    return services.records.programmes(services.catalogue)


# -- who am I, staff accounts -----------------------------------------------------------------------------
@router.get("/me", openapi_extra=STAFF, responses=errors(401))
def me(member: StaffMember) -> dict[str, object]:
    """The member the token belongs to."""
    return member.to_dict()


@router.get("/members", openapi_extra=ADMIN, responses=errors(401, 403))
def list_members(request: Request, _: AdminMember) -> dict[str, object]:
    return {"members": [m.to_dict() for m in _hub(request).staff.list()]}


@router.post("/members", status_code=201, openapi_extra=ADMIN, responses=errors(401, 403, 422))
def create_member(request: Request, body: StaffBody, admin: AdminMember) -> dict[str, object]:
    """A new staff member; their token is in this answer only."""
    member, token = _hub(request).staff.create(body.name, body.role)
    log.info("admin %s created staff member %s (%s)", admin.id, member.id, member.role)
    return {**member.to_dict(), "token": token}


@router.post("/members/{staff_id}/tokens", status_code=201, openapi_extra=ADMIN, responses=errors(401, 403, 404, 422))
def issue_token(request: Request, staff_id: RowId, _: AdminMember) -> dict[str, object]:
    try:
        return {"id": staff_id, "token": _hub(request).staff.issue_token(staff_id)}
    except KeyError as exc:
        raise _error(404, "not_found", f"no staff member {staff_id}") from exc


@router.delete("/members/{staff_id}", status_code=204, openapi_extra=ADMIN, responses=errors(401, 403, 404, 409, 422))
def deactivate_member(request: Request, staff_id: RowId, admin: AdminMember) -> Response:
    """Deactivate a member and revoke their tokens."""
    if staff_id == admin.id:
        raise _error(409, "conflict", "an admin cannot deactivate themselves")
    if not _hub(request).staff.deactivate(staff_id):
        raise _error(404, "not_found", f"no staff member {staff_id}")
    return Response(status_code=204)


# -- programmes -----------------------------------------------------------------------------------------
@router.get("/programmes", openapi_extra=STAFF, responses=errors(401))
def list_programmes(request: Request, member: StaffMember) -> dict[str, object]:
    """The caller's programmes (an admin: every staff-managed programme)."""
    owned = _registry(request).managed(None if member.is_admin else member)
    return {"programmes": [p.to_dict() for p in owned]}


@router.post("/programmes", status_code=201, openapi_extra=STAFF, responses=errors(401, 409, 422))
def create_programme(request: Request, body: ProgrammeBody, member: StaffMember) -> dict[str, object]:
    """Register a programme (owned by the caller); residents who opted in and may qualify are alerted."""
    try:
        programme = _registry(request).create(body.programme(), member)
    except ValueError as exc:
        raise _error(409, "conflict", str(exc)) from exc
    _services(request).refresh_retrieval()
    alerted = _alerts(request).programme_registered(programme)
    log.info("staff %s registered programme %s (%d alerts)", member.id, programme.id, alerted)
    return {"programme": programme.to_dict(), "alerted": alerted}


@router.get("/programmes/{programme_id}", openapi_extra=STAFF, responses=errors(401, 403, 404))
def get_programme(request: Request, programme_id: str, member: StaffMember) -> dict[str, object]:
    registry = _registry(request)
    programme = registry.catalogue.find(programme_id)
    if programme is None:
        raise _error(404, "not_found", f"no programme {programme_id!r}")
    if not registry.can_edit(member, programme_id):
        raise _error(403, "forbidden", "not your programme")
    return {"programme": programme.to_dict()}


@router.put("/programmes/{programme_id}", openapi_extra=STAFF, responses=errors(401, 403, 404, 409, 422))
def edit_programme(request: Request, programme_id: str, body: ProgrammeBody, member: StaffMember) -> dict[str, object]:
    """Replace a programme (its owner or an admin)."""
    if body.id != programme_id:
        raise _error(409, "conflict", "the body's id differs from the path")
    registry = _registry(request)
    if registry.catalogue.find(programme_id) is None:
        raise _error(404, "not_found", f"no programme {programme_id!r}")
    try:
        updated = registry.update(body.programme(), member)
    except NotOwner as exc:
        raise _error(403, "forbidden", "not your programme") from exc
    _services(request).refresh_retrieval()
    return {"programme": updated.to_dict()}


@router.post("/programmes/{programme_id}/retire", openapi_extra=STAFF, responses=errors(401, 403, 404))
def retire_programme(request: Request, programme_id: str, member: StaffMember) -> dict[str, object]:
    """Withdraw a programme: kept for its applications, no longer offered."""
    registry = _registry(request)
    if registry.catalogue.find(programme_id) is None:
        raise _error(404, "not_found", f"no programme {programme_id!r}")
    try:
        retired = registry.retire(programme_id, member)
    except NotOwner as exc:
        raise _error(403, "forbidden", "not your programme") from exc
    _services(request).refresh_retrieval()
    return {"programme": retired.to_dict()}


# -- applications ----------------------------------------------------------------------------------------
def _visible_applications(request: Request, member: Member, programme_id: str | None,
                          reveal: bool) -> list[dict[str, Any]]:
    registry = _registry(request)
    if programme_id is not None:
        if not registry.can_edit(member, programme_id):
            raise _error(403, "forbidden", "not your programme")
        ids: list[str] | None = [programme_id]
    else:
        ids = None if member.is_admin else [p.id for p in registry.managed(member)]
    found = _hub(request).applications.list(ids, reveal=reveal)
    if reveal:
        log.info("staff %s read %d applications unmasked (programme %s)", member.id, len(found), programme_id or "*")
    return [a.to_dict() for a in found]


@router.get("/applications", openapi_extra=STAFF, responses=errors(401, 403, 422))
def list_applications(request: Request, member: StaffMember, programme_id: str | None = None,
                      reveal: Annotated[bool, Query(description="decrypt the fields (owner or admin)")] = False,
                      ) -> dict[str, object]:
    """Applications for the caller's programmes (an admin: all), masked unless ``reveal``."""
    return {"applications": _visible_applications(request, member, programme_id, reveal)}


@router.get("/applications/export", openapi_extra=STAFF,
            responses={200: {"content": {"text/csv": {"schema": {"type": "string"}},
                                         "application/json": {"schema": {"type": "object"}}}},
                       **errors(401, 403, 422)})
def export_applications(request: Request, member: StaffMember, programme_id: str | None = None,
                        format: Literal["csv", "json"] = "csv", reveal: bool = False) -> Response:
    rows = _visible_applications(request, member, programme_id, reveal)
    if format == "json":
        return Response(json.dumps({"applications": rows}, ensure_ascii=False), media_type="application/json")
    stored = _hub(request).applications
    receipts = {r["receipt"] for r in rows}
    text = to_csv(a for a in stored.list(None, reveal=reveal) if a.receipt in receipts)
    return Response(text, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="applications.csv"'})


# -- facilities -----------------------------------------------------------------------------------------
@router.get("/facilities", openapi_extra=STAFF, responses=errors(401))
def list_facilities(request: Request, _: StaffMember) -> dict[str, object]:
    return {"facilities": [f.to_dict() for f in _hub(request).facilities.all()]}


@router.post("/facilities", status_code=201, openapi_extra=STAFF, responses=errors(401, 422))
def add_facility(request: Request, body: FacilityBody, _: StaffMember) -> dict[str, object]:
    if body.kind not in KINDS:
        raise _error(422, "bad_message", f"kind must be one of {sorted(KINDS)}")
    facility = Facility(**body.model_dump())
    _hub(request).facilities.add(facility)
    return {"facility": facility.to_dict()}


@router.delete("/facilities/{facility_id}", status_code=204, openapi_extra=ADMIN, responses=errors(401, 403, 404))
def remove_facility(request: Request, facility_id: str, _: AdminMember) -> Response:
    if not _hub(request).facilities.remove(facility_id):
        raise _error(404, "not_found", f"no facility {facility_id!r}")
    return Response(status_code=204)


# -- alert subscriptions ----------------------------------------------------------------------------------
@router.get("/alerts/subscriptions", openapi_extra=ADMIN, responses=errors(401, 403))
def list_subscriptions(request: Request, _: AdminMember) -> dict[str, object]:
    """Opted-in residents (addresses masked)."""
    return {"subscriptions": _alerts(request).subscriptions()}


@alerts_router.post("/subscriptions", status_code=201, responses=errors(422, 502))
def subscribe(request: Request, body: SubscriptionBody) -> dict[str, object]:
    """A resident opts in. A confirmation code is sent to the address; no alert goes to it until the
    code is read back (``POST /v1/alerts/subscriptions/{id}/confirm``). The answer carries the
    opt-out code, shown only here."""
    if not body.consent:
        raise _error(422, "bad_message", "alerts need the resident's consent")
    try:
        sub_id, code = _alerts(request).subscribe(body.channel, body.address, body.profile.simple(),
                                                      body.language)
    except ValueError as exc:
        raise _error(422, "bad_message", str(exc)) from exc
    return {"id": sub_id, "opt_out_code": code, "confirmed": False, "confirm_within_seconds": int(CONFIRM_SECONDS)}


_CONFIRM_ERRORS = {
    Confirmation.UNKNOWN: (404, "not_found", "no subscription waiting for confirmation with that id"),
    Confirmation.ALREADY: (409, "conflict", "already confirmed"),
    Confirmation.EXPIRED: (410, "expired", "the code has expired; subscribe again for a new one"),
    Confirmation.TOO_MANY: (429, "too_many_tries", "too many wrong codes; subscribe again for a new one"),
}


@alerts_router.post("/subscriptions/{sub_id}/confirm", responses=errors(403, 404, 409, 410, 422, 429))
def confirm_subscription(request: Request, sub_id: RowId,
                         body: ConfirmBody) -> dict[str, object]:
    """Read back the code sent to the address: alerts start only after this."""
    outcome, left = _alerts(request).confirm(sub_id, body.code)
    if outcome is Confirmation.CONFIRMED:
        log.info("alert subscription %d confirmed", sub_id)
        return {"id": sub_id, "confirmed": True}
    if outcome is Confirmation.WRONG:
        raise _error(403, "wrong_code", f"that is not the code sent; {left} {'try' if left == 1 else 'tries'} left")
    status, code, message = _CONFIRM_ERRORS[outcome]
    raise _error(status, code, message)


@alerts_router.post("/opt-out", responses=errors(404, 422))
def opt_out(request: Request, body: OptOutBody) -> dict[str, object]:
    """Stop alerts; the address and facts are erased."""
    if not _alerts(request).opt_out(body.code):
        raise _error(404, "not_found", "no active subscription with that code")
    return {"opted_out": True}


__all__ = ["alerts_router", "router"]
