-- Scenario: GET /api/v1/recycle/items/{id}, cycling through the ids in IDS_FILE (one UUID per line;
-- bench/run-info.sh picks curated and generated items). Item documents are served from recycle:item:{id} once read.
-- Run as: IDS_FILE=ids.txt wrk -t2 -c64 -d15s -s bench/lua/info-item.lua http://127.0.0.1:8084/api/v1/recycle/items
-- The path of the URL is the prefix; each request appends /{id}.

local dir = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
local report = dofile(dir .. "report.lua")

local requests = {}
local i = 0

function init(_args)
  local prefix = wrk.path:gsub("/+$", "")
  requests = report.requests_from("IDS_FILE", "info-item.lua", "item id", function(line)
    return wrk.format("GET", prefix .. "/" .. line)
  end)
  i = report.start_index(#requests)
end

function request()
  i = i % #requests + 1
  return requests[i]
end

setup = report.setup
done = report.done("item")
