#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests and prints its URL.
# Usage: scripts/pg-test.sh start|stop   (CANDOR_PG_DIR, CANDOR_PG_PORT override the defaults)
set -euo pipefail
dir=${CANDOR_PG_DIR:-/tmp/candor-test-pg}
port=${CANDOR_PG_PORT:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found: run scripts/install-deps.sh test" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-start}" in
  start)
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
      as_pg "$bin/initdb" -D "$dir" -A trust -U candor -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_pg "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      # fsync off: test data need not survive a power cut, and it makes the suite faster.
      as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -o \
        "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null
    fi
    as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U candor -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = 'candor_test'" | grep -q 1 ||
      as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U candor candor_test
    echo "postgresql://candor@127.0.0.1:$port/candor_test"
    ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir" -m fast stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
