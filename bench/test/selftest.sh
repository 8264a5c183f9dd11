#!/usr/bin/env bash
# Self-test of the bench harness against bench/test/stub_server.py, so the Lua
# scripts, seeding and summary can be checked without building the real server.
# Usage: bench/test/selftest.sh      (about 20 s; needs wrk, curl, python3)
# shellcheck disable=SC2016 # the awk programs given to check() are single-quoted on purpose
set -euo pipefail

TEST_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BENCH_DIR=$(dirname "$TEST_DIR")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/eco2-bench-selftest.XXXXXX")
STUB_PID=""
passed=0
failed=0

cleanup() {
  if [[ -n $STUB_PID ]]; then kill "$STUB_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

check() { # description, then a command that must succeed
  local what=$1
  shift
  if "$@"; then
    echo "ok   $what"
    passed=$((passed + 1))
  else
    echo "FAIL $what"
    failed=$((failed + 1))
  fi
}

python3 "$TEST_DIR/stub_server.py" 0 >"$WORK/stub.out" 2>&1 &
STUB_PID=$!
for _ in $(seq 1 50); do
  grep -q '^PORT ' "$WORK/stub.out" 2>/dev/null && break
  sleep 0.1
done
port=$(awk '/^PORT /{print $2}' "$WORK/stub.out")
[[ -n $port ]] || { cat "$WORK/stub.out"; echo "stub server did not start"; exit 1; }
base="http://127.0.0.1:$port"
stat() { curl -fsS "$base/_stats" | python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

users=40
run() { DURATION=2 WARMUP=1 COOLDOWN=0 USERS=$users "$BENCH_DIR/run-auth.sh" "$base"; }

run >"$WORK/run1.out" 2>"$WORK/run1.err" && rc=0 || rc=$?
check "first run exits 0" test "$rc" = 0
for s in health me login; do
  check "table has a $s row with a positive req/s" \
    awk -v s="$s" '$1 == s && $2 > 0 { found = 1 } END { exit !found }' "$WORK/run1.out"
  check "wrk printed a BENCH_RESULT line for $s" grep -q "BENCH_RESULT scenario=$s " "$WORK/run1.err"
done
check "ratio line printed" grep -q '^ratio me/health RPS = [0-9.]* (target >= 0.40: ' "$WORK/run1.out"
check "no errors in any scenario" awk '$6 ~ /^[0-9]+$/ && $6 != 0 { bad = 1 } END { exit bad }' "$WORK/run1.out"
check "users registered on the server = $users" test "$(stat users)" = "$users"
check "/me saw the tokens of all $users users" test "$(stat me_distinct_tokens)" = "$users"
check "/me saw no unauthorized request" test "$(stat me_unauthorized)" = 0
check "/login saw all $users users" test "$(stat login_distinct_emails)" = "$users"

run >"$WORK/run2.out" 2>"$WORK/run2.err" && rc=0 || rc=$?
check "second run (users exist: 409) exits 0" test "$rc" = 0
check "second run still seeds all users" grep -q "seeded and logged in $users users" "$WORK/run2.err"

BENCH_PASSWORD=not-the-seeded-one run >"$WORK/run3.out" 2>"$WORK/run3.err" && rc=0 || rc=$?
check "wrong password fails the run" test "$rc" != 0
check "wrong password is explained" grep -q "login bench_u0001: HTTP 401" "$WORK/run3.err"

if ((failed > 0)); then
  echo "--- stderr of the first run:"
  cat "$WORK/run1.err"
fi
echo "selftest: $passed passed, $failed failed"
((failed == 0))
