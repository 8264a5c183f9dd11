-- GET /api/v1/recycle/categories as an API client (X-API-Key) or a signed-in user (bearer), round-robin over the
-- credentials in CREDENTIALS_FILE, one per line. BENCH_AUTH=key sends X-API-Key, anything else a bearer token;
-- BENCH_SCENARIO names the BENCH_RESULT line.
-- Run as: CREDENTIALS_FILE=keys.txt BENCH_AUTH=key BENCH_SCENARIO=apikey wrk -t2 -c64 -d15s \
--           -s bench/lua/categories.lua http://127.0.0.1:8080/api/v1/recycle/categories

local dir = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
local report = dofile(dir .. "report.lua")

local requests = {}
local i = 0

function init(_args)
  local as_key = os.getenv("BENCH_AUTH") == "key"
  requests = report.requests_from("CREDENTIALS_FILE", "categories.lua", "credential", function(line)
    local headers = as_key and { ["X-API-Key"] = line } or { Authorization = "Bearer " .. line }
    return wrk.format("GET", nil, headers)
  end)
  i = report.start_index(#requests)
end

function request()
  i = i % #requests + 1
  return requests[i]
end

setup = report.setup
done = report.done(os.getenv("BENCH_SCENARIO") or "categories")
