-- get_sales_data as the admin: BENCH_SALES_QUERY is the query string (one year, monthly buckets,
-- include_sales_items=false).
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")
common.auth()
common.keep_latencies()
wrk.path = "/ecommerce/v1/get_sales_data?" .. os.getenv("BENCH_SALES_QUERY")
