-- Scenario: GET /api/v1/locations/bins?lat&lon&radius at random points within 10 km of Seoul City Hall.
-- BENCH_POINTS=0 (default) sends a fresh random point each time (6 decimals, so each search is new work);
-- BENCH_POINTS=n cycles through n fixed points, which a warm-up run puts in the cache.
-- BENCH_RADIUS (default 1000), BENCH_SEED (default 42), BENCH_SCENARIO (the name in the report).
-- Run as: BENCH_POINTS=1000 wrk -t2 -c64 -d15s -s bench/lua/location-bins.lua http://127.0.0.1:8083/health
-- (any URL path: the script sets its own).

local dir = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
local report = dofile(dir .. "report.lua")

local CENTRE_LAT, CENTRE_LON, SPREAD_M, METRES_PER_DEGREE = 37.5663, 126.9779, 10000, 111195.08
local requests = {}
local i = 0
local fresh = true
local radius = 1000

-- Uniform over the disc: sqrt of a uniform radius fraction.
local function point_path()
  local r = SPREAD_M * math.sqrt(math.random())
  local t = 2 * math.pi * math.random()
  local lat = CENTRE_LAT + r * math.cos(t) / METRES_PER_DEGREE
  local lon = CENTRE_LON + r * math.sin(t) / (METRES_PER_DEGREE * math.cos(math.rad(CENTRE_LAT)))
  return string.format("/api/v1/locations/bins?lat=%.6f&lon=%.6f&radius=%d", lat, lon, radius)
end

function init(_args)
  radius = tonumber(os.getenv("BENCH_RADIUS") or "1000")
  local points = tonumber(os.getenv("BENCH_POINTS") or "0")
  local seed = tonumber(os.getenv("BENCH_SEED") or "42")
  if points > 0 then
    fresh = false
    math.randomseed(seed) -- the same pool in every thread
    for n = 1, points do requests[n] = wrk.format("GET", point_path()) end
    i = report.start_index(points)
  else
    math.randomseed(seed + 7919 * (bench_thread_id or 0)) -- luacheck: ignore (set by report.setup)
  end
end

function request()
  if fresh then return wrk.format("GET", point_path()) end
  i = i % #requests + 1
  return requests[i]
end

setup = report.setup
done = report.done(os.getenv("BENCH_SCENARIO") or "bins")
