#!/usr/bin/env bash
# Set up a fresh machine for Explainer: a virtual environment with the pinned dependencies.
# Usage: bash scripts/setup.sh [--test]   (--test also installs the test tools and Chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
VENV=${VENV:-.venv}

if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --upgrade pip
if [ "${1:-}" = "--test" ]; then
  "$VENV/bin/python" -m pip install --quiet -e ".[test]"
  # Browser tests use Debian's Chromium (never a browser download) and axe-core from npm.
  missing=""
  command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
  command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
  if [ -n "$missing" ]; then
    SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo"
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  fi
  (cd tests/browser && npm ci --silent --no-audit --no-fund)
else
  "$VENV/bin/python" -m pip install --quiet -e .
fi
echo "set up: $VENV ($("$VENV/bin/python" --version))"
