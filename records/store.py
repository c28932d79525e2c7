"""One handle on the records database: engine, sessions and the sealer (opened once per process)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from .config import RecordsConfig
from .crypto import Sealer, load_or_create_key
from .db import make_engine, migrate, sessions


@dataclass
class Records:
    engine: Engine
    session: sessionmaker[Session]
    sealer: Sealer

    @classmethod
    def open(cls, config: RecordsConfig | None = None, *, run_migrations: bool = True) -> Records:
        config = config or RecordsConfig.from_env()
        if run_migrations:
            migrate(config.url)
        keys = config.keys
        if not keys:
            if config.key_file is None:
                raise ValueError("records need MALBEOT_RECORDS_KEY or a key file")
            keys = (load_or_create_key(config.key_file),)
        engine = make_engine(config.url)
        return cls(engine, sessions(engine), Sealer(keys))

    def close(self) -> None:
        self.engine.dispose()


__all__ = ["Records"]
