#!/usr/bin/env bash
# API-key benchmark: GET /api/v1/recycle/categories with X-API-Key next to the same call with a bearer token and
# next to GET /health, in one run against the dev stack (started here when nothing answers at BASE_URL).
# Seeds USERS accounts with enterprise entitlement (psql), one enterprise key and one access token each; the keys'
# own buckets (6,000 a minute each) are the contract's, so there are enough keys that a run never exhausts them.
# Prints a table and the apikey/bearer RPS ratio (target >= TARGET_RATIO).
# Usage: bench/run-keys.sh [BASE_URL]
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

BASE_URL=${1:-${BASE_URL:-http://127.0.0.1:8080}}
BASE_URL=${BASE_URL%/}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
START_WARMUP=${START_WARMUP:-20s}
COOLDOWN=${COOLDOWN:-2}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
USERS=${USERS:-40}
TIMEOUT=${TIMEOUT:-10s}
SCENARIOS=${SCENARIOS:-health bearer apikey}
READY_TIMEOUT=${READY_TIMEOUT:-180}
TARGET_RATIO=${TARGET_RATIO:-0.90}
BENCH_PASSWORD=${BENCH_PASSWORD:-bench-Passw0rd-eco2}
BENCH_PREFIX=${BENCH_PREFIX:-benchk_$(date +%s)_}
DATABASE_URL=${DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/eco2_bench}
DB_ADMIN_USER=${DB_ADMIN_USER:-postgres}

SERVER_PID=""
WORK=$(mktemp -d "${TMPDIR:-/tmp}/eco2-bench-keys.XXXXXX")

cleanup() {
  local rc=$?
  stop_pid "dev stack" "$SERVER_PID"
  keep_or_remove_work "work files (keys, tokens, wrk output, server log)"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DURATION=$(with_unit "$DURATION")
WARMUP=$(with_unit "$WARMUP")
START_WARMUP=$(with_unit "$START_WARMUP")
TIMEOUT=$(with_unit "$TIMEOUT")

check_settings() {
  [[ $USERS =~ ^[1-9][0-9]*$ ]] || die "USERS must be a positive integer"
  [[ $THREADS =~ ^[1-9][0-9]*$ && $CONNECTIONS =~ ^[1-9][0-9]*$ ]] || die "THREADS and CONNECTIONS must be positive"
  [[ $DATABASE_URL =~ ^jdbc:postgresql://([^/:]+)(:([0-9]+))?/([a-z_][a-z0-9_]*)$ ]] ||
    die "DATABASE_URL must look like jdbc:postgresql://host[:port]/name, got '$DATABASE_URL'"
  PG_HOST=${BASH_REMATCH[1]}
  PG_PORT=${BASH_REMATCH[3]:-5432}
  PG_DB=${BASH_REMATCH[4]}
  local s
  for s in $SCENARIOS; do case $s in health | bearer | apikey) ;; *) die "unknown scenario '$s'" ;; esac; done
}

need_tools() {
  local tool
  for tool in curl psql java; do command -v "$tool" >/dev/null || die "$tool is required"; done
  need_wrk
}

start_stack() {
  local jar="$REPO_DIR/compose/target/eco2-dev.jar"
  if [[ ! -f $jar ]]; then
    log "$jar is missing, building it: mvn -B -DskipTests package (log: $WORK/build.log)"
    (cd "$REPO_DIR" && mvn -B -DskipTests package) >"$WORK/build.log" 2>&1 ||
      { tail -n 40 "$WORK/build.log" >&2; die "maven build failed"; }
  fi
  is_up /health && die "something already answers on $BASE_URL"
  export DATABASE_URL DB_ADMIN_USER
  export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/0}
  export AMQP_URL=${AMQP_URL:-amqp://guest:guest@127.0.0.1:5672/%2F}
  # The general limits stay on with capacities no run exhausts; the keys' tier buckets are the contract's.
  export RATE_LIMIT_DEFAULT=${RATE_LIMIT_DEFAULT:-1000000000/1}
  export RATE_LIMIT_AUTH_REGISTER=${RATE_LIMIT_AUTH_REGISTER:-1000000000/1}
  local -a java_opts=()
  read -r -a java_opts <<<"${JAVA_OPTS:-}"
  log "starting the dev stack (log: $WORK/server.log)"
  (cd "$REPO_DIR" && exec java ${java_opts[@]+"${java_opts[@]}"} -jar "$jar") >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  local deadline=$((SECONDS + READY_TIMEOUT))
  until is_up /ready; do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 40 "$WORK/server.log" >&2; die "the dev stack exited"; }
    ((SECONDS < deadline)) || { tail -n 40 "$WORK/server.log" >&2; die "/ready did not answer"; }
    sleep 1
  done
}

json_field() { sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\([^\"]*\)\".*/\1/p"; }

# USERS accounts: register, raise the entitlement to enterprise, sign in, create one enterprise key.
seed() {
  log "seeding $USERS users with an enterprise key and an access token each"
  : >"$WORK/keys.txt"
  : >"$WORK/tokens.txt"
  local i name token key
  for i in $(seq 1 "$USERS"); do
    name="${BENCH_PREFIX}${i}"
    curl -fsS -o /dev/null -H 'Content-Type: application/json' -H "X-Forwarded-For: 10.9.0.$i" \
      --data-binary "{\"email\":\"$name@bench.eco2.test\",\"username\":\"$name\",\"password\":\"$BENCH_PASSWORD\"}" \
      "$BASE_URL/api/v1/auth/register" || die "register $name failed"
  done
  PGCONNECT_TIMEOUT=5 psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$DB_ADMIN_USER" -d "$PG_DB" \
    -c "UPDATE auth.users SET api_key_entitlement = 'enterprise' WHERE username LIKE '${BENCH_PREFIX}%'" >/dev/null
  for i in $(seq 1 "$USERS"); do
    name="${BENCH_PREFIX}${i}"
    token=$(curl -fsS -H 'Content-Type: application/json' -H "X-Forwarded-For: 10.9.1.$i" \
      --data-binary "{\"email\":\"$name\",\"password\":\"$BENCH_PASSWORD\"}" "$BASE_URL/api/v1/auth/login" |
      json_field access_token)
    [[ -n $token ]] || die "login $name failed"
    key=$(curl -fsS -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
      --data-binary '{"name":"bench","tier":"enterprise"}' "$BASE_URL/api/v1/auth/api-keys" | json_field key)
    [[ -n $key ]] || die "key for $name failed"
    printf '%s\n' "$token" >>"$WORK/tokens.txt"
    printf '%s\n' "$key" >>"$WORK/keys.txt"
  done
  chmod 600 "$WORK/keys.txt" "$WORK/tokens.txt"
  local code
  code=$(curl -sS -o /dev/null -w '%{http_code}' -H "X-API-Key: $(head -n 1 "$WORK/keys.txt")" \
    "$BASE_URL/api/v1/recycle/categories") || code=000
  [[ $code == 200 ]] || die "a key call answered HTTP $code, expected 200"
}

run_wrk() { # scenario duration outfile [connections]
  local connections=${4:-$CONNECTIONS} script=categories.lua url="$BASE_URL/api/v1/recycle/categories"
  local file="$WORK/tokens.txt" auth=bearer
  case $1 in
    health) script=health.lua url="$BASE_URL/health" ;;
    apikey) file="$WORK/keys.txt" auth=key ;;
  esac
  CREDENTIALS_FILE=$file BENCH_AUTH=$auth BENCH_SCENARIO=$1 \
    wrk -t"$((THREADS < connections ? THREADS : connections))" -c"$connections" -d"$2" --timeout "$TIMEOUT" \
    -s "$BENCH_DIR/lua/$script" "$url" >"$3" 2>&1 || { cat "$3" >&2; die "wrk failed for scenario $1"; }
}

main() {
  check_settings
  need_tools
  is_up /health || start_stack
  seed
  if [[ $START_WARMUP != 0s ]]; then
    log "JIT warm-up: bearer and apikey for $START_WARMUP each at 4 connections"
    run_wrk bearer "$START_WARMUP" "$WORK/jit-bearer.txt" 4
    run_wrk apikey "$START_WARMUP" "$WORK/jit-apikey.txt" 4
  fi
  : >"$WORK/results.txt"
  local s
  for s in $SCENARIOS; do run_scenario "$s"; done
  echo
  echo "Eco2 API-key benchmark: $BASE_URL, $CONNECTIONS connections, $THREADS wrk threads, $DURATION per scenario" \
    "after $WARMUP warm-up, $USERS keys and tokens, $(nproc) CPUs, load before: $LOAD_BEFORE"
  awk -f "$BENCH_DIR/summarize.awk" "$WORK/results.txt"
  awk -v target="$TARGET_RATIO" '$1 == "BENCH_RESULT" {
      for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
      rps[f["scenario"]] = f["rps"] }
    END {
      if (!(("apikey" in rps) && ("bearer" in rps) && rps["bearer"] > 0)) exit
      r = rps["apikey"] / rps["bearer"]
      printf "ratio apikey/bearer RPS = %.3f (target >= %.2f: %s)", r, target, (r >= target ? "MET" : "NOT MET")
      if (rps["health"] > 0) printf "; apikey/health = %.3f", rps["apikey"] / rps["health"]
      printf "\n" }' "$WORK/results.txt"
  if [[ -n ${OUT_DIR:-} ]]; then
    mkdir -p "$OUT_DIR"
    find "$WORK" -maxdepth 1 -name '*.txt' ! -name keys.txt ! -name tokens.txt -exec cp {} "$OUT_DIR"/ \;
  fi
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
main "$@"
