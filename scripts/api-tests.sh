#!/usr/bin/env bash
# Contract tests of the public invoicing API (HexaFac, /api/v1) against the REAL server:
#   1. schemathesis: every operation of /api/openapi.json, generated valid and invalid requests,
#      responses checked against the document (statuses, content types, headers, schemas) and
#      invalid requests required to be refused
#   2. the Node SDK's tests (sdk/node/test/, unit + integration against the server)
# Each run uses a throwaway SQLite database with the demo business (slug bodega-dona-rosa) and two
# sandbox API keys (scope "*"), one per stage, so the stages do not see each other's documents.
# Nothing leaves the machine: the server listens on 127.0.0.1 and sandbox documents are never sent
# to SUNAT; mail goes to the data dir's maildir.
#
#   scripts/api-tests.sh                           uses .build/debug/multinicho (build it first)
#   MULTINICHO_BIN=/tmp/mn-bin scripts/api-tests.sh   another server binary
#   API_TESTS_MAX_EXAMPLES=20 scripts/api-tests.sh    fewer generated cases per operation (default 50)
#   API_TESTS_SEED=7 scripts/api-tests.sh             another schemathesis seed (default 1)
# Needs `scripts/install-deps.sh test` (.venv with schemathesis) and node >= 20.
# Exits non-zero if any stage fails (the second stage still runs after a failed first one); the data
# dir (server log, schemathesis reports) is kept then, and its path printed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"  # the server reads Resources/ and Public/ from its working directory

BIN="${MULTINICHO_BIN:-.build/debug/multinicho}"
SCHEMATHESIS="$ROOT/.venv/bin/schemathesis"
MAX_EXAMPLES="${API_TESTS_MAX_EXAMPLES:-50}"
SEED="${API_TESTS_SEED:-1}"
if [ ! -x "$BIN" ]; then
  echo "api-tests: server binary $BIN not found (swift build, or set MULTINICHO_BIN)" >&2
  exit 2
fi
if [ ! -x "$SCHEMATHESIS" ]; then
  echo "api-tests: $SCHEMATHESIS not found (scripts/install-deps.sh test)" >&2
  exit 2
fi
command -v node >/dev/null || { echo "api-tests: node not found" >&2; exit 2; }

# A clean environment for the server: its own SQLite file, its own secret (made in DATA_DIR).
unset DATABASE_URL SECRET_KEY
WORK="$(mktemp -d /tmp/multinicho-api-tests.XXXXXX)"
export DATA_DIR="$WORK"
export DATABASE_URL="sqlite://$WORK/db.sqlite"
export APP_ENV=development
export BCRYPT_COST=4
export HOST=127.0.0.1
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export PORT
export BASE_URL="http://127.0.0.1:$PORT"
# Loopback only: no proxy may see the requests of the test clients.
unset HTTP_PROXY HTTPS_PROXY ALL_PROXY http_proxy https_proxy all_proxy
export NO_PROXY="127.0.0.1,localhost" no_proxy="127.0.0.1,localhost"
LOG="$WORK/server.log"

SERVER_PID=""
FAILED=()
SUMMARY=()
cleanup() {
  local rc=$?
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ "$rc" = 0 ]; then
    rm -rf "$WORK"
  else
    echo "api-tests: kept $WORK (server.log, schemathesis-report/)" >&2
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

banner() { printf '\n=== %s ===\n' "$*"; }
log_tail() {
  echo "--- last 40 lines of $LOG ---" >&2
  tail -n 40 "$LOG" >&2 || true
  echo "---" >&2
}

# run_stage NAME COMMAND...: runs the command, records pass/fail and its duration; on failure
# prints the server log's tail (a 5xx usually explains itself there).
run_stage() {
  local name="$1"; shift
  local start=$SECONDS rc=0
  "$@" || rc=$?
  local took=$((SECONDS - start))
  if [ "$rc" = 0 ]; then
    SUMMARY+=("ok    ${name} (${took}s)")
  else
    SUMMARY+=("FAIL  ${name} (exit ${rc}, ${took}s)")
    FAILED+=("$name")
    log_tail
  fi
  return 0
}

banner "Database, demo business and sandbox API keys ($WORK)"
"$BIN" migrate --yes >"$WORK/setup.log" 2>&1 || { cat "$WORK/setup.log" >&2; exit 1; }
"$BIN" seed-demo >>"$WORK/setup.log" 2>&1 || { cat "$WORK/setup.log" >&2; exit 1; }
# create-api-key prints the key on its last line; scopes default to "*".
SCHEMATHESIS_KEY="$("$BIN" create-api-key --tenant bodega-dona-rosa --sandbox --name api-tests | tail -1)"
SDK_KEY="$("$BIN" create-api-key --tenant bodega-dona-rosa --sandbox --name api-tests-sdk | tail -1)"
for key in "$SCHEMATHESIS_KEY" "$SDK_KEY"; do
  case "$key" in
    mn_*) ;;
    *) echo "api-tests: create-api-key printed no key (got: $key)" >&2; exit 1 ;;
  esac
done
echo "ok"

banner "Starting the server on $BASE_URL"
"$BIN" serve >"$LOG" 2>&1 &
SERVER_PID=$!
ready=""
for _ in $(seq 600); do  # up to 60 s
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
  if curl -fsS -o /dev/null --max-time 2 "$BASE_URL/healthz" 2>/dev/null; then ready=1; break; fi
  sleep 0.1
done
if [ -z "$ready" ]; then
  echo "api-tests: the server did not answer $BASE_URL/healthz within 60 s" >&2
  log_tail
  exit 1
fi
echo "ok (pid $SERVER_PID)"

# Stage 1. Checks: everything about responses, plus "invalid data is refused". Left out on purpose:
# positive_data_acceptance (schema-valid data may break business rules, e.g. a RUC's check digit or
# an unknown customer_id, and is then rightly a 422) and unsupported_method (not part of the contract).
# One worker: the server uses SQLite. Fixed seed and no example database: the same cases every run.
banner "Stage 1: schemathesis $("$SCHEMATHESIS" --version | awk '{print $NF}') ($MAX_EXAMPLES examples per operation, seed $SEED)"
run_stage "schemathesis" "$SCHEMATHESIS" --no-color run "$BASE_URL/api/openapi.json" \
  --header "Authorization: Bearer $SCHEMATHESIS_KEY" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,negative_data_rejection \
  --max-examples "$MAX_EXAMPLES" \
  --seed "$SEED" \
  --generation-database none \
  --workers 1 \
  --request-timeout 30 \
  --max-redirects 0 \
  --report junit \
  --report-dir "$WORK/schemathesis-report"

banner "Stage 2: Node SDK tests (node --test sdk/node/test/)"
run_stage "sdk-node" env MULTINICHO_URL="$BASE_URL" MULTINICHO_API_KEY="$SDK_KEY" node --test sdk/node/test/

banner "Summary"
printf '%s\n' "${SUMMARY[@]}"
if [ "${#FAILED[@]}" -gt 0 ]; then
  echo "FAILED stages: ${FAILED[*]}"
  exit 1
fi
echo "All API test stages passed."
