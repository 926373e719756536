#!/usr/bin/env bash
# What `make test` runs: lint, Django's checks, then the whole pytest suite against a real PostgreSQL and a
# real Elasticsearch. Both are started here (scripts/services.sh) unless DATABASE_URL / ELASTICSEARCH_URL
# point at running ones, and stopped again afterwards. Extra arguments go to pytest.
# The suite runs in PYTEST_WORKERS pytest-xdist processes (default: one per core, at most 4), each on its own
# clone of one demo database built at the start (tests/conftest.py); PYTEST_WORKERS=0 runs it in one process.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

echo "== ruff"
$BIN/ruff check .
$BIN/ruff format --check .

started=""
cleanup() { if [ -n "$started" ]; then scripts/services.sh stop "$started"; fi; }
trap cleanup EXIT
exports="$(scripts/services.sh start)"
eval "$exports"
started="${SERVICES_DIR:-}"
export DATABASE_URL ELASTICSEARCH_URL CACHE_URL
export DJANGO_SETTINGS_MODULE=portal.settings.test

echo "== manage.py check"
$BIN/python manage.py check --fail-level WARNING
echo "== makemigrations --check"
$BIN/python manage.py makemigrations --check --dry-run
echo "== pytest (database: ${DATABASE_URL%%:*}, search: $ELASTICSEARCH_URL)"
workers="${PYTEST_WORKERS:-$(python3 -c 'import os; print(min(4, os.cpu_count() or 1))')}"
xdist=()
# --no-loadscope-reorder: keep the order tests/conftest.py gives (database-free work while the template builds).
if [ "$workers" != 0 ]; then xdist=(-n "$workers" --dist loadfile --no-loadscope-reorder); fi
$BIN/python -m pytest --create-db "${xdist[@]}" --durations=20 "$@"
