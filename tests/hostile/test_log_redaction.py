"""Every log record of the process is redacted: uvicorn's, FastAPI's, asyncio's and the root logger's
too, with their tracebacks, whatever handler (configured whenever) writes them."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest
from uvicorn.logging import AccessFormatter, DefaultFormatter

from voice_gateway.logs import install

RRN = "900101-1234567"
PHONE = "010-9876-5432"


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    install()
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(DefaultFormatter("%(levelprefix)s %(message)s", use_colors=False))
    names = ["uvicorn.error", "uvicorn", "fastapi", "asyncio", ""]
    loggers = [logging.getLogger(n) for n in names]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.addHandler(handler)
        lg.setLevel(logging.INFO)
    try:
        yield stream
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.removeHandler(handler)
            lg.setLevel(level)


@pytest.mark.parametrize("name", ["uvicorn.error", "fastapi", "asyncio", "root", "some.library"])
def test_tracebacks_from_any_logger_are_redacted(captured: io.StringIO, name: str) -> None:
    """The Twilio crash: int(mediaFormat["sampleRate"]) of an RRN, logged by uvicorn with its traceback."""
    try:
        int(RRN)
    except ValueError:
        logging.getLogger(name).exception("Exception in ASGI application (caller %s)", PHONE)
    text = captured.getvalue()
    assert "Traceback" in text and "ValueError" in text, text
    assert "1234567" not in text and "9876-5432" not in text, text
    assert "[주민번호]" in text and "[전화번호]" in text


def test_access_log_lines_keep_their_format_and_lose_the_number() -> None:
    """uvicorn's access formatter unpacks record.args: redaction keeps them a 5-tuple."""
    install()
    record = logging.getLogger("uvicorn.access").makeRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/v1/phone/outcome/01098765432", "1.1", 404), None,
    )
    line = AccessFormatter('%(client_addr)s - "%(request_line)s" %(status_code)s', use_colors=False).format(record)
    assert "01098765432" not in line and "[전화번호]" in line and "127.0.0.1:5000" in line and "404" in line


def test_clean_records_keep_their_arguments() -> None:
    install()
    record = logging.getLogger("x").makeRecord("x", logging.INFO, __file__, 1, "%d calls on %s", (3, "ko"), None)
    assert record.args == (3, "ko") and record.getMessage() == "3 calls on ko"
