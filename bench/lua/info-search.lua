-- Scenario: POST /api/v1/recycle/items/search, cycling through realistic queries (Korean, typos, spacing,
-- English, phrases), one per line in QUERIES_FILE (bench/run-info.sh takes them from the relevance table).
-- Run as: QUERIES_FILE=queries.txt BENCH_SCENARIO=search wrk -t2 -c64 -d15s -s bench/lua/info-search.lua \
--           http://127.0.0.1:8084/api/v1/recycle/items/search
-- Bodies are built in init(), once per thread; request() only picks the next one.

local dir = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
local report = dofile(dir .. "report.lua")

local requests = {}
local i = 0

local function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    return string.format("\\u%04x", c:byte())
  end) .. '"'
end

function init(_args)
  local headers = { ["Content-Type"] = "application/json" }
  requests = report.requests_from("QUERIES_FILE", "info-search.lua", "query", function(line)
    return wrk.format("POST", nil, headers, '{"query":' .. json_string(line) .. "}")
  end)
  i = report.start_index(#requests)
end

function request()
  i = i % #requests + 1
  return requests[i]
end

setup = report.setup
done = report.done(os.getenv("BENCH_SCENARIO") or "search")
