#!/usr/bin/env bash
# Create .venv (if missing) and install conflictlog with everything it needs, from the package index.
# Usage: bash scripts/setup.sh [test]   ("test" also installs the test tools)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
extra=""
[ "${1:-}" = "test" ] && extra="[test]"
.venv/bin/python -m pip install --quiet --upgrade pip >/dev/null 2>&1 || true
.venv/bin/python -m pip install --quiet -e ".${extra}"
bash scripts/setup_frontend.sh
