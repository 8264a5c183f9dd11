#!/usr/bin/env bash
# Location benchmark: loads 100,000 bins around Seoul City Hall, starts location/target/location.jar, then runs wrk
# against GET /health (the baseline) and GET /api/v1/locations/bins at random points within 10 km (radius 1000 m):
# first with LOCATION_CACHE=off, so every search reaches PostgreSQL ("cold"), then with the cache on and warmed.
# Prints RPS and p50/p99 for each, and whether the cold p99 meets the target.
# Usage: bench/run-location.sh        (settings are env vars; see bench/README.md)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

PORT=${PORT:-28083}
BASE_URL="http://127.0.0.1:$PORT"
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-15s}
JIT_WARMUP=${JIT_WARMUP:-40s}
JIT_CONNECTIONS=${JIT_CONNECTIONS:-2}
COOLDOWN=${COOLDOWN:-2}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
TIMEOUT=${TIMEOUT:-10s}
READY_TIMEOUT=${READY_TIMEOUT:-120}
RADIUS=${RADIUS:-1000}
WARM_POINTS=${WARM_POINTS:-1000}
TARGET_P99_MS=${TARGET_P99_MS:-15}
JAR=${JAR:-$REPO_DIR/location/target/location.jar}
export DATABASE_URL=${DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/eco2_bench_location}
export DB_ADMIN_USER=${DB_ADMIN_USER:-postgres}
export DB_ADMIN_PASSWORD=${DB_ADMIN_PASSWORD:-}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/0}
export AMQP_URL=${AMQP_URL:-amqp://guest:guest@127.0.0.1:5672/%2F}

SERVER_PID=""
WORK=$(mktemp -d "${TMPDIR:-/tmp}/eco2-bench-location.XXXXXX")

stop_server() {
  stop_pid location "$SERVER_PID"
  SERVER_PID=""
}

cleanup() {
  local rc=$?
  stop_server
  keep_or_remove_work "wrk outputs and server logs"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DURATION=$(with_unit "$DURATION")
WARMUP=$(with_unit "$WARMUP")
JIT_WARMUP=$(with_unit "$JIT_WARMUP")
TIMEOUT=$(with_unit "$TIMEOUT")

need_tools() {
  local tool
  for tool in curl psql java; do command -v "$tool" >/dev/null || die "$tool is required"; done
  need_wrk
  [[ $THREADS =~ ^[1-9][0-9]*$ && $CONNECTIONS =~ ^[1-9][0-9]*$ ]] || die "THREADS and CONNECTIONS must be positive integers"
  [[ $WARM_POINTS =~ ^[1-9][0-9]*$ ]] || die "WARM_POINTS must be a positive integer"
}

build_jar() {
  [[ -f $JAR ]] && return
  log "$JAR is missing, building it: mvn -B -q -DskipTests package -pl location -am"
  (cd "$REPO_DIR" && mvn -B -q -DskipTests package -pl location -am) >"$WORK/build.log" 2>&1 ||
    { tail -n 40 "$WORK/build.log" >&2; die "maven build failed"; }
}

start_server() { # cache on|off
  is_up /health && die "something already answers on $BASE_URL; stop it or set PORT"
  local -a java_opts=()
  read -r -a java_opts <<<"${JAVA_OPTS:-}"
  log "starting location (LOCATION_CACHE=$1) on port $PORT: java ${JAVA_OPTS:+$JAVA_OPTS }-jar $JAR"
  # Limits stay on (the token bucket is part of every request's cost) with a capacity no run can exhaust.
  PORT=$PORT LOCATION_CACHE=$1 LOCATION_SAMPLE_DATA=false RATE_LIMIT_DEFAULT=1000000000/1 \
    java ${java_opts[@]+"${java_opts[@]}"} -jar "$JAR" >"$WORK/server-cache-$1.log" 2>&1 &
  SERVER_PID=$!
  local deadline=$((SECONDS + READY_TIMEOUT))
  until is_up /ready; do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 40 "$WORK/server-cache-$1.log" >&2; die "location exited early"; }
    ((SECONDS < deadline)) || { tail -n 40 "$WORK/server-cache-$1.log" >&2; die "/ready did not answer in ${READY_TIMEOUT}s"; }
    sleep 1
  done
}

# psql wants host, port and database name; take them from the JDBC URL the service uses.
seed() {
  local rest=${DATABASE_URL#jdbc:postgresql://}
  local hostport=${rest%%/*} db=${rest#*/}
  db=${db%%\?*}
  local host=${hostport%%:*} port=5432
  [[ $hostport == *:* ]] && port=${hostport#*:}
  log "loading 100,000 bench bins into $db (bench/location/seed-bins.sql)"
  PGPASSWORD=$DB_ADMIN_PASSWORD psql -v ON_ERROR_STOP=1 -q -h "$host" -p "$port" -U "$DB_ADMIN_USER" -d "$db" \
    -f "$BENCH_DIR/location/seed-bins.sql" >"$WORK/seed.log" 2>&1 || { cat "$WORK/seed.log" >&2; die "seeding failed"; }
  grep -q 100000 "$WORK/seed.log" || { cat "$WORK/seed.log" >&2; die "expected 100000 bench bins"; }
}

preflight() {
  local body
  body=$(curl -fsS --max-time 10 "$BASE_URL/api/v1/locations/bins?lat=37.5663&lon=126.9779&radius=$RADIUS") ||
    die "GET /api/v1/locations/bins failed"
  [[ $body == *'"distance_m"'* ]] || die "GET /api/v1/locations/bins found no bench bins: $body"
}

run_wrk() { # script scenario duration outfile [points] [connections]
  local connections=${6:-$CONNECTIONS}
  BENCH_SCENARIO=$2 BENCH_POINTS=${5:-0} BENCH_RADIUS=$RADIUS \
    wrk -t"$((THREADS < connections ? THREADS : connections))" -c"$connections" -d"$3" --timeout "$TIMEOUT" -s "$BENCH_DIR/lua/$1.lua" "$BASE_URL/health" \
    >"$4" 2>&1 || { cat "$4" >&2; die "wrk failed for $2"; }
}

# On 2 saturated cores the C2 compiler gets a sliver of CPU and a fresh JVM keeps compiling for minutes, so each
# server first serves JIT_CONNECTIONS connections for JIT_WARMUP: that leaves the compiler idle CPU to catch up.
warm_jit() { # script [points]
  [[ $JIT_WARMUP != 0s ]] || return 0
  log "JIT warm-up: $JIT_WARMUP at $JIT_CONNECTIONS connections"
  run_wrk "$1" jit-warmup "$JIT_WARMUP" "$WORK/jit-warmup-$1-${2:-0}.txt" "${2:-0}" "$JIT_CONNECTIONS"
}

measure() { # script scenario [points]
  if [[ $WARMUP != 0s ]]; then
    log "$2: warm-up $WARMUP"
    run_wrk "$1" "$2" "$WARMUP" "$WORK/$2.warmup.txt" "${3:-0}"
    sleep "$COOLDOWN"
  fi
  log "$2: measuring $DURATION at $CONNECTIONS connections, $THREADS threads"
  run_wrk "$1" "$2" "$DURATION" "$WORK/$2.txt" "${3:-0}"
  sed 's/^/    /' "$WORK/$2.txt" >&2
  grep '^BENCH_RESULT ' "$WORK/$2.txt" >>"$WORK/results.txt" || die "no BENCH_RESULT line for $2"
  sleep "$COOLDOWN"
}

main() {
  need_tools
  build_jar
  : >"$WORK/results.txt"
  start_server off
  seed
  preflight
  warm_jit location-bins
  measure health health
  measure location-bins bins-cold
  stop_server
  start_server on
  # The warm run cycles through WARM_POINTS fixed points; its warm-up (at least 3 s) puts them all in Redis.
  [[ $WARMUP == 0s ]] && WARMUP=3s
  warm_jit location-bins "$WARM_POINTS"
  measure location-bins bins-warm "$WARM_POINTS"

  echo
  echo "Eco2 location benchmark: $CONNECTIONS connections, $THREADS wrk threads, $DURATION per scenario after" \
    "$WARMUP warm-up ($JIT_WARMUP JIT warm-up per server), 100,000 bins within 10 km of City Hall, radius $RADIUS m, $(nproc) CPUs"
  awk -f "$BENCH_DIR/summarize.awk" "$WORK/results.txt"
  awk -v target="$TARGET_P99_MS" '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "p99_ms") p99[$2] = kv[2] } }
    END {
      cold = p99["scenario=bins-cold"]; health = p99["scenario=health"]
      printf "cold bins p99 = %.3f ms (target < %s ms: %s); %.1f x the p99 of /health in this run\n", cold, target,
        (cold < target ? "MET" : "NOT MET"), (health > 0 ? cold / health : 0) }' "$WORK/results.txt"
  if [[ -n ${OUT_DIR:-} ]]; then
    mkdir -p "$OUT_DIR"
    cp "$WORK"/*.txt "$WORK"/*.log "$OUT_DIR"/ 2>/dev/null || true
    log "outputs copied to $OUT_DIR"
  fi
}

main "$@"
