#!/usr/bin/env bash
# Auth benchmark: wrk against GET /health, GET /api/v1/auth/me (many users) and
# POST /api/v1/auth/login in one run, then a table and the me/health RPS ratio.
# Usage: bench/run-auth.sh [BASE_URL]     (see bench/README.md for the env knobs)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

BASE_URL=${1:-${BASE_URL:-http://127.0.0.1:8080}}
BASE_URL=${BASE_URL%/}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-3s}
COOLDOWN=${COOLDOWN:-2}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
USERS=${USERS:-1000}
SEED_PARALLEL=${SEED_PARALLEL:-8}
TIMEOUT=${TIMEOUT:-10s}
SCENARIOS=${SCENARIOS:-health me profile checkin login}
READY_TIMEOUT=${READY_TIMEOUT:-120}
TARGET_RATIO=${TARGET_RATIO:-0.40}
BENCH_PASSWORD=${BENCH_PASSWORD:-bench-Passw0rd-eco2}
BENCH_PREFIX=${BENCH_PREFIX:-bench_u}
BENCH_EMAIL_DOMAIN=${BENCH_EMAIL_DOMAIN:-bench.eco2.test}
export BENCH_PASSWORD BENCH_PREFIX BENCH_EMAIL_DOMAIN BASE_URL

SERVER_PID=""
STARTED_STACK=no
WORK=$(mktemp -d "${TMPDIR:-/tmp}/eco2-bench.XXXXXX")
export SEED_DIR="$WORK/seed"
TOKENS_FILE="$WORK/tokens.txt"

cleanup() {
  local rc=$?
  stop_pid "dev stack" "$SERVER_PID"
  keep_or_remove_work "work files (tokens, wrk output, server log)"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DURATION=$(with_unit "$DURATION")
WARMUP=$(with_unit "$WARMUP")
TIMEOUT=$(with_unit "$TIMEOUT")

check_settings() {
  [[ $USERS =~ ^[1-9][0-9]*$ ]] || die "USERS must be a positive integer, got '$USERS'"
  [[ $SEED_PARALLEL =~ ^[1-9][0-9]*$ ]] || die "SEED_PARALLEL must be a positive integer"
  [[ $THREADS =~ ^[1-9][0-9]*$ && $CONNECTIONS =~ ^[1-9][0-9]*$ ]] ||
    die "THREADS and CONNECTIONS must be positive integers"
  ((CONNECTIONS >= THREADS)) || die "CONNECTIONS ($CONNECTIONS) must be >= THREADS ($THREADS)"
  # The password is pasted into JSON by printf below; keep it free of JSON specials.
  [[ $BENCH_PASSWORD != *[\"\\]* ]] || die "BENCH_PASSWORD must not contain \" or \\"
  local s
  for s in $SCENARIOS; do
    [[ -f $BENCH_DIR/lua/$s.lua ]] || die "unknown scenario '$s' (known: health me profile checkin login)"
  done
}

need_tools() {
  command -v curl >/dev/null || die "curl is required (apt-get install -y curl)"
  need_wrk
}

start_stack() {
  local jar="$REPO_DIR/compose/target/eco2-dev.jar"
  if [[ ! -f $jar ]]; then
    log "$jar is missing, building it: mvn -B -DskipTests package (log: $WORK/build.log)"
    (cd "$REPO_DIR" && mvn -B -DskipTests package) >"$WORK/build.log" 2>&1 ||
      { tail -n 40 "$WORK/build.log" >&2; die "maven build failed"; }
  fi
  # The launcher uses these local services when the variables are set.
  export DATABASE_URL=${DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/eco2_bench}
  export DB_ADMIN_USER=${DB_ADMIN_USER:-postgres}
  export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/0}
  export AMQP_URL=${AMQP_URL:-amqp://guest:guest@127.0.0.1:5672/%2F}
  # Limits stay on (the Lua bucket is part of every request's cost) but with capacities no run can exhaust.
  export RATE_LIMIT_DEFAULT=${RATE_LIMIT_DEFAULT:-1000000000/1}
  export RATE_LIMIT_AUTH_REGISTER=${RATE_LIMIT_AUTH_REGISTER:-1000000000/1}
  log "note: rate limits raised to RATE_LIMIT_DEFAULT=$RATE_LIMIT_DEFAULT so the benchmark is not throttled"
  local -a java_opts=()
  read -r -a java_opts <<<"${JAVA_OPTS:-}"
  log "starting: java ${JAVA_OPTS:+$JAVA_OPTS }-jar compose/target/eco2-dev.jar (log: $WORK/server.log)"
  (cd "$REPO_DIR" && exec java ${java_opts[@]+"${java_opts[@]}"} -jar "$jar") >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  STARTED_STACK=yes
  local t0=$SECONDS deadline=$((SECONDS + READY_TIMEOUT))
  until is_up /ready; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      tail -n 40 "$WORK/server.log" >&2
      SERVER_PID=""
      die "the dev stack exited before $BASE_URL/ready answered (log above)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 40 "$WORK/server.log" >&2
      die "$BASE_URL/ready did not answer 2xx within ${READY_TIMEOUT}s"
    fi
    sleep 1
  done
  log "dev stack is ready after $((SECONDS - t0))s"
}

# One user: register (409 = exists from an earlier run), then log in.
# Runs in a child bash started by xargs; errors go to files, never to the exit code.
client_ip() { printf '10.%d.%d.%d' $(($1 / 65536 % 256)) $(($1 / 256 % 256)) $(($1 % 256)); }

seed_one() {
  local i=$1 name email code
  name=$(printf '%s%04d' "$BENCH_PREFIX" "$i")
  email="$name@$BENCH_EMAIL_DOMAIN"
  code=$(curl -sS --max-time 60 -o "$SEED_DIR/reg.$i" -w '%{http_code}' \
    -H 'Content-Type: application/json' \
    --data-binary "$(printf '{"email":"%s","username":"%s","password":"%s"}' "$email" "$name" "$BENCH_PASSWORD")" \
    "$BASE_URL/api/v1/auth/register" 2>>"$SEED_DIR/curl.$i") || code=000
  if [[ $code != 201 && $code != 409 ]]; then
    printf 'register %s: HTTP %s %s\n' "$name" "$code" "$(head -c 300 "$SEED_DIR/reg.$i" 2>/dev/null)" >"$SEED_DIR/err.$i"
    return 0
  fi
  # Each user signs in from its own client address (sent through the trusted loopback proxy): the login
  # throttle allows at most 5 in-flight attempts per IP, as a real crowd of clients would not share one.
  code=$(curl -sS --max-time 60 -o "$SEED_DIR/login.$i" -w '%{http_code}' \
    -H 'Content-Type: application/json' -H "X-Forwarded-For: $(client_ip "$i")" \
    --data-binary "$(printf '{"email":"%s","password":"%s"}' "$email" "$BENCH_PASSWORD")" \
    "$BASE_URL/api/v1/auth/login" 2>>"$SEED_DIR/curl.$i") || code=000
  local token
  token=$(sed -n 's/.*"access_token"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$SEED_DIR/login.$i" 2>/dev/null)
  if [[ $code != 200 || -z $token ]]; then
    printf 'login %s: HTTP %s %s\n' "$name" "$code" "$(head -c 300 "$SEED_DIR/login.$i" 2>/dev/null)" >"$SEED_DIR/err.$i"
    return 0
  fi
  printf '%s\n' "$token" >"$SEED_DIR/tok.$i"
  rm -f "$SEED_DIR/reg.$i" "$SEED_DIR/login.$i" "$SEED_DIR/curl.$i"
}
export -f seed_one client_ip

seed_users() {
  mkdir -p "$SEED_DIR"
  log "seeding $USERS users (${BENCH_PREFIX}0001@$BENCH_EMAIL_DOMAIN ...) with $SEED_PARALLEL parallel curls"
  local t0=$SECONDS
  # shellcheck disable=SC2016 # $1 is expanded by the child bash, not here
  seq 1 "$USERS" | xargs -P "$SEED_PARALLEL" -I{} bash -c 'seed_one "$1"' _ {}
  local errors
  errors=$(find "$SEED_DIR" -name 'err.*' | wc -l)
  if ((errors > 0)); then
    find "$SEED_DIR" -name 'err.*' | sort -V | head -n 5 | xargs cat >&2
    if [[ $STARTED_STACK == no ]]; then
      log "hint: this server was already running; 429s mean its rate limits are on (restart it with RATE_LIMIT_DEFAULT=1000000000/1 RATE_LIMIT_AUTH_REGISTER=1000000000/1)"
    fi
    log "hint: 401 on login for an existing user means an earlier run used another BENCH_PASSWORD; set BENCH_PREFIX to a new value"
    die "$errors of $USERS users could not be seeded (first errors above)"
  fi
  find "$SEED_DIR" -name 'tok.*' -exec cat {} + >"$TOKENS_FILE"
  chmod 600 "$TOKENS_FILE"
  log "seeded and logged in $(wc -l <"$TOKENS_FILE") users in $((SECONDS - t0))s"
}

# Fail early rather than benchmark a stream of 401s.
preflight() {
  local code token
  token=$(head -n 1 "$TOKENS_FILE")
  code=$(curl -sS --max-time 10 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
    "$BASE_URL/api/v1/auth/me") || code=000
  [[ $code == 200 ]] || die "GET /api/v1/auth/me with a fresh token returned HTTP $code, expected 200"
}

scenario_url() {
  case $1 in
    health) echo "$BASE_URL/health" ;;
    me) echo "$BASE_URL/api/v1/auth/me" ;;
    profile) echo "$BASE_URL/api/v1/users/me" ;;
    checkin) echo "$BASE_URL/api/v1/users/me/check-in" ;;
    login) echo "$BASE_URL/api/v1/auth/login" ;;
  esac
}

run_wrk() { # scenario duration outfile
  TOKENS_FILE=$TOKENS_FILE BENCH_USERS=$USERS \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --timeout "$TIMEOUT" \
    -s "$BENCH_DIR/lua/$1.lua" "$(scenario_url "$1")" >"$3" 2>&1 ||
    { cat "$3" >&2; die "wrk failed for scenario $1"; }
}

main() {
  check_settings
  need_tools
  if is_up /health; then
    log "using the server already answering at $BASE_URL (its rate limits stay as configured)"
  else
    log "$BASE_URL/health does not answer, starting the dev stack"
    start_stack
  fi
  # Both me and login need the seeded users; health does not.
  if [[ " $SCENARIOS " == *" me "* || " $SCENARIOS " == *" profile "* || " $SCENARIOS " == *" checkin "* || " $SCENARIOS " == *" login "* ]]; then
    seed_users
    if [[ " $SCENARIOS " == *" me "* ]]; then preflight; fi
  fi
  : >"$WORK/results.txt"
  for s in $SCENARIOS; do run_scenario "$s"; done

  echo
  echo "Eco2 auth benchmark: $BASE_URL, $CONNECTIONS connections, $THREADS wrk threads," \
    "$DURATION per scenario after $WARMUP warm-up, $USERS users, $(nproc) CPUs," \
    "stack started by this script: $STARTED_STACK$([[ $STARTED_STACK == yes ]] && echo ' (rate limits on, capacities raised)')"
  awk -v target="$TARGET_RATIO" -f "$BENCH_DIR/summarize.awk" "$WORK/results.txt"
  if [[ -n ${OUT_DIR:-} ]]; then
    mkdir -p "$OUT_DIR"
    find "$WORK" -maxdepth 1 -name '*.txt' ! -name tokens.txt -exec cp {} "$OUT_DIR"/ \;
    log "wrk outputs copied to $OUT_DIR"
  fi
}

main "$@"
