#!/usr/bin/env bash
# Set up and run the whole test suite (storage tests start their own throwaway PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
# Situation-report tests rasterise PDFs with pdftoppm (Debian poppler-utils).
if [ "$(id -u)" = "0" ] && ! command -v pdftoppm >/dev/null; then
  apt-get install -y -qq poppler-utils >/dev/null || { apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null; }
fi
if [ "$(id -u)" = "0" ] && [ -f .ci/install_postgres.sh ]; then
  bash .ci/install_postgres.sh
fi
if [ "$(id -u)" = "0" ] && [ -f .ci/install_chromium.sh ]; then
  bash .ci/install_chromium.sh
fi
exec .venv/bin/python -m pytest "$@"
