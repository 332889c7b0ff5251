-- Shared by the scenario scripts of ./run.sh bench: the bearer token (BENCH_TOKEN), a random pick
-- from a comma-separated list in an environment variable, and the run's latency histogram.
local common = {}

function common.auth()
  local token = os.getenv("BENCH_TOKEN")
  if token and token ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. token
  end
end

function common.list(name, default)
  local values = {}
  for v in string.gmatch(os.getenv(name) or default, "[^,]+") do
    values[#values + 1] = v
  end
  return values
end

function common.pick(values)
  return values[math.random(1, #values)]
end

-- When BENCH_LATENCY_FILE is set, wrk's done() writes every latency the run recorded to it, one
-- "microseconds count" line per distinct value, in ascending order: bench.sh merges the files of a
-- server's slices to give the percentiles of all their requests together.
function common.keep_latencies()
  local file = os.getenv("BENCH_LATENCY_FILE")
  if not file or file == "" then
    return
  end
  done = function(summary, latency, requests)
    local out = assert(io.open(file, "w"))
    for i = 1, #latency do
      local value, count = latency(i)
      out:write(string.format("%d %d\n", value, count))
    end
    out:close()
  end
end

return common
