"""The FastAPI application factory."""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
from collections.abc import AsyncIterator

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from malbeot_core.errors import MalbeotError

from . import call_ws, checkin_api, civil_api, error_body, kiosk_api, languages_api, rest, safety_api, staff_api
from .channels import twilio
from .channels.audiosocket import AudioSocketServer
from .channels.sip import SipServer
from .channels.twilio import outcomes_of
from .config import GatewayConfig
from .logs import logger, setup_logging
from .services import Services
from .state import GatewayState

log = logger("app")

_STATUS = {
    "bad_audio": 400,
    "bad_message": 400,
    "unknown_language": 422,
    "unsupported_rate": 422,
    "frame_too_large": 413,
    "not_found": 404,
    "model_missing": 503,
    "model_hash_mismatch": 503,
    "backend_failed": 502,
}


async def _sync_loop(services: Services, seconds: float) -> None:
    """Every ``seconds``: staff edits made on another replica reach this one (``Services.sync_catalogue``)."""
    while True:
        await asyncio.sleep(seconds)
        try:
            await asyncio.to_thread(services.sync_catalogue)
        except Exception:
            log.exception("catalogue sync failed; retrying in %.0f s", seconds)


def create_app(config: GatewayConfig | None = None, services: Services | None = None) -> FastAPI:
    config = config or GatewayConfig.from_env()
    setup_logging(config.log_level)
    state = GatewayState(config, services or Services(config))

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        _ = state.services.records  # reads MALBEOT_RECORDS_*: a missing shared key stops start-up here
        if config.preload:
            await asyncio.to_thread(state.services.warm)
        servers: list[AudioSocketServer | SipServer] = []
        sip_server: SipServer | None = None
        if config.phone.audiosocket_port:
            audiosocket = AudioSocketServer(state, outcomes_of(app.state))
            servers.append(audiosocket)
            await audiosocket.start(config.phone.audiosocket_host, config.phone.audiosocket_port)
        if config.phone.sip_port:
            sip_server = SipServer(state, outcomes_of(app.state))
            servers.append(sip_server)
            await sip_server.start(config.phone.sip_host, config.phone.sip_port)
        checkin = None
        if config.checkin is not None:
            from .checkin.runner import start_checkin

            checkin = start_checkin(state, sip_server, config.checkin)
        app.state.checkin = checkin
        sync = None
        if state.services.records.shared:  # replicas on one PostgreSQL: follow each other's staff edits
            sync = asyncio.create_task(_sync_loop(state.services, config.sync_seconds))
        try:
            yield
        finally:
            if sync is not None:
                sync.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await sync
            if checkin is not None:
                await checkin.stop()
            for server in servers:
                await server.stop()

    app = FastAPI(
        title="Malbeot voice gateway",
        version="0.1.0",
        description="Voice and multilingual assistant for public benefits. Call protocol: docs/protocol.md",
        lifespan=lifespan,
    )
    app.state.malbeot = state

    @app.exception_handler(MalbeotError)
    async def malbeot_error(request: Request, exc: MalbeotError) -> JSONResponse:
        state.metrics.error(exc)
        log.warning("%s %s: %s", request.method, request.url.path, exc)
        return JSONResponse(
            {"error": {"code": exc.code, "stage": exc.stage, "message": exc.message}},
            status_code=_STATUS.get(exc.code, 500),
        )

    error_body.install(app)

    app.include_router(rest.router)
    app.include_router(call_ws.router)
    app.include_router(civil_api.router)
    app.include_router(staff_api.router)
    app.include_router(staff_api.alerts_router)
    app.include_router(safety_api.router)
    app.include_router(languages_api.router)
    app.include_router(checkin_api.router)
    app.include_router(kiosk_api.router)
    app.include_router(twilio.router)
    if importlib.util.find_spec("voice_gateway.web_routes") is not None:
        from . import web_routes

        app.include_router(web_routes.router)
    return app
