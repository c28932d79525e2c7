"""Logging that never writes personal data.

Every log record created in the process — Malbeot's, uvicorn's (``uvicorn.error``,
``uvicorn.access``), FastAPI's, asyncio's, the root logger's — is redacted as it is created, so
every handler (whoever configured it, and whenever: uvicorn replaces its handlers after the app
is built) only ever sees redacted text: the message with its arguments, the formatted traceback
(``exc_text``, which carries exception messages such as ``invalid literal for int(): '900101-…'``)
and the stack. The redaction is installed as the log-record factory (:func:`install`).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from malbeot_core.redact import redact


def _redact_args(record: logging.LogRecord) -> None:
    """Redact the message and its arguments; keep arguments a formatter relies on when they are clean
    (uvicorn's access formatter unpacks ``record.args``)."""
    try:
        message = record.getMessage()
    except Exception:  # a bad format string: logging reports it itself; redact what we can
        record.msg, record.args = redact(str(record.msg)), None
        return
    clean = redact(message)
    if clean == message:
        return
    if isinstance(record.args, tuple) and record.args:
        args = tuple(_redact_arg(a) for a in record.args)
        try:
            if redact(str(record.msg) % args) == str(record.msg) % args:
                record.args = args
                return
        except (TypeError, ValueError):
            pass
    record.msg, record.args = clean, None


def _redact_arg(arg: Any) -> Any:
    text = str(arg)
    clean = redact(text)
    return arg if clean == text else clean


def redact_record(record: logging.LogRecord) -> logging.LogRecord:
    """Redact ``record`` in place: message, arguments, traceback text and stack."""
    _redact_args(record)
    if record.exc_info and record.exc_info[0] is not None:
        text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        record.exc_text = redact(text)
        # the exception object itself would be formatted again by a handler without exc_text (a
        # custom formatter): keep its type and traceback, drop it only from handlers' reach
        record.exc_info = None
    elif record.exc_text:
        record.exc_text = redact(record.exc_text)
    if record.stack_info:
        record.stack_info = redact(record.stack_info)
    return record


_previous: Callable[..., logging.LogRecord] | None = None


def _factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
    assert _previous is not None
    return redact_record(_previous(*args, **kwargs))


def install() -> None:
    """Make every log record of the process redacted at creation (idempotent)."""
    global _previous
    current = logging.getLogRecordFactory()
    if current is _factory or _previous is not None:
        # installed before: a library that set its own factory since (Ray does, on ray.init) wraps
        # ours, so records still pass through it; wrapping that one again would loop
        return
    _previous = current
    logging.setLogRecordFactory(_factory)


class RedactingFilter(logging.Filter):
    """For handlers outside this process's factory (kept for callers of the old API)."""

    def filter(self, record: logging.LogRecord) -> bool:
        redact_record(record)
        return True


def setup_logging(level: str = "INFO") -> None:
    install()
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_FILTER)
    root = logging.getLogger("malbeot")
    root.handlers[:] = [handler]
    root.setLevel(level)


_FILTER = RedactingFilter()


def logger(name: str) -> logging.Logger:
    """A ``malbeot.<name>`` logger whose records are redacted before any handler sees them."""
    install()
    log = logging.getLogger(f"malbeot.{name}")
    if _FILTER not in log.filters:
        log.addFilter(_FILTER)
    return log
