#!/usr/bin/env bash
# Set up and run the whole test suite (storage tests start their own throwaway PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
if [ "$(id -u)" = "0" ] && [ -f .ci/install_postgres.sh ]; then
  bash .ci/install_postgres.sh
fi
if [ "$(id -u)" = "0" ] && [ -f .ci/install_chromium.sh ]; then
  bash .ci/install_chromium.sh
fi
exec .venv/bin/python -m pytest "$@"
