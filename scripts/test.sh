#!/usr/bin/env bash
# Lint, type-check and run the whole test suite (real models, real browser).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "== ruff"; .venv/bin/ruff check .
echo "== mypy"; .venv/bin/mypy malbeot_core voice_gateway asr tts translate dialog kiosk_client bench
echo "== pytest"
mkdir -p test-artifacts
set +e
.venv/bin/python -m pytest "$@"
rc=$?
set -e
# exit code 5 = no tests collected: a failure for us (the suite must run)
exit $rc
