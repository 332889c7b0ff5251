-- add_inventory as the admin of BENCH_TOKEN (soak.sh): 100 units to one of BENCH_PURCHASE_IDS, at
-- most one request per BENCH_DELAY_MS (default 100) per connection.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")
common.auth()
common.keep_latencies()
wrk.method = "PUT"
wrk.headers["Content-Type"] = "application/json"
local ids = common.list("BENCH_PURCHASE_IDS", "1")
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "100")

request = function()
  return wrk.format(nil, "/ecommerce/v1/add_inventory", nil,
    '{"product_id":' .. common.pick(ids) .. ',"quantity":100}')
end

delay = function()
  return pause
end
