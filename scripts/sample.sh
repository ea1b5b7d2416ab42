#!/usr/bin/env bash
# Set up, ingest the bundled sample corpus (examples/) into sample.sqlite, print the incident table.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/conflictlog ingest examples/ --db sample.sqlite
.venv/bin/conflictlog incidents --db sample.sqlite
