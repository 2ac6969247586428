-- wrk script: POST the report in $REPORT to /api/v1/check as a program
-- would (the raw text as the body, its name in the query, the header
-- that passes the API's CSRF check), and count the answers that are not
-- 200 OK.
wrk.method = "POST"
wrk.path = "/api/v1/check?name=report.txt"
wrk.headers["Content-Type"] = "text/plain; charset=utf-8"
wrk.headers["X-Zongjie-API"] = "1"

local f = assert(io.open(os.getenv("REPORT"), "rb"))
wrk.body = f:read("*a")
f:close()

local bad = 0
function response(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local s = summary.duration / 1e6
  io.write(string.format("requests %d in %.1f s: %.0f requests/s, %.1f MB/s of reports\n",
    summary.requests, s, summary.requests / s, summary.requests * #wrk.body / s / 1e6))
  io.write(string.format("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f\n",
    latency:percentile(50) / 1e3, latency:percentile(90) / 1e3, latency:percentile(99) / 1e3,
    latency:percentile(99.9) / 1e3, latency.max / 1e3))
  io.write(string.format("errors: %d connect, %d read, %d write, %d timeout, %d status\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
end
