"""The kiosk page (``GET /kiosk``) in a real browser (Debian's Chromium through playwright-core).

The gateway is the real app (real routes, call websocket, dialog over the sample catalogue,
records store with the staff alerts) on model-free backends that implement the real protocols
(tests/gateway/pipeline_fakes.py): a scripted recogniser, and replies spoken by a tone voice.
Chromium's fake microphone plays a real recording (Debian's asterisk prompts) in which the
recogniser "hears" :data:`HEARD`. Screenshots of the 1080x1920 (portrait) screen go to
test-artifacts/web/kiosk-*.png.

Run: ``.venv/bin/pytest -m browser tests/browser/test_kiosk.py`` (after ``cd tests/browser && npm ci``).
"""

from __future__ import annotations

import contextlib
import threading
import time
import wave
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from fastapi.testclient import TestClient

from malbeot_core.audio import AudioFormat, decode_audio_file
from malbeot_core.installed import asterisk_recording
from records.config import RecordsConfig
from records.hub import RecordsHub
from tests.browser.browser_harness import ARTIFACTS, BROWSER_DIR, NodeRunner, serve
from tests.gateway.pipeline_fakes import FakeBackends, fake_services
from voice_gateway.app import create_app
from voice_gateway.notifiers import LogNotifier
from voice_gateway.services import Services

pytestmark = pytest.mark.browser

KIOSK = BROWSER_DIR / "kiosk.mjs"
KIOSK_ID = "lobby-1"
IDLE_SECONDS = 4
TYPED = "기초연금 받을 수 있나요?"
PERSONAL = "010-1234-5678 서울시 강남구"  # typed personal data that the wipe must take away
#: what the scripted recogniser hears in the recording
HEARD = "기초연금은 누가 받을 수 있나요?"
#: order of keyboard focus on the empty kiosk: five language buttons, talk, question, send,
#: two display settings, call staff, start over
FOCUS_ORDER = ["ko", "en", "zh", "vi", "ja", "talk", "question", "send", "contrast", "slow", "staff-call", "restart"]
MIN_TARGET_PX = 44  # kiosk buttons: far above WCAG's 24 px


@dataclass
class KioskWorld:
    url: str
    fakes: FakeBackends
    hub: RecordsHub
    notifier: LogNotifier


@pytest.fixture(scope="module")
def kiosk_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KioskWorld]:
    notifier = LogNotifier()
    hub = RecordsHub(RecordsConfig.at(tmp_path_factory.mktemp("records")), notifier=notifier)
    fakes = fake_services()
    fakes.transcriber.text = HEARD
    fakes.services.records = hub
    with serve(create_app(fakes.services.config, fakes.services)) as url:
        yield KioskWorld(url, fakes, hub, notifier)
    hub.close()


@pytest.fixture(scope="module")
def microphone(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A real recording with silence around it (Chromium loops the file), and its speech in ms."""
    pcm = decode_audio_file(asterisk_recording("demo-moreinfo.wav").read_bytes(), AudioFormat(16000))
    speech = np.frombuffer(pcm, dtype="<i2")
    lead, tail = np.zeros(8000, "<i2"), np.zeros(16000 * 4, "<i2")
    path = tmp_path_factory.mktemp("mic") / "recording.wav"
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(16000)
        wav.writeframes(np.concatenate([lead, speech, tail]).tobytes())
    return path, int(len(speech) / 16)


def no_violations(report: dict[str, Any]) -> None:
    assert report["violations"] == [], report["violations"]
    assert report["passes"] > 20


def assert_wiped(screen: dict[str, Any]) -> None:
    assert screen["turns"] == 0 and screen["captionUser"] == "" and screen["captionBot"] == ""
    assert screen["question"] == "" and screen["cardHidden"] and screen["cardName"] == ""
    assert screen["staffStatus"] == "" and screen["lang"] == "ko"
    assert screen["stored"] in (None, "[]")


# ---- routes (no browser) ------------------------------------------------------------------------------
def test_kiosk_routes(kiosk_world: KioskWorld) -> None:
    client = TestClient(create_app(kiosk_world.fakes.services.config, kiosk_world.fakes.services))
    page = client.get("/kiosk")
    assert page.status_code == 200 and "static/kiosk.js" in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    assert client.get("/static/kiosk.js").headers["content-type"].startswith("application/javascript")
    card = client.get("/v1/kiosk/programmes/KR-BASIC-PENSION", params={"lang": "ko"}).json()
    assert card["name"] == "기초연금" and card["how_to_apply"] and card["phone"]
    assert client.get("/v1/kiosk/programmes/NO-SUCH").status_code == 404
    assert client.get("/v1/kiosk/programmes/KR-BASIC-PENSION", params={"lang": "fr"}).status_code == 422
    assert client.post("/v1/kiosk/staff-call", json={"kiosk": "../etc"}).status_code == 422


def test_staff_call_raises_one_alert_per_minute(kiosk_world: KioskWorld) -> None:
    client = TestClient(create_app(kiosk_world.fakes.services.config, kiosk_world.fakes.services))
    first = client.post("/v1/kiosk/staff-call", json={"kiosk": "desk-9", "language": "en"})
    again = client.post("/v1/kiosk/staff-call", json={"kiosk": "desk-9", "language": "en"})
    assert first.status_code == 202 and not first.json()["repeated"]
    assert again.json() == {"alert_id": first.json()["alert_id"], "repeated": True}
    alert = next(a for a in kiosk_world.hub.safety.list() if a.call_id == "desk-9")
    assert (alert.kind, alert.channel, alert.language) == ("staff_call", "kiosk", "en")
    assert any("desk-9" in sent.text for sent in kiosk_world.notifier.sent)


# ---- the browser ------------------------------------------------------------------------------------------
def test_kiosk_session_by_keyboard(kiosk_world: KioskWorld, microphone: tuple[Path, int], node: NodeRunner) -> None:
    wav, speech_ms = microphone
    r = node.run(
        "session",
        script=KIOSK,
        base=kiosk_world.url,
        kiosk=KIOSK_ID,
        idle=IDLE_SECONDS,
        typed=TYPED,
        personal=PERSONAL,
        wav=str(wav),
        speakMs=speech_ms + 1500,
        timeout=240,
    )
    assert r["errors"] == []
    # Korean first, every language one key press away
    assert r["start"] == {"lang": "ko", "pressed": ["ko"], "talkLabel": "말하기 시작"}
    assert r["english"]["lang"] == "en" and r["english"]["talkLabel"] == "Start talking"
    assert "Call staff" in r["english"]["staff"] and "직원 호출" in r["english"]["staff"]
    assert r["backToKorean"] == "ko"
    # very large text and targets
    assert r["sizes"]["body"] >= 29 and r["sizes"]["caption"] >= 34, r["sizes"]
    small = [t for t in r["sizes"]["targets"] if t["width"] < MIN_TARGET_PX or t["height"] < MIN_TARGET_PX]
    assert small == []
    # keyboard only: the focus order and a visible focus at every stop
    assert [s["id"] for s in r["focusOrder"]] == ["lang-button"] * 5 + FOCUS_ORDER[5:]
    assert [s["name"] for s in r["focusOrder"][:5]] == ["한국어", "English", "中文", "Tiếng Việt", "日本語"]
    for stop in r["focusOrder"]:
        assert stop["focusVisible"] and stop["outlineStyle"] != "none", stop
        assert not stop["obscured"], stop  # never hidden behind the fixed bar of big buttons
    assert r["obscuredAfterAnswer"] == []
    # the spoken turn: captions of both sides, the programme card
    assert r["talkFocus"]["id"] == "talk" and r["listeningLabel"] == "말하기 끝내기"
    assert r["captionsAfterSpoken"]["user"] == HEARD
    # the bot caption follows the reply sentence by sentence as it is spoken: the last one stays
    assert r["captionsAfterSpoken"]["bot"] and r["captionsAfterSpoken"]["bot"] in r["turns"][1]["text"]
    assert "기초연금" in r["turns"][1]["text"]
    assert r["spokenCard"]["id"] == "KR-BASIC-PENSION" and r["spokenCard"]["name"] == "기초연금"
    assert all(fact and fact != "–" for fact in r["spokenCard"]["facts"]), r["spokenCard"]
    # the typed turn
    assert r["questionFocus"]["id"] == "question"
    assert [t["who"] for t in r["turns"]] == ["user", "bot", "user", "bot"] and r["turns"][2]["text"] == TYPED
    assert r["typedCard"]["name"] == "기초연금"
    # print: the button prints, and the print view is the card alone
    assert r["printFocus"]["id"] == "print" and r["prints"] == 1
    assert r["printView"] == {
        "card": True,
        "talk": False,
        "log": False,
        "staff": False,
        "printButton": False,
        "captions": False,
    }
    # staff call: an alert for staff through the notifier, and the kiosk says so
    assert r["staffFocus"]["id"] == "staff-call" and r["staffStatus"] == "직원을 불렀습니다. 잠시만 기다려 주세요."
    alert = next(a for a in kiosk_world.hub.safety.list() if a.call_id == KIOSK_ID)
    assert (alert.kind, alert.channel) == ("staff_call", "kiosk")
    assert any(KIOSK_ID in sent.text for sent in kiosk_world.notifier.sent)
    # 처음으로: everything of the resident is gone, focus back on the talk button
    assert r["restartFocus"]["id"] == "restart"
    assert_wiped(r["afterRestart"])
    assert r["afterRestart"]["wipes"] == ["restart"] and r["focusAfterRestart"]["id"] == "talk"
    # nobody there for IDLE_SECONDS: the answer, the card, the typed personal data and the language go
    assert r["beforeIdle"]["question"] == PERSONAL and r["beforeIdle"]["turns"] == 2 and r["beforeIdle"]["lang"] == "en"
    assert "곧 화면을 지웁니다" in r["warning"]["text"] or "cleared soon" in r["warning"]["text"]
    assert r["warning"]["wipes"] == 1  # warned before the idle wipe
    assert r["afterKeep"]["warningHidden"] and r["afterKeep"]["question"] == PERSONAL and r["afterKeep"]["turns"] == 2
    assert_wiped(r["afterIdle"])
    assert r["idleWipeAfterMs"] <= (IDLE_SECONDS + 1.5) * 1000
    assert r["afterIdle"]["wipes"] == ["restart", "idle"]
    # axe-core: no violations in any state
    for state, report in r["axe"].items():
        assert report["violations"] == [], (state, report["violations"])
    assert all(Path(shot).is_file() for shot in r["shots"]) and Path(r["shots"][0]).parent == ARTIFACTS


def test_push_to_talk_key(kiosk_world: KioskWorld, microphone: tuple[Path, int], node: NodeRunner) -> None:
    wav, speech_ms = microphone
    r = node.run("ptt", script=KIOSK, base=kiosk_world.url, wav=str(wav), speakMs=speech_ms + 1500, timeout=120)
    assert r["errors"] == []
    assert r["down"] == "listening" and r["up"] in ("thinking", "idle", "speaking")
    assert [t["who"] for t in r["turns"][:2]] == ["user", "bot"] and r["turns"][0]["text"] == HEARD


def test_kiosk_keeps_working_through_a_gateway_restart(
    kiosk_world: KioskWorld, microphone: tuple[Path, int], node: NodeRunner, tmp_path: Path
) -> None:
    marker = tmp_path / "restart"
    app = create_app(kiosk_world.fakes.services.config, kiosk_world.fakes.services)
    stack = contextlib.ExitStack()
    url = stack.enter_context(serve(app))
    port = int(url.rsplit(":", 1)[1].strip("/"))
    outcome: dict[str, Any] = {}

    def browse() -> None:
        try:
            outcome["result"] = node.run(
                "restart", script=KIOSK, base=url, typed=TYPED, marker=str(marker), wav=str(microphone[0]), timeout=180
            )
        except BaseException as exc:  # pytest.fail in the thread: re-raised below
            outcome["error"] = exc

    browser = threading.Thread(target=browse)
    browser.start()
    try:
        deadline = time.monotonic() + 120
        while not marker.exists() and browser.is_alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert marker.exists(), "the kiosk never asked for the restart"
        stack.close()  # the gateway stops: every call is cut
        time.sleep(1.5)
        stack.enter_context(serve(create_app(kiosk_world.fakes.services.config, kiosk_world.fakes.services), port=port))
        Path(f"{marker}.done").write_text("restarted")
        browser.join(timeout=180)
    finally:
        stack.close()
    if "error" in outcome:
        raise outcome["error"]
    r = outcome["result"]
    # while the gateway is down Chromium logs the refused reconnection attempts; nothing else may fail
    assert [e for e in r["errors"] if "ERR_CONNECTION_REFUSED" not in e] == [] and r["restarted"]
    # the screen said the connection was lost, then that it was back with the conversation kept
    assert "연결이 끊겼습니다. 다시 연결하는 중…" in r["notices"], r["notices"]
    assert "다시 연결되었습니다. 대화 내용은 그대로 있습니다." in r["notices"], r["notices"]
    assert [t["who"] for t in r["turns"]] == ["user", "bot", "user", "bot"] and r["cardShown"]


# ---- end to end: the real models ------------------------------------------------------------------------
KOREAN_QUESTION = "기초연금 받을 수 있나요?"


@pytest.fixture(scope="module")
def korean_question(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The question said by the Korean voice (Kokoro), with a long pause after it: Chromium loops the file,
    and on a busy machine the question said again before its answer arrives would interrupt the answer."""
    from tts.kokoro import KokoroSynthesizer

    voice = KokoroSynthesizer()
    speech = np.frombuffer(b"".join(voice.synthesize(KOREAN_QUESTION, "ko")), dtype="<i2")
    rate = voice.sample_rate
    path = tmp_path_factory.mktemp("ko") / "question.wav"
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(np.concatenate([np.zeros(rate // 2, "<i2"), speech, np.zeros(rate * 20, "<i2")]).tobytes())
    return path


@pytest.mark.slow
def test_end_to_end_korean_question_at_the_kiosk(
    real_services: Services, korean_question: Path, node: NodeRunner
) -> None:
    from voice_gateway.config import GatewayConfig

    with serve(create_app(GatewayConfig(), real_services), start_timeout=900) as url:
        r = node.run("voice", script=KIOSK, base=url, wav=str(korean_question), answerMs=120000, timeout=300)
    assert r["errors"] == [] and r["talkFocus"]["id"] == "talk"
    user, bot = r["turns"][0], r["turns"][1]
    print(f"\nheard: {user['text']!r}; answer: {bot['text'][:80]!r}…")
    assert user["who"] == "user" and user["lang"] == "ko" and "기초연금" in user["text"].replace(" ", "")
    assert bot["who"] == "bot" and "기초연금" in bot["text"] and bot["programmes"][0] == "KR-BASIC-PENSION"
    assert r["card"]["id"] == "KR-BASIC-PENSION" and r["card"]["name"] == "기초연금"
    assert r["captions"]["user"] == user["text"] and r["captions"]["bot"] in bot["text"]
    assert r["debug"]["replySeconds"] > 1.0  # the reply was spoken (Kokoro), not only shown
    assert r["axe"]["violations"] == []


@pytest.fixture(scope="module")
def korean_recording(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A real Korean speaker (../shared/data/ko_speech_emotiontts, CC BY-NC-SA: read in place, never
    copied into the repo) asking about designated daycare centres, with a long pause after it."""
    import json

    folder = shared_data / "ko_speech_emotiontts"
    manifest = folder / "manifest.jsonl"
    item = next(json.loads(line) for line in manifest.open() if '"wav/pfd00001.wav"' in line)
    speech = decode_audio_file((folder / item["path"]).read_bytes(), AudioFormat(16000))
    path = tmp_path_factory.mktemp("ko-real") / "question.wav"
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(16000)
        silence = np.zeros(8000, "<i2").tobytes()
        wav.writeframes(silence + speech + np.zeros(16000 * 20, "<i2").tobytes())
    return path, str(item["transcript"])


@pytest.mark.slow
@pytest.mark.shared_data
def test_real_korean_recording_at_the_kiosk(
    real_services: Services, korean_recording: tuple[Path, str], node: NodeRunner
) -> None:
    from asr.metrics import cer
    from voice_gateway.config import GatewayConfig

    wav, transcript = korean_recording
    with serve(create_app(GatewayConfig(), real_services), start_timeout=900) as url:
        r = node.run("voice", script=KIOSK, base=url, wav=str(wav), answerMs=120000, timeout=300)
    assert r["errors"] == []
    user, bot = r["turns"][0], r["turns"][1]
    print(f"\nheard: {user['text']!r}; answer: {bot['text'][:80]!r}…")
    assert user["who"] == "user" and user["lang"] == "ko"
    assert cer(transcript, user["text"]) < 0.3, user["text"]
    assert r["captions"]["user"] == user["text"]
    assert bot["who"] == "bot" and bot["programmes"], bot  # a daycare question gets a programme, shown as a card
    assert {"KR-CHILDCARE-FEE", "KR-DAYCARE"} & set(bot["programmes"][:3]), bot["programmes"]
    assert r["card"]["id"] == bot["programmes"][0]
    assert r["debug"]["replySeconds"] > 1.0
