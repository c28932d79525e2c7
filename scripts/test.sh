#!/usr/bin/env bash
# Lint, type-check and run the whole test suite (real models, real browser).
# All three always run; the script fails if any of them failed.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
mkdir -p test-artifacts
echo "== ruff"; .venv/bin/ruff check .; ruff_rc=$?
echo "== mypy"; .venv/bin/mypy malbeot_core voice_gateway asr tts translate dialog records kiosk_client model_workers phone_peers bench; mypy_rc=$?
echo "== pytest"; .venv/bin/python -m pytest --durations=20 "$@"; pytest_rc=$?
# The same date-dependent tests (ages, birth years, receipts, eligibility) on another day: they must
# not depend on the day they were written. libfaketime shifts the wall clock only (monotonic time is
# left alone); its sleep interception breaks servers, so only the groups that start none run here, and
# without their PostgreSQL and Ray variants (SQLite and the embedded models cover the dates; the markers
# are set in tests/conftest.py).
echo "== pytest on a shifted date (faketime 2027-02-14)"
DONT_FAKE_MONOTONIC=1 faketime -f '@2027-02-14 10:00:00' .venv/bin/python -m pytest -q -m "not postgres and not ray" \
  tests/dialog tests/eligibility tests/applications/test_application_store.py \
  tests/applications/test_application_fields.py; shifted_rc=$?
# pytest exit code 5 (no tests collected) counts as a failure: the suite must run
echo "ruff=$ruff_rc mypy=$mypy_rc pytest=$pytest_rc shifted-date=$shifted_rc"
[ "$ruff_rc" -eq 0 ] && [ "$mypy_rc" -eq 0 ] && [ "$pytest_rc" -eq 0 ] && [ "$shifted_rc" -eq 0 ]
