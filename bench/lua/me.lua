-- Scenario (b): GET /api/v1/auth/me, round-robin over the bearer tokens of many users.
-- Run as: TOKENS_FILE=tokens.txt wrk -t2 -c64 -d15s -s bench/lua/me.lua \
--           http://127.0.0.1:8080/api/v1/auth/me
-- TOKENS_FILE holds one access token per line. The path comes from the URL; a script that sets the global
-- BENCH_METHOD before loading this one sends that method instead of GET.

local dir = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
local report = dofile(dir .. "report.lua")

local requests = {}
local i = 0

-- Runs once per wrk thread, in that thread's own Lua state, so every thread
-- reads the file itself. Requests are pre-built so request() is a lookup.
function init(_args)
  local path = os.getenv("TOKENS_FILE")
  if not path or path == "" then
    error("me.lua: set TOKENS_FILE to a file with one access token per line")
  end
  local f = assert(io.open(path, "r"))
  for line in f:lines() do
    local token = line:match("^%s*(.-)%s*$")
    if token ~= "" then
      requests[#requests + 1] = wrk.format(BENCH_METHOD or "GET", nil, { Authorization = "Bearer " .. token })
    end
  end
  f:close()
  if #requests == 0 then
    error("me.lua: no tokens in " .. path)
  end
  i = report.start_index(#requests)
end

function request()
  i = i % #requests + 1
  return requests[i]
end

setup = report.setup
done = report.done("me")
