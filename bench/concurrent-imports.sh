#!/usr/bin/env bash
# Concurrent imports: starts the packaged Slugline (own database, port, heap), fires N concurrent maximal imports
# (each a zip that unpacks to just under max-expanded-size, with its own posts: bench/GenerateMaxSite.java), and
# samples the server's RSS (/proc/<pid>/status) and GET /q/health/ready while they run. Prints peak RSS, the
# imports' statuses (2xx, 429 with Retry-After) and how readiness answered.
# Usage: bench/concurrent-imports.sh [N, default 6]
# Env: BENCH_PORT (18086), BENCH_DB (slugline_harden), BENCH_HEAP (-Xmx1g), BENCH_MAX_CONCURRENT (2),
#      BENCH_PERMIT_WAIT (PT2S), BENCH_POSTS (posts per import, 500)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-6}
PORT=${BENCH_PORT:-18086}
DB=${BENCH_DB:-slugline_harden}
HEAP=${BENCH_HEAP:--Xmx1g}
POSTS=${BENCH_POSTS:-500}
WORK=$(mktemp -d /tmp/slugline-concurrent.XXXXXX)
source bench/admin.sh
JAR=target/quarkus-app/quarkus-run.jar

[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
echo "Generating $N archives of $POSTS posts each, unpacking to ~395 MB..."
for i in $(seq 1 "$N"); do
  java bench/GenerateMaxSite.java "c$i-$(date +%s)" "$POSTS" "$WORK/site-$i.zip" > /dev/null
done
echo "Archive: $(du -h "$WORK/site-1.zip" | cut -f1) each"

psql -h 127.0.0.1 -U postgres -qc "drop database if exists \"$DB\"" postgres
psql -h 127.0.0.1 -U postgres -qc "create database \"$DB\"" postgres
if (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "Port $PORT is in use: choose another with BENCH_PORT" >&2
  exit 1
fi

QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_IDLE_TIMEOUT=900S QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
  SLUGLINE_IMPORTING_MAX_CONCURRENT=${BENCH_MAX_CONCURRENT:-2} SLUGLINE_IMPORTING_PERMIT_WAIT=${BENCH_PERMIT_WAIT:-PT2S} \
  java $HEAP -jar "$JAR" > "$WORK/server.log" 2>&1 &
SERVER=$!
SAMPLER=
trap 'kill $SERVER 2>/dev/null && wait $SERVER 2>/dev/null || true; [ -n "$SAMPLER" ] && kill $SAMPLER 2>/dev/null || true; rm -f "$WORK"/site-*.zip' EXIT
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$PORT/q/health/ready" > /dev/null 2>&1 && break
  sleep 1
done
IDLE_RSS_KB=$(awk '/VmRSS/ { print $2 }' /proc/$SERVER/status)

# every 250 ms: RSS (KB) and the readiness status with its time (a slow or failed answer counts as not ready)
(
  while kill -0 $SERVER 2>/dev/null; do
    rss=$(awk '/VmRSS/ { print $2 }' /proc/$SERVER/status 2>/dev/null || echo 0)
    ready=$(curl -s -o /dev/null -m 2 -w '%{http_code} %{time_total}' "http://127.0.0.1:$PORT/q/health/ready" || true)
    echo "$(date +%s.%N) $rss ${ready:-000 2}" >> "$WORK/samples.log"
    sleep 0.25
  done
) &
SAMPLER=$!

START=$(date +%s.%N)
CLIENTS=()
for i in $(seq 1 "$N"); do
  curl -sS -u "$SLUGLINE_ADMIN_USERNAME:$SLUGLINE_ADMIN_PASSWORD" -o "$WORK/report-$i.json" -D "$WORK/headers-$i.txt" \
       -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/zip' \
       --data-binary @"$WORK/site-$i.zip" "http://127.0.0.1:$PORT/api/imports" > "$WORK/status-$i.txt" &
  CLIENTS+=($!)
done
wait "${CLIENTS[@]}" || true
END=$(date +%s.%N)
sleep 1
kill $SAMPLER 2>/dev/null || true
SAMPLER=

PEAK_RSS_KB=$(awk '/VmHWM/ { print $2 }' /proc/$SERVER/status)
echo "Imports:               $N concurrent, max-concurrent ${BENCH_MAX_CONCURRENT:-2}, permit-wait ${BENCH_PERMIT_WAIT:-PT2S}, heap $HEAP"
for i in $(seq 1 "$N"); do
  read -r code took < "$WORK/status-$i.txt"
  retry=$(awk 'tolower($1) == "retry-after:" { print $2 }' "$WORK/headers-$i.txt" | tr -d '\r')
  detail=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print('created=%d skipped=%d failed=%d' % (r['created'], r['skipped'], r['failed']) if 'created' in r else r.get('title',''))" "$WORK/report-$i.json" 2>/dev/null || echo "-")
  echo "  import $i:            $code in ${took}s ${retry:+Retry-After $retry }$detail"
done
echo "Statuses:              $(cat "$WORK"/status-*.txt | awk '{ print $1 }' | sort | uniq -c | awk '{ printf "%s x %s  ", $2, $1 }')"
echo "Wall time:             $(python3 -c "import sys; print('%.1f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$START" "$END")s"
echo "RSS idle / peak:       $((IDLE_RSS_KB / 1024)) MB / $((PEAK_RSS_KB / 1024)) MB (VmHWM; sampled max $(awk '{ if ($2 > m) m = $2 } END { printf "%d", m / 1024 }' "$WORK/samples.log") MB)"
echo "Readiness samples:     $(awk '{ c[$3]++ } END { for (k in c) printf "%s x %d  ", k, c[k] }' "$WORK/samples.log")slowest $(awk '{ if ($4 > m) m = $4 } END { printf "%.2f", m }' "$WORK/samples.log")s"
echo "Machine:               $(nproc) cores, $(awk '/MemTotal/ {printf "%d GB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "Date:                  $(date -u +%Y-%m-%dT%H:%MZ)"
echo "Server log:            $WORK/server.log"
