-- Scenario: POST /api/v1/users/me/check-in for many users, round-robin over the tokens of me.lua.
-- Each user's first call of the (Seoul) day pays 5 points (200); every later call is the 409 "already checked
-- in" path, so after the first USERS requests this measures the ledger's conflict path under load. Run as:
-- TOKENS_FILE=tokens.txt wrk -t2 -c64 -d15s -s bench/lua/checkin.lua http://127.0.0.1:8080/api/v1/users/me/check-in
local dir = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
BENCH_METHOD = "POST"
dofile(dir .. "me.lua")
local report = dofile(dir .. "report.lua")

done = report.done("checkin")
