-- wrk script: cycles through the benchmark's query mix against GET /api/search.
-- Write the mix with `BenchCli search --index DIR --queries-out mix.txt` (one query string a line), then:
--   QUERIES=mix.txt wrk -t1 -c1 -d60s --latency -s search-api/bench/wrk-mix.lua http://127.0.0.1:7070
local file = os.getenv("QUERIES") or "mix.txt"
local queries = {}
for line in io.lines(file) do
  if #line > 0 then
    queries[#queries + 1] = line
  end
end
local next = 0
request = function()
  next = next % #queries + 1
  return wrk.format("GET", "/api/search?" .. queries[next])
end
