"""The one shape of every error answer, ``{"error": {"code", "stage", "message"}}``, and its OpenAPI entries.

Malbeot's own errors (``MalbeotError``), FastAPI's request validation, ``HTTPException`` raised by
the staff API and Starlette's 404/405 all answer with this body (see ``app.install_error_handlers``).
Each route declares the statuses it can answer with through :func:`errors`, so the OpenAPI
document lists them (instead of FastAPI's default validation-error array, which we never send).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match


class ErrorDetail(BaseModel):
    code: str = Field(description="stable error code, e.g. bad_message, unauthorized, not_found")
    stage: str = Field(description="where it was detected: rest, staff, alerts, twilio …")
    message: str = Field(description="what was wrong, for a person to read")


class ErrorBody(BaseModel):
    error: ErrorDetail


_DESCRIPTIONS = {
    400: "Bad input (undecodable audio, empty text …)",
    401: "No staff token, or an unknown or revoked one",
    403: "Not allowed: an admin-only operation, someone else's programme, or a bad Twilio signature",
    404: "No such resource",
    405: "Method not allowed",
    409: "Conflicts with the current state",
    410: "No longer valid (an expired code)",
    413: "Too large",
    422: "The request does not validate (the message names the field and the problem)",
    429: "Too many tries",
    502: "A model backend failed",
    503: "A model is not installed on this machine",
}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route: the error body under each of ``statuses``."""
    return {status: {"model": ErrorBody, "description": _DESCRIPTIONS.get(status, "Error")} for status in statuses}


def error_response(status: int, code: str, stage: str, message: str,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "stage": stage, "message": message}}, status_code=status,
                        headers=headers)


_HTTP_CODES = {400: "bad_message", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 409: "conflict", 413: "frame_too_large", 422: "bad_message"}


def _location(loc: Any) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "request"


def validation_message(exc: RequestValidationError) -> str:
    problems = []
    for problem in exc.errors()[:5]:
        message = str(problem.get("msg", "invalid")).removeprefix("Value error, ")
        problems.append(f"{_location(problem.get('loc', ()))}: {message}")
    return "; ".join(problems) or "the request does not validate"


def _document(app: FastAPI) -> None:
    """FastAPI documents its own validation-error array under 422 wherever a route has parameters;
    we answer with :class:`ErrorBody` instead, so the document says that (and drops the array)."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        spec = build()
        ours = {"$ref": "#/components/schemas/ErrorBody"}
        schemas = spec.setdefault("components", {}).setdefault("schemas", {})
        for item in spec.get("paths", {}).values():
            for op in item.values():
                for status, response in op.get("responses", {}).items():
                    content = response.get("content", {}).get("application/json", {})
                    if content.get("schema", {}).get("$ref", "").endswith("/HTTPValidationError"):
                        response["description"] = _DESCRIPTIONS.get(int(status), "Error")
                        content["schema"] = ours
        if "ErrorBody" not in schemas:
            body = ErrorBody.model_json_schema(ref_template="#/components/schemas/{model}")
            for name, schema in body.pop("$defs", {}).items():
                schemas.setdefault(name, schema)
            schemas["ErrorBody"] = body
        for name in ("HTTPValidationError", "ValidationError"):
            schemas.pop(name, None)
        app.openapi_schema = spec
        return spec

    app.openapi = openapi  # type: ignore[method-assign]


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route offers at this path (Starlette names only the first route's)."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        match, _ = route.matches(request.scope)
        if match is not Match.NONE:
            methods |= set(getattr(route, "methods", None) or ())
    return sorted(methods)


def install(app: FastAPI) -> None:
    """Answer HTTP errors and validation failures with :class:`ErrorBody`; document it so."""
    _document(app)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, "bad_message", "rest", validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400 and exc.detail == "There was an error parsing the body":
            return error_response(422, "bad_message", "rest", "the body is not valid JSON (UTF-8)")
        if exc.status_code == 405:
            return error_response(405, "method_not_allowed", "http", f"{request.method} is not allowed here",
                                  headers={"Allow": ", ".join(_allowed_methods(request))})
        detail = exc.detail
        if isinstance(detail, dict) and {"code", "stage", "message"} <= detail.keys():
            body = {k: str(detail[k]) for k in ("code", "stage", "message")}
        else:
            body = {"code": _HTTP_CODES.get(exc.status_code, "http_error"), "stage": "http", "message": str(detail)}
        return error_response(exc.status_code, body["code"], body["stage"], body["message"],
                              headers=getattr(exc, "headers", None))


__all__ = ["ErrorBody", "ErrorDetail", "error_response", "errors", "install", "validation_message"]
