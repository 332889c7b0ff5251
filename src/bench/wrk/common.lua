-- Shared by the scenario scripts of ./run.sh bench: the bearer token (BENCH_TOKEN) and a random
-- pick from a comma-separated list in an environment variable.
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

return common
