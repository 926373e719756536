#!/usr/bin/env bash
# `make bench`: the portal under gunicorn (production settings, demo content) and locust against it.
#   ENGINE=database       (default) SQLite and the database search backend, as `make run`
#   ENGINE=elasticsearch  throwaway PostgreSQL + Elasticsearch from scripts/services.sh
#   ENGINE=postgres       throwaway PostgreSQL and the database search backend (what production falls
#                         back to while Elasticsearch is unreachable)
#   BENCH_USERS=20 BENCH_SECONDS=30 BENCH_WORKERS=3   load, duration, gunicorn workers
#   BENCH_CACHE=off       (default) every page built, as before the page cache; `on`: the page cache for
#                         visitors on (PAGE_CACHE_SECONDS=600; in Redis with ENGINE=elasticsearch/postgres,
#                         in each worker's memory with ENGINE=database – nothing is edited during a run)
#   BENCH_MIX=search      the search mix: the demo scaled up to 10,000 resources and 2,000 partners
#                         (BENCH_SCALE_COMMAND, default `bench/generate_bulk_content.py ...`) and the URLs of
#                         bench/search-urls.txt; its own database under var/bench-$ENGINE-search
#   BENCH_URLS=file       another URL list; BENCH_SCALE_COMMAND="..." a Python script (and its arguments)
#                         that adds data, run with the project's Python from the repository
# Prints requests/second and p50/p95/p99 latency per URL in bench/urls.txt. Nothing is asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$PWD/.venv/bin"
ENGINE="${ENGINE:-database}"
WORK="$PWD/var/bench-$ENGINE"
if [ "${BENCH_MIX:-}" = search ]; then
  WORK="$WORK-search"
  BENCH_SCALE_COMMAND="${BENCH_SCALE_COMMAND:-bench/generate_bulk_content.py --resources 10000 --partners 2000}"
  export BENCH_URLS="${BENCH_URLS:-$PWD/bench/search-urls.txt}"
fi
mkdir -p "$WORK"
started=""
cleanup() {
  # gunicorn finishes the request in flight before the database goes away
  if [ -n "${GUNICORN_PID:-}" ]; then kill "$GUNICORN_PID" 2>/dev/null || true; wait "$GUNICORN_PID" || true; fi
  if [ -n "$started" ]; then scripts/services.sh stop "$started"; fi
}
trap cleanup EXIT

if [ "$ENGINE" = elasticsearch ]; then
  eval "$(scripts/services.sh start)"
  started="$SERVICES_DIR"
  export DATABASE_URL ELASTICSEARCH_URL
elif [ "$ENGINE" = postgres ]; then
  # services.sh starts only what is not given: a placeholder URL keeps it from starting Elasticsearch.
  eval "$(ELASTICSEARCH_URL=unused scripts/services.sh start)"
  started="$SERVICES_DIR"
  export DATABASE_URL
  unset ELASTICSEARCH_URL
else
  export DATABASE_URL="sqlite:///$WORK/portal.sqlite3"
  unset ELASTICSEARCH_URL
fi
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export DJANGO_SETTINGS_MODULE=portal.settings.production
export SECRET_KEY="bench-only-$(python3 -c 'import secrets; print(secrets.token_hex(24))')"
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false WAGTAILADMIN_BASE_URL="http://127.0.0.1:$PORT"
export STATIC_ROOT="$WORK/static" MEDIA_ROOT="$WORK/media"
if [ "${BENCH_CACHE:-off}" = on ]; then export PAGE_CACHE_SECONDS=600; else export PAGE_CACHE_SECONDS=0; fi

echo "== preparing ($ENGINE)"
$BIN/python manage.py migrate --no-input -v0
$BIN/python manage.py load_demo_content
if [ -n "${BENCH_SCALE_COMMAND:-}" ]; then
  # The scale command indexes what it adds (generate_bulk_content.py runs update_index when it added any).
  # shellcheck disable=SC2086 - the script and its arguments
  time $BIN/python $BENCH_SCALE_COMMAND
elif [ "$ENGINE" = elasticsearch ]; then
  $BIN/python manage.py update_index -v0
fi
$BIN/python manage.py collectstatic --no-input -v0

$BIN/gunicorn portal.wsgi --bind "127.0.0.1:$PORT" --workers "${BENCH_WORKERS:-3}" --log-level warning &
GUNICORN_PID=$!
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done

echo "== locust: ${BENCH_USERS:-20} users for ${BENCH_SECONDS:-30}s against gunicorn (${BENCH_WORKERS:-3} workers)"
$BIN/locust -f bench/locustfile.py --headless --only-summary --host "http://127.0.0.1:$PORT" \
  -u "${BENCH_USERS:-20}" -r "${BENCH_USERS:-20}" -t "${BENCH_SECONDS:-30}s" --csv "$WORK/locust" >/dev/null 2>&1 || true
echo "== $ENGINE, page cache ${BENCH_CACHE:-off}, $(basename "${BENCH_URLS:-bench/urls.txt}")${BENCH_SCALE_COMMAND:+, scaled: $BENCH_SCALE_COMMAND}"
$BIN/python bench/report.py "$WORK/locust_stats.csv"
