"""Kiosk routes (``/kiosk`` page): the programme card an answer shows, and the "call staff" button.

``GET /v1/kiosk/programmes/{id}?lang=ko`` gives what the card (and its printed slip) shows: name,
who it is for, what it gives, how to apply, where, the phone number. Texts are Korean, or English
for other languages where the catalogue has English (else Korean).

``POST /v1/kiosk/staff-call`` ``{"kiosk": "lobby-1", "language": "ko"}`` raises a staff alert
(kind ``staff_call``, channel ``kiosk``) through the same store and notifier as safety alerts, so
staff see it in ``GET /v1/staff/alerts`` and through ``MALBEOT_NOTIFIER``. A kiosk calling again
within :data:`REPEAT_SECONDS` gets the open alert back (``repeated``) instead of a new one.
Nothing a resident said or typed is sent.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from malbeot_core.settings import DEFAULT_LANGUAGES

from .error_body import errors
from .state import GatewayState

router = APIRouter(prefix="/v1/kiosk", tags=["kiosk"])

#: a second press within this many seconds is the same call for staff
REPEAT_SECONDS = 60.0
KIOSK_ID = r"^[A-Za-z0-9_.-]{1,64}$"


@dataclass
class StaffCalls:
    """The last staff alert of each kiosk (thread-safe; the clock is injectable)."""

    clock: Callable[[], float] = time.monotonic
    last: dict[str, tuple[float, int]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def open_alert(self, kiosk: str) -> int | None:
        with self.lock:
            seen = self.last.get(kiosk)
            return seen[1] if seen is not None and self.clock() - seen[0] < REPEAT_SECONDS else None

    def called(self, kiosk: str, alert_id: int) -> None:
        with self.lock:
            self.last[kiosk] = (self.clock(), alert_id)


def _state(request: Request) -> GatewayState:
    state: GatewayState = request.app.state.malbeot
    return state


def _calls(request: Request) -> StaffCalls:
    calls = getattr(request.app.state, "kiosk_staff_calls", None)
    if calls is None:
        calls = request.app.state.kiosk_staff_calls = StaffCalls()
    return calls


class StaffCallRequest(BaseModel):
    model_config = ConfigDict(strict=True)

    kiosk: str = Field("kiosk", pattern=KIOSK_ID, description="which kiosk (shown to staff)")
    language: str = Field("ko", json_schema_extra={"enum": list(DEFAULT_LANGUAGES)}, pattern="^(ko|en|zh|vi|ja)$")


@router.post("/staff-call", status_code=202, responses=errors(422))
async def call_staff(request: Request, body: StaffCallRequest) -> dict[str, Any]:
    calls = _calls(request)
    open_alert = calls.open_alert(body.kiosk)
    if open_alert is not None:
        return {"alert_id": open_alert, "repeated": True}
    safety = _state(request).services.records.safety
    alert_id = await asyncio.to_thread(safety.raise_alert, "staff_call", body.language, "", (), body.kiosk, "kiosk")
    calls.called(body.kiosk, alert_id)
    return {"alert_id": alert_id, "repeated": False}


@router.get("/programmes/{programme_id}", responses=errors(404, 422))
async def programme_card(
    request: Request,
    programme_id: str = Path(..., pattern=r"^[A-Za-z0-9_.:-]{1,100}$"),
    lang: str = Query("ko", pattern="^(ko|en|zh|vi|ja)$"),
) -> dict[str, Any]:
    services = _state(request).services
    programme = await asyncio.to_thread(lambda: services.catalogue.get(programme_id))
    text_language = "ko" if lang == "ko" else "en"
    return {
        "id": programme.id,
        "language": text_language if programme.has_text("name", text_language) else "ko",
        "name": programme.text("name", text_language),
        "for": programme.text("target", text_language) or programme.text("summary", text_language),
        "support": programme.text("support", text_language),
        "how_to_apply": programme.text("how_to_apply", text_language),
        "where": programme.agency,
        "phone": programme.contact,
        "url": programme.url,
        "illustrative": programme.illustrative,
    }
