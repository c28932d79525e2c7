"""The web voice button in a real browser (Debian's Chromium driven by playwright-core from Node).

Two kinds of test:

* ``test_ui_only_*``: the real page and assets against a scripted fake of ``/v1/call``
  (tests/browser/fake_call_server.py, no models): keyboard-only walk-through, live-region
  behaviour, reply audio and barge-in, axe-core in every mode, error paths, the embeddable widget;
* ``test_end_to_end_*``: the real gateway (``create_app`` with the default configuration and real
  models); Chromium's fake microphone plays a spoken question and the right benefit must come back.

Run: ``.venv/bin/pytest -m browser tests/browser`` (after ``cd tests/browser && npm ci`` once).
Screenshots go to test-artifacts/web/.
"""

from __future__ import annotations

import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from fastapi.testclient import TestClient

from tests.browser.browser_harness import ARTIFACTS, NodeRunner, serve
from tests.browser.fake_call_server import (
    ANSWER_SENTENCES,
    DANGER_TEXT,
    FINAL_TEXT,
    PARTIALS,
    PROGRAMME,
    FakeGateway,
)
from voice_gateway.services import Services

# ---- end-to-end parameters ------------------------------------------------------------------------
#: a recording (16-bit PCM WAV, any rate, mono) of someone asking QUESTION_TEXT; None: the question
#: is synthesised with the project's English Piper voice (no real recording of a benefit question
#: is available on a fresh machine). Chromium loops the file, so keep a few seconds of trailing silence.
QUESTION_WAV: Path | None = None
QUESTION_TEXT = "I am seventy years old. Can I get the basic pension?"
QUESTION_LANGUAGE = "en"
#: the programme id the answer must name, and words the final transcript must contain
EXPECTED_BENEFIT_ID = "KR-BASIC-PENSION"
EXPECTED_TRANSCRIPT_WORDS = ("pension",)

#: keyboard focus order of the page (no conversation yet)
FOCUS_ORDER = ["language", "talk", "question", "send", "clear", "mode-voice", "contrast", "large-text", "slow"]
MIN_TARGET_PX = 24
PROBE_F0, PROBE_GLIDE = 150.0, 40.0  # Hz, Hz per second
AXE_MODES = [
    "voice-mode", "screenreader-mode-conversation", "high-contrast", "large-text",
    "high-contrast-large-text-screenreader", "korean", "chinese", "vietnamese", "japanese",
    "embedded", "narrow-320px", "listening",
]


# ---- fixtures ------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def fake_server() -> Iterator[tuple[FakeGateway, str]]:
    gateway = FakeGateway()
    with serve(gateway.app()) as url:
        yield gateway, url


@pytest.fixture
def fake(fake_server: tuple[FakeGateway, str]) -> tuple[FakeGateway, str]:
    gateway, url = fake_server
    gateway.reset()
    return gateway, url


@pytest.fixture(scope="module")
def real_gateway(real_services: Services) -> Iterator[str]:
    """The real app on its default configuration, with the session's real models (loaded once)."""
    from voice_gateway.app import create_app
    from voice_gateway.config import GatewayConfig

    with serve(create_app(GatewayConfig(), real_services), start_timeout=900) as url:
        yield url


@pytest.fixture(scope="session")
def question_wav(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    """The fake microphone's file and the seconds of speech in it (for the turn-end timeout)."""
    if QUESTION_WAV is not None:
        with wave.open(str(QUESTION_WAV), "rb") as wav:
            return QUESTION_WAV, wav.getnframes() / wav.getframerate()
    from tts.piper import PiperSynthesizer

    voice = PiperSynthesizer("piper-en-joe-medium")
    pcm = b"".join(voice.synthesize(QUESTION_TEXT, QUESTION_LANGUAGE))
    speech = np.frombuffer(pcm, dtype="<i2")
    rate = voice.sample_rate
    lead, tail = np.zeros(int(0.8 * rate), "<i2"), np.zeros(int(4.0 * rate), "<i2")
    path = tmp_path_factory.mktemp("question") / "question.wav"
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(np.concatenate([lead, speech, tail]).tobytes())
    return path, len(speech) / rate


# ---- helpers -------------------------------------------------------------------------------------------
def assert_visible_focus(stops: list[dict[str, Any]]) -> None:
    for stop in stops:
        assert stop["focusVisible"], f"{stop['id']}: focus is not :focus-visible"
        assert stop["outlineStyle"] != "none" and stop["outlineWidth"] >= 2, f"{stop['id']}: no focus outline"
        assert stop["width"] >= MIN_TARGET_PX and stop["height"] >= MIN_TARGET_PX, f"{stop['id']}: target too small"


def added_turns(changes: list[dict[str, Any]]) -> list[str]:
    """Texts of the turns appended to the log; fails on any other kind of change."""
    for change in changes:
        assert change["type"] == "childList" and change["added"] == 1 and change["removed"] == 0, change
        assert change["role"] == "log"
    return [change["addedText"] for change in changes]


def assert_turn_pair(texts: list[str], question: str = FINAL_TEXT) -> None:
    assert texts[0] == f"You: {question}"
    assert texts[1].startswith(f"Malbeot: {ANSWER_SENTENCES[0]}")
    assert str(PROGRAMME["name"]) in texts[1]


# ---- routes (no browser) --------------------------------------------------------------------------------
def test_routes_serve_the_page_assets_and_widget(fake: tuple[FakeGateway, str]) -> None:
    gateway, _ = fake
    client = TestClient(gateway.app())
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert "connect-src 'self'" in page.headers["content-security-policy"]
    assert 'id="talk"' in page.text
    for name, kind in [("malbeot.js", "application/javascript"), ("pcm-worklet.js", "application/javascript"),
                       ("i18n.js", "application/javascript"), ("malbeot.css", "text/css")]:
        asset = client.get(f"/static/{name}")
        assert asset.status_code == 200, name
        assert asset.headers["content-type"].startswith(kind), name
        assert asset.headers["x-content-type-options"] == "nosniff"
    widget = client.get("/widget.js")
    assert widget.headers["content-type"].startswith("application/javascript")
    assert widget.headers["access-control-allow-origin"] == "*"
    assert "attachShadow" in widget.text
    assert client.get("/static/app.py").status_code == 404
    assert client.get("/static/%2e%2e%2fweb_routes.py").status_code == 404
    assert client.head("/").status_code == 200


# ---- UI only (fake call server) -------------------------------------------------------------------------
@pytest.mark.browser
def test_ui_only_keyboard_walkthrough_in_screen_reader_mode(node: NodeRunner, fake: tuple[FakeGateway, str]) -> None:
    gateway, url = fake
    r = node.run("keyboard", base=url)
    assert r["errors"] == []
    assert r["initialMode"] == "voice"
    # focus order and visible focus on every stop
    assert [s["id"] for s in r["firstWalk"]] == FOCUS_ORDER
    assert_visible_focus(r["firstWalk"])
    talk = r["firstWalk"][1]
    assert talk["name"] == "Start talking" and talk["width"] >= 150 and talk["height"] >= 150
    # screen reader mode chosen with the arrow key, back to the button with Shift+Tab
    assert r["modeChosen"]["id"] == "mode-screenreader" and r["modeChosen"]["checked"]
    assert [s["id"] for s in r["backToTalk"]] == ["clear", "send", "question", "talk"]
    assert r["listeningLabel"] == "Stop talking"
    # partial transcripts reach the captions, never the log
    assert list(PARTIALS[:2]) == r["texts"]["caption-user"][:2]
    assert r["logWhilePartial"] == ""
    # one change of the live region per final turn: transcript, answer (spoken); question, answer (typed)
    spoken = added_turns(r["changesAfterSpokenTurn"])
    assert len(spoken) == 2
    assert_turn_pair(spoken)
    assert all(c["live"] == "polite" for c in r["changesAfterSpokenTurn"])
    typed = added_turns(r["changesAfterTypedTurn"])
    assert len(typed) == 4
    assert_turn_pair(typed[2:], "Is there help with rent?")
    assert not any("partial:" in text for text in typed)
    assert r["stateAfterSpokenTurn"] == "idle"
    assert r["questionFocus"]["id"] == "question"
    # what Chromium tells assistive technology
    assert r["ax"] == {"role": "log", "name": "Conversation", "live": "polite", "relevant": "additions"}
    # the log adds no tab stops; the shortcut reaches the button from anywhere
    assert [s["id"] for s in r["secondWalk"]] == ["send", "clear"]
    assert r["shortcutFocus"]["id"] == "talk"
    assert len(added_turns(r["changesAfterShortcutTurn"])) == 6
    # screen reader mode: no reply audio asked for or played
    assert r["debug"]["replyFrames"] == 0 and r["debug"]["sourcesStarted"] == 0
    assert r["debug"]["connects"] == 1
    (call,) = gateway.calls
    assert call.query["tts"] == "0" and call.query["language"] == "en"
    assert call.control_types().count("end_turn") == 2
    assert {"type": "text", "text": "Is there help with rent?", "language": "en"} in call.controls
    assert call.frame_sizes and set(call.frame_sizes) == {640}  # 20 ms of 16 kHz PCM16
    assert "<audio>" not in call.sent
    assert Path(r["screenshot"]).is_file()


@pytest.mark.browser
def test_ui_only_voice_mode_plays_reply_and_barge_in_stops_it(
    node: NodeRunner, fake: tuple[FakeGateway, str]
) -> None:
    gateway, url = fake
    r = node.run("voice", base=url)
    assert r["errors"] == []
    assert [s["id"] for s in r["walk"]] == ["language", "talk"]
    # the turn ended without a second press (the gateway's end-of-speech), then the reply played
    first = r["firstTurn"]
    assert first["framesSent"] >= gateway.vad_frames
    assert r["speakingLabel"] == "Stop answer and talk"
    assert first["replyFrames"] == 2 * 80  # two sentences of 1.6 s in 20 ms frames
    assert first["sourcesStarted"] == first["sourcesEnded"] == first["replyFrames"]
    assert first["replySeconds"] == pytest.approx(3.2, abs=0.01)
    assert r["loudest"] > 0.02, "no reply audio reached the output"
    assert first["state"] == "idle"
    # voice mode: the log is still role=log but not live, so the screen reader stays quiet
    assert r["ax"]["role"] == "log" and r["ax"]["live"] in (None, "off")
    changes = r["changes"]
    assert all(c["live"] == "off" for c in changes)
    assert len(added_turns(changes)) == 6
    assert ANSWER_SENTENCES[0] in r["texts"]["caption-bot"]
    # barge-in: the press during the answer silenced it at once and started listening
    assert r["bargeInsBefore"] == 0
    assert r["afterBargeIn"]["bargeIns"] == 1 and r["afterBargeIn"]["state"] == "listening"
    assert r["levelAfterBargeIn"] < 0.001
    assert r["afterEscape"]["bargeIns"] == 2 and r["afterEscape"]["state"] == "idle"
    assert r["levelAfterEscape"] < 0.001
    (call,) = gateway.calls
    assert {k: call.query[k] for k in ("rate", "encoding", "reply_rate", "language", "tts", "elderly")} == {
        "rate": "16000", "encoding": "pcm16", "reply_rate": "16000", "language": "en", "tts": "1", "elderly": "0"}
    assert call.control_types() == ["end_turn", "barge_in", "end_turn", "barge_in"]
    assert set(call.frame_sizes) == {640}


@pytest.mark.browser
def test_ui_only_axe_finds_no_violations_in_any_mode(node: NodeRunner, fake: tuple[FakeGateway, str]) -> None:
    _, url = fake
    r = node.run("axe", base=url, timeout=400)
    assert sorted(r["axe"]) == sorted(AXE_MODES)
    for mode, outcome in r["axe"].items():
        assert outcome["violations"] == [], f"axe violations in {mode}: {outcome['violations']}"
        assert outcome["passes"] >= 20, f"axe checked almost nothing in {mode}"
    for mode, targets in r["targets"].items():
        small = [t for t in targets if t["width"] < MIN_TARGET_PX or t["height"] < MIN_TARGET_PX]
        assert small == [], f"targets under {MIN_TARGET_PX}px in {mode}: {small}"
        assert r[f"errors-{mode}"] == []
    for mode in AXE_MODES[:-1]:
        assert (ARTIFACTS / f"{mode}.png").is_file()


@pytest.mark.browser
def test_ui_only_error_messages_and_reconnect_keep_the_conversation(
    node: NodeRunner, fake: tuple[FakeGateway, str]
) -> None:
    gateway, url = fake
    r = node.run("errors", base=url)
    assert r["errors"] == []
    assert r["denied"] == {
        "alert": "Microphone access is blocked. Allow the microphone for this site in your browser settings, "
                 "or type your question instead.",
        "state": "idle",
    }
    assert r["axeDenied"]["violations"] == []
    assert r["absent"] == {"alert": "마이크를 찾을 수 없습니다. 마이크를 연결하거나 질문을 입력하세요.",
                           "state": "idle"}
    assert r["serverError"] == "Something went wrong (backend_failed). Please try again."
    # the dropped connection is announced, re-established, and the conversation stays
    assert r["texts"]["notice"] == ["Connection lost. Reconnecting…", "Connected again. Your conversation is kept."]
    assert [t["text"] for t in r["turnsAfterDrop"]][-2:] == ["please fail", "drop the line"]
    assert r["debug"]["connects"] == 2
    assert len(added_turns(r["changesAcrossDrop"])) == 3
    assert len(r["turnsBeforeReload"]) == 6
    # a reload restores the conversation (sessionStorage) without making it live until it is in place
    assert r["turnsAfterReload"] == r["turnsBeforeReload"]
    assert r["liveRightAfterReload"] == "off" and r["liveAfterReload"] == "polite"
    dropped, resumed = (c for c in gateway.calls if c.controls and c.controls[0].get("type") == "text")
    assert [c.get("text") for c in dropped.controls] == ["How can I get the basic pension?", "please fail",
                                                         "drop the line"]
    assert resumed.controls == [{"type": "text", "text": "Is there help with rent?", "language": "en"},
                                {"type": "stop"}]  # the reload hangs up politely


@pytest.mark.browser
def test_ui_only_widget_on_a_district_page(node: NodeRunner, fake: tuple[FakeGateway, str]) -> None:
    _, url = fake
    r = node.run("widget", base=url)
    assert r["errors"] == []
    assert [s["tag"] for s in r["walk"]] == ["a", "button"]
    launcher = r["walk"][1]
    assert launcher["name"] == "Malbeot voice help"
    assert_visible_focus([launcher])
    assert launcher["height"] >= 44
    assert r["expanded"] == "true"
    assert r["frameTitle"] == "Malbeot voice assistant" and "microphone" in r["frameAllow"]
    assert r["frameFocus"] == "talk"
    assert [t["who"] for t in r["turns"]] == ["user", "bot"]
    assert PROGRAMME["id"] in r["turns"][1]["programmes"]
    assert r["afterClose"]["id"] == "launcher"
    assert r["shortcutOpened"] is True
    for key in ("axeHost", "axeHostOpen", "axeFrame"):
        assert r[key]["violations"] == [], f"{key}: {r[key]['violations']}"
    assert (ARTIFACTS / "widget-open.png").is_file()


def write_probe_wav(path: Path, rate: int = 48000) -> None:
    """A voiced, syllable-like test sound: harmonics of a pitch gliding 150 -> 250 Hz, modulated at 4 Hz,
    plus an 11 kHz tone that a 16 kHz resampler must filter out rather than fold to 5 kHz."""
    t = np.arange(int(2.5 * rate)) / rate
    phase = 2 * np.pi * np.cumsum(PROBE_F0 + PROBE_GLIDE * t) / rate
    voiced = sum(np.sin(k * phase) / k for k in range(1, 12))
    envelope = 0.5 * (1 + np.sin(2 * np.pi * 4 * t - np.pi / 2))
    sound = 0.25 * voiced * envelope / np.abs(voiced).max() + 0.08 * np.sin(2 * np.pi * 11000 * t) * envelope
    signal = np.concatenate([np.zeros(int(0.8 * rate)), sound, np.zeros(int(3 * rate))])
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes((signal * 32767).astype("<i2").tobytes())


def autocorrelation_pitch(segment: np.ndarray, rate: int) -> float:
    segment = segment - segment.mean()
    ac = np.correlate(segment, segment, "full")[len(segment) - 1:]
    lo, hi = rate // 400, rate // 100
    return rate / (lo + int(np.argmax(ac[lo:hi])))


@pytest.mark.browser
def test_ui_only_microphone_reaches_the_gateway_as_16khz_pcm(
    node: NodeRunner, tmp_path: Path
) -> None:
    """getUserMedia -> AudioWorklet (downmix, resample, 20 ms Int16 frames) -> websocket, checked on
    what the gateway receives: right rate (pitch), no aliasing, nothing before the sound."""
    probe = tmp_path / "probe.wav"
    write_probe_wav(probe)
    gateway = FakeGateway(vad_frames=10**6)  # the turn ends by the second press only
    with serve(gateway.app()) as url:
        r = node.run("capture", base=url, wav=str(probe), seconds=4.5)
    assert r["errors"] == []
    (call,) = gateway.calls
    assert set(call.frame_sizes) == {640}
    audio = np.frombuffer(bytes(call.audio), "<i2").astype(np.float64) / 32768
    rate = 16000
    assert 4.0 < len(audio) / rate < 5.5
    frames = audio[: len(audio) // 160 * 160].reshape(-1, 160)
    loud = np.sqrt((frames**2).mean(axis=1)) > 0.01
    assert loud.any(), "the probe sound never arrived"
    onset = int(np.argmax(loud)) / 100
    assert 0.2 < onset < 1.2
    for t in (0.3, 0.8, 1.3, 1.8, 2.2):
        centre = int((onset + t) * rate)
        heard = autocorrelation_pitch(audio[centre - 800:centre + 800], rate)
        expected = PROBE_F0 + PROBE_GLIDE * t
        assert heard == pytest.approx(expected, rel=0.04), f"pitch at {t} s: {heard:.1f} Hz, sent {expected:.1f} Hz"
    voiced = audio[int((onset + 0.4) * rate):int((onset + 2.0) * rate)]
    spectrum = np.abs(np.fft.rfft(voiced * np.hanning(len(voiced))))
    freqs = np.fft.rfftfreq(len(voiced), 1 / rate)
    fundamental = spectrum[(freqs > 140) & (freqs < 300)].max()
    folded = spectrum[(freqs > 4700) & (freqs < 5300)].max()  # where 11 kHz would alias
    assert folded < 0.01 * fundamental


# ---- end to end (real gateway, real models) ----------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.slow
def test_end_to_end_spoken_question_gets_the_right_benefit_and_audio(
    node: NodeRunner, real_gateway: str, question_wav: tuple[Path, float]
) -> None:
    wav, speech_seconds = question_wav
    r = node.run("e2e", base=real_gateway, wav=str(wav), speechSeconds=speech_seconds,
                 language=QUESTION_LANGUAGE, timeout=500)
    assert r["errors"] == [], r["errors"]
    assert [s["id"] for s in r["walk"]] == ["language", "talk"]
    assert r["alert"] == ""
    user, bot = r["turns"][:2]
    assert user["who"] == "user" and bot["who"] == "bot"
    transcript = user["text"].lower()
    assert all(word in transcript for word in EXPECTED_TRANSCRIPT_WORDS), user["text"]
    assert EXPECTED_BENEFIT_ID in bot["programmes"], bot
    assert len(added_turns(r["changes"][:2])) == 2
    debug = r["debug"]
    assert "audioWaitError" not in r, r.get("audioWaitError")
    assert debug["replyFrames"] > 0 and debug["sourcesStarted"] > 0
    assert debug["replySeconds"] > 1.0
    assert r["loudest"] > 0.01, "reply audio did not reach the output"
    print(f"turn ended by {r['turnEndedBy']}; transcript after {r['secondsToTranscript']:.1f} s, "
          f"answer after {r['secondsToAnswer']:.1f} s; heard: {user['text']!r}")


@pytest.mark.browser
def test_ui_only_a_danger_answer_shows_the_number_in_large_text(node: NodeRunner,
                                                                 fake: tuple[FakeGateway, str]) -> None:
    _, url = fake
    r = node.run("emergency", base=url, text=DANGER_TEXT)
    assert r["errors"] == []
    assert r["before"] == ""
    assert "119" in r["shown"]["text"] and r["shown"]["role"] == "alert"
    assert r["shown"]["fontSize"] >= 2 * r["shown"]["bodyFontSize"]
    assert r["axe"]["violations"] == []
    assert len(r["turns"]) == 4  # the conversation went on


@pytest.mark.browser
@pytest.mark.slow
def test_end_to_end_a_language_chosen_by_the_caller_switches_the_page(node: NodeRunner, real_gateway: str) -> None:
    """A Korean page; the caller types "Tiếng Việt được không?": the answer comes in Vietnamese and the
    page's own strings, <html lang>, its menu and saved setting follow; the next question is answered
    in Vietnamese too (the call's language went with it): a Vietnamese eligibility check begins."""
    r = node.run("chosenLanguage", base=real_gateway, choose="Tiếng Việt được không?",
                 question="Tôi 70 tuổi. Tôi có được nhận lương hưu cơ bản không?", timeout=400)
    assert r["errors"] == [], r["errors"]
    assert r["before"]["htmlLang"] == "ko" and r["before"]["menu"] == "ko"
    assert r["after"] == {"htmlLang": "vi", "menu": "vi", "title": r["after"]["title"], "saved": "vi"}
    assert r["after"]["title"] != r["before"]["title"]  # the page's strings, not only the attribute
    bot_turns = [t for t in r["turns"] if t["who"] == "bot"]
    assert [t["lang"] for t in bot_turns] == ["vi", "vi"]
    # "I am 70. Can I get the basic pension?" starts the eligibility check, asked in Vietnamese
    assert "đủ điều kiện" in bot_turns[1]["text"], bot_turns[1]["text"]
