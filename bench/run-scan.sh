#!/usr/bin/env bash
# Scan benchmark (issue 12): the dev launcher with a fake OpenAI-compatible vision provider that answers after
# PROVIDER_DELAY_MS (2 s); photo scans submitted at a fixed offered RATE by many users and followed to their
# result over each task's SSE stream; then the offline text path (no LLM_BASE_URL) at OFFLINE_RATES; and the same
# process's bare /health under wrk as the baseline. Prints done/s, p50/p99 submit-to-done, failures, tasks in
# flight, the JVM's threads, heap and RSS, and the server's CPU per scan.
# Usage: bench/run-scan.sh        (settings are env vars; see bench/README.md)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export REPO_DIR
REPO_DIR=$(dirname "$BENCH_DIR")
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/eco2-bench-scan.XXXXXX")
# shellcheck source=bench/workers/ai-lib.sh
# shellcheck source=bench/workers/ai-lib.sh
source "$BENCH_DIR/workers/ai-lib.sh"

RATE=${RATE:-50}
DURATION=${DURATION:-60}
WARMUP_RATE=${WARMUP_RATE:-20}
WARMUP=${WARMUP:-30}
PROVIDER_DELAY_MS=${PROVIDER_DELAY_MS:-2000}
OFFLINE_RATES=${OFFLINE_RATES:-50}
OFFLINE_DURATION=${OFFLINE_DURATION:-30}
HEALTH_SECONDS=${HEALTH_SECONDS:-10}
TARGET_RATE=${TARGET_RATE:-50}
TARGET_P99_MS=${TARGET_P99_MS:-6000}
# Per-user limits the run must not hit: the general bucket is raised by ai_start_launcher.
SCAN_ENV=(SCAN_PREFETCH="${SCAN_PREFETCH:-256}" SCAN_PROVIDER_CONCURRENCY="${SCAN_PROVIDER_CONCURRENCY:-256}")

cleanup() {
  local rc=$?
  ai_cleanup
  keep_or_remove_work "logs, tokens and outputs"
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
        printf "%-22s %10s %10.1f %10.1f %10.1f %7s %7s %8s %8s %8s %9s %6s %s\n", s, "-", kv($0, "rps"), kv($0, "p50_ms"), kv($0, "p99_ms"), kv($0, "http_errors") + kv($0, "timeouts"), "-", "-", "-", "-", "-", kv($0, "load"), "-"
      } else {
        printf "%-22s %10s %10s %10s %10s %7s %7s %8s %8s %8s %9s %6s %s\n", s, kv($0, "offered_per_s"), kv($0, "done_per_s"), kv($0, "p50_ms"), kv($0, "p99_ms"), kv($0, "failed") + kv($0, "rejected"), kv($0, "in_flight_max"), kv($0, "threads_max"), kv($0, "heap_max_mib"), kv($0, "rss_max_mib"), kv($0, "server_cpu_ms_per_scan"), kv($0, "load"), kv($0, "db_pending_max")
      }
    }
    /^# / { print }' "$WORK/results.txt"
}

verdict() {
  awk -v rate="$TARGET_RATE" -v p99="$TARGET_P99_MS" '
    function kv(line, key,   i, n, f, p) { n = split(line, f, " "); for (i = 2; i <= n; i++) { split(f[i], p, "="); if (p[1] == key) return p[2] } return "" }
    /^BENCH_RESULT scenario=scan-image / {
      d = kv($0, "done_per_s"); q = kv($0, "p99_ms"); f = kv($0, "failed") + kv($0, "rejected"); c = kv($0, "server_cpu_ms_per_scan")
      ok = (d >= rate * 0.98 && q < p99 && f == 0)
      printf "photo scans: %.1f done/s, p99 %.0f ms, %d failed (target >= %s/s, p99 < %s ms, 0 failed: %s); server CPU %.1f ms per scan = at most %.0f scans/s on %d cores\n",
        d, q, f, rate, p99, ok ? "MET" : "NOT MET", c, (c > 0 ? 1000 * cores / c : 0), cores
    }' cores="$(nproc)" "$WORK/results.txt"
}

main() {
  ai_need_tools
  ai_build
  ai_fresh_infra
  : >"$WORK/results.txt"
  ai_start_fake
  ai_fake_config "delay_ms=$PROVIDER_DELAY_MS"
  ai_start_launcher provider LLM_BASE_URL="http://127.0.0.1:$FAKE_PORT/v1" LLM_API_KEY=bench-key \
    VISION_MODEL=fake-vision LLM_MODEL=fake-chat "${SCAN_ENV[@]}"
  ai_seed
  ai_health "$HEALTH_SECONDS"
  if ((WARMUP > 0)); then
    log "warm-up (not measured): photo scans at $WARMUP_RATE/s for $WARMUP s"
    "${LOAD[@]}" scan "$BASE_URL" "$WORK/tokens.txt" warmup image "$WARMUP_RATE" "$WARMUP" "$SERVER_PID" >"$WORK/warmup.txt" 2>&1 ||
      { tail "$WORK/warmup.txt" >&2; die "warm-up failed"; }
  fi
  log "photo scans at $RATE/s for $DURATION s, provider latency $PROVIDER_DELAY_MS ms per call (two calls per scan)"
  ai_measure scan "$BASE_URL" "$WORK/tokens.txt" scan-image image "$RATE" "$DURATION" "$SERVER_PID"
  ai_thread_dump scan-image-after
  ai_stop_launcher

  # the offline path: same database and users, no LLM_BASE_URL
  ai_start_launcher offline "${SCAN_ENV[@]}"
  if ((WARMUP > 0)); then
    log "warm-up (not measured): text scans at $WARMUP_RATE/s for $WARMUP s"
    "${LOAD[@]}" scan "$BASE_URL" "$WORK/tokens.txt" warmup text "$WARMUP_RATE" "$WARMUP" "$SERVER_PID" >"$WORK/warmup-offline.txt" 2>&1 ||
      { tail "$WORK/warmup-offline.txt" >&2; die "warm-up failed"; }
  fi
  local r
  for r in $OFFLINE_RATES; do
    log "offline text scans at $r/s for $OFFLINE_DURATION s"
    ai_measure scan "$BASE_URL" "$WORK/tokens.txt" "scan-text-offline@$r" text "$r" "$OFFLINE_DURATION" "$SERVER_PID"
  done

  echo
  echo "Eco2 scan benchmark: $(nproc) CPUs; provider latency $PROVIDER_DELAY_MS ms per call; $USERS users;" \
    "${DURATION}s photo run after a ${WARMUP}s warm-up at $WARMUP_RATE/s; offline ${OFFLINE_DURATION}s per rate; load = 1-min load average at the end of each run"
  printf "%-22s %10s %10s %10s %10s %7s %7s %8s %8s %8s %9s %6s %s\n" scenario offered/s done/s p50_ms p99_ms failed inflight threads heap_MiB rss_MiB cpu_ms/scn load db_wait
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
