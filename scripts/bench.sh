#!/usr/bin/env bash
# `make bench`: the portal under gunicorn (production settings, demo content) and locust against it.
#   ENGINE=database       (default) SQLite and the database search backend, as `make run`
#   ENGINE=elasticsearch  throwaway PostgreSQL + Elasticsearch from scripts/services.sh
#   ENGINE=postgres       throwaway PostgreSQL and the database search backend (what production falls
#                         back to while Elasticsearch is unreachable)
#   BENCH_USERS=4 BENCH_PHASE_SECONDS=5 BENCH_WORKERS=2   visitors, seconds per URL, gunicorn workers
#   BENCH_CACHE=off       (default) every page built, as before the page cache; `on`: the page cache for
#                         visitors on (PAGE_CACHE_SECONDS=600; in Redis with ENGINE=elasticsearch/postgres,
#                         in each worker's memory with ENGINE=database – nothing is edited during a run);
#                         `both`: two portal servers, every URL measured on each
# First the ceiling: bench/ceiling.py, a bare Django view of 20 KB, under the same gunicorn settings. Then
# each URL on its own for BENCH_PHASE_SECONDS (bench/locustfile.py), on each portal server.
#   BENCH_MIX=search      the search mix: the demo scaled up to 10,000 resources and 2,000 partners
#                         (BENCH_SCALE_COMMAND, default `bench/generate_bulk_content.py ...`) and the URLs of
#                         bench/search-urls.txt; its own database under var/bench-$ENGINE-search
#   BENCH_URLS=file       another URL list; BENCH_SCALE_COMMAND="..." a Python script (and its arguments)
#                         that adds data, run with the project's Python from the repository
#   BENCH_KEEP=1          leave the throwaway services (and the prepared database) running at the end and
#                         write their `export ...` lines to $WORK/services.env
#   BENCH_PREPARE_ONLY=1  prepare (migrate, demo, scale, index), keep the services as BENCH_KEEP=1, exit
#   BENCH_REUSE=file      an env file as BENCH_KEEP writes (or scripts/services.sh prints): measure against
#                         those services' prepared database without preparing it again (nothing is stopped).
#                         One database prepared with ENGINE=elasticsearch serves ENGINE=postgres too (the
#                         database backend's index is written beside Elasticsearch's).
#                         Stop them yourself: scripts/services.sh stop "$SERVICES_DIR" (from the file)
#   BENCH_TREE=dir        serve the portal code of another checkout (e.g. an older commit, `git archive`d
#                         with a .venv link), with this script, ceiling and locustfile: before/after on
#                         the same prepared data (with BENCH_REUSE; that tree's static files go to
#                         $WORK/static-tree)
# Prints requests/second, p50/p95/p99 latency and the share of the ceiling per URL in bench/urls.txt.
# Nothing is asserted.
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
  for pid in ${GUNICORN_PIDS:-}; do kill "$pid" 2>/dev/null || true; wait "$pid" || true; done
  if [ -n "$started" ] && [ -z "${BENCH_KEEP:-}" ]; then scripts/services.sh stop "$started"; fi
}
trap cleanup EXIT

[ -n "${BENCH_PREPARE_ONLY:-}" ] && BENCH_KEEP=1
if [ -n "${BENCH_REUSE:-}" ]; then
  # shellcheck disable=SC1090 - the services' exports
  . "$BENCH_REUSE"
  export DATABASE_URL
  if [ "$ENGINE" = elasticsearch ]; then export ELASTICSEARCH_URL; else unset ELASTICSEARCH_URL; fi
  if [ "$ENGINE" = database ]; then echo "BENCH_REUSE is for ENGINE=elasticsearch or postgres" >&2; exit 2; fi
elif [ "$ENGINE" = elasticsearch ]; then
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
if [ -n "$started" ] && [ -n "${BENCH_KEEP:-}" ]; then
  {
    echo "export SERVICES_DIR=$started"
    echo "export DATABASE_URL=$DATABASE_URL"
    [ -n "${ELASTICSEARCH_URL:-}" ] && echo "export ELASTICSEARCH_URL=$ELASTICSEARCH_URL"
    [ -n "${CACHE_URL:-}" ] && echo "export CACHE_URL=$CACHE_URL"
  } >"$WORK/services.env"
  echo "== services kept: BENCH_REUSE=$WORK/services.env (stop: scripts/services.sh stop $started)"
fi
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
export DJANGO_SETTINGS_MODULE=portal.settings.production
export SECRET_KEY="bench-only-$(python3 -c 'import secrets; print(secrets.token_hex(24))')"
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false
export STATIC_ROOT="$WORK/static" MEDIA_ROOT="$WORK/media"
case "${BENCH_CACHE:-off}" in
  off) CACHE_MODES="off" ;;
  on) CACHE_MODES="on" ;;
  both) CACHE_MODES="off on" ;;
  *) echo "BENCH_CACHE is off, on or both" >&2; exit 2 ;;
esac

if [ -z "${BENCH_REUSE:-}" ]; then
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
fi
TREE="${BENCH_TREE:-$PWD}"
if [ -n "${BENCH_TREE:-}" ]; then
  [ -n "${BENCH_REUSE:-}" ] || { echo "BENCH_TREE needs BENCH_REUSE (a database prepared by this tree)" >&2; exit 2; }
  export STATIC_ROOT="$WORK/static-tree"
fi
(cd "$TREE" && $BIN/python manage.py collectstatic --no-input -v0)
if [ -n "${BENCH_PREPARE_ONLY:-}" ]; then
  echo "== prepared; measure with BENCH_REUSE=$WORK/services.env"
  exit 0
fi

WORKERS="${BENCH_WORKERS:-2}"
GUNICORN_PIDS=""
serve() {  # serve PORT APP [ENV=VALUE...]: gunicorn with the same settings for every server
  local port="$1" app="$2"; shift 2
  env "$@" $BIN/gunicorn "$app" --chdir "${CHDIR:-$PWD}" --bind "127.0.0.1:$port" --workers "$WORKERS" --log-level warning &
  GUNICORN_PIDS="$GUNICORN_PIDS $!"
}
wait_for() {
  for _ in $(seq 1 60); do curl -fs "$1" >/dev/null && return; sleep 0.5; done
  echo "no answer from $1" >&2; exit 1
}
CODE="$(cd "$TREE" && git rev-parse --short HEAD 2>/dev/null || echo "$TREE")"  # what the servers load now
CEILING_PORT="$(free_port)"
serve "$CEILING_PORT" bench.ceiling:application
wait_for "http://127.0.0.1:$CEILING_PORT/ceiling/"
SERVERS=""
for mode in $CACHE_MODES; do
  port="$(free_port)"
  if [ "$mode" = on ]; then seconds=600; else seconds=0; fi
  CHDIR="$TREE" serve "$port" portal.wsgi PAGE_CACHE_SECONDS=$seconds WAGTAILADMIN_BASE_URL="http://127.0.0.1:$port"
  wait_for "http://127.0.0.1:$port/healthz"
  SERVERS="$SERVERS $mode=http://127.0.0.1:$port"
done
export BENCH_SERVERS="$SERVERS" BENCH_CEILING_HOST="http://127.0.0.1:$CEILING_PORT"
PHASE="${BENCH_PHASE_SECONDS:-5}"
export BENCH_PHASE_SECONDS="$PHASE"
URL_COUNT="$(grep -v '^#' "${BENCH_URLS:-bench/urls.txt}" | grep -c '[^[:space:]]')"
PHASES=$((1 + URL_COUNT * $(echo $CACHE_MODES | wc -w)))  # the ceiling, then each URL on each server
SECONDS_TOTAL="$(python3 -c "import math; print(math.ceil($PHASES * $PHASE))")"
# The visitors end the run after the last phase; locust's own limit is only a safety net.
LIMIT=$((SECONDS_TOTAL * 2 + 60))

echo "== locust: ${BENCH_USERS:-4} users, $PHASES phases of ${PHASE}s (${SECONDS_TOTAL}s), gunicorn with $WORKERS workers"
$BIN/locust -f bench/locustfile.py --headless --only-summary --host "http://127.0.0.1:$CEILING_PORT" \
  -u "${BENCH_USERS:-4}" -r "${BENCH_USERS:-4}" -t "${LIMIT}s" --csv "$WORK/locust" >/dev/null 2>&1 || true
echo "== $ENGINE, page cache ${BENCH_CACHE:-off}, code $CODE, $(basename "${BENCH_URLS:-bench/urls.txt}")${BENCH_SCALE_COMMAND:+, scaled: $BENCH_SCALE_COMMAND}, load average $(cut -d' ' -f1-3 /proc/loadavg)"
$BIN/python bench/report.py "$WORK/locust_stats.csv" "$PHASE"
