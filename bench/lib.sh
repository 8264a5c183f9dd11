#!/usr/bin/env bash
# Helpers shared by the bench scripts; sourced, never run. The caller sets BASE_URL (for is_up) and WORK (for
# keep_or_remove_work) and defines its own run_wrk SCENARIO DURATION OUTFILE for run_scenario.

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# wrk wants a unit; accept "15" as "15s".
with_unit() { [[ $1 =~ ^[0-9]+$ ]] && echo "${1}s" || echo "$1"; }

is_up() { curl -fsS --max-time 2 -o /dev/null "$BASE_URL$1" 2>/dev/null; }

# wrk, installed with apt-get when running as root.
need_wrk() {
  command -v wrk >/dev/null && return
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    log "wrk not found, installing it with apt-get"
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y wrk >/dev/null 2>&1; } ||
      die "could not install wrk; run: apt-get update && apt-get install -y wrk"
    command -v wrk >/dev/null || die "wrk is still not on PATH after apt-get install"
  else
    die "wrk is required: run 'sudo apt-get install -y wrk'"
  fi
}

# SIGTERM, then up to 20 s for a graceful exit, then SIGKILL.
stop_pid() { # name pid
  local name=$1 pid=$2
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  log "$name did not stop in 20 s, killing pid $pid"
  kill -KILL "$pid" 2>/dev/null || true
}

keep_or_remove_work() { # what the work directory holds
  if [[ ${KEEP_WORK:-0} == 1 ]]; then log "kept $1 in $WORK"; else rm -rf "$WORK"; fi
}

# A WARMUP run that is thrown away, then the measured DURATION run, whose BENCH_RESULT line goes to results.txt.
run_scenario() { # scenario
  local s=$1
  if [[ $WARMUP != 0s ]]; then
    log "$s: warm-up $WARMUP"
    run_wrk "$s" "$WARMUP" "$WORK/$s.warmup.txt"
    sleep "$COOLDOWN"
  fi
  log "$s: measuring $DURATION at $CONNECTIONS connections, $THREADS threads"
  run_wrk "$s" "$DURATION" "$WORK/$s.txt"
  sed 's/^/    /' "$WORK/$s.txt" >&2
  grep -q '^BENCH_RESULT ' "$WORK/$s.txt" || die "no BENCH_RESULT line in the wrk output of $s"
  grep '^BENCH_RESULT ' "$WORK/$s.txt" >>"$WORK/results.txt"
  sleep "$COOLDOWN"
}
