-- Takes a token from a client's bucket (KEYS[1]) of ARGV[1] tokens a minute, refilled evenly by
-- Redis's own clock; returns {1 if the request passes else 0, the tokens left}. security/SharedBuckets.
local rate = tonumber(ARGV[1])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or rate
local at = tonumber(b[2]) or now
tokens = math.min(rate, tokens + (now - at) / 60000000 * rate)
local passed = 0
if tokens >= 1 then
  tokens = tokens - 1
  passed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], 60000)
return {passed, tostring(tokens)}

