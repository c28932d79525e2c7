"""Logging that never writes personal data: every record's message passes through redaction."""

from __future__ import annotations

import logging

from malbeot_core.redact import redact


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        record.msg = redact(message)
        record.args = None
        return True


def setup_logging(level: str = "INFO") -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_FILTER)
    root = logging.getLogger("malbeot")
    root.handlers[:] = [handler]
    root.setLevel(level)


_FILTER = RedactingFilter()


def logger(name: str) -> logging.Logger:
    """A ``malbeot.<name>`` logger whose records are redacted before any handler sees them."""
    log = logging.getLogger(f"malbeot.{name}")
    if _FILTER not in log.filters:
        log.addFilter(_FILTER)
    return log
