-- Scenario: GET /api/v1/users/me (the my service's cached profile), round-robin over the same tokens as me.lua.
-- Run as: TOKENS_FILE=tokens.txt wrk -t2 -c64 -d15s -s bench/lua/profile.lua http://127.0.0.1:8080/api/v1/users/me
local dir = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
dofile(dir .. "me.lua")
local report = dofile(dir .. "report.lua")
done = report.done("profile")
