"""One kiosk configuration file (TOML) for both ways of running a kiosk.

The same file drives the web kiosk page (``kiosk_client url`` prints its address with ``kiosk=``,
``idle=``, ``ptt=``, ``lang=``) and the microphone/speaker client (``kiosk_client live``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from .failures import BadInput

LANGUAGES = ("ko", "en", "zh", "vi", "ja")
_KIOSK_ID = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
_PTT_CODE = re.compile(r"^[A-Za-z0-9]{1,32}$")


@dataclass(frozen=True)
class AudioSettings:
    input: str | int | None = None  #: microphone: PortAudio device name or index (None: the default)
    output: str | int | None = None  #: speaker
    vad: str = "webrtc"  #: "webrtc" or "silero"
    aggressiveness: int = 2  #: webrtc 0..3 (higher rejects more noise)
    threshold: float = 0.5  #: silero speech probability
    pre_roll: float = 0.3  #: seconds of audio before the detected speech that are sent with it
    min_speech: float = 0.12  #: this much speech (seconds) opens the gate
    end_silence: float = 1.5  #: seconds sent after speech stops, so the gateway can end the turn
    echo_tail: float = 0.5  #: the microphone stays closed this long after the speaker stops


@dataclass(frozen=True)
class KioskConfig:
    gateway: str = "http://127.0.0.1:8080"  #: the gateway's base address (http:// or https://)
    kiosk: str = "kiosk"
    language: str = "ko"
    idle: float = 90.0
    ptt: str = ""
    elderly: bool = False
    audio: AudioSettings = field(default_factory=AudioSettings)

    @property
    def call_url(self) -> str:
        """The call websocket (``ws://`` for http, ``wss://`` for https)."""
        parts = urlsplit(self.gateway)
        scheme = "wss" if parts.scheme == "https" else "ws"
        return f"{scheme}://{parts.netloc}{parts.path.rstrip('/')}/v1/call"

    def call_params(self) -> dict[str, str]:
        return {"language": self.language, "elderly": "1" if self.elderly else "0"}

    def page_url(self) -> str:
        """The kiosk page with this kiosk's options, for ``chromium --kiosk``."""
        query: dict[str, str] = {"kiosk": self.kiosk, "idle": f"{self.idle:g}", "lang": self.language}
        if self.ptt:
            query["ptt"] = self.ptt
        return f"{self.gateway.rstrip('/')}/kiosk?{urlencode(query)}"


def load_config(path: Path) -> KioskConfig:
    """Read and check ``path``; ``BadInput`` (one line naming the file and the setting) when it is wrong."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BadInput(f"cannot read the configuration {path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"cannot read the configuration {path}: {exc}") from None
    return parse_config(text, str(path))


def parse_config(text: str, name: str = "kiosk.toml") -> KioskConfig:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BadInput(f"{name} is not valid TOML: {exc}") from None
    return _Reader(name).config(data)


class _Reader:
    def __init__(self, name: str) -> None:
        self.name = name

    def bad(self, key: str, why: str) -> BadInput:
        return BadInput(f"{self.name}: {key}: {why}")

    def table(self, data: dict[str, Any], key: str, known: set[str]) -> dict[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            raise self.bad(key, "expected a table")
        unknown = sorted(set(value) - known)
        if unknown:
            raise self.bad(f"{key}.{unknown[0]}", f"unknown setting (known: {', '.join(sorted(known))})")
        return value

    def number(self, table: dict[str, Any], section: str, key: str, default: float, low: float, high: float) -> float:
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            raise self.bad(f"{section}.{key}", f"expected a number from {low:g} to {high:g}, got {value!r}")
        return float(value)

    def device(self, table: dict[str, Any], key: str) -> str | int | None:
        value = table.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise self.bad(f"audio.{key}", f"expected a device name or number, got {value!r}")
        return value

    def config(self, data: dict[str, Any]) -> KioskConfig:
        unknown = sorted(set(data) - {"kiosk", "audio"})
        if unknown:
            raise self.bad(unknown[0], "unknown table (expected [kiosk] and [audio])")
        k = self.table(data, "kiosk", {"gateway", "id", "language", "idle", "ptt", "elderly"})
        a = self.table(data, "audio", {"input", "output", "vad", "aggressiveness", "threshold", "pre_roll",
                                       "min_speech", "end_silence", "echo_tail"})
        defaults = KioskConfig()
        gateway = k.get("gateway", defaults.gateway)
        parts = urlsplit(gateway) if isinstance(gateway, str) else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
            raise self.bad("kiosk.gateway", f"expected http://HOST:PORT or https://HOST, got {gateway!r}")
        kiosk_id = k.get("id", defaults.kiosk)
        if not isinstance(kiosk_id, str) or not _KIOSK_ID.match(kiosk_id):
            raise self.bad("kiosk.id", f"letters, digits and _.- only (1-64), got {kiosk_id!r}")
        language = k.get("language", defaults.language)
        if language not in LANGUAGES:
            raise self.bad("kiosk.language", f"one of {', '.join(LANGUAGES)}, got {language!r}")
        ptt = k.get("ptt", "")
        if not isinstance(ptt, str) or (ptt and not _PTT_CODE.match(ptt)):
            raise self.bad("kiosk.ptt", f"a KeyboardEvent.code such as F9 or Pause, got {ptt!r}")
        elderly = k.get("elderly", False)
        if not isinstance(elderly, bool):
            raise self.bad("kiosk.elderly", f"true or false, got {elderly!r}")
        vad = a.get("vad", "webrtc")
        if vad not in ("webrtc", "silero"):
            raise self.bad("audio.vad", f"webrtc or silero, got {vad!r}")
        aggressiveness = a.get("aggressiveness", 2)
        if aggressiveness not in (0, 1, 2, 3) or isinstance(aggressiveness, bool):
            raise self.bad("audio.aggressiveness", f"0, 1, 2 or 3, got {aggressiveness!r}")
        audio = AudioSettings(
            input=self.device(a, "input"),
            output=self.device(a, "output"),
            vad=vad,
            aggressiveness=int(aggressiveness),
            threshold=self.number(a, "audio", "threshold", 0.5, 0.05, 0.95),
            pre_roll=self.number(a, "audio", "pre_roll", 0.3, 0.0, 2.0),
            min_speech=self.number(a, "audio", "min_speech", 0.12, 0.02, 2.0),
            end_silence=self.number(a, "audio", "end_silence", 1.5, 0.3, 5.0),
            echo_tail=self.number(a, "audio", "echo_tail", 0.5, 0.0, 5.0),
        )
        return KioskConfig(
            gateway=gateway, kiosk=kiosk_id, language=language,
            idle=self.number(k, "kiosk", "idle", 90, 2, 86400), ptt=ptt, elderly=elderly, audio=audio,
        )
