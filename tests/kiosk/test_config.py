"""The one kiosk configuration file: parsing, checks with one-line errors, and the page address it gives."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk_client.config import AudioSettings, KioskConfig, load_config, parse_config
from kiosk_client.failures import EXIT_BAD_INPUT, BadInput

REPO = Path(__file__).resolve().parents[2]

FULL = """
[kiosk]
gateway = "https://malbeot.example.org"
id = "lobby-1"
language = "ko"
idle = 120
ptt = "F13"
elderly = true

[audio]
input = "USB PnP Sound Device"
output = 3
vad = "silero"
threshold = 0.6
pre_roll = 0.4
min_speech = 0.2
end_silence = 1.2
echo_tail = 0.6
"""


def test_a_full_file() -> None:
    config = parse_config(FULL)
    assert config == KioskConfig(
        gateway="https://malbeot.example.org", kiosk="lobby-1", language="ko", idle=120.0, ptt="F13",
        elderly=True,
        audio=AudioSettings(input="USB PnP Sound Device", output=3, vad="silero", aggressiveness=2,
                            threshold=0.6, pre_roll=0.4, min_speech=0.2, end_silence=1.2, echo_tail=0.6),
    )
    assert config.call_url == "wss://malbeot.example.org/v1/call"
    assert config.call_params() == {"language": "ko", "elderly": "1"}
    assert config.page_url() == "https://malbeot.example.org/kiosk?kiosk=lobby-1&idle=120&lang=ko&ptt=F13"


def test_an_empty_file_gives_the_defaults() -> None:
    config = parse_config("")
    assert config == KioskConfig()
    assert config.call_url == "ws://127.0.0.1:8080/v1/call"
    assert config.page_url() == "http://127.0.0.1:8080/kiosk?kiosk=kiosk&idle=90&lang=ko"  # no ptt= when unset
    assert config.audio.input is None and config.audio.vad == "webrtc" and config.audio.aggressiveness == 2


def test_a_gateway_under_a_path() -> None:
    config = parse_config('[kiosk]\ngateway = "http://10.0.0.5:8080/malbeot/"\nlanguage = "vi"\nidle = 45.5')
    assert config.call_url == "ws://10.0.0.5:8080/malbeot/v1/call"
    assert config.page_url() == "http://10.0.0.5:8080/malbeot/kiosk?kiosk=kiosk&idle=45.5&lang=vi"


@pytest.mark.parametrize(("text", "names"), [
    ("[kiosk\n", ["not valid TOML"]),
    ('[kiosk]\ngateway = "ws://gw:8080/v1/call"', ["kiosk.gateway", "http://HOST:PORT"]),
    ('[kiosk]\nid = "lobby 1"', ["kiosk.id"]),
    ('[kiosk]\nlanguage = "fr"', ["kiosk.language", "ko, en, zh, vi, ja"]),
    ('[kiosk]\nidle = "soon"', ["kiosk.idle", "expected a number"]),
    ("[kiosk]\nidle = 1", ["kiosk.idle"]),
    ('[kiosk]\nptt = "F9; alert(1)"', ["kiosk.ptt"]),
    ('[kiosk]\nelderly = "yes"', ["kiosk.elderly"]),
    ('[kiosk]\nvolume = 3', ["kiosk.volume", "unknown setting"]),
    ('[audio]\nvad = "energy"', ["audio.vad"]),
    ("[audio]\naggressiveness = 5", ["audio.aggressiveness"]),
    ("[audio]\nend_silence = 0.1", ["audio.end_silence"]),
    ("[audio]\ninput = 1.5", ["audio.input"]),
    ("[screen]\nwidth = 1080", ["screen", "unknown table"]),
    ("kiosk = 3", ["kiosk", "expected a table"]),
])
def test_a_wrong_setting_is_one_line_naming_it(text: str, names: list[str]) -> None:
    with pytest.raises(BadInput) as caught:
        parse_config(text, "lobby.toml")
    message = caught.value.message
    assert "\n" not in message and message.startswith("lobby.toml")
    for name in names:
        assert name in message, (name, message)


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="no such file"):
        load_config(tmp_path / "kiosk.toml")


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk_client", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=60)


def test_the_url_command_prints_the_page_for_chromium(tmp_path: Path) -> None:
    (tmp_path / "kiosk.toml").write_text(FULL, encoding="utf-8")
    run = _cli("url", "--config", "kiosk.toml", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "https://malbeot.example.org/kiosk?kiosk=lobby-1&idle=120&lang=ko&ptt=F13"


def test_a_bad_file_stops_live_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "kiosk.toml").write_text('[kiosk]\nlanguage = "fr"\n', encoding="utf-8")
    run = _cli("live", "--config", "kiosk.toml", cwd=tmp_path)
    assert run.returncode == EXIT_BAD_INPUT
    assert run.stderr.startswith("kiosk_client: kiosk.toml: kiosk.language") and len(run.stderr.splitlines()) == 1


def test_live_without_a_sound_card_is_one_line(tmp_path: Path) -> None:
    sounddevice = pytest.importorskip("sounddevice")
    if len(sounddevice.query_devices()):
        pytest.skip("this machine has sound devices")
    (tmp_path / "kiosk.toml").write_text("", encoding="utf-8")
    run = _cli("live", "--config", "kiosk.toml", cwd=tmp_path)
    assert run.returncode == EXIT_BAD_INPUT and len(run.stderr.splitlines()) == 1
    assert run.stderr.startswith("kiosk_client: cannot open the microphone or speaker")
