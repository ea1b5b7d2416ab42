#!/usr/bin/env bash
# Install the dashboard's front-end libraries from the npm registry (versions pinned in
# package-lock.json) and copy the files the app serves into src/conflictlog/serve/static/vendor/.
# Nothing is loaded from a CDN at run time. Skipped (with a note) when npm is not installed.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null 2>&1; then
  echo "setup_frontend: npm not found; the API works but the dashboard has no map or chart (apt-get install npm)" >&2
  exit 0
fi
# --ignore-scripts: these packages need no install scripts (one of them only phones home).
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
vendor=src/conflictlog/serve/static/vendor
rm -rf "$vendor"
mkdir -p "$vendor/leaflet/images" "$vendor/swagger-ui"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css "$vendor/leaflet/"
cp node_modules/leaflet/dist/images/*.png "$vendor/leaflet/images/"
cp node_modules/chart.js/dist/chart.umd.min.js "$vendor/chart.umd.min.js"
cp node_modules/topojson-client/dist/topojson-client.min.js "$vendor/topojson-client.min.js"
cp node_modules/world-atlas/countries-50m.json "$vendor/countries-50m.json"
cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css "$vendor/swagger-ui/"
