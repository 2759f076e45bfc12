-- The cogov load harness's wrk script: one script for every scenario, configured by the arguments after "--":
--   mode (get | upload | register), the scenario's folder, wrk's thread count, and a run id.
-- The folder holds tokens.txt (one clerk's access token per line) and lines.txt ("<token index>\t<path or body>",
-- token index -1 for none); an upload also has body.bin and boundary.txt. Each thread takes every n-th line, so no two
-- threads send the same registration. done() prints one line, "HARNESS_RESULT {json}", for the harness to parse.

local nthreads, run
local tokens, lines = {}, {}
local next_line = 1
local upload_body, upload_type
local ring, RING = {}, 300          -- the last requests sent, for retries
local threads = {}
local thread_count = 0

-- Read back by done() through thread:get, so these are globals (done() runs in wrk's main Lua state, without init).
mode, dir, statuses, ids, tripped, retries, sent = nil, nil, {}, {}, 0, 0, 0

function setup(thread)
  thread:set("thread_id", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

function init(args)
  mode, dir, nthreads, run = args[1], args[2], tonumber(args[3]), args[4]
  math.randomseed(os.time() + thread_id * 7919)
  for t in io.lines(dir .. "/tokens.txt") do tokens[#tokens + 1] = t end
  local i = 0
  for line in io.lines(dir .. "/lines.txt") do
    if i % nthreads == thread_id then lines[#lines + 1] = line end
    i = i + 1
  end
  if #lines == 0 then -- fewer lines than threads (one path for all): every thread sends them all
    for line in io.lines(dir .. "/lines.txt") do lines[#lines + 1] = line end
  end
  if mode == "upload" then
    local f = assert(io.open(dir .. "/body.bin", "rb"))
    upload_body = f:read("*a")
    f:close()
    upload_type = "multipart/form-data; boundary=" .. io.open(dir .. "/boundary.txt"):read("*l")
  end
end

local function take()
  local line = lines[next_line]
  next_line = next_line % #lines + 1
  local tab = line:find("\t", 1, true)
  local token = tonumber(line:sub(1, tab - 1))
  local headers = {}
  if token >= 0 then headers["Authorization"] = "Bearer " .. tokens[token + 1] end
  return headers, line:sub(tab + 1)
end

function request()
  if mode == "register" then
    sent = sent + 1
    -- 2 % are a client's retry of a request it sent a while ago (same key, same body): must answer the same sale.
    if sent > RING and math.random() < 0.02 then
      retries = retries + 1
      return ring[(sent - 200 - math.random(0, 99)) % RING + 1]
    end
    local headers, body = take()
    headers["Content-Type"] = "application/json"
    headers["Idempotency-Key"] = run .. "-" .. thread_id .. "-" .. sent
    body = body:gsub("@SOLD_AT@", os.date("!%Y-%m-%dT%H:%M:%SZ"), 1)
    local req = wrk.format("POST", "/mp/v1/registrations", headers, body)
    ring[sent % RING + 1] = req
    return req
  end
  local headers, path = take()
  if mode == "upload" then
    headers["Content-Type"] = upload_type
    return wrk.format("POST", path, headers, upload_body)
  end
  return wrk.format("GET", path, headers)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if mode == "register" and status == 201 then
    -- a sale is named by its public number (the internal id never leaves the server)
    local id = body:match('"number":"(DJ%d+)"')
    if id and not ids[id] then
      ids[id] = true
      if not body:find('"warnings":[]', 1, true) then tripped = tripped + 1 end
    end
  end
end

function done(summary, latency, requests)
  local merged, n_ids, n_tripped, n_retries = {}, 0, 0, 0
  dir = threads[1]:get("dir")
  local out = assert(io.open(dir .. "/ids.txt", "w"))
  for _, t in ipairs(threads) do
    for status, count in pairs(t:get("statuses")) do merged[status] = (merged[status] or 0) + count end
    for id in pairs(t:get("ids")) do
      out:write(id, "\n")
      n_ids = n_ids + 1
    end
    n_tripped = n_tripped + t:get("tripped")
    n_retries = n_retries + t:get("retries")
  end
  out:close()
  local parts = {}
  for status, count in pairs(merged) do parts[#parts + 1] = string.format('"%d":%d', status, count) end
  local e = summary.errors
  io.write(string.format('HARNESS_RESULT {"requests":%d,"duration_us":%d,"p50_us":%d,"p95_us":%d,"p99_us":%d,'
      .. '"socket_errors":%d,"status_errors":%d,"statuses":{%s},"distinct_ids":%d,"tripped":%d,"retries":%d}\n',
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
      e.connect + e.read + e.write + e.timeout, e.status, table.concat(parts, ","), n_ids, n_tripped, n_retries))
end
