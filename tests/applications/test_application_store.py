"""Application storage: exactly once per idempotency key, sealed at rest, masked when read, migrations."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from cryptography.fernet import Fernet
from sqlalchemy import BigInteger, create_engine, inspect, text

from dialog.applications.application_flow import Submission
from records.applications import ApplicationStore, mask_name, to_csv
from records.config import RecordsConfig
from records.crypto import SealError
from records.db import alembic_config, migrate
from records.models import Base
from records.store import Records

FIELDS = {"name": "홍길동", "rrn": "5803051234567", "phone": "01098765432", "address": "서울 종로구 사직로 161",
          "account": "국민 123456789012"}


def submission(key: str = "conv-1:KR-BASIC-PENSION", **fields: str) -> Submission:
    return Submission(key, key.split(":")[0], "KR-BASIC-PENSION", "기초연금", "ko", {**FIELDS, **fields})


@pytest.fixture
def records(records_config: RecordsConfig) -> Iterator[Records]:
    opened = Records.open(records_config)
    yield opened
    opened.close()


def test_the_same_key_is_stored_once(records: Records) -> None:
    store = ApplicationStore(records)
    first = store.submit(submission())
    again = store.submit(submission(phone="01000000000"))  # a retry never overwrites
    assert first.created and not again.created and again.number == first.number
    other = store.submit(submission("conv-2:KR-BASIC-PENSION"))
    assert other.created and other.number != first.number
    assert store.count() == 2
    stored = store.get(first.number, reveal=True)
    assert stored is not None and stored.fields is not None and stored.fields["phone"] == "01098765432"


def test_racing_submissions_with_one_key_make_one_row(records: Records) -> None:
    store = ApplicationStore(records)
    receipts: list[str] = []
    barrier = threading.Barrier(8)

    def go() -> None:
        barrier.wait()
        receipts.append(store.submit(submission("race:KR-BASIC-PENSION")).number)

    threads = [threading.Thread(target=go) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(receipts)) == 1 and store.count() == 1


def test_sensitive_values_are_sealed_at_rest_and_masked_in_lists(records: Records, tmp_path: Path) -> None:
    store = ApplicationStore(records)
    receipt = store.submit(submission()).number
    if records.engine.dialect.name == "sqlite":  # the file itself
        raw = b"".join(p.read_bytes() for p in tmp_path.glob("records.db*"))
    else:  # every column of every row, as the server stores it
        with records.engine.connect() as conn:
            rows = conn.execute(text("SELECT * FROM applications")).all()
        raw = repr([tuple(row) for row in rows]).encode()
        assert b"conv-1:KR-BASIC-PENSION" in raw  # the row is there
    for value in ("5803051234567", "01098765432", "사직로 161", "123456789012", "홍길동"):
        assert value.encode() not in raw, value
    listed = store.list()[0]
    assert listed.fields is None
    assert listed.masked_fields == {"name": "홍*동", "rrn": "580305-1******", "phone": "010-****-5432",
                                    "address": "서울 종로구 ***", "account": "국민 ********9012"}
    csv_text = to_csv(store.list())
    assert receipt in csv_text and "01098765432" not in csv_text and "010-****-5432" in csv_text
    assert "5803051234567" not in repr(store.list()) and "01098765432" not in repr(submission())


def test_keys_rotate_and_a_wrong_key_fails_loudly(records_url: str) -> None:
    old = Fernet.generate_key().decode()
    config = RecordsConfig(url=records_url, keys=(old,))
    receipt = ApplicationStore(Records.open(config)).submit(submission()).number
    new = Fernet.generate_key().decode()
    rotated = ApplicationStore(Records.open(RecordsConfig(url=config.url, keys=(new, old))))
    assert rotated.get(receipt, reveal=True).fields == FIELDS  # type: ignore[union-attr]
    wrong = ApplicationStore(Records.open(RecordsConfig(url=config.url, keys=(new,))))
    with pytest.raises(SealError):
        wrong.get(receipt, reveal=True)


def test_the_embedded_default_generates_a_private_key_with_a_warning(tmp_path: Path,
                                                                    caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    Records.open(RecordsConfig.at(tmp_path)).close()
    key_file = tmp_path / "records.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert any("MALBEOT_RECORDS_KEY" in r.getMessage() for r in caplog.records)
    Records.open(RecordsConfig.at(tmp_path)).close()  # reused, not regenerated
    assert sum("generated" in r.getMessage() for r in caplog.records) == 1


def test_submission_logs_carry_no_values(records: Records, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    ApplicationStore(records).submit(submission())
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "stored" in text
    for value in FIELDS.values():
        assert value not in text


def test_migrations_match_the_models_and_go_both_ways(records_url: str) -> None:
    url = records_url
    migrate(url)
    engine = create_engine(url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    assert set(inspect(engine).get_table_names()) >= {"applications", "staff_members", "staff_tokens",
                                                      "managed_programmes", "facilities", "places",
                                                      "alert_subscriptions", "alerts_sent", "alembic_version"}
    command.downgrade(alembic_config(url), "base")
    assert set(inspect(create_engine(url)).get_table_names()) == {"alembic_version"}
    migrate(url)  # and up again
    assert "applications" in inspect(create_engine(url)).get_table_names()
    engine.dispose()


def test_ids_are_64_bit_on_postgresql(postgres_url: str) -> None:
    migrate(postgres_url)
    engine = create_engine(postgres_url)
    columns = {c["name"]: c["type"] for c in inspect(engine).get_columns("applications")}
    assert isinstance(columns["id"], BigInteger)
    engine.dispose()


def test_replicas_migrating_at_once_take_turns(postgres_url: str) -> None:
    """Four replicas starting together (four processes): the advisory lock lets one migrate while the
    others wait, then find the schema current."""
    env = {**os.environ, "MALBEOT_RECORDS_URL": postgres_url}
    procs = [subprocess.Popen([sys.executable, "-m", "records", "migrate"], env=env, stderr=subprocess.PIPE)
             for _ in range(4)]
    results = [(p.wait(timeout=120), p.stderr.read() if p.stderr else b"") for p in procs]
    assert [rc for rc, _ in results] == [0, 0, 0, 0], results
    engine = create_engine(postgres_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0008"
    engine.dispose()


def test_timestamps_are_utc(records: Records) -> None:
    stored = ApplicationStore(records).submit(submission())
    with records.engine.connect() as conn:
        created = conn.execute(text("SELECT created_at FROM applications")).scalar_one()
    if isinstance(created, str):  # SQLite keeps the text it was given
        created = datetime.fromisoformat(created)
    assert created.utcoffset() in (None, timedelta(0))
    assert stored.created


def test_env_configuration(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MALBEOT_VAR_DIR", str(tmp_path))
    monkeypatch.delenv("MALBEOT_RECORDS_URL", raising=False)
    monkeypatch.delenv("MALBEOT_RECORDS_KEY", raising=False)
    config = RecordsConfig.from_env()
    assert config.url == f"sqlite:///{tmp_path / 'records.db'}" and config.key_file == tmp_path / "records.key"
    monkeypatch.setenv("MALBEOT_RECORDS_URL", "postgresql+psycopg://malbeot@db/malbeot")
    monkeypatch.setenv("MALBEOT_RECORDS_KEY", "k1, k2")
    config = RecordsConfig.from_env()
    assert config.url.startswith("postgresql") and config.keys == ("k1", "k2") and config.key_file is None


def test_name_masking() -> None:
    assert mask_name("홍길동") == "홍*동" and mask_name("김수") == "김*" and mask_name("John Smith") == "J*** S****"


def test_a_fresh_folder_is_created(tmp_path: Path) -> None:
    folder = tmp_path / "var" / "deeper"
    Records.open(RecordsConfig.at(folder)).close()
    assert (folder / "records.db").exists() and (folder / "records.key").exists()


@pytest.mark.parametrize(("now", "dated"), [
    (datetime(2027, 2, 14, 10, 0, tzinfo=UTC), "MB-270214-"),
    # 23:30 UTC is already the next morning in Seoul: the district's date counts
    (datetime(2027, 2, 14, 23, 30, tzinfo=UTC), "MB-270215-"),
    (datetime(2031, 12, 31, 14, 59, tzinfo=UTC), "MB-311231-"),
])
def test_receipts_are_dated_by_the_injected_clock_in_korean_time(records: Records, now: datetime,
                                                                  dated: str) -> None:
    store = ApplicationStore(records, clock=lambda: now)
    receipt = store.submit(submission()).number
    assert receipt.startswith(dated)
    stored = store.get(receipt)
    assert stored is not None and stored.created_at.replace(tzinfo=UTC) == now


def test_postgresql_needs_an_explicit_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALBEOT_RECORDS_URL", "postgresql+psycopg://u@/db?host=/nowhere")
    monkeypatch.delenv("MALBEOT_RECORDS_KEY", raising=False)
    with pytest.raises(ValueError, match="MALBEOT_RECORDS_KEY must be set"):
        RecordsConfig.from_env()
    key = Fernet.generate_key().decode()
    monkeypatch.setenv("MALBEOT_RECORDS_KEY", key)
    assert RecordsConfig.from_env().keys == (key,)
