#!/usr/bin/env bash
# Installs every Debian package Candor needs to build, run and test. Idempotent; needs root.
# Usage: scripts/install-deps.sh [run|test]   (test adds PostgreSQL, Chromium, wrk, nginx)
set -euo pipefail
mode=${1:-run}

build_pkgs=(
  build-essential cmake ninja-build ccache pkg-config clang-format git ca-certificates
  libboost1.81-dev libsoci-dev libsqlite3-dev libpq-dev libsodium-dev libssl-dev
  libspdlog-dev libfmt-dev libcli11-dev libtomlplusplus-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  nodejs npm
)
test_pkgs=(postgresql chromium fonts-noto-cjk wrk nginx-light curl python3)

pkgs=("${build_pkgs[@]}")
[ "$mode" = test ] && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node and npm may come from outside Debian on some machines; accept any working pair.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
read -r -a missing <<<"${missing[*]}"
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  [ -n "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null | head -1)" ] || apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
