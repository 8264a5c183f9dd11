#!/usr/bin/env bash
# Notification worker benchmark: the workers jar in mailbox mode (every mail becomes an .eml file) against the
# machine's PostgreSQL and RabbitMQ; COUNT notification.email events published with confirms, then throughput and
# publish-to-handled p50/p99, next to the same process's bare /health under wrk as the baseline.
# Usage: bench/run-workers.sh          (env knobs: COUNT, DURATION, CONNECTIONS, PORT)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
COUNT=${COUNT:-2000}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
PORT=${PORT:-18095}
DB_NAME=${DB_NAME:-eco2_bench_workers}
EXCHANGE=eco2.events.bench
WORK=$(mktemp -d "${TMPDIR:-/tmp}/eco2-bench-workers.XXXXXX")
JAR=$REPO_DIR/workers/target/workers.jar
SERVER_PID=""

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
cleanup() {
  local rc=$?
  if [[ -n $SERVER_PID ]]; then kill -TERM "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT

[[ -f $JAR ]] || { log "build first: mvn -B -q -DskipTests install"; exit 1; }
command -v wrk >/dev/null || { log "wrk is not installed (apt-get install wrk)"; exit 1; }

psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null
export DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB_NAME" DB_PASSWORD=eco2-dev
env PORT="$PORT" AMQP_EXCHANGE="$EXCHANGE" MAILBOX_DIR="$WORK/mailbox" LOG_LEVEL=WARN \
  MALLOC_ARENA_MAX=2 java -jar "$JAR" >"$WORK/workers.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/ready" >/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { log "workers exited:"; cat "$WORK/workers.log" >&2; exit 1; }
  sleep 0.5
done

log "baseline: wrk /health, $CONNECTIONS connections, $DURATION"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$BENCH_DIR/lua/health.lua" "http://127.0.0.1:$PORT/health" |
  grep BENCH_RESULT
log "publishing $COUNT notification.email events"
java -cp "$JAR" "$BENCH_DIR/workers/NotificationBench.java" "amqp://guest:guest@127.0.0.1:5672/%2F" "$EXCHANGE" \
  "$DATABASE_URL" notification "$COUNT"
log "mail files written: $(find "$WORK/mailbox" -name '*.eml' | wc -l)"
