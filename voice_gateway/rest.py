"""REST endpoints: transcribe, synthesize, benefit search, health and metrics."""

from __future__ import annotations

import asyncio
import time

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel, ConfigDict, Field

from dialog.civil.desk import hit as civil_hit
from malbeot_core.audio import INTERNAL, decode_audio_file, resample, wav_bytes
from malbeot_core.errors import BadAudio, FrameTooLarge, ProtocolViolation, UnknownLanguage
from malbeot_core.settings import DEFAULT_LANGUAGES
from malbeot_core.text_language import text_language

from .error_body import errors
from .state import GatewayState

router = APIRouter()

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
#: one or two answers' worth: the neural Korean voice takes about 0.7 s per second of speech on two cores
MAX_SYNTH_CHARS = 300
#: what a ``language`` parameter may say (the gateway refuses, 422, one it is not configured to offer)
LANGUAGE_CHOICES = [*DEFAULT_LANGUAGES, "auto"]


def _state(request: Request) -> GatewayState:
    state: GatewayState = request.app.state.malbeot
    return state


def _check_language(language: str | None, state: GatewayState) -> str | None:
    if language in (None, "", "auto"):
        return None
    if language not in state.config.languages:
        raise UnknownLanguage(
            f"language {language!r} is not offered; use one of {', '.join(state.config.languages)}", stage="rest"
        )
    return language


@router.post("/v1/transcribe", responses=errors(400, 413, 422, 502, 503))
async def transcribe(
    request: Request, audio: UploadFile = File(...),
    language: str | None = Form(None, json_schema_extra={"enum": LANGUAGE_CHOICES}),
) -> dict[str, str]:
    state = _state(request)
    fixed = _check_language(language, state)
    data = await audio.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise FrameTooLarge(f"audio upload over {MAX_UPLOAD_BYTES // (1024 * 1024)} MiB", stage="rest")
    if not data:
        raise BadAudio("the uploaded audio file is empty", stage="rest")
    start = time.perf_counter()
    pcm = await asyncio.to_thread(decode_audio_file, data, INTERNAL)
    transcriber = await asyncio.to_thread(lambda: state.services.transcriber)
    result = await asyncio.to_thread(transcriber.transcribe, pcm, fixed, state.config.languages)
    state.metrics.request_latency.labels("transcribe").observe(time.perf_counter() - start)
    return {"text": result.text, "language": result.language}


class SynthesizeRequest(BaseModel):
    model_config = ConfigDict(strict=True)

    text: str = Field(min_length=1, max_length=MAX_SYNTH_CHARS)
    #: absent: the language the text is written in (Korean when its letters do not tell)
    language: str | None = Field(None, json_schema_extra={"enum": [*DEFAULT_LANGUAGES, None]})
    rate: float = Field(1.0, ge=0.5, le=2.0)


@router.post("/v1/synthesize", response_class=Response,
             responses={200: {"content": {"audio/wav": {"schema": {"type": "string", "format": "binary"}}}},
                        **errors(400, 413, 422, 502, 503)})
async def synthesize(request: Request, body: SynthesizeRequest) -> Response:
    state = _state(request)
    language = _check_language(body.language, state) or text_language(body.text, state.config.languages) or "ko"
    if len(body.text) > MAX_SYNTH_CHARS:
        raise FrameTooLarge(f"text over {MAX_SYNTH_CHARS} characters", stage="rest")
    if not body.text.strip():
        raise ProtocolViolation("text is empty", stage="rest")
    start = time.perf_counter()

    def run() -> bytes:
        synth = state.services.voices(language)
        pcm = b"".join(synth.synthesize(body.text, language, body.rate))
        return resample(pcm, synth.sample_rate, INTERNAL.rate)

    pcm = await asyncio.to_thread(run)
    state.metrics.request_latency.labels("synthesize").observe(time.perf_counter() - start)
    return Response(wav_bytes(pcm, INTERNAL), media_type="audio/wav")


@router.get("/v1/benefits/search", responses=errors(422, 502, 503))
async def search_benefits(
    request: Request,
    q: str = Query(..., min_length=1, max_length=500),
    lang: str | None = Query(None, json_schema_extra={"enum": LANGUAGE_CHOICES}),
    k: int = Query(3, ge=1, le=20),
) -> dict[str, list[dict[str, object]]]:
    state = _state(request)
    language = _check_language(lang, state) or text_language(q, state.config.languages)
    start = time.perf_counter()
    retriever = await asyncio.to_thread(lambda: state.services.retriever)
    civil = await asyncio.to_thread(lambda: state.services.civil)
    # one search over both kinds, as on a call: a document question gets civil entries only
    route = await asyncio.to_thread(civil.search.route, q, retriever, k)
    if route.kind == "civil":
        found = [(civil_hit(h.entry, h.score, language or "ko"), "civil") for h in route.hits[:k]]
    else:
        found = [(h, "benefit") for h in await asyncio.to_thread(retriever.search, q, language, k)]
    state.metrics.request_latency.labels("search").observe(time.perf_counter() - start)
    return {
        "results": [
            {"id": h.id, "name": h.name, "score": round(h.score, 4), "how_to_apply": h.how_to_apply, "kind": kind}
            for h, kind in found
        ]
    }


@router.get("/healthz")
async def healthz(request: Request) -> JSONResponse:
    state = _state(request)
    services = state.services

    def report() -> dict[str, object]:  # in a thread: a voice being loaded holds the selector's lock
        return {"status": "ok", "loaded": services.loaded(), "load_seconds": services.load_seconds,
                **services.health()}

    return JSONResponse(await asyncio.to_thread(report))


@router.get("/metrics", response_class=Response,
            responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}}}})
async def metrics(request: Request) -> Response:
    state = _state(request)
    return Response(generate_latest(state.metrics.registry), media_type=CONTENT_TYPE_LATEST)
