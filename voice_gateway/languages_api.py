"""``GET /v1/staff/languages``: the language coverage report (staff token needed).

Per language: where each part of what Malbeot says comes from (human-written, templated,
machine-translated, missing) and what is missing item by item (fixed sentences, phone prompts,
programmes without a gloss or English text, conversation phrases not written), so that a
missing translation is visible to staff. See :mod:`voice_gateway.languages`.
"""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Request

from . import languages
from .error_body import errors
from .staff_api import STAFF, StaffMember
from .state import GatewayState

router = APIRouter(prefix="/v1/staff", tags=["staff"])


@router.get("/languages", openapi_extra=STAFF, responses=errors(401))
async def language_coverage(request: Request, member: StaffMember) -> dict[str, Any]:
    state: GatewayState = request.app.state.malbeot
    services = state.services

    def build() -> dict[str, Any]:  # reads the catalogue (no model is loaded)
        translator = services.__dict__.get("translator")
        return languages.report(services.config.languages, translator, services.catalogue)

    return await asyncio.to_thread(build)


__all__ = ["router"]
