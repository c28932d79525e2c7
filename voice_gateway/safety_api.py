"""Staff routes for safety alerts: see callers in danger and acknowledge them (staff token needed).

``GET /v1/staff/alerts`` (``unacknowledged=true`` for open ones only) lists alerts newest first;
``POST /v1/staff/alerts/{id}/acknowledge`` marks one seen by the calling staff member (the first
acknowledgement is kept). The stored words are redacted.
"""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Query, Request

from .error_body import errors
from .staff_api import STAFF, RowId, StaffMember, _error, _hub

router = APIRouter(prefix="/v1/staff", tags=["staff"])


@router.get("/alerts", openapi_extra=STAFF, responses=errors(401, 422))
async def list_alerts(request: Request, member: StaffMember,
                      unacknowledged: bool = Query(False, description="only alerts nobody acknowledged yet"),
                      limit: int = Query(100, ge=1, le=1000)) -> dict[str, Any]:
    alerts = await asyncio.to_thread(_hub(request).safety.list, unacknowledged=unacknowledged, limit=limit)
    return {"alerts": [a.as_json() for a in alerts]}


@router.post("/alerts/{alert_id}/acknowledge", openapi_extra=STAFF, responses=errors(401, 404, 422))
async def acknowledge_alert(request: Request, member: StaffMember, alert_id: RowId) -> dict[str, Any]:
    view = await asyncio.to_thread(_hub(request).safety.acknowledge, alert_id, member.name)
    if view is None:
        raise _error(404, "not_found", f"no safety alert {alert_id}")
    return view.as_json()


__all__ = ["router"]
