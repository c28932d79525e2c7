"""The page's ES modules are all served, as JavaScript (no browser needed).

A browser refuses a ``<script type="module">`` or an ``import`` whose response is not JavaScript, and
the gateway serves only the assets it lists (voice_gateway/web_routes.py): a module added to
voice_gateway/web/ without being listed would break the page. The browser tests
(test_web_button.py, test_kiosk.py) load them all in Chromium.
"""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient

from voice_gateway import web_routes

#: ``import ... from './x.js'`` and ``import './x.js'``
IMPORT = re.compile(r"(?:from|import)\s+'\./([\w.-]+\.js)'")


def client() -> TestClient:
    app = FastAPI()
    app.include_router(web_routes.router)
    return TestClient(app)


def test_every_module_and_every_import_is_served_as_javascript() -> None:
    web = web_routes.WEB_DIR
    imported = {name for source in web.glob("*.js") for name in IMPORT.findall(source.read_text(encoding="utf-8"))}
    assert {"page.js", "call.js", "i18n.js"} <= imported
    modules = {path.name for path in web.glob("*.js")} - {"widget.js"}  # the widget is served at /widget.js
    assert imported <= modules, "a module imports a file that is not in voice_gateway/web/"
    http = client()
    for name in sorted(modules):
        asset = http.get(f"/static/{name}")
        assert asset.status_code == 200, name
        assert asset.headers["content-type"] == "application/javascript; charset=utf-8", name
        assert asset.headers["x-content-type-options"] == "nosniff", name


def test_pages_load_their_entry_module_as_a_module() -> None:
    http = client()
    assert '<script type="module" src="static/malbeot.js">' in http.get("/").text
    assert '<script type="module" src="static/kiosk.js">' in http.get("/kiosk").text
    kiosk = (web_routes.WEB_DIR / "kiosk.js").read_text(encoding="utf-8")
    assert "import './malbeot.js';" in kiosk  # the kiosk is the voice page plus its own parts


def test_the_widget_stays_a_classic_cross_origin_script() -> None:
    widget = client().get("/widget.js")
    assert widget.headers["content-type"].startswith("application/javascript")
    assert widget.headers["access-control-allow-origin"] == "*"
    # no module syntax: a plain <script src> on any district page runs it
    assert not re.search(r"^\s*(?:import|export)\s", widget.text, re.MULTILINE)
