# Multinicho — developer entry points.
#   make run     build, migrate, seed the demo business and serve on http://localhost:8080 (SQLite, no DB server)
#   make test    install test tools, then the whole suite (SQLite, PostgreSQL, headless browser)
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

BIN := ./.build/debug/multinicho

.PHONY: help deps build run test bench clean distclean

help:
	@echo "make deps       install the Debian packages needed to build"
	@echo "make build      deps + swift build"
	@echo "make run        build, migrate, seed the demo business, serve on http://localhost:$${PORT:-8080}"
	@echo "make test       install test tools (chromium, PostgreSQL, .venv), then scripts/run-tests.sh"
	@echo "make bench      benchmarks (scripts/bench.sh)"
	@echo "make clean      remove build products (keeps ./data and fetched packages)"
	@echo "make distclean  clean + remove .build entirely and the test virtualenv"

deps:
	bash scripts/install-deps.sh build

build: deps
	swift build

# DATABASE_URL from the environment is honoured; unset means SQLite in $DATA_DIR (default ./data).
run: build
	@export DATA_DIR="$${DATA_DIR:-./data}"; \
	mkdir -p "$$DATA_DIR"; \
	$(BIN) migrate --yes; \
	$(BIN) seed-demo --if-empty; \
	port="$${PORT:-8080}"; \
	echo; \
	echo "================================================================"; \
	echo "  Multinicho is starting on  http://localhost:$$port"; \
	echo "  Demo login:  demo@multinicho.pe / demo-multinicho"; \
	echo "  Data:        $${DATABASE_URL:-SQLite in $$DATA_DIR}"; \
	echo "  Dev outbox:  http://localhost:$$port/dev/outbox  (Ctrl-C stops)"; \
	echo "================================================================"; \
	echo; \
	exec $(BIN) serve

test:
	bash scripts/install-deps.sh test
	bash scripts/run-tests.sh

bench:
	@if [ -f scripts/bench.sh ]; then \
		bash scripts/bench.sh; \
	else \
		echo "No benchmarks yet: scripts/bench.sh arrives with later issues."; \
	fi

clean:
	swift package clean
	rm -rf .pytest_cache tests/browser/__pycache__

distclean: clean
	rm -rf .build .venv
