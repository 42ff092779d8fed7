-- Takes up to ARGV[2] tokens (default 1: a lease of several spares a replica a call per request)
-- from a client's bucket (KEYS[1]) of ARGV[1] tokens a minute, refilled evenly by Redis's own
-- clock; returns {the tokens granted, 0 when the request is refused, the tokens left}.
-- security/SharedBuckets.
local rate = tonumber(ARGV[1])
local wanted = tonumber(ARGV[2]) or 1
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or rate
local at = tonumber(b[2]) or now
tokens = math.min(rate, tokens + (now - at) / 60000000 * rate)
local granted = math.min(wanted, math.floor(tokens))
tokens = tokens - granted
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], 60000)
return {granted, tostring(tokens)}
