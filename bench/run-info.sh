#!/usr/bin/env bash
# Info benchmark: wrk against GET /health, POST /api/v1/recycle/items/search with the search cache off and on,
# and GET /api/v1/recycle/items/{id}, with the curated content plus EXTRA_ITEMS generated items loaded.
# Starts info on its own (java -jar info/target/info.jar) twice: INFO_SEARCH_CACHE=false for the database path,
# then INFO_SEARCH_CACHE=true for the cached one. Prints a table and whether uncached search p99 meets the target.
# Usage: bench/run-info.sh        (settings are env vars; see the list below)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

PORT=${PORT:-8084}
BASE_URL="http://127.0.0.1:$PORT"
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-3s}
START_WARMUP=${START_WARMUP:-40s}
JIT_CONNECTIONS=${JIT_CONNECTIONS:-2}
COOLDOWN=${COOLDOWN:-2}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
TIMEOUT=${TIMEOUT:-10s}
EXTRA_ITEMS=${EXTRA_ITEMS:-10000}
ITEM_IDS=${ITEM_IDS:-1000}
SCENARIOS=${SCENARIOS:-health search_uncached item search_cached}
READY_TIMEOUT=${READY_TIMEOUT:-120}
TARGET_P99_MS=${TARGET_P99_MS:-20}
DATABASE_URL=${DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/eco2_bench_info}
DB_ADMIN_USER=${DB_ADMIN_USER:-postgres}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/0}
JAR="$REPO_DIR/info/target/info.jar"

SERVER_PID=""
WORK=$(mktemp -d "${TMPDIR:-/tmp}/eco2-bench-info.XXXXXX")

stop_server() {
  stop_pid info "$SERVER_PID"
  SERVER_PID=""
}

cleanup() {
  local rc=$?
  stop_server
  keep_or_remove_work "work files (wrk output, server logs)"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DURATION=$(with_unit "$DURATION")
WARMUP=$(with_unit "$WARMUP")
START_WARMUP=$(with_unit "$START_WARMUP")
TIMEOUT=$(with_unit "$TIMEOUT")

check_settings() {
  [[ $EXTRA_ITEMS =~ ^[0-9]+$ && $ITEM_IDS =~ ^[1-9][0-9]*$ ]] || die "EXTRA_ITEMS and ITEM_IDS must be integers"
  [[ $THREADS =~ ^[1-9][0-9]*$ && $CONNECTIONS =~ ^[1-9][0-9]*$ ]] || die "THREADS and CONNECTIONS must be positive"
  ((CONNECTIONS >= THREADS)) || die "CONNECTIONS ($CONNECTIONS) must be >= THREADS ($THREADS)"
  [[ $DATABASE_URL =~ ^jdbc:postgresql://([^/:]+)(:([0-9]+))?/([a-z_][a-z0-9_]*)$ ]] ||
    die "DATABASE_URL must look like jdbc:postgresql://host[:port]/name (no parameters), got '$DATABASE_URL'"
  PG_HOST=${BASH_REMATCH[1]}
  PG_PORT=${BASH_REMATCH[3]:-5432}
  PG_DB=${BASH_REMATCH[4]}
  local s
  for s in $SCENARIOS; do
    case $s in health | search_uncached | search_cached | item) ;; *) die "unknown scenario '$s'" ;; esac
  done
}

need_tools() {
  local tool
  for tool in curl psql java; do command -v "$tool" >/dev/null || die "$tool is required"; done
  need_wrk
}

psql_admin() { PGCONNECT_TIMEOUT=5 psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$DB_ADMIN_USER" "$@"; }

start_server() { # search cache on|off
  if [[ ! -f $JAR ]]; then
    log "$JAR is missing, building it: mvn -B -DskipTests package -pl info -am (log: $WORK/build.log)"
    (cd "$REPO_DIR" && mvn -B -DskipTests package -pl info -am) >"$WORK/build.log" 2>&1 ||
      { tail -n 40 "$WORK/build.log" >&2; die "maven build failed"; }
  fi
  is_up /health && die "something already answers on $BASE_URL; stop it or set PORT"
  log "starting info with INFO_SEARCH_CACHE=$1 on port $PORT (log: $WORK/server-$1.log)"
  # Limits stay on (their Redis script is part of every request's cost) with capacities no run can exhaust.
  local -a java_opts=()
  read -r -a java_opts <<<"${JAVA_OPTS:-}"
  PORT=$PORT DATABASE_URL=$DATABASE_URL DB_ADMIN_USER=$DB_ADMIN_USER REDIS_URL=$REDIS_URL INFO_SEARCH_CACHE=$1 \
    RATE_LIMIT_DEFAULT=${RATE_LIMIT_DEFAULT:-1000000000/1} \
    java ${java_opts[@]+"${java_opts[@]}"} -jar "$JAR" >"$WORK/server-$1.log" 2>&1 &
  SERVER_PID=$!
  local deadline=$((SECONDS + READY_TIMEOUT))
  until is_up /ready; do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 40 "$WORK/server-$1.log" >&2; die "info exited before it was ready"; }
    ((SECONDS < deadline)) || { tail -n 40 "$WORK/server-$1.log" >&2; die "/ready did not answer in ${READY_TIMEOUT}s"; }
    sleep 1
  done
}

# The generated items go in with SQL after the service has migrated and loaded its content (idempotent).
seed() {
  log "adding $EXTRA_ITEMS generated items (bench/info/generate-items.sql)"
  psql_admin -d "$PG_DB" -v count="$EXTRA_ITEMS" -f "$BENCH_DIR/info/generate-items.sql" >/dev/null
  local total
  total=$(psql_admin -d "$PG_DB" -Atc "SELECT count(*) FROM recycle_info.items")
  log "the catalogue holds $total items"
  ITEM_TOTAL=$total
  cut -f1 "$REPO_DIR/info/src/test/resources/search-relevance.tsv" | tail -n +2 | grep -v '^$' >"$WORK/queries.txt"
  # A fixed spread of curated and generated ids, the same on every run.
  psql_admin -d "$PG_DB" -Atc "SELECT id FROM recycle_info.items ORDER BY md5(slug) LIMIT $ITEM_IDS" >"$WORK/ids.txt"
  log "$(wc -l <"$WORK/queries.txt") search queries (the relevance table), $(wc -l <"$WORK/ids.txt") item ids"
  # SQL writes bypass the service, so retire cached search answers by hand when redis-cli is there.
  if command -v redis-cli >/dev/null && [[ $REDIS_URL =~ ^redis://([^/:@]+)(:([0-9]+))?(/([0-9]+))?$ ]]; then
    redis-cli -h "${BASH_REMATCH[1]}" -p "${BASH_REMATCH[3]:-6379}" -n "${BASH_REMATCH[5]:-0}" \
      INCR recycle:search-generation >/dev/null || log "could not bump recycle:search-generation (ignored)"
  fi
}

preflight() {
  local code
  code=$(curl -sS --max-time 10 -o "$WORK/preflight.json" -w '%{http_code}' -H 'Content-Type: application/json' \
    --data-binary '{"query":"페트"}' "$BASE_URL/api/v1/recycle/items/search") || code=000
  if [[ $code != 200 ]] || ! grep -q '"slug":"pet-bottle-clear"' "$WORK/preflight.json"; then
    die "a search for 페트 returned HTTP $code without pet-bottle-clear: $(head -c 300 "$WORK/preflight.json")"
  fi
}

run_wrk() { # scenario duration outfile [connections]
  local script url connections=${4:-$CONNECTIONS}
  case $1 in
    health) script=health.lua url="$BASE_URL/health" ;;
    search_*) script=info-search.lua url="$BASE_URL/api/v1/recycle/items/search" ;;
    item) script=info-item.lua url="$BASE_URL/api/v1/recycle/items" ;;
  esac
  QUERIES_FILE="$WORK/queries.txt" IDS_FILE="$WORK/ids.txt" BENCH_SCENARIO=$1 \
    wrk -t"$((THREADS < connections ? THREADS : connections))" -c"$connections" -d"$2" --timeout "$TIMEOUT" -s "$BENCH_DIR/lua/$script" "$url" >"$3" 2>&1 ||
    { cat "$3" >&2; die "wrk failed for scenario $1"; }
}

# A fresh JVM interprets before the JIT compiles the hot paths; a service that has run for a while is past that.
# The warm-up runs at JIT_CONNECTIONS connections: on two saturated cores the C2 compiler gets a sliver of CPU and
# keeps compiling for minutes, so a warm-up at full load measured a half-compiled server.
warm_jvm() { # scenario
  [[ $START_WARMUP != 0s ]] || return 0
  log "JIT warm-up after start: $1 for $START_WARMUP at $JIT_CONNECTIONS connections"
  run_wrk "$1" "$START_WARMUP" "$WORK/start-warmup-$1.txt" "$JIT_CONNECTIONS"
  sleep "$COOLDOWN"
}

target_line() {
  awk -v target="$TARGET_P99_MS" '$1 == "BENCH_RESULT" {
      for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "p99_ms") p99[$2] = kv[2] } }
    END {
      if (!("scenario=search_uncached" in p99)) exit
      s = p99["scenario=search_uncached"]; health = p99["scenario=health"]
      printf "uncached search p99 = %.1f ms (target < %s ms: %s)", s, target, (s + 0 < target + 0 ? "MET" : "NOT MET")
      if (health > 0) printf "; %.1f x the p99 of /health in this run", s / health
      printf "\n"
    }' "$WORK/results.txt"
}

main() {
  check_settings
  need_tools
  : >"$WORK/results.txt"
  local uncached="" cached="" s
  for s in $SCENARIOS; do [[ $s == search_cached ]] && cached+=" $s" || uncached+=" $s"; done
  if [[ -n $uncached ]]; then
    start_server false
    seed
    preflight
    warm_jvm search_uncached
    for s in $uncached; do run_scenario "$s"; done
    stop_server
  fi
  if [[ -n $cached ]]; then
    start_server true
    [[ -n $uncached ]] || seed
    preflight
    warm_jvm search_cached
    for s in $cached; do run_scenario "$s"; done
    stop_server
  fi

  echo
  echo "Eco2 info benchmark: $BASE_URL, $CONNECTIONS connections, $THREADS wrk threads, $DURATION per scenario" \
    "after $WARMUP warm-up, ${ITEM_TOTAL:-?} items, $(nproc) CPUs, load average before the run: $LOAD_BEFORE"
  awk -f "$BENCH_DIR/summarize.awk" "$WORK/results.txt"
  target_line
  if [[ -n ${OUT_DIR:-} ]]; then
    mkdir -p "$OUT_DIR"
    find "$WORK" -maxdepth 1 -name '*.txt' -exec cp {} "$OUT_DIR"/ \;
    log "wrk outputs copied to $OUT_DIR"
  fi
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
main "$@"
