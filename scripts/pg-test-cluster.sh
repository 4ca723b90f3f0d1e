#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for tests (trust auth, loopback only, fsync off).
#
#   eval "$(scripts/pg-test-cluster.sh start)"   # prints: export DATABASE_URL=postgres://postgres@127.0.0.1:PORT/multinicho_test
#   scripts/pg-test-cluster.sh stop              # idempotent
#   scripts/pg-test-cluster.sh status
#
# State (cluster dir and port) is kept in $MULTINICHO_PG_STATE (default /tmp/multinicho-pg.state)
# so `stop` finds the cluster. `start` with a live cluster in the state file reuses it; a stale
# state file (dir gone, server dead) is cleaned up first. Only stdout carries the export line;
# progress goes to stderr.
set -euo pipefail

STATE="${MULTINICHO_PG_STATE:-/tmp/multinicho-pg.state}"
DBNAME="${MULTINICHO_PG_DB:-multinicho_test}"

log() { echo "pg-test-cluster: $*" >&2; }

pgbin() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  if [ -z "$d" ] || [ ! -x "$d/initdb" ]; then
    log "PostgreSQL server binaries not found (install: scripts/install-deps.sh test)"
    exit 1
  fi
  echo "$d"
}

# Run a command as the cluster owner: `postgres` when we are root (initdb refuses root).
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

read_state() {
  PGDIR=""; PGPORT=""
  [ -f "$STATE" ] || return 1
  PGDIR="$(sed -n 's/^dir=//p' "$STATE" | head -1)"
  PGPORT="$(sed -n 's/^port=//p' "$STATE" | head -1)"
  [ -n "$PGDIR" ] && [ -n "$PGPORT" ]
}

# Running = the data dir is there, pg_ctl sees a live postmaster and it accepts connections
# (a killed postmaster can linger as a zombie that pg_ctl still reports as running).
is_running() {
  [ -n "${PGDIR:-}" ] && [ -f "$PGDIR/data/PG_VERSION" ] &&
    as_owner "$(pgbin)/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1 &&
    "$(pgbin)/pg_isready" -q -h 127.0.0.1 -p "$PGPORT" -t 5
}

url() { echo "postgres://postgres@127.0.0.1:$PGPORT/$DBNAME"; }

do_stop() {
  if ! read_state; then
    rm -f "$STATE"
    log "no cluster recorded in $STATE; nothing to stop"
    return 0
  fi
  # Only ever delete directories this script created.
  case "$PGDIR" in
    /tmp/multinicho-pg.*) ;;
    *) log "refusing to touch unexpected dir '$PGDIR' from $STATE"; rm -f "$STATE"; return 0 ;;
  esac
  if [ -f "$PGDIR/data/postmaster.pid" ]; then
    as_owner "$(pgbin)/pg_ctl" -D "$PGDIR/data" -m immediate -w -t 30 stop >/dev/null 2>&1 ||
      log "pg_ctl stop: server was not running"
  fi
  rm -rf "$PGDIR"
  rm -f "$STATE"
  log "stopped and removed $PGDIR"
}

do_start() {
  if read_state; then
    if is_running; then
      log "reusing running cluster in $PGDIR (port $PGPORT)"
      echo "export DATABASE_URL=$(url)"
      return 0
    fi
    log "stale state file $STATE; cleaning up"
    do_stop
  fi
  rm -f "$STATE"

  local bin
  bin="$(pgbin)"
  PGPORT="$(free_port)"
  PGDIR="$(mktemp -d /tmp/multinicho-pg.XXXXXX)"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$PGDIR"; fi
  # Record state before anything can fail, so `stop` can clean up a half-started cluster.
  printf 'dir=%s\nport=%s\n' "$PGDIR" "$PGPORT" >"$STATE"

  if ! as_owner "$bin/initdb" -D "$PGDIR/data" -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 \
      >"$PGDIR/initdb.log" 2>&1; then
    log "initdb failed:"; cat "$PGDIR/initdb.log" >&2; do_stop; exit 1
  fi
  if ! as_owner "$bin/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
      -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null; then
    log "server failed to start:"; tail -n 50 "$PGDIR/server.log" >&2 || true; do_stop; exit 1
  fi
  if ! "$bin/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE $DBNAME" >&2; then
    log "CREATE DATABASE failed"; do_stop; exit 1
  fi
  log "started PostgreSQL $("$bin/postgres" --version | awk '{print $3}') in $PGDIR on 127.0.0.1:$PGPORT"
  echo "export DATABASE_URL=$(url)"
}

case "${1:-}" in
  start) do_start ;;
  stop) do_stop ;;
  status)
    if read_state && is_running; then echo "running: $(url) ($PGDIR)"; else echo "not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
