#!/usr/bin/env bash
# Benchmarks (`make bench`). Each figure is printed with a baseline measured in the same run on
# the same machine, and their ratio:
#   e-invoices  documents built+signed/s  vs  `openssl speed rsa2048` sign/s (the signing floor)
#               PDFs rendered/s           vs  rendering a signed one-line boleta (a printout's fixed cost)
#   queue       jobs/s                    vs  single-row INSERTs into the same database (the cheapest durable write)
#   webhooks    deliveries/s              vs  plain POSTs of the same body to the same receiver (no queue, no signing)
#   sweep       the membership sweep over 100,000 businesses on PostgreSQL (first day, a normal day, the
#               same day again) vs  one UPDATE touching every membership once
#   history     invoicing history page time with 100,000 documents (deep keyset page, filter, search)
#               vs  its first page; and SQLite OFFSET paging vs OFFSET 0 (what keyset paging avoids)
#   availability  salon slots for "any stylist", 20 stylists × 30 days  vs  1 stylist × 1 day (per stylist-day)
#   sales       minimarket sales/s through the real server's API (each with its boleta), SQLite file and
#               PostgreSQL  vs  GET of one product through the same API, clients and server
#   report      the month's sales report with 100,000 documents on PostgreSQL, its Excel and its PDF
#               vs  one SUM(total_cents) over the same documents
#
#   scripts/bench.sh            everything; needs `scripts/install-deps.sh test` first (PostgreSQL, .venv)
#   scripts/bench.sh einvoice   only the e-invoices: needs openssl and the build deps, no database
#   scripts/bench.sh history    only the invoicing history: debug server binary + a throwaway SQLite file
#   scripts/bench.sh sweep      only the membership sweep: debug server binary + a throwaway PostgreSQL cluster
#   scripts/bench.sh availability  only the salon availability engine (pure Swift, release build)
#   scripts/bench.sh sales      only the minimarket sales: release server + load generator, SQLite and a throwaway PostgreSQL
#   scripts/bench.sh report     only the sales report: debug server binary + a throwaway PostgreSQL cluster
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PART="${1:-all}"
case "$PART" in
  all | einvoice | history | sweep | availability | sales | report) ;;
  *) echo "usage: scripts/bench.sh [einvoice|history|sweep|availability|sales|report]" >&2; exit 2 ;;
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

# The server (debug build, as `make run` serves) on a throwaway SQLite file with the demo business.
bench_history() {
  echo "== invoicing history with ${BENCH_HISTORY_DOCS:-100000} documents =="
  swift build --product multinicho
  local bin="$ROOT/.build/debug/multinicho" port
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  (
    export DATA_DIR="$WORK/history" DATABASE_URL="sqlite://$WORK/history/db.sqlite" APP_ENV=development BCRYPT_COST=4 \
      HOST=127.0.0.1 PORT="$port" BASE_URL="http://127.0.0.1:$port" WORKER_CONCURRENCY=0
    unset SECRET_KEY
    mkdir -p "$DATA_DIR"
    "$bin" migrate --yes >/dev/null
    "$bin" seed-demo >/dev/null
    local key
    key="$("$bin" create-api-key --tenant bodega-dona-rosa --sandbox --name bench | tail -1)"
    "$bin" serve >"$WORK/history/server.log" 2>&1 &
    local pid=$!
    trap 'kill $pid 2>/dev/null || true' EXIT
    for _ in $(seq 120); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
    python3 bench/history_bench.py --url "http://127.0.0.1:$port" --key "$key" --db "$WORK/history/db.sqlite" \
      --documents "${BENCH_HISTORY_DOCS:-100000}"
  )
}

# A `multinicho` bench command (its arguments) with the debug binary on the throwaway PostgreSQL.
run_pg_bench() {
  swift build --product multinicho
  local url
  url="$(MULTINICHO_PG_STATE="$PG_STATE" scripts/pg-test-cluster.sh start)"
  url="${url#export DATABASE_URL=}"
  (
    export DATABASE_URL="$url" DATA_DIR="$WORK" SECRET_KEY="bench-secret-key-0123456789abcdef0123456789" WORKER_CONCURRENCY=0
    "$ROOT/.build/debug/multinicho" migrate --yes >/dev/null
    "$ROOT/.build/debug/multinicho" "$@"
  )
}

bench_sweep() {
  echo "== membership sweep with ${BENCH_TENANTS:-100000} businesses (PostgreSQL) =="
  run_pg_bench bench-sweep --tenants "${BENCH_TENANTS:-100000}"
}

bench_report() {
  echo "== the month's sales report with ${BENCH_REPORT_DOCS:-100000} documents (PostgreSQL) =="
  run_pg_bench bench-report --documents "${BENCH_REPORT_DOCS:-100000}"
}

bench_availability() {
  echo "== salon availability, any stylist (release) =="
  swift build -c release --product AvailabilityBench --scratch-path .build-release
  .build-release/release/AvailabilityBench "${BENCH_RUNS:-50}"
}

# The release server (what production runs) on a throwaway database with the demo business, no
# background jobs (WORKER_CONCURRENCY=0: the boletas' SUNAT sends and mails wait in the queue), and
# SalesBench as N concurrent clients: product GETs, sales, product GETs again, each for T seconds.
run_sales_server() {
  local label="$1" url="$2" bin="$ROOT/.build-release/release/multinicho" port
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  (
    export DATA_DIR="$WORK/sales-$label" DATABASE_URL="$url" APP_ENV=development BCRYPT_COST=4 \
      HOST=127.0.0.1 PORT="$port" BASE_URL="http://127.0.0.1:$port" WORKER_CONCURRENCY=0 \
      SECRET_KEY="bench-secret-key-0123456789abcdef0123456789"
    unset HTTP_PROXY HTTPS_PROXY ALL_PROXY http_proxy https_proxy all_proxy
    mkdir -p "$DATA_DIR"
    "$bin" migrate --yes >/dev/null
    "$bin" seed-demo >/dev/null
    local key
    key="$("$bin" create-api-key --tenant bodega-dona-rosa --sandbox --name bench | tail -1)"
    "$bin" serve >"$DATA_DIR/server.log" 2>&1 &
    local pid=$!
    trap 'kill $pid 2>/dev/null || true' EXIT
    for _ in $(seq 120); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
    "$ROOT/.build-release/release/SalesBench" --url "http://127.0.0.1:$port" --key "$key" --label "$label" \
      --clients "${BENCH_SALES_CLIENTS:-4}" --seconds "${BENCH_SALES_SECONDS:-10}"
  )
}

bench_sales() {
  echo "== minimarket sales through the API (release server; SQLite file and PostgreSQL) =="
  swift build -c release --product multinicho --scratch-path .build-release
  swift build -c release --product SalesBench --scratch-path .build-release
  local pg
  # A fresh cluster: the other parts leave theirs with the queue's or the sweep's data.
  MULTINICHO_PG_STATE="$PG_STATE" scripts/pg-test-cluster.sh stop >/dev/null 2>&1 || true
  pg="$(MULTINICHO_PG_STATE="$PG_STATE" scripts/pg-test-cluster.sh start)"
  pg="${pg#export DATABASE_URL=}"
  echo
  echo "== sales results ($(nproc) cores; clients, server and database share them) =="
  run_sales_server sqlite "sqlite://$WORK/sales-sqlite/db.sqlite"
  run_sales_server postgresql "$pg"
}

case "$PART" in
  einvoice) bench_einvoice ;;
  sales) bench_sales ;;
  availability) bench_availability ;;
  sweep) bench_sweep ;;
  report) bench_report ;;
  history) bench_history ;;
  all)
    bench_einvoice
    echo
    bench_platform
    echo
    bench_history
    echo
    bench_sweep
    echo
    bench_report
    echo
    bench_availability
    echo
    bench_sales
    ;;
esac
