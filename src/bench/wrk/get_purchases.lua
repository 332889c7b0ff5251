-- get_purchases: page 1 (10 purchases with their lines, newest first) as BENCH_TOKEN's user: an
-- admin sees every purchase, a customer their own; BENCH_QUERY adds filters (e.g. "&user_id=2").
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")
common.auth()
local query = os.getenv("BENCH_QUERY") or ""

request = function()
  return wrk.format("GET", "/ecommerce/v1/get_purchases?per_page=10" .. query)
end
