-- Any GET of the API: one of the '|'-separated paths of BENCH_PATHS (after /ecommerce/v1/), picked
-- at random per request, with the bearer token of BENCH_TOKEN when set (bench-catalog.sh).
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")
common.auth()
common.keep_latencies()
local paths = {}
for p in string.gmatch(os.getenv("BENCH_PATHS"), "[^|]+") do
  paths[#paths + 1] = p
end

request = function()
  return wrk.format("GET", "/ecommerce/v1/" .. paths[math.random(1, #paths)])
end
