"""The web voice button: ``GET /`` (the page), ``GET /kiosk``, ``GET /static/<asset>`` and ``GET /widget.js``.

Everything is served from ``voice_gateway/web/`` in the package; nothing is fetched from a network at
run time and there is no build step. Only the files named in :data:`ASSETS` are served (no directory
listing, no path handling), each with its exact content type.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

WEB_DIR = Path(__file__).resolve().parent / "web"

JS = "application/javascript; charset=utf-8"


@dataclass(frozen=True)
class Asset:
    file: str
    content_type: str
    #: may be loaded by pages of other origins (district sites embedding the widget)
    cross_origin: bool = False


#: the page's ES modules (``malbeot.js`` is the entry; ``kiosk.js`` the kiosk's, which imports it).
#: Browsers refuse a module or the AudioWorklet served without a JavaScript type, so each is listed.
MODULES = (
    "malbeot.js",
    "settings.js",
    "page.js",
    "conversation.js",
    "capture.js",
    "playback.js",
    "call.js",
    "server-messages.js",
    "debug.js",
    "i18n.js",
    "pcm-worklet.js",
    "kiosk.js",
)

#: the static assets under ``/static/``
ASSETS: dict[str, Asset] = {
    "malbeot.css": Asset("malbeot.css", "text/css; charset=utf-8"),
    "kiosk.css": Asset("kiosk.css", "text/css; charset=utf-8"),
    **{name: Asset(name, JS) for name in MODULES},
}
WIDGET = Asset("widget.js", JS, cross_origin=True)
INDEX = Asset("index.html", "text/html; charset=utf-8")
KIOSK = Asset("kiosk.html", "text/html; charset=utf-8")

#: the page talks only to its own origin (the call websocket) and may be framed by any district site
PAGE_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "media-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors *",
    ]
)

router = APIRouter(tags=["web"])


def _serve(asset: Asset, *, page: bool = False) -> FileResponse:
    path = WEB_DIR / asset.file
    if not path.is_file():
        raise HTTPException(status_code=404, detail=f"{asset.file} is missing from the package")
    headers = {
        "Cache-Control": "no-cache",  # revalidate (ETag / Last-Modified) so upgrades show at once
        "X-Content-Type-Options": "nosniff",
    }
    if asset.cross_origin:
        headers["Access-Control-Allow-Origin"] = "*"
        headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    if page:
        headers["Content-Security-Policy"] = PAGE_CSP
        headers["Referrer-Policy"] = "no-referrer"
        headers["Permissions-Policy"] = "microphone=(self), autoplay=(self)"
    return FileResponse(path, media_type=asset.content_type, headers=headers)


@router.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
async def index() -> FileResponse:
    """The voice button page (``?embed=1``: the compact layout used inside the widget's frame)."""
    return _serve(INDEX, page=True)


@router.api_route("/kiosk", methods=["GET", "HEAD"], include_in_schema=False)
async def kiosk() -> FileResponse:
    """The community-centre kiosk (docs/kiosk.md): ``?kiosk=ID``, ``?idle=SECONDS``, ``?ptt=KEYCODE``."""
    return _serve(KIOSK, page=True)


@router.api_route("/widget.js", methods=["GET", "HEAD"], include_in_schema=False)
async def widget() -> FileResponse:
    """One ``<script src=".../widget.js">`` tag adds the voice button to a district page."""
    return _serve(WIDGET)


@router.api_route("/static/{name}", methods=["GET", "HEAD"], include_in_schema=False)
async def static_asset(name: str) -> FileResponse:
    asset = ASSETS.get(name)
    if asset is None:
        raise HTTPException(status_code=404, detail="no such asset")
    return _serve(asset)
