-- get_products: a page of 20 (pages from BENCH_PAGES, e.g. "1"), as the signed-in customer.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")
common.auth()
common.keep_latencies()
local pages = common.list("BENCH_PAGES", "1")

request = function()
  return wrk.format("GET", "/ecommerce/v1/get_products?page=" .. common.pick(pages) .. "&per_page=20")
end
