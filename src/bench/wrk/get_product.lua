-- get_product: one product picked at random from BENCH_PRODUCT_IDS, as the signed-in customer.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")
common.auth()
common.keep_latencies()
local ids = common.list("BENCH_PRODUCT_IDS", "1")

request = function()
  return wrk.format("GET", "/ecommerce/v1/get_product?product_id=" .. common.pick(ids))
end
