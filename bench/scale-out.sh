#!/usr/bin/env bash
# Two Slugline instances behind nginx on this machine (127.0.0.1 only), concurrent writes and reads through the
# balancer, one instance killed (SIGKILL) mid-run and started again; then prints requests, errors, posts lost and
# whether both instances agree on every post and ETag.
# Usage: bench/scale-out.sh [seconds]  (env: CONNECTIONS=20, WRITE_RATIO=0.3, PORTS base 18740)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-40}
CONNECTIONS=${CONNECTIONS:-20}
WRITE_RATIO=${WRITE_RATIO:-0.3}
LB=18740; A=18741; B=18742
DB=slugline_7_scale
OUT=$(pwd)/bench/out/scale-out; rm -rf "$OUT"; mkdir -p "$OUT"
[[ -f target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -q package -DskipTests
source bench/admin.sh
command -v nginx >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; }

psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $DB" -c "create database $DB"
URL=jdbc:postgresql://127.0.0.1:5432/$DB

start_instance() { # port
  QUARKUS_DATASOURCE_JDBC_URL=$URL QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_HTTP_PORT=$1 \
    java -XX:+UseSerialGC -Xmx256m -jar target/quarkus-app/quarkus-run.jar >>"$OUT/instance-$1.log" 2>&1 &
  echo $! >"$OUT/instance-$1.pid"
}
wait_ready() { for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$1/q/health/ready" && return 0; sleep 0.2; done; return 1; }
cleanup() {
  for port in $A $B; do [[ -f $OUT/instance-$port.pid ]] && kill "$(cat "$OUT/instance-$port.pid")" 2>/dev/null || true; done
  [[ -f $OUT/nginx.pid ]] && kill "$(cat "$OUT/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

cat >"$OUT/nginx.conf" <<NGINX
worker_processes 1;
pid $OUT/nginx.pid;
error_log $OUT/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $OUT/tmp; proxy_temp_path $OUT/tmp;
  upstream slugline { least_conn; server 127.0.0.1:$A max_fails=1 fail_timeout=5s; server 127.0.0.1:$B max_fails=1 fail_timeout=5s; keepalive 32; }
  client_max_body_size 11m;
  server {
    listen 127.0.0.1:$LB;
    location / {
      proxy_pass http://slugline; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_connect_timeout 2s; proxy_read_timeout 30s;
      proxy_next_upstream error timeout http_502 http_503; proxy_next_upstream_tries 2;
    }
  }
}
NGINX
mkdir -p "$OUT/tmp"
start_instance $A; wait_ready $A
start_instance $B; wait_ready $B
nginx -c "$OUT/nginx.conf" -p "$OUT"
wait_ready $LB
echo "two instances on $A and $B behind nginx on $LB; ${DURATION}s of traffic, $CONNECTIONS connections, ${WRITE_RATIO} writes"

python3 bench/load.py --base 127.0.0.1:$LB --connections "$CONNECTIONS" --duration "$DURATION" --write-ratio "$WRITE_RATIO" \
  --report-every 10 --created "$OUT/created.txt" --log "$OUT/requests.csv" --prefix scale &
load=$!
sleep $((DURATION / 3))
echo "killing instance $B (SIGKILL) at $(date -u +%T)"
kill -KILL "$(cat "$OUT/instance-$B.pid")"
sleep $((DURATION / 3))
echo "starting instance $B again at $(date -u +%T)"
start_instance $B
wait $load
wait_ready $B

python3 - "$OUT/created.txt" $A $B <<'PY'
import http.client, sys
slugs = [s for s in open(sys.argv[1]).read().split() if s]
ports = sys.argv[2:]
def get(port, path):
    c = http.client.HTTPConnection("127.0.0.1", int(port), timeout=10)
    c.request("GET", path); r = c.getresponse(); r.read()
    return r.status, r.getheader("ETag"), r.getheader("X-Total-Count")
lost, disagree = [], []
for slug in slugs:
    answers = [get(p, "/api/posts/" + slug) for p in ports]
    if any(s != 200 for s, _, _ in answers):
        lost.append(slug)
    if len({e for _, e, _ in answers}) != 1:
        disagree.append(slug)
totals = [get(p, "/api/posts?size=1")[2] for p in ports]
print(f"posts acknowledged: {len(slugs)}, posts lost: {len(lost)}, instances disagreeing on a post or ETag: {len(disagree)}")
print(f"published posts counted by each instance: {dict(zip(ports, totals))} -> {'agree' if len(set(totals)) == 1 else 'DISAGREE'}")
PY
