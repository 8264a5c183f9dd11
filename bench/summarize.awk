# Turns wrk BENCH_RESULT lines (from bench/lua/report.lua) into a table and the
# me/health and profile/health RPS ratios. Other lines are ignored, so raw wrk output can be fed in.
# Usage: awk -v target=0.40 -f bench/summarize.awk results.txt
function field(k,   i, kv) {
  for (i = 2; i <= NF; i++) {
    split($i, kv, "=")
    if (kv[1] == k) return kv[2]
  }
  return ""
}
$1 == "BENCH_RESULT" {
  s = field("scenario")
  rps[s] = field("rps")
  errs = field("http_errors") + field("connect_errors") + field("read_errors") \
       + field("write_errors") + field("timeouts")
  errors[s] = errs
  row[++n] = sprintf("%-8s %12.2f %10.3f %10.3f %10d %8d%s", s, rps[s], field("p50_ms"),
                     field("p99_ms"), field("requests"), errs,
                     s == "checkin" ? "  (409s expected: one paying call per user per day)" \
                     : (errs > 0 ? "  <- errors: see the wrk output above" : ""))
}
# Prints "<s>/health" when both ran: each protected read is judged against the same run's bare /health.
function ratio_line(s,   ratio) {
  if (!((s in rps) && ("health" in rps) && rps["health"] > 0)) return
  ratio = rps[s] / rps["health"]
  printf "ratio %s/health RPS = %.3f (target >= %.2f: %s)%s\n", s, ratio, target,
         (ratio >= target ? "MET" : "NOT MET"),
         ((errors[s] + errors["health"] > 0) ? "  INVALID: " s " or health had errors" : "")
}
END {
  if (target == "") target = 0.40
  printf "%-8s %12s %10s %10s %10s %8s\n", "scenario", "req/s", "p50 ms", "p99 ms", "requests", "errors"
  for (i = 1; i <= n; i++) print row[i]
  ratio_line("me")
  ratio_line("profile")
  if (n == 0) exit 1
}
