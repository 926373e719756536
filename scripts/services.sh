#!/usr/bin/env bash
# Throwaway PostgreSQL, Elasticsearch and Redis for the test suite and the benchmarks.
#
#   eval "$(scripts/services.sh start)"   # prints `export DATABASE_URL=... ELASTICSEARCH_URL=... CACHE_URL=... SERVICES_DIR=...`
#   scripts/services.sh stop "$SERVICES_DIR"
#
# Only what is not given is started: with DATABASE_URL set no PostgreSQL is started, with ELASTICSEARCH_URL set
# no Elasticsearch, with CACHE_URL set no Redis. Each run gets its own data directory under /tmp and free ports on 127.0.0.1, so
# several checkouts can test at once. Both servers refuse to run as root, so as root they run as an
# unprivileged user (postgres for PostgreSQL, hor-search for Elasticsearch and Redis, created if missing).
#
# Redis: Debian's redis-server, in memory only (no RDB, no AOF), loopback only. The test settings keep their
# local memory cache; CACHE_URL is for the tests that start app servers sharing one cache
# (tests/test_page_cache_shared.py) and for the benchmarks.
#
# Elasticsearch: Maven Central's org.elasticsearch.distribution.integ-test-zip (version below), cached in
# $HOR_CACHE_DIR, run with the machine's JDK, single node, 512 MiB heap, security off (loopback only).
# That distribution leaves out the analysis-common module, so the portal's own small analysis plugin
# (services/elasticsearch-analysis, built here with javac) adds the analysers the portal uses.
set -euo pipefail

ES_VERSION="${ES_VERSION:-8.19.21}"
ES_HEAP="${ES_HEAP:-512m}"
REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "$(id -u)" = 0 ]; then
  CACHE_DIR="${HOR_CACHE_DIR:-/var/cache/hor-portal}"
else
  CACHE_DIR="${HOR_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/hor-portal}"
fi

log() { echo "services: $*" >&2; }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

as_user() {  # as_user USER command... : run as USER when we are root, as ourselves otherwise
  local user="$1"; shift
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

# --- PostgreSQL ----------------------------------------------------------------------------------------

pg_bindir() {
  local dir
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir; return
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && { echo "$dir"; return; }
  done
  return 1
}

start_postgres() {
  local bindir dir port user
  bindir="$(pg_bindir)" || { log "PostgreSQL server binaries not found (install Debian's postgresql package)"; return 1; }
  dir="$SERVICES_DIR/postgres"
  port="$(free_port)"
  user="$(id -un)"
  [ "$(id -u)" = 0 ] && user=postgres
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown "$user" "$dir"
  as_user "$user" "$bindir/initdb" -D "$dir/data" -U portal --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$SERVICES_DIR/postgres-init.log" 2>&1 \
    || { cat "$SERVICES_DIR/postgres-init.log" >&2; return 1; }
  as_user "$user" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$dir/server.log" >&2; return 1; }
  as_user "$user" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U portal portal
  echo "$bindir" >"$SERVICES_DIR/postgres.bindir"
  echo "$user" >"$SERVICES_DIR/postgres.user"
  log "PostgreSQL $("$bindir/postgres" --version | grep -oE "[0-9]+\.[0-9]+" | head -1) on 127.0.0.1:$port"
  echo "export DATABASE_URL=postgres://portal@127.0.0.1:$port/portal"
}

# --- Elasticsearch -------------------------------------------------------------------------------------

java_home() {
  local javac_path
  if [ -n "${ES_JAVA_HOME:-}" ]; then echo "$ES_JAVA_HOME"; return; fi
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then echo "$JAVA_HOME"; return; fi
  javac_path="$(command -v javac)" || { log "no JDK found (install Debian's default-jdk-headless)"; return 1; }
  dirname "$(dirname "$(readlink -f "$javac_path")")"
}

es_user() {
  if [ "$(id -u)" != 0 ]; then id -un; return; fi
  id hor-search >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin hor-search
  echo hor-search
}

prepare_elasticsearch() {  # prints the ready-to-run Elasticsearch home in the cache
  local zip url home plugin_src plugin_hash plugin_dir jhome build
  mkdir -p "$CACHE_DIR"
  zip="$CACHE_DIR/elasticsearch-$ES_VERSION.zip"
  url="https://repo1.maven.org/maven2/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip"
  if [ ! -s "$zip" ]; then
    log "downloading Elasticsearch $ES_VERSION from Maven Central"
    curl -fsSL --retry 3 -o "$zip.part" "$url"
    mv "$zip.part" "$zip"
  fi
  plugin_src="$REPO_DIR/services/elasticsearch-analysis"
  plugin_hash="$(cat "$plugin_src"/src/dortmund/hor/analysis/*.java "$plugin_src/plugin-descriptor.properties" | sha256sum | cut -c1-12)"
  home="$CACHE_DIR/elasticsearch-$ES_VERSION-$plugin_hash"
  if [ ! -x "$home/bin/elasticsearch" ]; then
    log "unpacking Elasticsearch and building the analysis plugin"
    build="$(mktemp -d "$CACHE_DIR/build.XXXXXX")"
    (cd "$build" && unzip -q "$zip")
    jhome="$(java_home)"
    plugin_dir="$build/elasticsearch-$ES_VERSION/plugins/portal-analysis"
    mkdir -p "$plugin_dir" "$build/classes"
    "$jhome/bin/javac" -nowarn -d "$build/classes" \
      -cp "$(ls "$build/elasticsearch-$ES_VERSION"/lib/*.jar | tr '\n' ':')" \
      "$plugin_src"/src/dortmund/hor/analysis/*.java
    "$jhome/bin/jar" cf "$plugin_dir/portal-analysis.jar" -C "$build/classes" .
    sed "s/@ES_VERSION@/$ES_VERSION/" "$plugin_src/plugin-descriptor.properties" >"$plugin_dir/plugin-descriptor.properties"
    rm -rf "$home"
    mv "$build/elasticsearch-$ES_VERSION" "$home"
    rm -rf "$build"
    chmod -R a+rX "$home"
  fi
  echo "$home"
}

start_elasticsearch() {
  local home dir port transport user jhome pid
  home="$(prepare_elasticsearch)"
  jhome="$(java_home)"
  user="$(es_user)"
  dir="$SERVICES_DIR/elasticsearch"
  port="$(free_port)"
  transport="$(free_port)"
  mkdir -p "$dir/config" "$dir/data" "$dir/logs" "$dir/tmp"
  cp -r "$home/config/." "$dir/config/"
  cat >"$dir/config/elasticsearch.yml" <<EOF
cluster.name: hor-portal-test
node.name: hor-portal-test
discovery.type: single-node
network.host: 127.0.0.1
http.port: $port
transport.port: $transport
path.data: $dir/data
path.logs: $dir/logs
xpack.security.enabled: false
action.destructive_requires_name: false
cluster.routing.allocation.disk.threshold_enabled: false
EOF
  # The cache home must be readable by the unprivileged user; a cache under /root would not be.
  if [ "$(id -u)" = 0 ]; then
    chown -R "$user" "$dir"
    runuser -u "$user" -- test -r "$home/bin/elasticsearch" \
      || { log "$home is not readable by $user: set HOR_CACHE_DIR to a directory outside /root"; return 1; }
  fi
  as_user "$user" env ES_JAVA_HOME="$jhome" ES_PATH_CONF="$dir/config" ES_TMPDIR="$dir/tmp" \
    ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP" \
    "$home/bin/elasticsearch" -d -p "$dir/es.pid" >"$dir/startup.log" 2>&1 \
    || { cat "$dir/startup.log" >&2; tail -50 "$dir/logs/"*.log >&2 2>/dev/null; return 1; }
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$port/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; then
      log "Elasticsearch $ES_VERSION on 127.0.0.1:$port"
      echo "export ELASTICSEARCH_URL=http://127.0.0.1:$port"
      return 0
    fi
    sleep 1
  done
  log "Elasticsearch did not become ready in 120 s"
  tail -50 "$dir/logs/"*.log >&2 2>/dev/null || true
  return 1
}

# --- Redis ---------------------------------------------------------------------------------------------

start_redis() {
  local dir port user
  command -v redis-server >/dev/null 2>&1 || { log "redis-server not found (install Debian's redis-server package)"; return 1; }
  user="$(es_user)"
  dir="$SERVICES_DIR/redis"
  port="$(free_port)"
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown "$user" "$dir"
  as_user "$user" redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no --dir "$dir" \
    --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" \
    || { cat "$dir/redis.log" >&2 2>/dev/null; return 1; }
  for _ in $(seq 1 50); do
    if redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then
      log "Redis $(redis-server --version | grep -oE "v=[0-9.]+" | cut -c3-) on 127.0.0.1:$port"
      echo "export CACHE_URL=redis://127.0.0.1:$port/0"
      return 0
    fi
    sleep 0.2
  done
  log "Redis did not answer"
  cat "$dir/redis.log" >&2 2>/dev/null || true
  return 1
}

# --- Commands ------------------------------------------------------------------------------------------

stop_services() {
  local dir="$1" pid
  [ -d "$dir" ] || return 0
  if [ -f "$dir/elasticsearch/es.pid" ]; then
    pid="$(cat "$dir/elasticsearch/es.pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  if [ -f "$dir/redis/redis.pid" ]; then
    pid="$(cat "$dir/redis/redis.pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  if [ -f "$dir/postgres.bindir" ]; then
    as_user "$(cat "$dir/postgres.user")" "$(cat "$dir/postgres.bindir")/pg_ctl" -D "$dir/postgres/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start)
    SERVICES_DIR="$(mktemp -d /tmp/hor-services.XXXXXX)"
    chmod 755 "$SERVICES_DIR"
    echo "export SERVICES_DIR=$SERVICES_DIR"
    trap 'stop_services "$SERVICES_DIR"' ERR
    if [ -z "${DATABASE_URL:-}" ]; then start_postgres; fi
    if [ -z "${ELASTICSEARCH_URL:-}" ]; then start_elasticsearch; fi
    if [ -z "${CACHE_URL:-}" ]; then start_redis; fi
    ;;
  stop)
    stop_services "${2:?usage: services.sh stop SERVICES_DIR}"
    ;;
  prepare-elasticsearch)
    prepare_elasticsearch
    ;;
  *)
    echo "usage: $0 start | stop SERVICES_DIR | prepare-elasticsearch" >&2
    exit 2
    ;;
esac
