-- login_user with correct credentials (BENCH_EMAIL, BENCH_PASSWORD; failures would be throttled,
-- successes never are), JSON body.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")
common.keep_latencies()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.path = "/ecommerce/v1/login_user"
wrk.body = '{"email":"' .. os.getenv("BENCH_EMAIL") .. '","password":"' .. os.getenv("BENCH_PASSWORD") .. '"}'
