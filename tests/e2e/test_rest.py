"""REST endpoints against the real gateway and models."""

from __future__ import annotations

import io

import httpx
import soundfile as sf

from .audio_fixtures import asterisk_recording
from .conftest import LiveGateway


def test_transcribe_upload(gateway: LiveGateway) -> None:
    data = asterisk_recording("demo-moreinfo.wav").read_bytes()
    r = httpx.post(gateway.url + "/v1/transcribe", files={"audio": ("q.wav", data, "audio/wav")}, timeout=120)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["language"] == "en"
    assert "open source" in body["text"].lower()


def test_transcribe_with_fixed_language_and_flac(gateway: LiveGateway) -> None:
    samples, rate = sf.read(str(asterisk_recording("pbx-transfer.wav")), dtype="int16")
    buf = io.BytesIO()
    sf.write(buf, samples, rate, format="FLAC")
    r = httpx.post(gateway.url + "/v1/transcribe", files={"audio": ("q.flac", buf.getvalue())},
                   data={"language": "en"}, timeout=120)
    assert r.status_code == 200, r.text
    assert "transfer" in r.json()["text"].lower()


def test_transcribe_bad_input(gateway: LiveGateway) -> None:
    r = httpx.post(gateway.url + "/v1/transcribe", files={"audio": ("x.wav", b"not audio")}, timeout=60)
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_audio"
    data = asterisk_recording("beep.wav").read_bytes()
    r = httpx.post(gateway.url + "/v1/transcribe", files={"audio": ("x.wav", data)}, data={"language": "xx"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "unknown_language"


def test_synthesize_returns_wav(gateway: LiveGateway) -> None:
    r = httpx.post(gateway.url + "/v1/synthesize", json={"text": "기초연금은 주민센터에서 신청하세요.",
                                                          "language": "ko", "rate": 0.8}, timeout=60)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "audio/wav"
    samples, rate = sf.read(io.BytesIO(r.content), dtype="int16")
    assert rate == 16000 and len(samples) > rate  # over a second of speech
    slow = len(samples)
    r = httpx.post(gateway.url + "/v1/synthesize", json={"text": "기초연금은 주민센터에서 신청하세요.",
                                                          "language": "ko", "rate": 1.2}, timeout=60)
    fast = len(sf.read(io.BytesIO(r.content), dtype="int16")[0])
    assert fast < slow
    r = httpx.post(gateway.url + "/v1/synthesize", json={"text": "hi", "language": "xx"})
    assert r.status_code == 422


def test_benefit_search(gateway: LiveGateway) -> None:
    r = httpx.get(gateway.url + "/v1/benefits/search", params={"q": "어르신 연금", "lang": "ko"}, timeout=60)
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert results[0]["id"] == "KR-BASIC-PENSION"
    assert {"id", "name", "score", "how_to_apply"} <= set(results[0])
    assert {x["kind"] for x in results} == {"benefit"}
    # one search over both kinds: a document question gets civil entries only, never a benefit (issue 20)
    r = httpx.get(gateway.url + "/v1/benefits/search", params={"q": "주민등록등본 떼려면 어떻게 해요?"}, timeout=60)
    civil = r.json()["results"]
    assert civil[0]["id"] == "CIVIL-RESIDENT-CERT", civil
    assert {x["kind"] for x in civil} == {"civil"} and civil[0]["how_to_apply"]
    r = httpx.get(gateway.url + "/v1/benefits/search", params={"q": "rent support for young people", "lang": "en",
                                                               "k": 5}, timeout=60)
    assert len(r.json()["results"]) == 5
    assert httpx.get(gateway.url + "/v1/benefits/search").status_code == 422
    # the brief's own example: facts about the person, no topic (issue 17)
    r = httpx.get(gateway.url + "/v1/benefits/search",
                  params={"q": "어머니가 75세인데 받을 수 있는 혜택이 뭐가 있어요?", "lang": "ko"}, timeout=60)
    found = [x["id"] for x in r.json()["results"]]
    assert "KR-BASIC-PENSION" in found[:3], found
    assert not {"KR-CHILD-ALLOWANCE", "KR-PARENT-ALLOWANCE", "KR-YOUTH-SAVINGS", "KR-FIRST-MEETING"} & set(found)


def test_health_and_metrics(gateway: LiveGateway) -> None:
    health = httpx.get(gateway.url + "/healthz").json()
    assert health["status"] == "ok" and health["loaded"]["transcriber"]
    # what really serves each language with the packaged models: no translation model is configured
    assert (health["asr"]["backend"], health["asr"]["loaded"]) == ("faster-whisper", True)
    assert health["voices"]["en"] == {"backend": "piper", "loaded": True}
    assert health["voices"]["ko"] == {"backend": "kokoro", "loaded": True}
    assert health["translation"]["backend"] == "none" and set(health["translation"]["pairs"].values()) == {None}
    assert health["loaded"]["translator"] is False
    text = httpx.get(gateway.url + "/metrics").text
    assert "malbeot_stage_latency_seconds" in text
    assert "malbeot_calls_total" in text
