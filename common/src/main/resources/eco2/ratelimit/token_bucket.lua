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
--
-- With ARGV[6] = 'key' the request carries an API key, and the same round trip verifies it and meters it:
-- KEYS[1]  apikey:{prefix}, the record auth writes: status|sha256|tier|family|user|key|expires
-- KEYS[2]  the client IP's bucket, charged instead when the key is not accepted (guessing costs the guesser)
-- KEYS[3]  apikey:used, a sorted set of key ids by last use, which auth writes to its database once a minute
-- ARGV[1..3] the IP bucket's capacity, rate and cost (cost 0 = limits switched off: buckets are only looked at)
-- ARGV[7]  the SHA-256 of the presented key; ARGV[8] the Asia/Seoul month (yyyyMM); ARGV[9] seconds until it ends
-- ARGV[10] the lowest tier rank the route accepts; ARGV[11..19] rank 1..3: tier name, requests a minute, monthly quota
-- The key family's meter, apikey:meter:{family}, is one hash: the tier's bucket (tokens, ts), the month's count
-- (month, used) and the minute its use was last noted in apikey:used (noted). It is named from the record, which a
-- single Redis allows (not Redis Cluster). A request is counted only when both the bucket and the quota allow it.
-- Returns  {allowed, remaining, seconds_until_full, retry_after, 0, record, verdict, quota, used, capacity} where
--          verdict is miss (ask auth), refused, forbidden (tier too low), limited, quota (used up) or ok.
local cost = tonumber(ARGV[3])

local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local function level(key, capacity, rate)
  local state = redis.call('HMGET', key, 'tokens', 'ts')
  local tokens = tonumber(state[1]) or capacity
  local ts = tonumber(state[2]) or now
  return math.min(capacity, tokens + math.max(0, now - ts) * rate / 1000)
end

local function store(key, capacity, rate, tokens)
  redis.call('HSET', key, 'tokens', tostring(tokens), 'ts', tostring(now))
  redis.call('PEXPIRE', key, math.ceil((capacity - tokens) / rate * 1000) + 1000)
end

if ARGV[6] ~= 'key' then
  local capacity = tonumber(ARGV[1])
  local rate = tonumber(ARGV[2])
  local tokens = level(KEYS[1], capacity, rate)

  local allowed = 0
  if cost < 0 or tokens >= math.max(cost, 1) then
    allowed = 1
    if cost ~= 0 then
      tokens = math.min(capacity, tokens - cost)
      store(KEYS[1], capacity, rate, tokens)
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
end

-- API key mode.
local function split(text)
  local out, start = {}, 1
  while true do
    local i = string.find(text, '|', start, true)
    if not i then
      out[#out + 1] = string.sub(text, start)
      return out
    end
    out[#out + 1] = string.sub(text, start, i - 1)
    start = i + 1
  end
end

local function refuse(verdict, record)
  local capacity = tonumber(ARGV[1])
  local rate = tonumber(ARGV[2])
  local allowed, tokens, retry_after = 1, capacity, 0
  if cost ~= 0 then
    tokens = level(KEYS[2], capacity, rate)
    if tokens >= 1 then
      tokens = tokens - 1
      store(KEYS[2], capacity, rate, tokens)
    else
      allowed = 0
      retry_after = math.ceil((1 - tokens) / rate)
    end
  end
  return {allowed, math.floor(tokens), math.ceil((capacity - tokens) / rate), retry_after, 0, record, verdict, 0, 0,
    capacity}
end

local record = redis.call('GET', KEYS[1])
if not record then return refuse('miss', false) end
local f = split(record)
-- Lua strings are interned, so == compares two pointers: the same time whatever the hashes hold.
if #f ~= 7 or f[1] ~= 'ok' or f[2] ~= ARGV[7] then return refuse('refused', false) end
local expires = tonumber(f[7]) or 0
if expires > 0 and expires * 1000 <= now then return refuse('refused', false) end

local rank = nil
for r = 1, 3 do
  if ARGV[8 + 3 * r] == f[3] then rank = r end
end
if not rank then return refuse('refused', false) end
local capacity = tonumber(ARGV[9 + 3 * rank])
local quota = tonumber(ARGV[10 + 3 * rank])
if rank < tonumber(ARGV[10]) then return {1, 0, 0, 0, 0, record, 'forbidden', quota, 0, capacity} end

local rate = capacity / 60
local meter = 'apikey:meter:' .. f[4]
local state = redis.call('HMGET', meter, 'tokens', 'ts', 'month', 'used', 'noted')
local tokens = capacity
if cost ~= 0 then
  tokens = tonumber(state[1]) or capacity
  local ts = tonumber(state[2]) or now
  tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate / 1000)
end
local used = 0
if state[3] == ARGV[8] then used = tonumber(state[4]) or 0 end
local until_full = math.ceil((capacity - tokens) / rate)
if tokens < 1 then
  return {0, 0, until_full, math.ceil((1 - tokens) / rate), 0, record, 'limited', quota, used, capacity}
end
if used >= quota then
  return {0, math.floor(tokens), until_full, tonumber(ARGV[9]), 0, record, 'quota', quota, used, capacity}
end
if cost ~= 0 then
  tokens = tokens - 1
  until_full = math.ceil((capacity - tokens) / rate)
end
used = used + 1
local minute = tostring(math.floor(now / 60000))
if state[5] ~= minute then
  redis.call('ZADD', KEYS[3], tonumber(time[1]), f[6])
  redis.call('HSET', meter, 'tokens', tostring(tokens), 'ts', tostring(now), 'month', ARGV[8], 'used', used,
    'noted', minute)
else
  redis.call('HSET', meter, 'tokens', tostring(tokens), 'ts', tostring(now), 'month', ARGV[8], 'used', used)
end
-- Kept a day past the month, so the month's usage can still be read as it turns.
if used == 1 then redis.call('EXPIRE', meter, tonumber(ARGV[9]) + 86400) end
return {1, math.floor(tokens), until_full, 0, 0, record, 'ok', quota, used, capacity}
