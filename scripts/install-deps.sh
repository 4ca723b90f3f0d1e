#!/usr/bin/env bash
# Install what Multinicho needs on a Debian 12 machine, idempotently.
#   scripts/install-deps.sh build   # Debian packages needed to `swift build`
#   scripts/install-deps.sh test    # + browser, PostgreSQL server, Python venv for tests
# Only missing Debian packages are installed (apt-get update runs once, and only then).
# Fast no-op when everything is present.
set -euo pipefail

MODE="${1:-build}"
case "$MODE" in
  build|test) ;;
  *) echo "usage: $0 [build|test]" >&2; exit 2 ;;
esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Debian packages needed to build the server (C libraries linked by Swift packages).
# libcurl sends mail over SMTP; libxml2 + xmlsec1 sign SUNAT documents; cairo + qrencode print them;
# libxlsxwriter writes the .xlsx reports.
BUILD_PACKAGES=(pkg-config libsqlite3-dev libcurl4-openssl-dev libxml2-dev libxmlsec1-dev libxmlsec1-openssl libcairo2-dev libqrencode-dev libxlsxwriter-dev fonts-dejavu-core)
# Extra Debian packages needed to run the test suite.
TEST_PACKAGES=(chromium chromium-driver postgresql openssl xmlsec1 zbar-tools poppler-utils libxml2-utils)

PACKAGES=("${BUILD_PACKAGES[@]}")
if [ "$MODE" = test ]; then
  PACKAGES+=("${TEST_PACKAGES[@]}")
fi

is_installed() {
  # `dpkg -s` also succeeds for removed-but-not-purged packages; check the status.
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]
}

SUDO=""
if [ "$(id -u)" != 0 ]; then
  SUDO="sudo"
fi

MISSING=()
for p in "${PACKAGES[@]}"; do
  is_installed "$p" || MISSING+=("$p")
done
# The Node SDK's tests need node (>= 20 is on these machines; Debian's nodejs when it is missing).
if [ "$MODE" = test ] && ! command -v node >/dev/null 2>&1; then
  MISSING+=(nodejs)
fi
# Debian's python3 ships `venv` without `ensurepip` unless python3-venv is installed.
if [ "$MODE" = test ] && ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  MISSING+=(python3-venv)
fi

if [ "${#MISSING[@]}" -gt 0 ]; then
  echo "install-deps: installing ${MISSING[*]}"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${MISSING[@]}"
fi

if [ "$MODE" = build ]; then
  exit 0
fi

# PostgreSQL server binaries (initdb, pg_ctl) must be present for the throwaway cluster.
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "install-deps: PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin" >&2
  exit 1
fi

# Python virtualenv for the browser tests.
VENV="$ROOT/.venv"
REQ="$ROOT/requirements-test.txt"
STAMP="$VENV/.requirements-test.sha256"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
  echo "install-deps: creating virtualenv $VENV"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
fi
WANT="$(sha256sum "$REQ" | cut -d' ' -f1)"
if [ "$(cat "$STAMP" 2>/dev/null || true)" != "$WANT" ]; then
  echo "install-deps: pip install -r requirements-test.txt"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-cache-dir -r "$REQ"
  echo "$WANT" >"$STAMP"
fi
