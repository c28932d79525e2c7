"""Twilio webhooks (``/v1/twilio/voice``, ``/v1/twilio/after-stream``) need a valid X-Twilio-Signature
once an auth token is configured (issue 10, defect 10). Signatures here are computed in the test,
straight from Twilio's documented algorithm, not with the gateway's code."""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from voice_gateway.app import create_app
from voice_gateway.channels.config import PhoneConfig
from voice_gateway.channels.twilio_signature import signature
from voice_gateway.config import GatewayConfig
from voice_gateway.services import Services

TOKEN = "0123456789abcdef0123456789abcdef"
FORM = {"CallSid": "CA" + "7" * 32, "AccountSid": "AC" + "1" * 32, "From": "+821012345678", "To": "+8227001234",
        "CallStatus": "ringing"}


def twilio_sign(token: str, url: str, form: dict[str, str]) -> str:
    """Twilio's documented scheme: URL, then each POST name+value sorted by name; HMAC-SHA1; base64."""
    data = url + "".join(f"{name}{form[name]}" for name in sorted(form))
    return base64.b64encode(hmac.new(token.encode(), data.encode(), hashlib.sha1).digest()).decode()


def _client(token: str) -> Iterator[TestClient]:
    config = GatewayConfig(preload=False, phone=PhoneConfig(twilio_auth_token=token))
    with TestClient(create_app(config, Services(config))) as client:
        yield client


@pytest.fixture
def client() -> Iterator[TestClient]:
    yield from _client(TOKEN)


def test_twilios_published_example_signature() -> None:
    params = [("CallSid", "CA1234567890ABCDE"), ("Caller", "+14158675309"), ("Digits", "1234"),
              ("From", "+14158675309"), ("To", "+18005551212")]
    url = "https://mycompany.com/myapp.php?foo=1&bar=2"
    assert signature("12345", url, params) == "RSOYDt4T1cUTdK1PDd93/VVr8B8="
    assert signature("12345", url, reversed(params)) == "RSOYDt4T1cUTdK1PDd93/VVr8B8="


@pytest.mark.parametrize("path", ["/v1/twilio/voice", "/v1/twilio/after-stream"])
def test_signed_requests_pass_and_unsigned_or_forged_ones_are_refused(client: TestClient, path: str) -> None:
    url = f"http://testserver{path}"
    good = twilio_sign(TOKEN, url, FORM)
    ok = client.post(path, data=FORM, headers={"X-Twilio-Signature": good})
    assert ok.status_code == 200 and ok.text.startswith("<?xml")

    unsigned = client.post(path, data=FORM)
    assert unsigned.status_code == 403
    assert unsigned.json()["error"] == {"code": "forbidden", "stage": "twilio",
                                        "message": "missing or wrong X-Twilio-Signature"}
    tampered = client.post(path, data={**FORM, "From": "+821099999999"}, headers={"X-Twilio-Signature": good})
    assert tampered.status_code == 403
    other_token = twilio_sign("not-the-token", url, FORM)
    assert client.post(path, data=FORM, headers={"X-Twilio-Signature": other_token}).status_code == 403
    other_url = twilio_sign(TOKEN, "http://testserver/v1/twilio/other", FORM)
    assert client.post(path, data=FORM, headers={"X-Twilio-Signature": other_url}).status_code == 403


def test_the_public_url_behind_a_proxy_and_its_query_string_are_signed(client: TestClient) -> None:
    url = "https://voice.example.kr/v1/twilio/voice?lang=ko"
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "voice.example.kr",
               "X-Twilio-Signature": twilio_sign(TOKEN, url, FORM)}
    assert client.post("/v1/twilio/voice?lang=ko", data=FORM, headers=headers).status_code == 200
    # Twilio's helpers accept the URL with the default port written out too
    headers["X-Twilio-Signature"] = twilio_sign(TOKEN, "https://voice.example.kr:443/v1/twilio/voice?lang=ko", FORM)
    assert client.post("/v1/twilio/voice?lang=ko", data=FORM, headers=headers).status_code == 200
    headers["X-Twilio-Signature"] = twilio_sign(TOKEN, "https://voice.example.kr/v1/twilio/voice?lang=en", FORM)
    assert client.post("/v1/twilio/voice?lang=ko", data=FORM, headers=headers).status_code == 403


def test_without_a_token_the_webhooks_stay_open() -> None:
    for client in _client(""):
        assert client.post("/v1/twilio/voice", data=FORM).status_code == 200
