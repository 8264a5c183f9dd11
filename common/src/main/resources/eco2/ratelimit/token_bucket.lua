-- Token bucket, one round trip: refill by elapsed time, then try to take `cost` tokens.
-- KEYS[1]  bucket hash {tokens, ts}
-- KEYS[2]  optional (ARGV[4] = '1'): a key whose existence is reported (the access-token blacklist)
-- KEYS[n]  optional (ARGV[5] = '1'): a key whose value is returned (a cache entry the route will read),
--          so that a protected request needs one Redis round trip in all
-- KEYS[m]  optional (ARGV[6] = '1'): a second key whose value is returned (the caller's per-user
--          "revoked before" mark, which goes with the blacklist)
-- ARGV[1]  capacity; ARGV[2] refill rate in tokens per second;
-- ARGV[3]  cost: 1 takes a token, 0 only looks, -1 gives one back (a reserved attempt that succeeded)
-- Returns  {allowed, remaining, seconds_until_full, retry_after_seconds, flag_exists, value_or_nothing,
--           mark_or_nothing}
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])

local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or capacity
local ts = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate / 1000)

local allowed = 0
if cost < 0 or tokens >= math.max(cost, 1) then
  allowed = 1
  if cost ~= 0 then
    tokens = math.min(capacity, tokens - cost)
    redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
    redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / rate * 1000) + 1000)
  end
end

local retry_after = 0
if allowed == 0 then retry_after = math.ceil((1 - tokens) / rate) end
local until_full = math.ceil((capacity - tokens) / rate)

local next_key = 2
local flagged = 0
if ARGV[4] == '1' then
  flagged = redis.call('EXISTS', KEYS[next_key])
  next_key = next_key + 1
end
local value = false
if ARGV[5] == '1' then
  value = redis.call('GET', KEYS[next_key])
  next_key = next_key + 1
end
local mark = false
if ARGV[6] == '1' then mark = redis.call('GET', KEYS[next_key]) end

-- A missing value comes back as Lua false, which Redis replies as a nil element: a cache miss.
return {allowed, math.floor(tokens), until_full, retry_after, flagged, value, mark}
