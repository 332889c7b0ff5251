-- purchase_products under contention: every connection buys one unit of one of the few products
-- in BENCH_PURCHASE_IDS (given a huge stock beforehand), JSON body, no Idempotency-Key.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")
common.auth()
common.keep_latencies()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local ids = common.list("BENCH_PURCHASE_IDS", "1")

request = function()
  return wrk.format(nil, "/ecommerce/v1/purchase_products", nil,
    '{"items":[{"product_id":' .. common.pick(ids) .. ',"quantity":1}]}')
end
