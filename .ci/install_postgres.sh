#!/usr/bin/env bash
# Install the PostgreSQL 15 server programs (initdb, pg_ctl) the storage tests need,
# from Debian's packages, unless they are already there. Safe to run again.
set -euo pipefail

has_postgres_15() {
    [ -x /usr/lib/postgresql/15/bin/initdb ] && [ -x /usr/lib/postgresql/15/bin/pg_ctl ] && return 0
    command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 \
        && pg_ctl --version | grep -q ' 15\.'
}

if has_postgres_15; then
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null
has_postgres_15 || { echo "install_postgres.sh: postgresql-15 installed but initdb/pg_ctl 15 not found" >&2; exit 1; }
