-- wrk script (bench/api-load.sh): requests at a constant rate instead of as fast as the
-- server answers, as wrk2 does; Debian ships only wrk 4. Each wrk thread hands out send
-- slots every <interval> ms (the first script argument) to whichever of its connections is
-- free, so the rate holds while answers stay faster than the connections can cover.
-- Latency is measured from the actual send: a request that waits for a free connection
-- does not count that wait (wrk2 would), which the printed request rate reveals.
local ffi = require("ffi")
ffi.cdef([[
typedef struct { long tv_sec; long tv_usec; } ferry_timeval;
int gettimeofday(ferry_timeval *tv, void *tz);
]])

local tv = ffi.new("ferry_timeval")
local interval, next_slot

local function now_ms()
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000
end

function init(args)
  interval = tonumber(args[1])
end

function delay()
  local now = now_ms()
  -- After a stall of over a second, start afresh rather than firing the backlog at once.
  if next_slot == nil or next_slot < now - 1000 then
    next_slot = now
  end
  local slot = next_slot
  next_slot = next_slot + interval
  return math.max(0, math.floor(slot - now + 0.5))
end

-- One machine-readable line: requests, socket errors (connect, read, write, timeout),
-- status errors (>= 400), duration in µs, then p50, p90, p99 and max latency in ms.
function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT %d %d %d %d %.2f %.2f %.2f %.2f\n", summary.requests,
    errors.connect + errors.read + errors.write + errors.timeout, errors.status, summary.duration,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
