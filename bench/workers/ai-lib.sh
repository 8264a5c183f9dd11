#!/usr/bin/env bash
# Shared by bench/run-scan.sh and bench/run-chat.sh; sourced after bench/lib.sh. The caller sets BENCH_DIR,
# REPO_DIR and WORK. Everything runs on its own ports, database, Redis index and RabbitMQ vhost, so other stacks on
# the machine (and other benchmark runs) are not disturbed and do not consume this run's queues.

PORT=${PORT:-18080}
FAKE_PORT=${FAKE_PORT:-18091}
BASE_URL="http://127.0.0.1:$PORT"
DB_NAME=${DB_NAME:-eco2_bench_ai}
REDIS_DB=${REDIS_DB:-11}
VHOST=${VHOST:-eco2-bench-ai}
USERS=${USERS:-200}
BENCH_PASSWORD=${BENCH_PASSWORD:-bench-Passw0rd-eco2}
READY_TIMEOUT=${READY_TIMEOUT:-180}
JAR=${JAR:-$REPO_DIR/compose/target/eco2-dev.jar}
LOAD=(java -XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=1 -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 "$BENCH_DIR/workers/AiLoad.java")
SERVER_PID=""
FAKE_PID=""

ai_cleanup() {
  stop_pid "dev stack" "$SERVER_PID"
  stop_pid "fake LLM" "$FAKE_PID"
}

ai_need_tools() {
  local tool
  for tool in java curl psql rabbitmqctl redis-cli; do command -v "$tool" >/dev/null || die "$tool is required"; done
  need_wrk
  # thousands of sockets per process: the client, the launcher and the fake each hold one per stream
  ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  (($(ulimit -n) >= 10000)) || log "warning: ulimit -n is $(ulimit -n); thousands of streams need more"
}

ai_build() {
  [[ -f $JAR ]] && return
  log "$JAR is missing, building it: mvn -o -q -pl compose -am package -DskipTests"
  (cd "$REPO_DIR" && { mvn -o -q -pl compose -am package -DskipTests || mvn -q -pl compose -am package -DskipTests; }) \
    >"$WORK/build.log" 2>&1 || { tail -n 40 "$WORK/build.log" >&2; die "maven build failed"; }
}

# A fresh database, Redis index and broker vhost of our own.
ai_fresh_infra() {
  log "fresh database $DB_NAME, Redis db $REDIS_DB, RabbitMQ vhost $VHOST"
  psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null 2>&1 || true
  rabbitmqctl -q delete_vhost "$VHOST" >/dev/null 2>&1 || true
  rabbitmqctl -q add_vhost "$VHOST" >/dev/null
  rabbitmqctl -q set_permissions -p "$VHOST" guest '.*' '.*' '.*' >/dev/null
  redis-cli -n "$REDIS_DB" flushdb >/dev/null
}

ai_start_fake() {
  curl -fsS --max-time 2 -o /dev/null "http://127.0.0.1:$FAKE_PORT/stats" 2>/dev/null &&
    die "something already answers on port $FAKE_PORT; stop it or set FAKE_PORT"
  java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "$BENCH_DIR/workers/FakeLlm.java" "$FAKE_PORT" >"$WORK/fake.log" 2>&1 &
  FAKE_PID=$!
  for _ in $(seq 1 60); do
    curl -fsS --max-time 2 -o /dev/null "http://127.0.0.1:$FAKE_PORT/stats" 2>/dev/null && return
    kill -0 "$FAKE_PID" 2>/dev/null || { cat "$WORK/fake.log" >&2; die "the fake LLM exited"; }
    sleep 0.5
  done
  die "the fake LLM did not start"
}

ai_fake_config() { # query string, e.g. delay_ms=2000
  curl -fsS --max-time 5 "http://127.0.0.1:$FAKE_PORT/config?$1" >/dev/null || die "cannot configure the fake LLM"
}

# ai_start_launcher NAME [VAR=value ...]: the dev launcher with the given extra environment.
ai_start_launcher() {
  local name=$1
  shift
  is_up /health && die "something already answers on $BASE_URL; stop it or set PORT"
  local -a java_opts=()
  read -r -a java_opts <<<"${JAVA_OPTS:-}"
  log "starting the dev launcher ($name) on port $PORT: java ${JAVA_OPTS:+$JAVA_OPTS }-jar $JAR"
  (cd "$WORK" && exec env PORT="$PORT" ECO2_DEV_DIR="$WORK/dev" LOG_LEVEL="${LOG_LEVEL:-WARN}" \
    DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB_NAME" DB_ADMIN_USER=postgres \
    REDIS_URL="redis://127.0.0.1:6379/$REDIS_DB" AMQP_URL="amqp://guest:guest@127.0.0.1:5672/$VHOST" \
    RATE_LIMIT_DEFAULT=1000000000/1 RATE_LIMIT_AUTH_REGISTER=1000000000/1 \
    "$@" java ${java_opts[@]+"${java_opts[@]}"} -jar "$JAR") >"$WORK/server-$name.log" 2>&1 &
  SERVER_PID=$!
  local deadline=$((SECONDS + READY_TIMEOUT))
  until is_up /ready; do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 40 "$WORK/server-$name.log" >&2; SERVER_PID=""; die "the launcher exited"; }
    ((SECONDS < deadline)) || { tail -n 40 "$WORK/server-$name.log" >&2; die "/ready did not answer in ${READY_TIMEOUT}s"; }
    sleep 1
  done
  log "ready: $(curl -fsS "$BASE_URL/ready")"
}

ai_stop_launcher() {
  stop_pid "dev stack" "$SERVER_PID"
  SERVER_PID=""
}

ai_seed() {
  local t0=$SECONDS
  log "seeding $USERS users (register + sign-in, 8 at a time: two argon2 hashes each)"
  "${LOAD[@]}" seed "$BASE_URL" "$USERS" benchai_u "$BENCH_PASSWORD" "$WORK/tokens.txt" || die "seeding failed"
  chmod 600 "$WORK/tokens.txt"
  log "seeded $(wc -l <"$WORK/tokens.txt") users in $((SECONDS - t0))s"
}

# The bare /health of the same process under wrk: the baseline of this run.
ai_health() { # seconds
  log "baseline: wrk /health, 64 connections, $1 s"
  wrk -t2 -c64 -d"$1s" -s "$BENCH_DIR/lua/health.lua" "$BASE_URL/health" >"$WORK/health.txt" 2>&1 ||
    { cat "$WORK/health.txt" >&2; die "wrk failed"; }
  grep '^BENCH_RESULT ' "$WORK/health.txt" | sed "s/\$/ load=$(cut -d' ' -f1 /proc/loadavg)/" >>"$WORK/results.txt"
}

# Runs one AiLoad measurement; its per-second lines go to stderr, its result line (with the load average at the
# end of the run appended) to results.txt.
ai_measure() { # AiLoad arguments...
  local out="$WORK/run.$RANDOM.txt"
  log "load before: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15-min averages; 2 CPUs)"
  "${LOAD[@]}" "$@" | tee "$out" >&2 || die "the load client failed"
  grep '^BENCH_RESULT ' "$out" | sed "s/\$/ load=$(cut -d' ' -f1 /proc/loadavg)/" >>"$WORK/results.txt" ||
    die "no BENCH_RESULT line"
  grep '^# ' "$out" >>"$WORK/results.txt" || true
}

# The server's threads, grouped by name (digits folded), and where they wait: for a run that shows a bottleneck.
ai_thread_dump() { # label
  [[ -n $SERVER_PID ]] || return 0
  jcmd "$SERVER_PID" Thread.print >"$WORK/threads-$1.txt" 2>/dev/null || return 0
  log "thread dump ($1): $(grep -c '^"' "$WORK/threads-$1.txt") threads, by name:"
  grep '^"' "$WORK/threads-$1.txt" | sed -E 's/^"([^"]*)".*/\1/; s/[0-9]+/N/g' | sort | uniq -c | sort -rn | head -n 15 >&2
}

# ai_measure with a thread dump of the server DUMP_AFTER seconds into the run (while it is under load).
ai_measure_dump() { # dump-label dump-after-seconds AiLoad arguments...
  local label=$1 after=$2
  shift 2
  ( sleep "$after"; ai_thread_dump "$label"; log "sockets: $(ss -s | grep -E '^TCP:' || true)" ) &
  local dumper=$!
  ai_measure "$@"
  wait "$dumper" 2>/dev/null || true
}
