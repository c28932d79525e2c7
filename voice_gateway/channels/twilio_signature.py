"""Twilio request signatures (``X-Twilio-Signature``) on the TwiML webhooks.

Twilio signs every webhook request with the account's auth token: HMAC-SHA1 over the full URL
Twilio requested (scheme, host, path and query string) followed, for a form POST, by every POST
parameter's name and value, sorted by name (a repeated name's values each once, sorted), with no
separators; the digest is base64-encoded into ``X-Twilio-Signature``.

When an auth token is configured (``MALBEOT_TWILIO_AUTH_TOKEN``), ``/v1/twilio/voice`` and
``/v1/twilio/after-stream`` refuse (403 ``forbidden``) a request without a signature or with a
wrong one. Behind a proxy the URL Twilio used is rebuilt from ``X-Forwarded-Proto`` and
``X-Forwarded-Host``; like Twilio's own helpers, the URL with and without an explicit default
port is accepted. Without a token the webhooks stay open (local development), and the gateway
says so once in its log.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

from fastapi import HTTPException, Request

from ..logs import logger
from ..state import GatewayState

log = logger("twilio")
HEADER = "X-Twilio-Signature"
_DEFAULT_PORTS = {"https": 443, "http": 80}
_warned: set[int] = set()


def signature(auth_token: str, url: str, params: Iterable[tuple[str, str]] = ()) -> str:
    """Twilio's signature of a request to ``url`` with form ``params``.

    Names sorted; a name given more than once contributes each different value once, sorted (as
    Twilio's own helper libraries do).
    """
    values: dict[str, set[str]] = {}
    for name, value in params:
        values.setdefault(name, set()).add(value)
    payload = url + "".join(name + value for name in sorted(values) for value in sorted(values[name]))
    digest = hmac.new(auth_token.encode("utf-8"), payload.encode("utf-8"), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def url_variants(url: str) -> list[str]:
    """``url`` as given, and with its default port added or removed."""
    parts = urlsplit(url)
    default = _DEFAULT_PORTS.get(parts.scheme)
    host = parts.hostname or ""
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if parts.port is None and default is not None:
        other = parts._replace(netloc=f"{_userinfo(parts.netloc)}{host}:{default}")
    elif parts.port is not None and parts.port == default:
        other = parts._replace(netloc=f"{_userinfo(parts.netloc)}{host}")
    else:
        return [url]
    return [url, urlunsplit(other)]


def _userinfo(netloc: str) -> str:
    return netloc.rsplit("@", 1)[0] + "@" if "@" in netloc else ""


def valid(auth_token: str, url: str, params: Iterable[tuple[str, str]], given: str) -> bool:
    items = list(params)
    return any(hmac.compare_digest(signature(auth_token, candidate, items).encode("ascii"),
                                   given.encode("ascii", "replace"))
               for candidate in url_variants(url))


def public_url(request: Request) -> str:
    """The URL Twilio requested (what it signed), rebuilt behind a proxy from X-Forwarded-*."""
    proto = request.headers.get("x-forwarded-proto", request.url.scheme).split(",")[0].strip()
    host = request.headers.get("x-forwarded-host") or request.headers.get("host") or request.url.netloc
    query = f"?{request.url.query}" if request.url.query else ""
    return f"{proto}://{host.split(',')[0].strip()}{request.url.path}{query}"


async def require_twilio_signature(request: Request) -> None:
    """FastAPI dependency: a valid ``X-Twilio-Signature`` when an auth token is configured."""
    state: GatewayState = request.app.state.malbeot
    token = state.config.phone.twilio_auth_token
    if not token:
        if id(state) not in _warned:
            _warned.add(id(state))
            log.warning("MALBEOT_TWILIO_AUTH_TOKEN is not set: Twilio webhooks are not authenticated")
        return
    given = request.headers.get(HEADER, "")
    params: list[tuple[str, str]] = []
    if request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        form = await request.form()
        params = [(name, value) for name, value in form.multi_items() if isinstance(value, str)]
    if not given or not valid(token, public_url(request), params, given):
        log.warning("refused a Twilio webhook to %s: %s", request.url.path,
                    "no signature" if not given else "wrong signature")
        raise HTTPException(403, detail={"code": "forbidden", "stage": "twilio",
                                         "message": f"missing or wrong {HEADER}"})


__all__ = ["HEADER", "public_url", "require_twilio_signature", "signature", "url_variants", "valid"]
