-- The catalog's writes at one connection (bench-catalog.sh), as the admin of BENCH_TOKEN:
-- BENCH_WRITE = create (create_product in category 1), edit (update_product: a new price for a
-- random one of products 1..BENCH_MAX_ID), rename (update_product: a new name and description for
-- a random one of products 20..BENCH_MAX_ID, so its search terms are written again), deactivate (update_product: is_active flipped on a
-- random product of 20..BENCH_MAX_ID) or buy (purchase_products: one unit of a random demo product, 1..19 (20.. are the ones deactivate flips)).
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")
common.auth()
common.keep_latencies()
local kind = os.getenv("BENCH_WRITE")
local max_id = tonumber(os.getenv("BENCH_MAX_ID") or "25")
local n = 0
wrk.headers["Content-Type"] = "application/json"

request = function()
  n = n + 1
  if kind == "create" then
    return wrk.format("PUT", "/ecommerce/v1/create_product",
      nil, string.format('{"product_name":"Bench product %d","description":"Made by the bench","category_id":1,"price":"%d.99"}', n, 1 + n % 500))
  elseif kind == "edit" then
    return wrk.format("PATCH", "/ecommerce/v1/update_product",
      nil, string.format('{"product_id":%d,"price":"%d.49"}', math.random(1, max_id), 1 + n % 900))
  elseif kind == "rename" then
    return wrk.format("PATCH", "/ecommerce/v1/update_product",
      nil, string.format('{"product_id":%d,"product_name":"Renamed walnut lamp %d","description":"Edited by the bench, run %d"}',
        math.random(20, max_id), n, n))
  elseif kind == "deactivate" then
    return wrk.format("PATCH", "/ecommerce/v1/update_product",
      nil, string.format('{"product_id":%d,"is_active":%s}', math.random(20, max_id), n % 2 == 0 and "true" or "false"))
  else
    return wrk.format("POST", "/ecommerce/v1/purchase_products",
      nil, string.format('{"items":[{"product_id":%d,"quantity":1}]}', math.random(1, 19)))
  end
end
