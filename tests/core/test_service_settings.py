"""Every ``MALBEOT_*`` setting lives in ``malbeot_core/service_settings.py`` and docs/settings.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from malbeot_core.service_settings import (
    FAMILIES,
    PREFIX,
    ServiceSettings,
    SettingsError,
    env_name,
    service_settings,
    table,
)
from records.config import RecordsConfig
from voice_gateway.config import GatewayConfig

REPO = Path(__file__).resolve().parents[2]
PRODUCTION = ("malbeot_core", "voice_gateway", "asr", "tts", "translate", "dialog", "records", "kiosk_client",
              "model_workers")
#: prefixes written in prose for a group of settings ("the MALBEOT_RECORDS_* settings")
GROUP_PREFIXES = {"MALBEOT_", "MALBEOT_CHECKIN_", "MALBEOT_RECORDS_", "MALBEOT_COQUI_", "MALBEOT_PHONE_"}


def test_the_table_in_docs_is_current() -> None:
    """docs/settings.md holds the table made from the fields: `python -m malbeot_core.service_settings`."""
    assert table() in (REPO / "docs" / "settings.md").read_text(encoding="utf-8")


def test_every_variable_the_code_names_is_a_setting() -> None:
    known = {env_name(name) for name in ServiceSettings.model_fields}
    families = tuple(f.split("<")[0] for f in FAMILIES)  # MALBEOT_COQUI_<LANG>
    named: dict[str, set[str]] = {}
    for package in PRODUCTION:
        for path in (REPO / package).rglob("*.py"):
            for name in re.findall(r"MALBEOT_[A-Z0-9_]*", path.read_text(encoding="utf-8")):
                named.setdefault(name, set()).add(str(path.relative_to(REPO)))
    unknown = {name: files for name, files in named.items() if name not in known and name not in GROUP_PREFIXES
               and not name.startswith(families)}
    assert not unknown, unknown


def test_only_the_settings_module_reads_the_environment_for_them() -> None:
    readers = re.compile(r"environ(?:\.get)?\s*[\[(]\s*f?[\"']MALBEOT_|getenv\(\s*f?[\"']MALBEOT_")
    offenders = [str(p.relative_to(REPO)) for package in PRODUCTION for p in (REPO / package).rglob("*.py")
                 if readers.search(p.read_text(encoding="utf-8")) and p.name != "service_settings.py"]
    assert not offenders


def test_defaults_are_the_embedded_service(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ServiceSettings.model_fields:
        monkeypatch.delenv(env_name(name), raising=False)
    settings = service_settings()
    assert (settings.host, settings.port, settings.catalogue_db, settings.records_url) == (
        "127.0.0.1", 8080, ":memory:", "")
    assert settings.languages == ("ko", "en", "zh", "vi", "ja") and settings.preload and not settings.checkin
    assert GatewayConfig.from_env().phone.sip_port == 0


def test_values_are_read_and_typed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MALBEOT_PORT", "9090")
    monkeypatch.setenv("MALBEOT_LANGUAGES", "ko, en")
    monkeypatch.setenv("MALBEOT_IMPORT", f"{tmp_path / 'a.json'}:{tmp_path / 'b.json'}")
    monkeypatch.setenv("MALBEOT_PRELOAD", "false")
    monkeypatch.setenv("MALBEOT_SIP_PORT", "5060")
    monkeypatch.setenv("MALBEOT_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("MALBEOT_KEEP_AUDIO_DIR", "")  # empty: the default (no audio kept)
    config = GatewayConfig.from_env()
    assert (config.port, config.languages, config.preload, config.phone.sip_port) == (9090, ("ko", "en"), False, 5060)
    assert config.import_files == (tmp_path / "a.json", tmp_path / "b.json") and config.keep_audio_dir is None
    assert RecordsConfig.from_env().url == f"sqlite:///{tmp_path / 'records.db'}"


@pytest.mark.parametrize(("variable", "value"), [("MALBEOT_PORT", "eighty"), ("MALBEOT_PRELOAD", "maybe"),
                                                  ("MALBEOT_CHECKIN_MAX_TRIES", "3.5")])
def test_a_bad_value_stops_start_up_naming_the_variable(monkeypatch: pytest.MonkeyPatch, variable: str,
                                                         value: str) -> None:
    monkeypatch.setenv(variable, value)
    if variable.startswith("MALBEOT_CHECKIN_"):
        monkeypatch.setenv("MALBEOT_CHECKIN", "1")
    with pytest.raises(SettingsError, match=variable):
        GatewayConfig.from_env()


def test_an_explicit_mapping_is_read_instead_of_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALBEOT_TTS_CACHE", "/from/environment")
    assert service_settings({"MALBEOT_TTS_CACHE": "/var/cache/tts"}).tts_cache == Path("/var/cache/tts")
    assert service_settings({}).tts_cache is None
    assert service_settings({"MALBEOT_IMPORT": "/x.json"}).import_files == (Path("/x.json"),)


def test_secrets_are_not_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALBEOT_RECORDS_KEY", "secret-key-1,secret-key-2")
    monkeypatch.setenv("MALBEOT_ADMIN_TOKEN", "admin-secret")
    settings = service_settings()
    assert settings.records_keys == ("secret-key-1", "secret-key-2")
    assert "secret" not in repr(settings)
    assert all(name.startswith(PREFIX) for name in map(env_name, ServiceSettings.model_fields))
