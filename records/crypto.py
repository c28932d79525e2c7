"""Encryption at rest for sensitive fields (Fernet: AES-128-CBC + HMAC-SHA256, from ``cryptography``)."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

log = logging.getLogger("malbeot.records")


class SealError(Exception):
    """A sealed value that cannot be opened with the configured keys."""


def load_or_create_key(path: Path) -> str:
    """The key in ``path``, created (mode 600) when missing — the embedded default, with a warning."""
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = Fernet.generate_key().decode("ascii")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(key)
    log.warning("generated a records encryption key in %s; set MALBEOT_RECORDS_KEY in production", path)
    return key


class Sealer:
    """Seals JSON values; the first key encrypts, every key decrypts (rotation)."""

    def __init__(self, keys: tuple[str, ...] | list[str]) -> None:
        if not keys:
            raise ValueError("at least one encryption key is needed")
        self._fernet = MultiFernet([Fernet(k.encode("ascii")) for k in keys])

    def seal(self, value: Any) -> str:
        return self._fernet.encrypt(json.dumps(value, ensure_ascii=False).encode("utf-8")).decode("ascii")

    def open(self, token: str) -> Any:
        try:
            return json.loads(self._fernet.decrypt(token.encode("ascii")))
        except InvalidToken as exc:
            raise SealError("sealed value cannot be decrypted with the configured keys") from exc

    def __repr__(self) -> str:
        return "Sealer(<keys hidden>)"


__all__ = ["SealError", "Sealer", "load_or_create_key"]
