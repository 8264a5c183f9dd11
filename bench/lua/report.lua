-- Shared helpers for the wrk scenario scripts: thread numbering and the
-- machine-readable done() summary that bench/run-auth.sh turns into a table.
--
-- Load it from a scenario script with:
--   local dir = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
--   local report = dofile(dir .. "report.lua")
-- dofile (not require) because wrk's LuaJIT has no package.path pointing here,
-- and the path of the scenario script is the only location we can rely on.
--
-- wrk runs every script in 1 + THREADS separate Lua states: setup() and done()
-- in the main state, init()/request() in one state per thread. This file is
-- therefore loaded once per state; keep it free of side effects.

local M = {}

-- Main state: give each thread a number so threads start at different offsets
-- of the round-robin list instead of all sending user 1, then user 2, ...
local next_thread_id = 0
function M.setup(thread)
  thread:set("bench_thread_id", next_thread_id)
  next_thread_id = next_thread_id + 1
end

-- Thread state: 0-based start index into a list of n prepared requests.
-- 997 is prime, so for n = 1000 the threads start far apart.
function M.start_index(n)
  local id = bench_thread_id or 0 -- luacheck: ignore (global set by M.setup)
  return (id * 997) % n
end

-- The requests of a scenario that reads its inputs from a file named by env var `var`: build(line) for every
-- non-empty line. `script` and `what` (e.g. "item id") word the errors when the variable or the file is empty.
function M.requests_from(var, script, what, build)
  local path = os.getenv(var)
  if not path or path == "" then
    error(script .. ": set " .. var .. " to a file with one " .. what .. " per line")
  end
  local requests = {}
  for line in io.lines(path) do
    if line ~= "" then requests[#requests + 1] = build(line) end
  end
  if #requests == 0 then
    error(script .. ": " .. path .. " holds no " .. what)
  end
  return requests
end

local function ms(us)
  return string.format("%.3f", us / 1000)
end

-- Returns a done() function that prints one line like:
--   BENCH_RESULT scenario=me rps=1234.56 p50_ms=1.234 p99_ms=9.876 ...
-- Fields are key=value, space separated, values never contain spaces.
function M.done(scenario)
  return function(summary, latency, _requests)
    local seconds = summary.duration / 1e6
    local rps = seconds > 0 and summary.requests / seconds or 0
    local e = summary.errors
    io.write(string.format(
      "BENCH_RESULT scenario=%s rps=%.2f p50_ms=%s p90_ms=%s p99_ms=%s mean_ms=%s max_ms=%s"
        .. " requests=%d duration_s=%.2f http_errors=%d connect_errors=%d read_errors=%d"
        .. " write_errors=%d timeouts=%d\n",
      scenario, rps,
      ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(99)),
      ms(latency.mean), ms(latency.max),
      summary.requests, seconds, e.status, e.connect, e.read, e.write, e.timeout))
  end
end

return M
