-- Scenario (c): POST /api/v1/auth/login with valid credentials, round-robin over users.
-- Run as: BENCH_USERS=1000 BENCH_PASSWORD=... wrk -t2 -c64 -d15s --timeout 10s \
--           -s bench/lua/login.lua http://127.0.0.1:8080/api/v1/auth/login
-- Users are the ones bench/run-auth.sh seeds: <BENCH_PREFIX><%04d n>@<BENCH_EMAIL_DOMAIN>.
-- Only valid logins are sent: the server throttles failed ones, not these.

local dir = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
local report = dofile(dir .. "report.lua")

local requests = {}
local i = 0

local function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    return string.format("\\u%04x", c:byte())
  end) .. '"'
end

-- Runs once per wrk thread (own Lua state); bodies are pre-built here.
function init(_args)
  local users = tonumber(os.getenv("BENCH_USERS") or "1000")
  local prefix = os.getenv("BENCH_PREFIX") or "bench_u"
  local domain = os.getenv("BENCH_EMAIL_DOMAIN") or "bench.eco2.test"
  local password = os.getenv("BENCH_PASSWORD")
  if not password or password == "" then
    error("login.lua: set BENCH_PASSWORD to the password of the seeded users")
  end
  if not users or users < 1 then
    error("login.lua: BENCH_USERS must be a positive number")
  end
  for n = 1, users do
    local email = string.format("%s%04d@%s", prefix, n, domain)
    local body = '{"email":' .. json_string(email) .. ',"password":' .. json_string(password) .. "}"
    -- One client address per user (through the trusted loopback proxy), as in real traffic:
    -- the server's login throttle keys on the client IP.
    local ip = string.format("10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
    local headers = { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = ip }
    requests[n] = wrk.format("POST", nil, headers, body)
  end
  i = report.start_index(#requests)
end

function request()
  i = i % #requests + 1
  return requests[i]
end

setup = report.setup
done = report.done("login")
