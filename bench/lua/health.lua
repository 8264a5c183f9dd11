-- Scenario (a): GET /health, the baseline for what the HTTP stack alone can do.
-- Run as: wrk -t2 -c64 -d15s -s bench/lua/health.lua http://127.0.0.1:8080/health
-- No request() on purpose: wrk then sends one pre-built static request.

local dir = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
local report = dofile(dir .. "report.lua")

done = report.done("health")
