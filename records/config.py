"""Where the records live and how sensitive fields are keyed.

``MALBEOT_RECORDS_URL``: a SQLAlchemy URL (default: SQLite file ``<MALBEOT_VAR_DIR>/records.db``,
``MALBEOT_VAR_DIR`` defaulting to ``var``); ``postgresql+psycopg://…`` works by configuration.
``MALBEOT_RECORDS_KEY``: one or more Fernet keys separated by commas (the first encrypts, all
decrypt: key rotation). Without it the embedded SQLite default generates a key into
``<var>/records.key`` (mode 600) and logs a warning: fine for a demo, not for production. With any
other database (PostgreSQL, shared by replicas) the key is required and start-up stops without it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from malbeot_core.service_settings import service_settings


def var_dir() -> Path:
    return service_settings().var_dir


@dataclass(frozen=True)
class RecordsConfig:
    url: str
    #: Fernet keys (urlsafe base64); empty: use/generate the key file
    keys: tuple[str, ...] = ()
    key_file: Path | None = None

    @classmethod
    def from_env(cls, *, need_key: bool = True) -> RecordsConfig:
        """The configured records; ``need_key=False`` for work that opens no sealed value (migrating)."""
        env = service_settings()
        var = env.var_dir
        url = env.records_url or f"sqlite:///{var / 'records.db'}"
        keys = env.records_keys
        if need_key and not keys and not url.startswith("sqlite"):
            # replicas share the database, so they must share the key: a generated one would differ
            raise ValueError(
                "MALBEOT_RECORDS_KEY must be set when MALBEOT_RECORDS_URL is not SQLite (every replica "
                "needs the same Fernet key); make one with: python -c "
                "'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'"
            )
        return cls(url=url, keys=keys, key_file=None if keys else var / "records.key")

    @classmethod
    def at(cls, folder: Path) -> RecordsConfig:
        """Everything in one folder (tests, a single-file demo)."""
        return cls(url=f"sqlite:///{folder / 'records.db'}", key_file=folder / "records.key")


__all__ = ["RecordsConfig", "var_dir"]
