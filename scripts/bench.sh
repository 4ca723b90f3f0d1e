#!/usr/bin/env bash
# Benchmarks (`make bench`): jobs/second through the durable queue on a SQLite file and on
# PostgreSQL, and webhook deliveries/second to a local receiver. Each figure is printed with a
# baseline measured in the same run on the same machine, and their ratio:
#   queue     vs  single-row INSERTs into the same database (the cheapest durable write)
#   webhooks  vs  plain POSTs of the same body to the same receiver (no queue, no signing)
# Needs `scripts/install-deps.sh test` first (PostgreSQL binaries, .venv for the receiver).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JOBS="${BENCH_JOBS:-2000}"
DELIVERIES="${BENCH_DELIVERIES:-1000}"

echo "== building the probe (release) =="
swift build -c release --product JobProbe --scratch-path .build-release
BIN="$ROOT/.build-release/release/JobProbe"

WORK="$(mktemp -d /tmp/multinicho-bench.XXXXXX)"
PG_STATE="$WORK/pg.state"
RECEIVER_PID=""
cleanup() {
  [ -n "$RECEIVER_PID" ] && kill "$RECEIVER_PID" 2>/dev/null || true
  MULTINICHO_PG_STATE="$PG_STATE" scripts/pg-test-cluster.sh stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

PG_URL="$(MULTINICHO_PG_STATE="$PG_STATE" scripts/pg-test-cluster.sh start)"
PG_URL="${PG_URL#export DATABASE_URL=}"

# The receiver exits when its stdin closes: keep a fifo open for as long as this script runs.
mkfifo "$WORK/receiver.in"
.venv/bin/python tests/support/webhook_receiver.py <"$WORK/receiver.in" >"$WORK/receiver.out" &
RECEIVER_PID=$!
exec 3>"$WORK/receiver.in"
for _ in $(seq 100); do grep -q READY "$WORK/receiver.out" 2>/dev/null && break; sleep 0.1; done
PORT="$(awk '/READY/ {print $2}' "$WORK/receiver.out")"

export SECRET_KEY="bench-secret-key-0123456789abcdef0123456789" DATA_DIR="$WORK" WORKER_CONCURRENCY=0 APP_ENV=development
echo
echo "== results ($(nproc) cores; client, server and database share them) =="
DATABASE_URL="sqlite://$WORK/queue.sqlite" "$BIN" bench-queue --jobs "$JOBS"
DATABASE_URL="$PG_URL" "$BIN" bench-queue --jobs "$JOBS"
DATABASE_URL="sqlite://$WORK/webhooks.sqlite" "$BIN" bench-webhooks --deliveries "$DELIVERIES" --receiver "http://127.0.0.1:$PORT/ok/bench"
DATABASE_URL="$PG_URL" "$BIN" bench-webhooks --deliveries "$DELIVERIES" --receiver "http://127.0.0.1:$PORT/ok/bench-pg"
