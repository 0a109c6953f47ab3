#!/usr/bin/env bash
# Sets up and runs Candor on this machine: Debian packages, the backend, the web app, an
# embedded SQLite database with a demo organisation. Prints the URL and the demo logins.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh run
cmake --preset release >/dev/null
cmake --build --preset release --target candor
(cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build)

# Data (database, keys) lives in ./data unless CANDOR_DATA_DIR says otherwise.
exec build/candor demo "$@"
