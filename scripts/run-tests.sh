#!/usr/bin/env bash
# The whole test suite (used by `make test` and CI):
#   1. swift build --build-tests
#   2. Swift tests on SQLite (DATABASE_URL unset -> in-memory SQLite)
#   3. Swift tests on PostgreSQL: $DATABASE_URL if it is a postgres URL, else a throwaway
#      cluster from scripts/pg-test-cluster.sh (always stopped on exit)
#   4. Python tests: the n8n example workflow and the webhook receiver (tests/webhooks)
#   5. Browser test (headless Chromium against the real server)
#   6. API contract: schemathesis over /api/openapi.json and the Node SDK's tests (scripts/api-tests.sh)
# Exits non-zero if any stage fails; later test stages still run after a failed test stage
# (not after a failed build). Needs `scripts/install-deps.sh test` first.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export BCRYPT_COST=4
GIVEN_DATABASE_URL="${DATABASE_URL:-}"
unset DATABASE_URL

FAILED=()
SUMMARY=()
CLUSTER_STATE=""

cleanup() {
  if [ -n "$CLUSTER_STATE" ]; then
    MULTINICHO_PG_STATE="$CLUSTER_STATE" scripts/pg-test-cluster.sh stop || true
    rm -f "$CLUSTER_STATE"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

banner() { printf '\n=== %s ===\n' "$*"; }

# run_stage NAME COMMAND...: runs the command, records pass/fail and its duration.
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
  fi
  return "$rc"
}

finish() {
  banner "Summary"
  printf '%s\n' "${SUMMARY[@]}"
  if [ "${#FAILED[@]}" -gt 0 ]; then
    echo "FAILED stages: ${FAILED[*]}"
    exit 1
  fi
  echo "All test stages passed."
  exit 0
}

banner "Build (swift build --build-tests)"
if ! run_stage "build" swift build --build-tests; then
  finish
fi

banner "Swift tests on SQLite"
run_stage "swift-sqlite" swift test --skip-build

case "$GIVEN_DATABASE_URL" in
  postgres://*|postgresql://*)
    PG_URL="$GIVEN_DATABASE_URL"
    ;;
  *)
    CLUSTER_STATE="$(mktemp /tmp/multinicho-pg-state.XXXXXX)"
    rm -f "$CLUSTER_STATE"  # pg-test-cluster.sh writes it
    PG_URL=""
    if START_OUT="$(MULTINICHO_PG_STATE="$CLUSTER_STATE" scripts/pg-test-cluster.sh start)"; then
      PG_URL="${START_OUT#export DATABASE_URL=}"
    fi
    ;;
esac

if [ -n "$PG_URL" ]; then
  banner "Swift tests on PostgreSQL (DATABASE_URL=$PG_URL)"
  run_stage "swift-postgres" env DATABASE_URL="$PG_URL" swift test --skip-build
else
  banner "Swift tests on PostgreSQL"
  echo "could not start a throwaway PostgreSQL cluster (see messages above)"
  SUMMARY+=("FAIL  swift-postgres (no PostgreSQL)")
  FAILED+=("swift-postgres")
fi

banner "Webhook tooling tests (n8n workflow, receiver)"
if [ -x .venv/bin/python ]; then
  run_stage "webhooks-py" .venv/bin/python -m pytest -q -p no:cacheprovider tests/webhooks
else
  SUMMARY+=("FAIL  webhooks-py (no .venv)")
  FAILED+=("webhooks-py")
fi

banner "Browser test (headless Chromium)"
if [ -x .venv/bin/python ]; then
  run_stage "browser" .venv/bin/python -m pytest -q tests/browser
else
  echo ".venv is missing: run scripts/install-deps.sh test"
  SUMMARY+=("FAIL  browser (no .venv)")
  FAILED+=("browser")
fi

banner "API contract (schemathesis, Node SDK)"
if [ -x .venv/bin/python ]; then
  run_stage "api-contract" bash scripts/api-tests.sh
else
  SUMMARY+=("FAIL  api-contract (no .venv)")
  FAILED+=("api-contract")
fi

finish
