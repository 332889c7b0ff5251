-- purchase_products with an Idempotency-Key (soak.sh): every request of a thread carries a new key,
-- except every REPLAY_EVERY-th (BENCH_REPLAY_EVERY, default 4), which sends the previous key and
-- body again and must be answered from the stored response. Keys are unique across threads and
-- runs: BENCH_KEY_PREFIX (set per wrk run), the thread's number and a counter. Buys one unit of one
-- of BENCH_PURCHASE_IDS, as the signed-in customer of BENCH_TOKEN.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")
common.auth()
common.keep_latencies()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local ids = common.list("BENCH_PURCHASE_IDS", "1")
local prefix = os.getenv("BENCH_KEY_PREFIX") or "soak"
local replay_every = tonumber(os.getenv("BENCH_REPLAY_EVERY") or "4")
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_no", threads)
end

local n, last_key, last_body = 0, nil, nil

request = function()
  n = n + 1
  if last_key == nil or n % replay_every ~= 0 then
    last_key = string.format("%s-%d-%d", prefix, thread_no or 0, n)
    last_body = '{"items":[{"product_id":' .. common.pick(ids) .. ',"quantity":1}]}'
  end
  wrk.headers["Idempotency-Key"] = last_key
  return wrk.format(nil, "/ecommerce/v1/purchase_products", nil, last_body)
end
