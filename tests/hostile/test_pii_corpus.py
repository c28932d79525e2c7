"""The PII corpus: 1,200 generated utterances (tests/pii_corpus.py) through redact(), the logs and the
hand-off payload: no secret leaks, and the ordinary numbers around them come out unchanged."""

from __future__ import annotations

import io
import logging
from collections import Counter

from malbeot_core.redact import redact
from tests.hostile.test_redact_speech import handoff_of
from tests.pii_corpus import FORMS, KINDS, generate, leaks
from voice_gateway.call_history import History
from voice_gateway.logs import install, logger

CORPUS = generate(1200)


def test_the_corpus_covers_every_kind_and_form() -> None:
    assert len(CORPUS) >= 1000
    assert {u.kind for u in CORPUS} == set(KINDS)
    assert {u.form for u in CORPUS} == set(FORMS)
    assert len({u.text for u in CORPUS}) == len(CORPUS)


def test_redact_leaks_nothing_and_keeps_ordinary_numbers() -> None:
    leaked = [u for u in CORPUS if leaks(redact(u.text), u)]
    altered = [(u.text, o) for u in CORPUS for o in u.ordinary if o not in redact(u.text)]
    by_form = Counter(u.form for u in leaked)
    assert not leaked, f"{len(leaked)} of {len(CORPUS)} leaked: {by_form}; e.g. {[u.text for u in leaked[:3]]}"
    assert not altered, f"{len(altered)} ordinary numbers altered, e.g. {altered[:3]}"


def test_logs_leak_nothing() -> None:
    install()
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(name)s %(message)s"))
    loggers = [logging.getLogger("uvicorn.error"), logging.getLogger("malbeot")]
    for lg in loggers:
        lg.addHandler(handler)
    leaked: list[str] = []
    lines = 0
    try:
        heard = logger("call")
        for i, u in enumerate(CORPUS):
            stream.seek(0)
            stream.truncate()
            heard.info("call %s heard (%s): %s", f"c{i}", "ko", u.text)
            try:
                raise ValueError(f"invalid literal for int() with base 10: {u.text!r}")
            except ValueError:
                logging.getLogger("uvicorn.error").exception("Exception in ASGI application")
            written = stream.getvalue()
            lines += len(written.splitlines())
            if leaks(written, u):
                leaked.append(u.text)
    finally:
        for lg in loggers:
            lg.removeHandler(handler)
    assert lines > 2 * len(CORPUS)
    assert not leaked, f"{len(leaked)} leaked into the logs, e.g. {leaked[:3]}"


def test_handoff_payload_leaks_nothing() -> None:
    for start in range(0, len(CORPUS), 50):
        batch = CORPUS[start : start + 50]
        history = History()
        for u in batch:
            history.heard(u.text)
        payload = handoff_of(history)
        turns = payload["turns"]
        assert isinstance(turns, list)
        for u, turn in zip(batch, turns, strict=True):
            assert not leaks(turn["caller"], u), turn["caller"]
            assert not leaks(str(payload["summary"]), u), u.text
            assert all(o in turn["caller"] for o in u.ordinary), (u.ordinary, turn["caller"])
