#!/usr/bin/env bash
# A throwaway PostgreSQL for the hub's tests: installs Debian's PostgreSQL 15 with apt if it is missing, starts a
# cluster of its own (not the system's) as a non-root user on a loopback port, and prints its URL on stdout:
#   export ANSINH_TEST_DATABASE_URL="$(bash scripts/ensure-postgres.sh)"
# Idempotent: a cluster already running is reused. ANSINH_PG_DIR (default /tmp/ansinh-pg-test) and ANSINH_PG_PORT
# (default 55432) choose where; `bash scripts/ensure-postgres.sh stop` stops it.
set -euo pipefail

dir="${ANSINH_PG_DIR:-/tmp/ansinh-pg-test}"
port="${ANSINH_PG_PORT:-55432}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"

if [ -z "$bin" ] || [ ! -x "$bin/postgres" ]; then
  if ! command -v apt-get >/dev/null || [ "$(id -u)" -ne 0 ]; then
    echo "ensure-postgres: thiếu PostgreSQL; cần root và apt-get để cài / PostgreSQL missing; root and apt-get needed" >&2
    exit 1
  fi
  echo "ensure-postgres: installing postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  log="$(mktemp)"
  install() { flock /tmp/apt.lock apt-get install -y -q postgresql >"$log" 2>&1; }
  if ! ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1 || ! install; then
    flock /tmp/apt.lock apt-get update -q >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
    install || { cat "$log" >&2; exit 1; }
  fi
  rm -f "$log"
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi

# PostgreSQL refuses to run as root: the cluster belongs to the 'postgres' user the package made (or the caller).
if [ "$(id -u)" -eq 0 ]; then
  owner=postgres
  as_owner() { runuser -u "$owner" -- "$@"; }
else
  owner="$(id -un)"
  as_owner() { "$@"; }
fi

if [ "${1:-}" = "stop" ]; then
  [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
  exit 0
fi

exec 9>"/tmp/ansinh-pg-test.lock"
flock 9
if [ ! -f "$dir/data/PG_VERSION" ]; then
  mkdir -p "$dir"
  chown "$owner" "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if ! as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null 9>&-
fi
echo "postgres://postgres@127.0.0.1:$port/postgres"
