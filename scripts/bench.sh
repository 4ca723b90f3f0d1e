#!/usr/bin/env bash
# Benchmarks (`make bench`). Each figure is printed with a baseline measured in the same run on
# the same machine, and their ratio:
#   e-invoices  documents built+signed/s  vs  `openssl speed rsa2048` sign/s (the signing floor)
#               PDFs rendered/s           vs  rendering a signed one-line boleta (a printout's fixed cost)
#   queue       jobs/s                    vs  single-row INSERTs into the same database (the cheapest durable write)
#   webhooks    deliveries/s              vs  plain POSTs of the same body to the same receiver (no queue, no signing)
#
#   scripts/bench.sh            everything; needs `scripts/install-deps.sh test` first (PostgreSQL, .venv)
#   scripts/bench.sh einvoice   only the e-invoices: needs openssl and the build deps, no database
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PART="${1:-all}"
case "$PART" in
  all | einvoice) ;;
  *) echo "usage: scripts/bench.sh [einvoice]" >&2; exit 2 ;;
esac
JOBS="${BENCH_JOBS:-2000}"
DELIVERIES="${BENCH_DELIVERIES:-1000}"
DOCS="${BENCH_DOCS:-200}"
PDFS="${BENCH_PDFS:-200}"
TASKS="${BENCH_TASKS:-2}"

WORK="$(mktemp -d /tmp/multinicho-bench.XXXXXX)"
PG_STATE="$WORK/pg.state"
RECEIVER_PID=""
cleanup() {
  [ -n "$RECEIVER_PID" ] && kill "$RECEIVER_PID" 2>/dev/null || true
  MULTINICHO_PG_STATE="$PG_STATE" scripts/pg-test-cluster.sh stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# sign/s of `openssl speed [-multi N] rsa2048`, from its "rsa 2048 bits" line, e.g. (OpenSSL 3)
#   rsa 2048 bits 0.000238s 0.000016s   4199.0  61044.0
openssl_sign_rate() {
  local rate
  rate="$(openssl speed -seconds 3 "$@" rsa2048 2>/dev/null | awk '/^rsa 2048 bits/ { print $6 }')"
  if [ -z "$rate" ]; then
    echo "could not read sign/s from \`openssl speed $* rsa2048\`" >&2
    exit 1
  fi
  echo "$rate"
}

bench_einvoice() {
  echo "== building the e-invoice bench (release) =="
  swift build -c release --product EInvoiceBench --scratch-path .build-release
  # The same self-signed certificate as the tests (Tests/TestSupport/TestCertificates.swift).
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/key.pem" -out "$WORK/cert.pem" -days 730 \
    -subj "/CN=20100070970/O=Bodega" 2>/dev/null
  echo "== openssl speed -seconds 3 rsa2048 (the signing floor) =="
  local rates
  rates=(--openssl-sign-rate "$(openssl_sign_rate)")
  if [ "$TASKS" -gt 1 ]; then rates+=(--openssl-sign-rate-multi "$(openssl_sign_rate -multi "$TASKS")"); fi
  echo
  echo "== e-invoice results ($(nproc) cores) =="
  "$ROOT/.build-release/release/EInvoiceBench" --key "$WORK/key.pem" --cert "$WORK/cert.pem" "${rates[@]}" \
    --tasks "$TASKS" --docs "$DOCS" --pdfs "$PDFS" --samples docs/examples/einvoice
}

bench_platform() {
  echo "== building the probe (release) =="
  swift build -c release --product JobProbe --scratch-path .build-release
  local bin="$ROOT/.build-release/release/JobProbe"

  PG_URL="$(MULTINICHO_PG_STATE="$PG_STATE" scripts/pg-test-cluster.sh start)"
  PG_URL="${PG_URL#export DATABASE_URL=}"

  # The receiver exits when its stdin closes: keep a fifo open for as long as this script runs.
  mkfifo "$WORK/receiver.in"
  .venv/bin/python tests/support/webhook_receiver.py <"$WORK/receiver.in" >"$WORK/receiver.out" &
  RECEIVER_PID=$!
  exec 3>"$WORK/receiver.in"
  for _ in $(seq 100); do grep -q READY "$WORK/receiver.out" 2>/dev/null && break; sleep 0.1; done
  local port
  port="$(awk '/READY/ {print $2}' "$WORK/receiver.out")"

  export SECRET_KEY="bench-secret-key-0123456789abcdef0123456789" DATA_DIR="$WORK" WORKER_CONCURRENCY=0 APP_ENV=development
  echo
  echo "== results ($(nproc) cores; client, server and database share them) =="
  DATABASE_URL="sqlite://$WORK/queue.sqlite" "$bin" bench-queue --jobs "$JOBS"
  DATABASE_URL="$PG_URL" "$bin" bench-queue --jobs "$JOBS"
  DATABASE_URL="sqlite://$WORK/webhooks.sqlite" "$bin" bench-webhooks --deliveries "$DELIVERIES" --receiver "http://127.0.0.1:$port/ok/bench"
  DATABASE_URL="$PG_URL" "$bin" bench-webhooks --deliveries "$DELIVERIES" --receiver "http://127.0.0.1:$port/ok/bench-pg"
}

bench_einvoice
if [ "$PART" = all ]; then
  echo
  bench_platform
fi
