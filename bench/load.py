#!/usr/bin/env python3
"""Concurrent reads and writes against Slugline (only 127.0.0.1), with per-interval figures.

Writes create posts with unique slugs (POST /api/posts); reads fetch a post already created (GET /api/posts/{slug})
or the first page of the list. A write that fails with a connection error or 502/503 is retried once with the same
slug; a 409 on the retry means the first attempt landed. Every request is logged to --log as
"epoch_ms,kind,status,latency_ms" so other scripts can analyse an outage window.
"""
import argparse, base64, http.client, json, os, random, re, sys, threading, time, uuid

p = argparse.ArgumentParser()
p.add_argument("--base", default="127.0.0.1:18740", help="host:port to send traffic to")
p.add_argument("--connections", type=int, default=20)
p.add_argument("--duration", type=float, default=30, help="seconds")
p.add_argument("--write-ratio", type=float, default=0.1)
p.add_argument("--report-every", type=float, default=60, help="seconds between interval lines")
p.add_argument("--heap-from", default="", help="comma list of host:port whose /q/metrics heap is printed per interval")
p.add_argument("--log", default="", help="CSV of every request")
p.add_argument("--created", default="", help="file receiving the slugs acknowledged with 201")
p.add_argument("--prefix", default="load")
a = p.parse_args()
assert all(h.split(":")[0] in ("127.0.0.1", "localhost") for h in [a.base] + [x for x in a.heap_from.split(",") if x])

lock = threading.Lock()
created = []          # slugs acknowledged with 201 (or 409 on a retry of our own write)
interval = []         # latencies (ms) of this interval
stats = {"requests": 0, "errors": 0, "first_attempt_failures": 0, "writes": 0, "reads": 0}
log_lines = []
stop_at = time.time() + a.duration
run = uuid.uuid4().hex[:6]


def api_token():
    """Writes need an editor. Basic logins cost a bcrypt check each, so the editor (the account the bench scripts
    give Slugline, bench/admin.sh) makes one API token, and writes send that."""
    basic = base64.b64encode(f"{os.environ['SLUGLINE_ADMIN_USERNAME']}:{os.environ['SLUGLINE_ADMIN_PASSWORD']}".encode())
    c = http.client.HTTPConnection(*a.base.split(":"), timeout=30)
    c.request("POST", "/api/tokens", body=json.dumps({"name": f"bench {a.prefix} {run}"}),
              headers={"Content-Type": "application/json", "Authorization": "Basic " + basic.decode()})
    r = c.getresponse()
    body = r.read()
    if r.status != 201:
        sys.exit(f"creating an API token failed: {r.status} {body[:200]!r}")
    return json.loads(body)["token"]


editor = api_token()


def request(conn_box, method, path, body=None, headers=None):
    t0 = time.time()
    try:
        if conn_box[0] is None:
            conn_box[0] = http.client.HTTPConnection(*a.base.split(":"), timeout=30)
        conn_box[0].request(method, path, body=body, headers=headers or {})
        r = conn_box[0].getresponse()
        data = r.read()
        status = r.status
        if r.getheader("Connection", "").lower() == "close":
            conn_box[0].close(); conn_box[0] = None
    except Exception:
        if conn_box[0] is not None:
            conn_box[0].close()
        conn_box[0] = None
        status, data = 0, b""
    return status, data, (time.time() - t0) * 1000, t0


def record(kind, status, ms, t0, ok):
    with lock:
        stats["requests"] += 1
        if not ok:
            stats["errors"] += 1
        interval.append(ms)
        if a.log:
            log_lines.append(f"{int(t0 * 1000)},{kind},{status},{ms:.1f}")


def worker(n):
    box = [None]
    i = 0
    while time.time() < stop_at:
        i += 1
        if random.random() < a.write_ratio or not created:
            slug = f"{a.prefix}-{run}-{n}-{i}"
            body = json.dumps({"title": f"Load {slug}", "slug": slug, "markdown": f"Post **{slug}**\n\n" + "text " * 40,
                               "tags": ["load"], "publishedAt": "2024-05-01T09:00:00+02:00"})
            h = {"Content-Type": "application/json", "Authorization": "Bearer " + editor}
            status, _, ms, t0 = request(box, "POST", "/api/posts", body, h)
            ok = status == 201
            if status in (0, 502, 503, 504):
                with lock:
                    stats["first_attempt_failures"] += 1
                time.sleep(0.2)
                status, _, ms2, _ = request(box, "POST", "/api/posts", body, h)
                ms += ms2
                ok = status in (201, 409)
            if ok:
                with lock:
                    created.append(slug)
            with lock:
                stats["writes"] += 1
            record("write", status, ms, t0, ok)
        else:
            if random.random() < 0.2:
                status, _, ms, t0 = request(box, "GET", "/api/posts?size=10")
            else:
                with lock:
                    slug = random.choice(created)
                status, _, ms, t0 = request(box, "GET", "/api/posts/" + slug)
            with lock:
                stats["reads"] += 1
            record("read", status, ms, t0, status == 200)


def heap(hostport):
    try:
        c = http.client.HTTPConnection(*hostport.split(":"), timeout=5)
        c.request("GET", "/q/metrics", headers={"Accept": "text/plain"})
        text = c.getresponse().read().decode()
        used = sum(float(m) for m in re.findall(r'^jvm_memory_used_bytes\{area="heap"[^}]*\} (\S+)$', text, re.M))
        return f"{used / 1048576:.0f} MB"
    except Exception:
        return "n/a"


def percentile(values, q):
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]


threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(a.connections)]
start = time.time()
for t in threads:
    t.start()
last = start
minute = 0
while any(t.is_alive() for t in threads):
    time.sleep(0.5)
    now = time.time()
    if now - last >= a.report_every or not any(t.is_alive() for t in threads):
        with lock:
            lat, interval[:] = list(interval), []
        minute += 1
        heaps = " ".join(f"heap[{h}]={heap(h)}" for h in a.heap_from.split(",") if h)
        print(f"interval {minute} ({now - start:5.0f} s): {len(lat) / (now - last):7.1f} req/s, "
              f"p50 {percentile(lat, .5):6.1f} ms, p99 {percentile(lat, .99):7.1f} ms, errors so far {stats['errors']} {heaps}",
              flush=True)
        last = now
elapsed = time.time() - start
if a.log:
    with open(a.log, "w") as f:
        f.write("\n".join(log_lines) + "\n")
if a.created:
    with open(a.created, "w") as f:
        f.write("\n".join(created) + "\n")
print(f"total: {stats['requests']} requests in {elapsed:.0f} s ({stats['requests'] / elapsed:.1f} req/s), "
      f"{stats['writes']} writes, {stats['reads']} reads, errors {stats['errors']}, "
      f"write first attempts failed and retried {stats['first_attempt_failures']}, posts acknowledged {len(created)}")
