#!/usr/bin/env bash
# Chat benchmark (issue 13): the dev launcher with a fake OpenAI-compatible STREAMING provider (first token after
# 200 ms, then TOKENS tokens at RATE tokens/s), and a non-blocking client holding many concurrent
# POST /api/v1/chat/completions with "stream": true from many users. Scenarios:
#   (a) holding: 60 tokens at 5 tokens/s, HOLD_STREAMS (2,000) concurrent streams;
#   (b) moving:  60 tokens at 20 tokens/s, MOVING_STREAMS (100 500 1000) concurrent streams;
#   (c) offline: no LLM_BASE_URL, non-streaming answers at OFFLINE_CONCURRENCY, answers/s;
# plus the same process's bare /health under wrk. Prints completed/failed, time to first chunk p50/p99, the gap
# between chunks beyond the fake's own interval p99, chunks/s, and the JVM's threads, heap and RSS.
# Usage: bench/run-chat.sh        (settings are env vars; see bench/README.md)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export REPO_DIR
REPO_DIR=$(dirname "$BENCH_DIR")
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/eco2-bench-chat.XXXXXX")
USERS=${USERS:-300}
# shellcheck source=bench/workers/ai-lib.sh
# shellcheck source=bench/workers/ai-lib.sh
source "$BENCH_DIR/workers/ai-lib.sh"

SCENARIOS=${SCENARIOS:-holding moving offline}
HOLD_STREAMS=${HOLD_STREAMS:-2000}
HOLD_SECONDS=${HOLD_SECONDS:-60}
HOLD_TOKENS=${HOLD_TOKENS:-60}
HOLD_RATE=${HOLD_RATE:-5}
MOVING_STREAMS=${MOVING_STREAMS:-100 500 1000}
MOVING_SECONDS=${MOVING_SECONDS:-30}
MOVING_TOKENS=${MOVING_TOKENS:-60}
MOVING_RATE=${MOVING_RATE:-20}
FIRST_MS=${FIRST_MS:-200}
OFFLINE_CONCURRENCY=${OFFLINE_CONCURRENCY:-16}
OFFLINE_SECONDS=${OFFLINE_SECONDS:-20}
WARMUP=${WARMUP:-20}
HEALTH_SECONDS=${HEALTH_SECONDS:-10}
# Per-user limits raised so that USERS users can hold HOLD_STREAMS streams (each user holds several, and a
# finished stream's slot is released just after its [DONE]); both are still checked on every request.
# On 2 CPUs the common ForkJoinPool has parallelism 1, so CompletableFuture runs each async stage on a new thread,
# and HttpClient.sendAsync completes every response through it (see bench/README.md): the launcher gets the flag the
# load client has. JAVA_OPTS= (empty) measures without it.
# The heap is the workers pod's: a 1 GiB memory limit, and the image's -XX:MaxRAMPercentage=75 (compose/Dockerfile).
export JAVA_OPTS=${JAVA_OPTS-"-Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -Xmx768m"}
CHAT_ENV=(CHAT_REQUESTS_PER_MINUTE="${CHAT_REQUESTS_PER_MINUTE:-1000000}" CHAT_STREAMS_PER_USER="${CHAT_STREAMS_PER_USER:-16}")

cleanup() {
  local rc=$?
  ai_cleanup
  keep_or_remove_work "logs, tokens, thread dumps and outputs"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

table() {
  awk '
    function kv(line, key,   i, n, f, p) { n = split(line, f, " "); for (i = 2; i <= n; i++) { split(f[i], p, "="); if (p[1] == key) return p[2] } return "" }
    /^BENCH_RESULT / {
      s = kv($0, "scenario")
      if (s == "health") {
        printf "%-18s %7s %6s %9s %7s %9s %9s %9s %9s %7s %8s %7s %8s %6s %s\n", s, "-", "-", kv($0, "rps") " rps", kv($0, "http_errors") + kv($0, "timeouts"), kv($0, "p50_ms"), kv($0, "p99_ms"), "-", "-", "-", "-", "-", "-", kv($0, "load"), "-"
      } else if (s ~ /^offline/) {
        printf "%-18s %7s %6s %9s %7s %9s %9s %9s %9s %7s %8s %7s %8s %6s %s\n", s, kv($0, "concurrency"), kv($0, "answers"), kv($0, "rps") " rps", kv($0, "failed"), kv($0, "p50_ms"), kv($0, "p99_ms"), "-", "-", kv($0, "threads_max"), kv($0, "heap_max_mib"), kv($0, "rss_max_mib"), kv($0, "server_cpu_ms_per_answer") "ms", kv($0, "load"), "-"
      } else {
        printf "%-18s %7s %6s %9s %7s %9s %9s %9s %9s %7s %8s %7s %8s %6s %s\n", s, kv($0, "streams"), kv($0, "completed"), kv($0, "chunks_per_s"), kv($0, "failed") + kv($0, "still_open"), kv($0, "ttfc_p50_ms"), kv($0, "ttfc_p99_ms"), kv($0, "gap_p50_ms"), kv($0, "gap_p99_ms"), kv($0, "threads_max"), kv($0, "heap_max_mib"), kv($0, "rss_max_mib"), kv($0, "server_cpu_us_per_chunk") "us", kv($0, "load"), kv($0, "db_pending_max")
      }
    }
    /^# / { print }' "$WORK/results.txt"
}

verdict() {
  awk '
    function kv(line, key,   i, n, f, p) { n = split(line, f, " "); for (i = 2; i <= n; i++) { split(f[i], p, "="); if (p[1] == key) return p[2] } return "" }
    /^BENCH_RESULT scenario=holding / {
      f = kv($0, "failed") + kv($0, "still_open")
      ok = (f == 0 && kv($0, "ttfc_p99_ms") < 400 && kv($0, "gap_p99_ms") < 100 && kv($0, "threads_max") < 300 && kv($0, "rss_max_mib") < 1024)
      printf "(a) holding %d streams: %d failed, TTFC p99 %.0f ms, added gap p99 %.0f ms, %d threads, RSS %d MiB (targets 0, < 400 ms, < 100 ms, < 300, < 1024 MiB: %s)\n",
        kv($0, "streams"), f, kv($0, "ttfc_p99_ms"), kv($0, "gap_p99_ms"), kv($0, "threads_max"), kv($0, "rss_max_mib"), ok ? "MET" : "NOT MET"
      # The machine limit: every core busy means the load client and the fake, which share the cores, cap what any
      # server could deliver here. The offered rate is every stream emitting at the rate of the fake.
      offered = kv($0, "streams") * kv($0, "token_rate"); busy = kv($0, "machine_busy") + 0
      printf "    offered %.0f chunks/s, delivered %.0f (%.0f%%); machine %d%% busy: server %.2f cores (%s us/chunk), the rest (load client, fake, PostgreSQL, Redis) %.2f cores\n",
        offered, kv($0, "chunks_per_s"), 100 * kv($0, "chunks_per_s") / offered, busy, kv($0, "server_cpu_cores"), kv($0, "server_cpu_us_per_chunk"), busy / 100 * cores - kv($0, "server_cpu_cores")
    }
    /^BENCH_RESULT scenario=moving@1000 / {
      ok = (kv($0, "chunks_per_s") >= 15000 && kv($0, "ttfc_p99_ms") < 500)
      printf "(b) moving 1,000 streams: %.0f chunks/s, TTFC p99 %.0f ms (aim >= 15,000 chunks/s and < 500 ms: %s); server CPU %s us per chunk = at most %.0f chunks/s on %d cores\n",
        kv($0, "chunks_per_s"), kv($0, "ttfc_p99_ms"), ok ? "MET" : "NOT MET", kv($0, "server_cpu_us_per_chunk"), 1e6 * cores / kv($0, "server_cpu_us_per_chunk"), cores
    }' cores="$(nproc)" "$WORK/results.txt"
}

has() { [[ " $SCENARIOS " == *" $1 "* ]]; }

main() {
  ai_need_tools
  log "ulimit -n $(ulimit -n); ephemeral ports $(tr '\t' - </proc/sys/net/ipv4/ip_local_port_range); tcp_tw_reuse $(cat /proc/sys/net/ipv4/tcp_tw_reuse)"
  ai_build
  ai_fresh_infra
  : >"$WORK/results.txt"
  if has holding || has moving; then
    ai_start_fake
    ai_fake_config "first_ms=$FIRST_MS&tokens=$HOLD_TOKENS&rate=$HOLD_RATE"
    ai_start_launcher provider LLM_BASE_URL="http://127.0.0.1:$FAKE_PORT/v1" LLM_API_KEY=bench-key \
      LLM_MODEL=fake-chat "${CHAT_ENV[@]}"
  else
    ai_start_launcher offline "${CHAT_ENV[@]}"
  fi
  ai_seed
  ai_health "$HEALTH_SECONDS"
  if has holding || has moving; then
    if ((WARMUP > 0)); then
      log "warm-up (not measured): 200 streams at 20 tokens/s for $WARMUP s"
      ai_fake_config "tokens=$MOVING_TOKENS&rate=$MOVING_RATE"
      "${LOAD[@]}" chat "$BASE_URL" "$WORK/tokens.txt" warmup 200 "$WARMUP" "$MOVING_TOKENS" "$MOVING_RATE" "$SERVER_PID" \
        >"$WORK/warmup.txt" 2>&1 || { tail "$WORK/warmup.txt" >&2; die "warm-up failed"; }
    fi
  fi
  if has holding; then
    ai_fake_config "tokens=$HOLD_TOKENS&rate=$HOLD_RATE"
    log "(a) holding: $HOLD_STREAMS streams, $HOLD_TOKENS tokens at $HOLD_RATE tokens/s, $HOLD_SECONDS s"
    ai_measure_dump holding $((HOLD_SECONDS / 2 + 5)) chat "$BASE_URL" "$WORK/tokens.txt" holding "$HOLD_STREAMS" "$HOLD_SECONDS" \
      "$HOLD_TOKENS" "$HOLD_RATE" "$SERVER_PID"
    sleep 5
  fi
  if has moving; then
    ai_fake_config "tokens=$MOVING_TOKENS&rate=$MOVING_RATE"
    local n
    for n in $MOVING_STREAMS; do
      log "(b) moving: $n streams, $MOVING_TOKENS tokens at $MOVING_RATE tokens/s, $MOVING_SECONDS s"
      ai_measure_dump "moving-$n" $((MOVING_SECONDS / 2 + 3)) chat "$BASE_URL" "$WORK/tokens.txt" "moving@$n" "$n" "$MOVING_SECONDS" \
        "$MOVING_TOKENS" "$MOVING_RATE" "$SERVER_PID"
      sleep 5
    done
  fi
  if has offline; then
    if has holding || has moving; then
      ai_stop_launcher
      ai_start_launcher offline "${CHAT_ENV[@]}"
    fi
    log "(c) offline: non-streaming answers at $OFFLINE_CONCURRENCY in flight, $OFFLINE_SECONDS s"
    ai_measure chat-whole "$BASE_URL" "$WORK/tokens.txt" "offline" "$OFFLINE_CONCURRENCY" "$OFFLINE_SECONDS" "$SERVER_PID"
  fi

  echo
  echo "Eco2 chat benchmark: $(nproc) CPUs; fake provider: first token after $FIRST_MS ms; $USERS users" \
    "(CHAT_STREAMS_PER_USER=${CHAT_ENV[1]#*=}); load = 1-min load average at the end of each run"
  printf "%-18s %7s %6s %9s %7s %9s %9s %9s %9s %7s %8s %7s %8s %6s %s\n" scenario streams "done" chunks/s failed ttfc_p50 ttfc_p99 gap_p50 gap_p99 threads heap_MiB rss_MiB cpu/unit load db_wait
  table
  verdict
  if [[ -n ${OUT_DIR:-} ]]; then
    mkdir -p "$OUT_DIR"
    cp "$WORK"/*.txt "$WORK"/*.log "$OUT_DIR"/ 2>/dev/null || true
    rm -f "$OUT_DIR/tokens.txt"
    log "outputs copied to $OUT_DIR"
  fi
}

main "$@"
