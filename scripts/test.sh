#!/usr/bin/env bash
# Installs what the tests need, builds everything and runs every test suite:
#   C++ unit and integration tests on SQLite and a real PostgreSQL server, the unit tests again
#   under address/undefined-behaviour sanitizers, the web app's type check, unit tests and build,
#   the OpenAPI lint and route check, and the end-to-end test in Debian's Chromium.
# Every suite runs even when an earlier one fails; the last line counts them.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD

scripts/install-deps.sh test || exit 1

CANDOR_TEST_PG_URL=$(scripts/pg-test.sh start) || { echo "could not start PostgreSQL" >&2; exit 1; }
export CANDOR_TEST_PG_URL
server_pid=""
e2e_dir=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  [ -n "$e2e_dir" ] && rm -rf "$e2e_dir"
  scripts/pg-test.sh stop
}
trap cleanup EXIT

passed=()
failed=()
suite() {
  local name=$1
  shift
  echo
  echo "=== $name"
  local started=$SECONDS
  if "$@"; then
    passed+=("$name")
    echo "=== $name: passed in $((SECONDS - started)) s"
  else
    failed+=("$name")
    echo "=== $name: FAILED after $((SECONDS - started)) s"
  fi
}

build_release() {
  cmake --preset release >/dev/null && cmake --build --preset release
}
cpp_tests() {
  ctest --preset release -j2 --timeout 300
}
sanitizer_tests() {
  cmake --preset asan >/dev/null && cmake --build --preset asan --target candor_unit_tests &&
    ctest --preset asan -j2 --timeout 600
}
web_checks() {
  (cd web && npm ci --no-audit --no-fund --loglevel=error && npm run typecheck && npm test &&
    npm run build)
}
api_spec() {
  (cd tools/apispec && npm ci --no-audit --no-fund --loglevel=error && npm run lint) &&
    CANDOR_BIN="$root/build/candor" node --test tools/apispec/
}
e2e() {
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error) || return 1
  e2e_dir=$(mktemp -d)
  local port=18080
  CANDOR_DATA_DIR="$e2e_dir" CANDOR_SERVER_LISTEN="127.0.0.1:$port" \
    CANDOR_SERVER_STATIC_DIR="$root/web/dist" CANDOR_LOG_LEVEL=warn \
    build/candor demo >"$e2e_dir/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.2
  done
  CANDOR_URL="http://127.0.0.1:$port" node --test tests/e2e/
  local rc=$?
  kill "$server_pid" && wait "$server_pid"
  local server_rc=$?
  server_pid=""
  [ $rc -ne 0 ] && { echo "--- server log"; tail -50 "$e2e_dir/server.log"; }
  [ $server_rc -eq 0 ] || echo "candor did not exit cleanly on SIGTERM (exit $server_rc)"
  return $((rc || server_rc))
}

suite "build (release)" build_release
if [ ${#failed[@]} -eq 0 ]; then
  suite "C++ unit and integration tests (SQLite + PostgreSQL)" cpp_tests
  suite "web: type check, unit tests, build" web_checks
  suite "OpenAPI lint and route check" api_spec
  suite "end-to-end in Chromium" e2e
fi
suite "C++ unit tests under ASan/UBSan" sanitizer_tests

echo
for s in "${failed[@]}"; do echo "failed: $s"; done
echo "test suites: ${#passed[@]} passed, ${#failed[@]} failed"
[ ${#failed[@]} -eq 0 ]
