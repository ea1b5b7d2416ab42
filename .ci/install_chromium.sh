#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests (tests/e2e) when it is missing. Run as root.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
