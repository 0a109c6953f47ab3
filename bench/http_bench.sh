#!/usr/bin/env bash
# HTTP load benchmark: GET /healthz and authenticated GET /api/v1/me on Candor, and a static file on
# nginx for reference, each under wrk at 100 and 1,000 keep-alive connections.
# Writes bench/results/http.json and bench/results/http.md. See bench/README.md.
#
#   CANDOR_BIN=build/candor bench/http_bench.sh           # starts `candor demo` in a temp dir
#   CANDOR_URL=http://127.0.0.1:18080 bench/http_bench.sh # uses a running server with the demo tenant
#
# Everything it starts (candor, nginx) is stopped on exit, and its temp dir removed.
# All traffic goes to 127.0.0.1 only.
set -euo pipefail

bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(dirname "$bench_dir")

CANDOR_URL=${CANDOR_URL:-http://127.0.0.1:18080}
CANDOR_TENANT=${CANDOR_TENANT:-demo}
CANDOR_EMAIL=${CANDOR_EMAIL:-owner@demo.example}
CANDOR_PASSWORD=${CANDOR_PASSWORD:-candor-demo-2026}
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-"100 1000"}
BENCH_DURATION=${BENCH_DURATION:-10}
BENCH_THREADS=${BENCH_THREADS:-2}
# One nginx worker, like Candor's default single I/O thread; on a 2-core machine wrk needs the rest.
NGINX_WORKERS=${NGINX_WORKERS:-1}
# Candor's log level while it is under load (its access log is at info); nginx's access log is off.
BENCH_LOG_LEVEL=${BENCH_LOG_LEVEL:-warn}
RESULTS_DIR=${RESULTS_DIR:-$bench_dir/results}

for tool in wrk nginx curl python3; do
  command -v "$tool" >/dev/null || { echo "http_bench: $tool not found (scripts/install-deps.sh test)" >&2; exit 1; }
done

# 1,000 client sockets plus as many on the server side; wrk and the servers inherit this limit.
max_conn=0
for c in $BENCH_CONNECTIONS; do (( c > max_conn )) && max_conn=$c; done
want_fds=$(( max_conn * 2 + 1024 ))
if (( $(ulimit -n) < want_fds )); then
  ulimit -n "$want_fds" 2>/dev/null || ulimit -n "$(ulimit -Hn)"
fi
if (( $(ulimit -n) < max_conn + 64 )); then
  echo "http_bench: open-file limit $(ulimit -n) is too low for $max_conn connections" >&2
  exit 1
fi

work=$(mktemp -d -t candor-bench.XXXXXX)
candor_pid=""
nginx_pid=""
cleanup() {
  local status=$?
  # Stop what we started, by pid, and wait so no process outlives the script.
  for pid in $nginx_pid $candor_pid; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in $nginx_pid $candor_pid; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if (( status != 0 )) && [ -s "$work/candor.log" ]; then
    echo "--- last lines of the candor log ---" >&2
    tail -n 30 "$work/candor.log" >&2
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_for_ok() { # url pid name
  for _ in $(seq 300); do
    if curl -fsS -o /dev/null --max-time 1 "$1" 2>/dev/null; then return 0; fi
    if [ -n "$2" ] && ! kill -0 "$2" 2>/dev/null; then
      echo "http_bench: $3 exited before answering $1" >&2
      return 1
    fi
    sleep 0.2
  done
  echo "http_bench: $3 did not answer $1 within 60 s" >&2
  return 1
}

# --- Candor ------------------------------------------------------------------------------------
if [ -n "${CANDOR_BIN:-}" ]; then
  case $CANDOR_BIN in /*) ;; *) CANDOR_BIN=$repo_root/$CANDOR_BIN ;; esac
  [ -x "$CANDOR_BIN" ] || { echo "http_bench: CANDOR_BIN=$CANDOR_BIN is not executable" >&2; exit 1; }
  port=$(free_port)
  CANDOR_URL=http://127.0.0.1:$port
  mkdir -p "$work/candor"
  # Run in the temp dir so no candor.toml of the working tree is read; every path points into it.
  (
    cd "$work/candor"
    exec env CANDOR_DATA_DIR="$work/candor/data" \
      CANDOR_DATABASE_URL="sqlite://$work/candor/data/candor.db" \
      CANDOR_SECURITY_DATA_KEYS_FILE="$work/candor/data/keys/data.keys" \
      CANDOR_SERVER_LISTEN="127.0.0.1:$port" \
      CANDOR_LOG_LEVEL="$BENCH_LOG_LEVEL" \
      "$CANDOR_BIN" demo
  ) >"$work/candor.log" 2>&1 &
  candor_pid=$!
  candor_source="\`$(basename "$CANDOR_BIN") demo\` started by the script (SQLite, log level $BENCH_LOG_LEVEL)"
  wait_for_ok "$CANDOR_URL/healthz" "$candor_pid" candor
else
  candor_source="running server at $CANDOR_URL"
  wait_for_ok "$CANDOR_URL/healthz" "" candor
fi

login_body=$(python3 -c 'import json, sys; print(json.dumps({"tenant": sys.argv[1], "email": sys.argv[2], "password": sys.argv[3]}))' \
  "$CANDOR_TENANT" "$CANDOR_EMAIL" "$CANDOR_PASSWORD")
login_status=$(curl -sS -o "$work/login.json" -w '%{http_code}' -c "$work/cookies.txt" \
  -H 'Content-Type: application/json' --data-binary "$login_body" "$CANDOR_URL/api/v1/auth/login")
if [ "$login_status" != 200 ]; then
  echo "http_bench: login as $CANDOR_EMAIL (tenant $CANDOR_TENANT) answered $login_status: $(head -c 500 "$work/login.json")" >&2
  exit 1
fi
# Netscape cookie file: name in column 6, value in column 7 (HttpOnly lines keep the same columns).
session=$(awk -F'\t' '$6 == "candor_session" { print $7 }' "$work/cookies.txt" | tail -n 1)
[ -n "$session" ] || { echo "http_bench: login set no candor_session cookie" >&2; exit 1; }
cookie_header="Cookie: candor_session=$session"
me_status=$(curl -sS -o /dev/null -w '%{http_code}' -H "$cookie_header" "$CANDOR_URL/api/v1/me")
[ "$me_status" = 200 ] || { echo "http_bench: GET /api/v1/me with the session answered $me_status" >&2; exit 1; }

# --- nginx -------------------------------------------------------------------------------------
nginx_port=$(free_port)
ngx=$work/nginx
mkdir -p "$ngx/html" "$ngx/logs" "$ngx/tmp"
printf '{"status":"ok"}' >"$ngx/html/static.json" # the same 15 bytes /healthz answers
# nginx's workers drop root privileges; let them read the files.
chmod 755 "$work" "$ngx" "$ngx/html" "$ngx/tmp"
chmod 644 "$ngx/html/static.json"
cat >"$ngx/nginx.conf" <<EOF
daemon off;
master_process on;
worker_processes $NGINX_WORKERS;
worker_rlimit_nofile $(ulimit -n);
pid $ngx/logs/nginx.pid;
error_log $ngx/logs/error.log warn;
events { worker_connections $(( max_conn + 512 )); }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 1000000;  # Candor does not cap requests per connection; do not make nginx reconnect.
  default_type application/json;
  client_body_temp_path $ngx/tmp/body;
  proxy_temp_path $ngx/tmp/proxy;
  fastcgi_temp_path $ngx/tmp/fastcgi;
  uwsgi_temp_path $ngx/tmp/uwsgi;
  scgi_temp_path $ngx/tmp/scgi;
  server {
    listen 127.0.0.1:$nginx_port backlog=4096;  # room for 1,000 simultaneous connects (the kernel caps it at somaxconn)
    root $ngx/html;
  }
}
EOF
nginx -e "$ngx/logs/error.log" -p "$ngx" -c "$ngx/nginx.conf" &
nginx_pid=$!
wait_for_ok "http://127.0.0.1:$nginx_port/static.json" "$nginx_pid" nginx

# --- runs --------------------------------------------------------------------------------------
runs=$work/runs
mkdir -p "$runs"
run_wrk() { # target url connections [header]
  local target=$1 url=$2 connections=$3 header=${4:-}
  local args=(-t"$BENCH_THREADS" -c"$connections" -d"${BENCH_DURATION}s" --latency --timeout 5s -s "$bench_dir/lib/wrk_json.lua")
  [ -n "$header" ] && args+=(-H "$header")
  echo "== $target, $connections connections: $url" >&2
  wrk "${args[@]}" "$url" >"$runs/$target.$connections.txt" 2>&1 || {
    cat "$runs/$target.$connections.txt" >&2
    return 1
  }
  grep -E '^\s+(50|99)%|Requests/sec' "$runs/$target.$connections.txt" >&2 || true
  sleep 1 # let the previous connections close before the next run
}
for c in $BENCH_CONNECTIONS; do
  run_wrk candor_healthz "$CANDOR_URL/healthz" "$c"
  run_wrk candor_me "$CANDOR_URL/api/v1/me" "$c" "$cookie_header"
  run_wrk nginx_static "http://127.0.0.1:$nginx_port/static.json" "$c"
done

python3 - "$runs/meta.json" <<EOF
import json, os, platform, subprocess, sys, datetime
def first_line(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True)
    return (out.stdout + out.stderr).strip().splitlines()[0]
meta = {
    "started_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "machine": {"cpus": os.cpu_count(), "kernel": platform.platform()},
    "wrk_version": first_line(["wrk", "-v"]).split()[1],
    "wrk_threads": int("$BENCH_THREADS"),
    "duration_s": int("$BENCH_DURATION"),
    "nginx_version": first_line(["nginx", "-v"]).split("/")[-1],
    "nginx_workers": "$NGINX_WORKERS",
    "static_bytes": 15,
    "open_files_limit": int("$(ulimit -n)"),
    "candor": {"source": """$candor_source""", "url": "$CANDOR_URL"},
    "paths": {"candor_healthz": "/healthz", "candor_me": "/api/v1/me", "nginx_static": "/static.json"},
}
json.dump(meta, open(sys.argv[1], "w"), indent=2)
EOF

mkdir -p "$RESULTS_DIR/raw"
cp "$runs"/*.txt "$runs/meta.json" "$RESULTS_DIR/raw/"
python3 "$bench_dir/lib/http_report.py" "$runs" "$RESULTS_DIR/http.json" "$RESULTS_DIR/http.md"
echo "http_bench: wrote $RESULTS_DIR/http.json and $RESULTS_DIR/http.md" >&2
cat "$RESULTS_DIR/http.md"
